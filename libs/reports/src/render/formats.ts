import { RuleViolation } from '@convene/event-store';
import {
  type ChairSummaryDocument,
  DocumentModelError,
  type ParticipationReport,
  renderChairSummaryDocx,
  renderChairSummaryHtml,
  renderChairSummaryMarkdown,
  renderChairSummaryPdf,
  renderParticipationCsv,
  renderParticipationHtml,
  renderSeriesReportDocx,
  renderSeriesReportHtml,
  renderSeriesReportMarkdown,
  renderSeriesReportPdf,
  type SeriesReportDocument,
} from '@convene/documents';

export const DOCUMENT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const PARTICIPATION_FORMATS = ['html', 'csv'] as const;
export type ParticipationFormat = (typeof PARTICIPATION_FORMATS)[number];

export type ReportFormat = DocumentFormat | ParticipationFormat;

/** The media type of each format, as sent in Content-Type and matched against Accept. */
export const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
  md: 'text/markdown',
  csv: 'text/csv',
};

/** Content-Type with the charset of the text formats. */
export const contentType = (format: ReportFormat): string => (format === 'docx' || format === 'pdf' ? MEDIA_TYPES[format] : `${MEDIA_TYPES[format]}; charset=utf-8`);

export const isDocumentFormat = (value: string): value is DocumentFormat => (DOCUMENT_FORMATS as readonly string[]).includes(value);

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/**
 * A model the renderers refuse (a footnote link that is not http(s), say, from a command that did not
 * come through the HTTP validation) is a rule the summary's data break: 422 naming it, not a 500.
 */
async function rendering<T>(render: () => T | Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof DocumentModelError) throw new RuleViolation(err.rule, err.message, 422);
    throw err;
  }
}

export const renderChairSummary = (doc: ChairSummaryDocument, format: DocumentFormat): Promise<Buffer> => rendering(() => chairSummaryAs(doc, format));

export const renderSeriesReport = (report: SeriesReportDocument, format: DocumentFormat): Promise<Buffer> => rendering(() => seriesReportAs(report, format));

export const renderParticipation = (report: ParticipationReport, format: ParticipationFormat): Promise<Buffer> =>
  rendering(() => utf8(format === 'csv' ? renderParticipationCsv(report) : renderParticipationHtml(report)));

async function chairSummaryAs(doc: ChairSummaryDocument, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderChairSummaryDocx(doc);
    case 'pdf':
      return renderChairSummaryPdf(doc);
    case 'html':
      return utf8(renderChairSummaryHtml(doc));
    case 'md':
      return utf8(renderChairSummaryMarkdown(doc));
  }
}

async function seriesReportAs(report: SeriesReportDocument, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderSeriesReportDocx(report);
    case 'pdf':
      return renderSeriesReportPdf(report);
    case 'html':
      return utf8(renderSeriesReportHtml(report));
    case 'md':
      return utf8(renderSeriesReportMarkdown(report));
  }
}
