import type { ServerResponse } from 'node:http';
import { applyDecorators, Controller, Get, Headers, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotAcceptableResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, Principal } from '@convene/platform';
import { contentDisposition } from '../render/file-names.js';
import {
  contentType,
  type DocumentFormat,
  MEDIA_TYPES,
  PARTICIPATION_FORMATS,
  type ReportFormat,
  renderChairSummary,
  renderParticipation,
  renderSeriesReport,
} from '../render/formats.js';
import { type ReportRequest, Reports } from '../reports.js';
import { negotiateFormat } from './negotiation.js';
import { DocumentQuery, ParticipationReportQuery } from './reports.dto.js';

/** HTML first: what a browser or `curl` without an Accept header gets, and the accessible format (docs/adr/0013). */
const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['html', 'docx', 'pdf', 'md'];

/** Drafts are for those who write and approve them; everyone else gets published editions only. */
const isStaff = (principal: Principal | undefined) => principal?.roles.some((r) => r === 'secretariat' || r === 'chair') ?? false;

function requestOf(query: DocumentQuery, principal: Principal | undefined): ReportRequest {
  const edition = query.edition === undefined ? undefined : query.edition === 'published' ? 'published' : Number(query.edition);
  return { viewer: { staff: isStaff(principal) }, asOf: query.asOf ? new Date(query.asOf) : undefined, edition };
}

/** `shareable`: what anyone may read (a published document asked for without staff rights); anything else no shared cache keeps. */
function send(res: ServerResponse, body: Buffer, format: ReportFormat, title: string, shareable: boolean): StreamableFile {
  res.setHeader('Content-Type', contentType(format));
  res.setHeader('Content-Disposition', contentDisposition(title, format));
  res.setHeader('Vary', 'Accept, Authorization');
  res.setHeader('Cache-Control', shareable ? 'public, max-age=0, must-revalidate' : 'private, no-store');
  return new StreamableFile(body, { length: body.length });
}

/** A GET that answers a document in one of `formats`, with who may call it and what it answers otherwise. */
const DocumentEndpoint = (path: string, formats: readonly ReportFormat[], summary: string, notFound: string, ...access: Parameters<typeof Allow>) =>
  applyDecorators(
    Get(path),
    Allow(...access),
    ApiProduces(...formats.map((f) => MEDIA_TYPES[f])),
    ApiOperation({ summary }),
    ApiOkResponse({ description: 'The document; Content-Disposition names the file', schema: { type: 'string', format: 'binary' } }),
    ApiNotFoundResponse({ description: notFound }),
    ApiNotAcceptableResponse({ description: 'NotAcceptable (Accept), UnsupportedDocumentFormat (?format=)' }),
  );

/**
 * Outcome documents for download: a consultation's Chair's summary, a series report, and a
 * consultation's participation report, in the format `?format=` or the Accept header asks for.
 * `?asOf=` rebuilds any of them from the events up to an instant (docs/adr/0015).
 */
@ApiTags('reports')
@Controller('api')
export class ReportsController {
  constructor(private readonly reports: Reports) {}

  @DocumentEndpoint(
    'consultations/:consultationId/summary/document',
    DOCUMENT_FORMATS,
    'The Chair’s summary as DOCX, PDF, HTML or Markdown. The public gets the latest published edition (or ?edition=N); ' +
      'the secretariat and the Chair the working text, marked DRAFT until published. ?asOf= rebuilds it as of an instant.',
    'PublishedSummaryNotFound for the public when nothing is published (drafts are never shown to it); SummaryNotStarted, SummaryEditionNotFound, ConsultationNotFound',
    'public',
  )
  async summaryDocument(
    @Param('consultationId') consultationId: string,
    @Query() query: DocumentQuery,
    @Headers('accept') accept: string | undefined,
    @Principal() principal: Principal | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const format = negotiateFormat(DOCUMENT_FORMATS, query.format, accept);
    const request = requestOf(query, principal);
    const doc = await this.reports.chairSummary(consultationId, request);
    return send(res, await renderChairSummary(doc, format), format, doc.title, !request.viewer.staff);
  }

  @DocumentEndpoint(
    'series/:seriesId/report',
    DOCUMENT_FORMATS,
    'The series report (overview: mandate, modalities, objectives, participation across the series; then each consultation’s summary). ' +
      'The public gets the published summaries; the secretariat and the Chair the working texts (?edition=published: the published ones).',
    'SeriesNotFound; PublishedSummaryNotFound for the public when nothing of the series is published',
    'public',
  )
  async seriesReport(
    @Param('seriesId') seriesId: string,
    @Query() query: DocumentQuery,
    @Headers('accept') accept: string | undefined,
    @Principal() principal: Principal | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const format = negotiateFormat(DOCUMENT_FORMATS, query.format, accept);
    const request = requestOf(query, principal);
    const report = await this.reports.seriesReport(seriesId, request);
    return send(res, await renderSeriesReport(report, format), format, report.title, !request.viewer.staff);
  }

  @DocumentEndpoint(
    'consultations/:consultationId/participation/report',
    PARTICIPATION_FORMATS,
    'Participation figures and charts (stakeholder groups, gender balance, regions, States, regional coverage) as HTML with inline SVG, or CSV',
    'ConsultationNotFound',
    'secretariat',
    'chair',
  )
  async participationReport(
    @Param('consultationId') consultationId: string,
    @Query() query: ParticipationReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const format = negotiateFormat(PARTICIPATION_FORMATS, query.format, accept);
    const report = await this.reports.participationReport(consultationId, { asOf: query.asOf ? new Date(query.asOf) : undefined });
    const title = `${report.consultation.title}: participation report`;
    return send(res, await renderParticipation(report, format), format, title, false);
  }
}
