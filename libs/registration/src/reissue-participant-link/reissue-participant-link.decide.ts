import { type BookContext, type Decision, requireNotErased, requireRegistration } from '../book/registration-book.rules.js';
import type { ReissueParticipantLinkInput } from './reissue-participant-link.command.js';

/**
 * Records that a new link was given, whatever the registration's status (a withdrawn participant
 * may still look up their history). Not for a person whose data were erased: nobody is left to
 * hand it to, and the link would open "[erased]".
 */
export function decideReissueParticipantLink(cmd: ReissueParticipantLinkInput, ctx: BookContext): Decision<{ registrationId: string; personId: string }> {
  const r = requireRegistration(ctx.book, cmd.registrationId);
  requireNotErased(ctx.book, r);
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  return { events: [{ type: 'ParticipantLinkReissued', data: about }], reply: { registrationId: r.registrationId, personId: r.personId } };
}
