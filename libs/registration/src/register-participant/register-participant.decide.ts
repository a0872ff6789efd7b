import { RuleViolation } from '@convene/event-store';
import { STATE_GROUPS } from '../book/registration-book.events.js';
import {
  type BookContext,
  checkClosedSessions,
  checkRepresentation,
  chosenSessions,
  type Decision,
  requireConsultation,
  requireNotCancelled,
} from '../book/registration-book.rules.js';
import type { RegisterParticipantInput, RegistrationReply } from './register-participant.command.js';

/**
 * Self-registration and nomination only while registration is open and before its deadline;
 * the secretariat may also record a late one. A person already registered (same e-mail, so the
 * same person id) gets that registration back instead of a second seat. When it bears the
 * command's own registration id, it is this request's: a retry (same Idempotency-Key, so the same
 * id) whose first answer was lost gets that answer again, not "already registered".
 */
export function decideRegisterParticipant(cmd: RegisterParticipantInput & { personId: string }, ctx: BookContext): Decision<RegistrationReply> {
  const consultation = requireConsultation(ctx);
  requireNotCancelled(consultation);
  const existingId = ctx.book.activeByPerson.get(cmd.personId);
  if (existingId) {
    const existing = ctx.book.get(existingId)!;
    return { events: [], reply: { registrationId: existingId, personId: cmd.personId, status: existing.status, existing: existingId !== cmd.registrationId } };
  }
  if (cmd.channel !== 'secretariat') {
    const { status, deadlineUtc } = consultation.registration;
    if (status !== 'open') {
      throw new RuleViolation('RegistrationNotOpen', `Registration for this consultation is ${status === 'closed' ? 'closed' : 'not open yet'}`, 409, { status });
    }
    // As instants: the deadline is written without milliseconds, command times with them.
    if (deadlineUtc && Date.parse(cmd.meta.occurredAt) > Date.parse(deadlineUtc)) {
      throw new RuleViolation('RegistrationDeadlinePassed', `The registration deadline (${deadlineUtc}) has passed`, 409, { deadlineUtc });
    }
  }
  if (cmd.channel === 'nomination' && (!STATE_GROUPS.includes(cmd.stakeholderGroup) || cmd.represents.state !== cmd.nominatingState)) {
    throw new RuleViolation('FocalPointLimitedToOwnState', `A focal point nominates delegates of its own State (${cmd.nominatingState}) only`, 403, {
      field: 'represents.state',
    });
  }
  checkRepresentation(cmd);
  const sessions = chosenSessions(consultation, cmd.sessionIds);
  checkClosedSessions(cmd, sessions, consultation, ctx.memberships);
  return {
    events: [
      {
        type: 'ParticipantRegistered',
        data: {
          consultationId: consultation.consultationId,
          registrationId: cmd.registrationId,
          personId: cmd.personId,
          person: cmd.person,
          publicListingConsent: cmd.publicListingConsent,
          stakeholderGroup: cmd.stakeholderGroup,
          represents: cmd.represents,
          role: cmd.role,
          sessionIds: sessions.map((s) => s.sessionId),
          accessNeeds: cmd.accessNeeds,
          channel: cmd.channel,
          nominatedBy: cmd.channel === 'nomination' ? cmd.nominatingState : null,
        },
      },
    ],
    reply: { registrationId: cmd.registrationId, personId: cmd.personId, status: 'pending', existing: false },
  };
}
