import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import { Countries, RegionalOrganisations } from '@convene/reference-data';
import { CONSULTATION_STREAM_TYPE } from '../consultation/consultation.events.js';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { SERIES_STREAM_TYPE } from '../series/series.events.js';
import { ScheduleConsultation, type ScheduleConsultationInput } from './schedule-consultation.command.js';
import { type ReferenceCodes, scheduleConsultation } from './schedule-consultation.decide.js';

/**
 * Two appends: the series records the consultation first (at the series version the decision
 * saw, so two schedulings in one series cannot both list themselves on a stale series), then the
 * consultation is created. If the second append never happens, the series lists an id with no
 * stream, which readers skip and a retry of the same command completes.
 */
@CommandHandler(ScheduleConsultation)
export class ScheduleConsultationHandler implements ICommandHandler<ScheduleConsultation> {
  private readonly reference: ReferenceCodes;

  constructor(
    private readonly streams: SchedulingStreams,
    organisations: RegionalOrganisations,
    countries: Countries,
  ) {
    this.reference = { organisations: organisations.codes(), countries: countries.codes() };
  }

  async execute({ input, meta, expectedVersion }: ScheduleConsultation): Promise<CommandOutcome> {
    const replay = await this.streams.replayed(meta, input.consultationId);
    if (replay) return replay;
    // Another consultation scheduled in the series at the same moment moves the series on: try again.
    return this.streams.retryingConflicts(expectedVersion, () => this.schedule(input, meta, expectedVersion));
  }

  private async schedule(input: ScheduleConsultationInput, meta: CommandMeta, expectedVersion: number | undefined): Promise<CommandOutcome> {
    const series = await this.streams.loadSeries(input.seriesId);
    this.streams.requireExpectedVersion(series, expectedVersion);
    const consultation = await this.streams.loadConsultation(input.consultationId);
    const decision = scheduleConsultation(input, consultation.state, { series: series.state, reference: this.reference });
    if (decision.series.length > 0) {
      // The Idempotency-Key belongs to the consultation's append: claimed here, it would make that append a "replay".
      const { idempotency: _, ...seriesMeta } = meta;
      await this.streams.append(series.streamId, SERIES_STREAM_TYPE, decision.series, series.version, seriesMeta);
    }
    const appended = await this.streams.append(consultation.streamId, CONSULTATION_STREAM_TYPE, decision.consultation, consultation.version, meta);
    return { id: input.consultationId, streamId: consultation.streamId, version: appended.version, appended };
  }
}
