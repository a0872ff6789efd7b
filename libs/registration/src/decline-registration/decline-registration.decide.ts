import { aboutPerson, type BookContext, type Decision, requireConsultation, requireRegistration, statusForbids } from '../book/registration-book.rules.js';
import type { RegistrationStatus } from '../book/registration-book.state.js';
import type { DeclineRegistrationInput } from './decline-registration.command.js';

/** A confirmed registration is cancelled, not declined: the person was told they have a seat. */
export function decideDeclineRegistration(cmd: DeclineRegistrationInput, ctx: BookContext): Decision<{ status: RegistrationStatus }> {
  requireConsultation(ctx);
  const r = requireRegistration(ctx.book, cmd.registrationId);
  if (r.status === 'declined') return { events: [], reply: { status: r.status } };
  if (r.status !== 'pending' && r.status !== 'waitlisted') statusForbids(r, 'declined; cancel a confirmed registration instead');
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  return { events: [{ type: 'RegistrationDeclined', data: { ...about, reason: aboutPerson(ctx.book, r.personId, cmd.reason) } }], reply: { status: 'declined' } };
}
