import { DateTime } from 'luxon';
import { RuleViolation } from '@convene/event-store';
import { aboutPerson,
  type BookContext,
  checkClosedSessions,
  chosenSessions,
  type Decision,
  requireConsultation,
  requireRegistration,
  statusForbids,
} from '../book/registration-book.rules.js';
import { isCheckedIn } from '../book/registration-book.state.js';
import type { ConsultationFacts } from '../ports/consultations.js';
import type { CheckInInput, CheckInReply, UndoCheckInInput } from './check-in.command.js';

/** The day and session a check-in is for, checked against the agenda. */
function resolveAttendance(cmd: CheckInInput, consultation: ConsultationFacts): { day: string; sessionId: string | null } {
  const sessionId = cmd.sessionId ?? null;
  const session = sessionId === null ? null : chosenSessions(consultation, [sessionId])[0];
  const today = DateTime.fromISO(cmd.meta.occurredAt).setZone(consultation.timeZone).toISODate()!;
  const day = cmd.day ?? session?.day ?? today;
  if (day < consultation.startDate || day > consultation.endDate) {
    throw new RuleViolation('CheckInOutsideConsultationDates', `The consultation runs from ${consultation.startDate} to ${consultation.endDate}; ${day} is not one of its days`, 422, {
      field: 'day',
      day,
    });
  }
  if (session && session.day !== day) {
    throw new RuleViolation('SessionNotOnThatDay', `The session is held on ${session.day}, not on ${day}`, 422, { field: 'day', sessionId, day: session.day });
  }
  return { day, sessionId };
}

/** Only a confirmed participant is checked in; a closed session only admits whom it admits. Twice is once. */
export function decideCheckIn(cmd: CheckInInput, ctx: BookContext): Decision<CheckInReply> {
  const consultation = requireConsultation(ctx);
  const r = requireRegistration(ctx.book, cmd.registrationId);
  if (r.status !== 'confirmed') statusForbids(r, 'checked in; only confirmed participants are', 'CheckInRequiresConfirmedRegistration');
  const { day, sessionId } = resolveAttendance(cmd, consultation);
  if (sessionId) checkClosedSessions(r, chosenSessions(consultation, [sessionId]), consultation, ctx.memberships);
  const reply = { registrationId: r.registrationId, day, sessionId, checkedIn: true };
  if (isCheckedIn(r, day, sessionId)) return { events: [], reply };
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  return { events: [{ type: 'ParticipantCheckedIn', data: { ...about, day, sessionId } }], reply };
}

export function decideUndoCheckIn(cmd: UndoCheckInInput, ctx: BookContext): Decision<CheckInReply> {
  const consultation = requireConsultation(ctx);
  const r = requireRegistration(ctx.book, cmd.registrationId);
  const sessionId = cmd.sessionId ?? null;
  const day = cmd.day ?? resolveAttendance(cmd, consultation).day;
  if (!isCheckedIn(r, day, sessionId)) {
    throw new RuleViolation('NotCheckedIn', `The participant is not checked in for ${sessionId ? `session ${sessionId} on ` : ''}${day}`, 409, {
      registrationId: r.registrationId,
      day,
      sessionId,
    });
  }
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  return {
    events: [{ type: 'CheckInUndone', data: { ...about, day, sessionId, reason: aboutPerson(ctx.book, r.personId, cmd.reason) } }],
    reply: { registrationId: r.registrationId, day, sessionId, checkedIn: false },
  };
}
