import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { mustBeStarted } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { RequestChangesInput } from './request-changes.command.js';

/** Sends a submitted (or approved, not yet published) summary back to drafting. */
export function decideRequestChanges(cmd: RequestChangesInput, state: SummaryState): SummaryEvent[] {
  mustBeStarted(state, cmd.consultationId);
  if (state.status !== 'submitted' && state.status !== 'approved') {
    throw new RuleViolation('SummaryNotUnderReview', `A ${state.status} summary is not under review: nothing to send back`, 409, {
      status: state.status,
    });
  }
  return [{ type: 'ChairSummaryChangesRequested', data: { edition: state.edition, comment: cmd.comment } }];
}
