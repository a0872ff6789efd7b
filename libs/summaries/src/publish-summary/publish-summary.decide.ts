import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { mustBeStarted } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { PublishSummaryInput } from './publish-summary.command.js';

/** Publishes the approved edition; from then on it is readable by everyone and never changes. */
export function decidePublishSummary(cmd: PublishSummaryInput, state: SummaryState): SummaryEvent[] {
  mustBeStarted(state, cmd.consultationId);
  if (state.status !== 'approved' || !state.approval) {
    throw new RuleViolation(
      'OnlyApprovedVersionCanBePublished',
      state.status === 'published'
        ? `Edition ${state.edition} is already published`
        : `A ${state.status} summary cannot be published; the Chair must approve it first`,
      409,
      { status: state.status, edition: state.edition },
    );
  }
  return [{ type: 'ChairSummaryPublished', data: { edition: state.edition, approvedVersion: state.approval.version } }];
}
