import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { mustBeStarted, mustBeThisConsultationsChair } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { ApproveSummaryDecision } from './approve-summary.command.js';

/** The Chair approves the submitted text as it stands at this version; nothing can change it before publication. */
export function decideApproveSummary(cmd: ApproveSummaryDecision, state: SummaryState): SummaryEvent[] {
  mustBeThisConsultationsChair(cmd.meta, cmd.chairs, 'OnlyChairMayApprove', "approve the Chair's summary");
  mustBeStarted(state, cmd.consultationId);
  if (state.status !== 'submitted') {
    throw new RuleViolation('OnlySubmittedSummaryCanBeApproved', `A ${state.status} summary cannot be approved; it must be submitted first`, 409, {
      status: state.status,
    });
  }
  return [{ type: 'ChairSummaryApproved', data: { edition: state.edition, approvedVersion: state.version } }];
}
