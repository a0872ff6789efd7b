import { aboutPerson, type BookContext, type Decision, requireConsultation, requireRegistration, statusForbids } from '../book/registration-book.rules.js';
import { ACTIVE_STATUSES } from '../book/registration-book.state.js';
import { type EndReply, endRegistration } from '../withdraw-registration/withdraw-registration.decide.js';
import type { CancelRegistrationInput } from './cancel-registration.command.js';

export function decideCancelRegistration(cmd: CancelRegistrationInput, ctx: BookContext): Decision<EndReply> {
  const consultation = requireConsultation(ctx);
  const r = requireRegistration(ctx.book, cmd.registrationId);
  if (r.status === 'cancelled') return { events: [], reply: { status: r.status, promoted: [] } };
  if (!ACTIVE_STATUSES.includes(r.status)) statusForbids(r, 'cancelled');
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  return endRegistration(ctx.book, consultation, r, { type: 'RegistrationCancelled', data: { ...about, reason: aboutPerson(ctx.book, r.personId, cmd.reason) } });
}
