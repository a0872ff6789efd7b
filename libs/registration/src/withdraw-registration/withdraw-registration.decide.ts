import type { RegistrationEvent } from '../book/registration-book.events.js';
import { aboutPerson,
  type BookContext,
  type Decision,
  promotions,
  release,
  requireConsultation,
  requireRegistration,
  seatCount,
  statusForbids,
} from '../book/registration-book.rules.js';
import { ACTIVE_STATUSES, type RegistrationBook, type RegistrationRecord, type RegistrationStatus } from '../book/registration-book.state.js';
import { requireMayActOn } from '../book/requester.js';
import type { ConsultationFacts } from '../ports/consultations.js';
import type { WithdrawRegistrationInput } from './withdraw-registration.command.js';

export interface EndReply {
  status: RegistrationStatus;
  /** Registrations that took the freed seat. */
  promoted: string[];
}

/** The registration ends (withdrawn or cancelled); a seat it held goes to the first waitlisted that fits. */
export function endRegistration(
  book: RegistrationBook,
  consultation: ConsultationFacts,
  r: RegistrationRecord,
  ending: RegistrationEvent,
): Decision<EndReply> {
  const events: RegistrationEvent[] = [ending];
  // In a cancelled consultation no seat is worth taking: nobody is promoted into it.
  if (r.status === 'confirmed' && !consultation.cancelled) {
    const count = seatCount(book);
    release(count, r.sessionIds);
    events.push(...promotions(book, consultation, count, r.registrationId));
  }
  const promoted = events.filter((e) => e.type === 'WaitlistedRegistrationPromoted').map((e) => e.data.registrationId);
  return { events, reply: { status: ending.type === 'RegistrationWithdrawn' ? 'withdrawn' : 'cancelled', promoted } };
}

export function decideWithdrawRegistration(cmd: WithdrawRegistrationInput, ctx: BookContext): Decision<EndReply> {
  const consultation = requireConsultation(ctx);
  const r = requireRegistration(ctx.book, cmd.registrationId);
  requireMayActOn(cmd.requester, r);
  if (r.status === 'withdrawn') return { events: [], reply: { status: r.status, promoted: [] } };
  if (!ACTIVE_STATUSES.includes(r.status)) statusForbids(r, 'withdrawn');
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  return endRegistration(ctx.book, consultation, r, { type: 'RegistrationWithdrawn', data: { ...about, reason: aboutPerson(ctx.book, r.personId, cmd.reason) } });
}
