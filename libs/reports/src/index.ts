/** @convene/reports: Chair's summaries, series reports and participation reports as documents, current or as of an instant (issue 6). */
export { ReportsModule } from './reports.module.js';
export { type ReportProgress, type ReportRequest, Reports, type ReportViewer } from './reports.js';
export { chairSummaryDocument, type ChairSummaryInputs, type ReportNames } from './model/chair-summary.model.js';
export { seriesReportDocument, type SeriesConsultation, type SeriesReportInputs } from './model/series-report.model.js';
export { participationReport } from './model/participation-report.model.js';
export { participationParagraphs } from './model/participation-paragraph.js';
export { chooseText, type SummaryText, type TextChoice } from './model/summary-text.js';
export { AsOfSource } from './sources/as-of-source.js';
export type { ReportSource } from './sources/report-source.js';
export {
  contentType,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  isDocumentFormat,
  MEDIA_TYPES,
  PARTICIPATION_FORMATS,
  type ParticipationFormat,
  renderChairSummary,
  renderParticipation,
  renderSeriesReport,
} from './render/formats.js';
export { asciiFileName, contentDisposition, slug, unicodeFileName } from './render/file-names.js';
