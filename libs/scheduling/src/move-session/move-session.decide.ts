import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { bookingOf, bookingsOf, requireActiveSession, requireFree, requireNotCancelled } from '../consultation/consultation.rules.js';
import type { Consultation, ConsultationState } from '../consultation/consultation.state.js';
import type { MoveSessionInput } from './move-session.command.js';

/** Moving to the room it is already in changes nothing. */
export function moveSession(input: MoveSessionInput, state: ConsultationState, siblings: Consultation[]): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, input.consultationId);
  const session = requireActiveSession(consultation, input.sessionId);
  const room = input.room?.trim() || null;
  if (room === session.room) return [];
  requireFree(bookingOf(consultation, { ...session, room }), bookingsOf([consultation, ...siblings]));
  return [{ type: 'SessionMoved', data: { consultationId: input.consultationId, sessionId: input.sessionId, room } }];
}
