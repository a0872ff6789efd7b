import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { mustBeStarted } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { IssueCorrectionInput } from './issue-correction.command.js';

/**
 * Opens a new edition as a draft of the published text. The published edition stays as it is;
 * the correction goes through review, approval and publication like the first.
 */
export function decideIssueCorrection(cmd: IssueCorrectionInput, state: SummaryState): SummaryEvent[] {
  mustBeStarted(state, cmd.consultationId);
  if (state.status !== 'published') {
    throw new RuleViolation(
      'OnlyPublishedSummaryCanBeCorrected',
      `Edition ${state.edition} is ${state.status}, not published: change the draft instead`,
      409,
      { status: state.status, edition: state.edition },
    );
  }
  return [{ type: 'ChairSummaryCorrectionStarted', data: { edition: state.edition + 1, reason: cmd.reason } }];
}
