import type { SummaryEvent } from '../summary/summary.events.js';
import { keyPointAsSeen, mustBeEditable } from '../summary/summary.rules.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { WithdrawKeyPointInput } from './withdraw-key-point.command.js';

/** Withdraws a key point, unless someone changed it after the version the withdrawer saw. */
export function decideWithdrawKeyPoint(cmd: WithdrawKeyPointInput, state: SummaryState): SummaryEvent[] {
  mustBeEditable(state, cmd.consultationId);
  const { keyPoint } = keyPointAsSeen(state, cmd.keyPointId, cmd.basedOnVersion);
  return [{ type: 'ChairSummaryKeyPointWithdrawn', data: { keyPointId: keyPoint.keyPointId, basedOnVersion: cmd.basedOnVersion } }];
}
