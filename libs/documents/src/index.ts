/**
 * @convene/documents: Convene's outcome documents, rendered from typed models. A plain library (no
 * Nest module, no database): the caller builds a model from the read models and gets bytes or text.
 */
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
export { renderChairSummaryDocx, renderSeriesReportDocx } from './render/docx/docx.js';
export { renderChairSummaryPdf, renderSeriesReportPdf } from './render/pdf/pdf.js';
export { renderParticipationHtml } from './render/participation/participation-html.js';
export { renderParticipationCsv } from './render/participation/participation-csv.js';
