import { Injectable } from '@nestjs/common';
import { type RosterEntry, RosterQueries } from '@convene/registration';
import { type Consultation, SchedulingReadModels, type Series } from '@convene/scheduling';
import { ChairSummaryQueries, type Edition, type SummaryState } from '@convene/summaries';
import type { ReportSource } from './report-source.js';

/** The current state, from the read models only. */
@Injectable()
export class ReadModelSource implements ReportSource {
  readonly asOf = null;

  constructor(
    private readonly scheduling: SchedulingReadModels,
    private readonly summaries: ChairSummaryQueries,
    private readonly rosters: RosterQueries,
  ) {}

  async consultation(consultationId: string): Promise<Consultation | null> {
    return (await this.scheduling.consultation(consultationId))?.doc.consultation ?? null;
  }

  async series(seriesId: string): Promise<Series | null> {
    return (await this.scheduling.series(seriesId))?.doc.series ?? null;
  }

  async summary(consultationId: string): Promise<SummaryState | null> {
    const state = await this.summaries.current(consultationId);
    return state?.started ? state : null;
  }

  /** From the editions table: published text only, whatever the draft is doing. */
  editions(consultationId: string): Promise<Edition[]> {
    return this.summaries.editions(consultationId);
  }

  roster(consultationId: string): Promise<RosterEntry[]> {
    return this.rosters.roster(consultationId);
  }
}
