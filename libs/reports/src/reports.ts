import { Injectable } from '@nestjs/common';
import type { ChairSummaryDocument, ParticipationReport, SeriesReportDocument } from '@convene/documents';
import { EventStore, NotFound, RuleViolation } from '@convene/event-store';
import { participationFigures, ReferenceDataAdapter, type RosterEntry, toConsultationFacts } from '@convene/registration';
import type { Consultation, Series } from '@convene/scheduling';
import { SummaryHistory } from '@convene/summaries';
import { chairSummaryDocument, type ReportNames } from './model/chair-summary.model.js';
import { participationReport } from './model/participation-report.model.js';
import { type SeriesConsultation, seriesReportDocument } from './model/series-report.model.js';
import { chooseText, publishedSummaryNotFound, type TextChoice } from './model/summary-text.js';
import { AsOfSource } from './sources/as-of-source.js';
import { ReadModelSource } from './sources/read-model-source.js';
import type { ReportSource } from './sources/report-source.js';

/** Who asks: staff (secretariat, Chair) may see drafts; everyone else published editions only. */
export interface ReportViewer {
  staff: boolean;
}

export interface ReportRequest {
  viewer: ReportViewer;
  /** The document as of this instant, rebuilt from the events up to it. */
  asOf?: Date;
  /**
   * Which text: a published edition by number, or the latest published one. Absent: for staff the
   * working state, for the public the latest published edition.
   */
  edition?: number | 'published';
}

/** Called as a series report's consultations are gathered: `done` of `total`. */
export type ReportProgress = (done: number, total: number) => void;

function textChoice({ viewer, edition }: ReportRequest): TextChoice {
  if (typeof edition === 'number') return { kind: 'edition', edition };
  return edition === 'published' || !viewer.staff ? { kind: 'published' } : { kind: 'working' };
}

/**
 * Builds the documents' models (ChairSummaryDocument, SeriesReportDocument, ParticipationReport)
 * from a ReportSource: the read models, or the streams folded as of an instant. Who sees what is
 * decided here, once for both paths: the public only ever gets published editions of announced
 * consultations, and cannot tell an unpublished summary from a missing one.
 */
@Injectable()
export class Reports {
  private readonly names: ReportNames;

  constructor(
    private readonly readModels: ReadModelSource,
    private readonly store: EventStore,
    private readonly history: SummaryHistory,
    private readonly reference: ReferenceDataAdapter,
  ) {
    this.names = { countryName: (code) => reference.stateName(code), organisationName: (code) => reference.organisationName(code) };
  }

  source(asOf?: Date): ReportSource {
    return asOf ? new AsOfSource(this.store, this.history, asOf) : this.readModels;
  }

  async chairSummary(consultationId: string, request: ReportRequest): Promise<ChairSummaryDocument> {
    return chairSummaryDocument(await this.gather(this.source(request.asOf), consultationId, request), this.names);
  }

  async seriesReport(seriesId: string, request: ReportRequest, progress?: ReportProgress): Promise<SeriesReportDocument> {
    if (typeof request.edition === 'number') {
      throw new RuleViolation('EditionNumberForSeries', 'Edition numbers are per consultation: a series report takes edition=published or none', 400, { field: 'edition' });
    }
    const source = this.source(request.asOf);
    const series = await source.series(seriesId);
    if (!series) throw new NotFound('Series', seriesId);
    const consultations: SeriesConsultation[] = [];
    const total = series.consultationIds.length;
    for (const [i, consultationId] of series.consultationIds.entries()) {
      const found = await this.gather(source, consultationId, request, series).catch((err: unknown) => {
        // A consultation without the text asked for is left out of the report; nothing else is.
        if (err instanceof RuleViolation && SKIPPED_IN_SERIES.has(err.rule)) return null;
        throw err;
      });
      if (found) consultations.push(found);
      progress?.(i + 1, total);
    }
    if (consultations.length === 0 && !request.viewer.staff) {
      throw new RuleViolation('PublishedSummaryNotFound', `Series ${seriesId} has no published summary`, 404, { seriesId });
    }
    consultations.sort((a, b) => a.consultation.startDate.localeCompare(b.consultation.startDate) || a.consultation.title.localeCompare(b.consultation.title));
    return seriesReportDocument({ series, consultations }, this.names);
  }

  /** Figures and charts of a consultation's participation (staff only: the controller says so). */
  async participationReport(consultationId: string, request: Pick<ReportRequest, 'asOf'>): Promise<ParticipationReport> {
    const source = this.source(request.asOf);
    const [consultation, roster] = await Promise.all([source.consultation(consultationId), source.roster(consultationId)]);
    if (!consultation) throw new NotFound('Consultation', consultationId);
    return participationReport(consultation, this.figures(consultation, roster), this.names, source.asOf?.toISOString() ?? null);
  }

  private figures(consultation: Consultation, roster: RosterEntry[]) {
    return participationFigures(toConsultationFacts(consultation), roster, this.reference);
  }

  /** The consultation, its series (when not known yet), the text asked for and its participation, as the source has them. */
  private async gather(source: ReportSource, consultationId: string, request: ReportRequest, knownSeries?: Series): Promise<SeriesConsultation> {
    const choice = textChoice(request);
    const staff = request.viewer.staff;
    const [consultation, working, editions, roster] = await Promise.all([
      source.consultation(consultationId),
      choice.kind === 'working' ? source.summary(consultationId) : null,
      choice.kind === 'working' ? [] : source.editions(consultationId),
      source.roster(consultationId),
    ]);
    if (!staff) {
      // The same answer whether the consultation is missing, unannounced, or has nothing published.
      if (!consultation?.announced) throw publishedSummaryNotFound(consultationId);
    } else if (!consultation) {
      throw new NotFound('Consultation', consultationId);
    }
    const text = chooseText(consultationId, choice, working, editions);
    const series = knownSeries ?? (await source.series(consultation.seriesId));
    return { consultation, series, text, figures: this.figures(consultation, roster), roster, asOf: source.asOf?.toISOString() ?? null };
  }
}

/** What leaves a consultation out of a series report: no text of the kind asked for, or (as of an early instant) no consultation yet. */
const SKIPPED_IN_SERIES = new Set(['PublishedSummaryNotFound', 'SummaryNotStarted', 'SummaryEditionNotFound', 'ConsultationNotFound']);
