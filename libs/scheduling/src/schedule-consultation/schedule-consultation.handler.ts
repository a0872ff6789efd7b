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
 * Two streams change in one transaction: the series records the consultation (at the series
 * version the decision saw, so two schedulings in one series cannot both list themselves on a
 * stale series) and the consultation is created. Both or neither: a crash cannot leave a series
 * that lists a consultation whose creation a retry would then append under another attempt.
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
    const appended = await this.streams.appendAtomically(
      [
        ...(decision.series.length > 0 ? [{ streamId: series.streamId, streamType: SERIES_STREAM_TYPE, events: decision.series, version: series.version }] : []),
        // Last: the consultation's result is the command's, and what a retry with the same key replays.
        { streamId: consultation.streamId, streamType: CONSULTATION_STREAM_TYPE, events: decision.consultation, version: consultation.version },
      ],
      meta,
    );
    return { id: input.consultationId, streamId: consultation.streamId, version: appended.version, appended };
  }
}
