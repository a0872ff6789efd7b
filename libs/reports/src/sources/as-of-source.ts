import { EventStore, type StoredEvent } from '@convene/event-store';
import { foldRoster, registrationBookStreamId, type RosterEntry } from '@convene/registration';
import {
  type Consultation,
  type ConsultationEvent,
  consultationStreamId,
  evolveConsultation,
  evolveSeries,
  initialConsultationState,
  initialSeriesState,
  type Series,
  type SeriesEvent,
  seriesStreamId,
} from '@convene/scheduling';
import type { Edition, SummaryHistory, SummaryState } from '@convene/summaries';
import type { ReportSource } from './report-source.js';

const domainEvent = <E>(e: StoredEvent): E => ({ type: e.type, data: e.data }) as unknown as E;

/**
 * The facts as they stood at an instant: each stream read up to it (by the commands' occurredAt)
 * and folded with the same functions the projections fold with (evolveConsultation,
 * evolveSeries, the summary's evolve through SummaryHistory, the roster's apply through
 * foldRoster). One source per request: a summary is folded once for its state and its editions.
 */
export class AsOfSource implements ReportSource {
  private readonly summaries = new Map<string, Promise<SummaryState>>();

  constructor(
    private readonly store: EventStore,
    private readonly history: SummaryHistory,
    readonly asOf: Date,
  ) {}

  private read(streamId: string): Promise<StoredEvent[]> {
    return this.store.readStream(streamId, 1, { asOf: this.asOf });
  }

  async consultation(consultationId: string): Promise<Consultation | null> {
    let state = initialConsultationState();
    for (const e of await this.read(consultationStreamId(consultationId))) state = evolveConsultation(state, domainEvent<ConsultationEvent>(e));
    return state;
  }

  async series(seriesId: string): Promise<Series | null> {
    let state = initialSeriesState();
    for (const e of await this.read(seriesStreamId(seriesId))) state = evolveSeries(state, domainEvent<SeriesEvent>(e));
    return state;
  }

  private folded(consultationId: string): Promise<SummaryState> {
    let state = this.summaries.get(consultationId);
    if (!state) {
      state = this.history.at(consultationId, { asOf: this.asOf });
      this.summaries.set(consultationId, state);
    }
    return state;
  }

  async summary(consultationId: string): Promise<SummaryState | null> {
    const state = await this.folded(consultationId);
    return state.started ? state : null;
  }

  async editions(consultationId: string): Promise<Edition[]> {
    return (await this.folded(consultationId)).editions;
  }

  async roster(consultationId: string): Promise<RosterEntry[]> {
    return foldRoster(await this.read(registrationBookStreamId(consultationId)));
  }
}
