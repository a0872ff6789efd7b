/**
 * @convene/documents: Convene's outcome documents, rendered from typed models. A plain library (no
 * Nest module, no database): the caller builds a model from the read models and gets bytes or text.
 */
import type { ChairSummaryDocument, SeriesReportDocument } from './document-model.js';

export {
  type ChairSummaryDocument,
  type ConsultationComponent,
  type DateRange,
  DocumentModelError,
  type DocumentStatus,
  type Footnote,
  type Gender,
  GENDERS,
  isUnLanguage,
  type KeyPoint,
  type NotedText,
  type ParticipationReport,
  type Passage,
  type RegionalCoverage,
  type SeriesOverview,
  type SeriesReportDocument,
  type SummarySection,
  type Tally,
  UN_LANGUAGES,
  type UnLanguage,
  type Venue,
} from './document-model.js';
export { datesAndVenue, formatDateRange, formatInstant } from './house-style/dates.js';
export { renderChairSummaryMarkdown, renderSeriesReportMarkdown } from './render/markdown/markdown.js';
export { renderChairSummaryHtml, renderSeriesReportHtml } from './render/html/html.js';

// DOCX and PDF load their libraries (docx; pdfkit, fontkit and the fonts) with the first document of
// their kind, not when a process starts: together they were a quarter of the API's start-up CPU,
// paid again by every restart and by the relay and projector, which never render anything.
const docx = () => import('./render/docx/docx.js');
const pdf = () => import('./render/pdf/pdf.js');
export const renderChairSummaryDocx = async (doc: ChairSummaryDocument): Promise<Buffer> => (await docx()).renderChairSummaryDocx(doc);
export const renderSeriesReportDocx = async (report: SeriesReportDocument): Promise<Buffer> => (await docx()).renderSeriesReportDocx(report);
export const renderChairSummaryPdf = async (doc: ChairSummaryDocument): Promise<Buffer> => (await pdf()).renderChairSummaryPdf(doc);
export const renderSeriesReportPdf = async (report: SeriesReportDocument): Promise<Buffer> => (await pdf()).renderSeriesReportPdf(report);
export { renderParticipationHtml } from './render/participation/participation-html.js';
export { renderParticipationCsv } from './render/participation/participation-csv.js';
