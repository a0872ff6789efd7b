import { RuleViolation } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { bookingOf, bookingsOf, requireDates, requireFree, requireNotCancelled, requireWithinDates } from '../consultation/consultation.rules.js';
import type { Consultation, ConsultationState } from '../consultation/consultation.state.js';
import { daysBetween, shiftLocal, toUtc } from '../consultation/local-time.js';
import type { PostponeConsultationInput } from './postpone-consultation.command.js';

/**
 * Sessions keep their wall-clock time at the venue and move by whole days, so that their UTC
 * instants are recomputed: a 09:30 session stays at 09:30 even if daylight-saving time began in
 * between. They are checked against the other consultations of the series at their new times.
 */
export function postponeConsultation(input: PostponeConsultationInput, state: ConsultationState, siblings: Consultation[]): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, input.consultationId);
  const { startDate, endDate, reason } = input;
  requireDates(startDate, endDate);
  if (startDate <= consultation.startDate) {
    throw new RuleViolation('PostponementMustBeLater', `A postponement moves the start after ${consultation.startDate}, not to ${startDate}`, 422, {
      currentStartDate: consultation.startDate,
      startDate,
    });
  }
  const days = daysBetween(consultation.startDate, startDate);
  const sessions = consultation.sessions
    .filter((s) => !s.cancelled)
    .map((s) => {
      const startLocal = shiftLocal(s.startLocal, days);
      const endLocal = shiftLocal(s.endLocal, days);
      const times = { startLocal, endLocal, startUtc: toUtc(startLocal, consultation.timeZone, 'start'), endUtc: toUtc(endLocal, consultation.timeZone, 'end') };
      requireWithinDates({ startDate, endDate }, times, s.sessionId);
      requireFree(bookingOf(consultation, { ...s, ...times }), bookingsOf(siblings));
      return { sessionId: s.sessionId, ...times };
    });
  return [
    {
      type: 'ConsultationPostponed',
      data: {
        consultationId: input.consultationId,
        reason,
        previous: { startDate: consultation.startDate, endDate: consultation.endDate },
        startDate,
        endDate,
        sessions,
      },
    },
  ];
}
