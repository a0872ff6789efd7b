import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { type AttributionContext, mustBeEditable, refuseAttributions, textsUnderRule } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { SubmitSummaryInput } from './submit-summary.command.js';

/**
 * Hands the draft to the Chair. The whole text is checked again: participants registered since
 * a paragraph was written, or a section put under the rule, may make it offend now.
 */
export function decideSubmitSummary(cmd: SubmitSummaryInput, state: SummaryState, ctx: AttributionContext): SummaryEvent[] {
  mustBeEditable(state, cmd.consultationId);
  const hasContent = state.content.sections.some((s) => s.text.trim() !== '' || s.keyPoints.length > 0);
  if (!hasContent) throw new RuleViolation('SummaryIsEmpty', 'There is nothing to review yet: write a section or a key point', 422);
  refuseAttributions(state, ctx, textsUnderRule(state));
  return [{ type: 'ChairSummarySubmitted', data: { edition: state.edition } }];
}
