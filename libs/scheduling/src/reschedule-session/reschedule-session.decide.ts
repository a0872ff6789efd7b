import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { bookingOf, bookingsOf, requireActiveSession, requireFree, requireNotCancelled, resolveSessionTimes } from '../consultation/consultation.rules.js';
import type { Consultation, ConsultationState } from '../consultation/consultation.state.js';
import type { RescheduleSessionInput } from './reschedule-session.command.js';

/** The same times again change nothing (no event, no new iCalendar SEQUENCE). */
export function rescheduleSession(input: RescheduleSessionInput, state: ConsultationState, siblings: Consultation[]): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, input.consultationId);
  const session = requireActiveSession(consultation, input.sessionId);
  const times = resolveSessionTimes(consultation, input.sessionId, input.start, input.end);
  if (times.startUtc === session.startUtc && times.endUtc === session.endUtc) return [];
  requireFree(bookingOf(consultation, { ...session, ...times }), bookingsOf([consultation, ...siblings]));
  return [{ type: 'SessionRescheduled', data: { consultationId: input.consultationId, sessionId: input.sessionId, ...times } }];
}
