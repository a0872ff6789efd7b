import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireActiveSession, requireNotCancelled } from '../consultation/consultation.rules.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import type { CancelSessionInput } from './cancel-session.command.js';

/** The session stays on the agenda, marked cancelled, so that calendars learn of it. */
export function cancelSession({ consultationId, sessionId, reason }: CancelSessionInput, state: ConsultationState): ConsultationEvent[] {
  requireActiveSession(requireNotCancelled(state, consultationId), sessionId);
  return [{ type: 'SessionCancelled', data: { consultationId, sessionId, reason } }];
}
