import { RuleViolation } from '@convene/event-store';
import { findAttributions } from '../summary/chatham-house.js';
import type { SummaryEvent } from '../summary/summary.events.js';
import { type AttributionContext, mustBeStarted, mustBeThisConsultationsChair } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { WaiveAttributionDecision } from './waive-attribution.command.js';

/** The Chair exempts one exact text from the attribution rule; any other wording needs its own waiver. */
export function decideWaiveAttribution(cmd: WaiveAttributionDecision, state: SummaryState, ctx: AttributionContext): SummaryEvent[] {
  mustBeThisConsultationsChair(cmd.meta, cmd.chairs, 'OnlyChairMayWaive', 'waive the Chatham House rule');
  mustBeStarted(state, cmd.consultationId);
  const spans = findAttributions(cmd.text, ctx.people);
  if (spans.length === 0) {
    // A waiver of a text that breaks nothing would sit in the log as an unexplained exemption.
    throw new RuleViolation('NothingToWaive', 'This text names no participant and attributes nothing: it needs no waiver', 422);
  }
  const textHash = ctx.hash(cmd.text);
  if (state.waivers.includes(textHash)) return [];
  return [{ type: 'ChairSummaryAttributionWaived', data: { waiverId: cmd.waiverId, textHash, reason: cmd.reason, spans: spans.length } }];
}
