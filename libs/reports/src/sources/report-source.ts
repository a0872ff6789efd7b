import type { RosterEntry } from '@convene/registration';
import type { Consultation, Series } from '@convene/scheduling';
import type { Edition, SummaryState } from '@convene/summaries';

/**
 * Where a report's facts come from. Two implementations and one builder: the read models for the
 * current state (ReadModelSource), or the streams folded up to an instant with the projections'
 * own fold functions (AsOfSource). The builder cannot tell them apart.
 */
export interface ReportSource {
  /** The instant the facts are as of; null: now, from the read models. */
  readonly asOf: Date | null;
  consultation(consultationId: string): Promise<Consultation | null>;
  series(seriesId: string): Promise<Series | null>;
  /** The summary's working state (for staff); null when none was started. */
  summary(consultationId: string): Promise<SummaryState | null>;
  /** Its published editions, oldest first (what the public may read). */
  editions(consultationId: string): Promise<Edition[]>;
  /** Every registration of the consultation, in the order they came in. */
  roster(consultationId: string): Promise<RosterEntry[]>;
}
