import type { RegistrationEvent } from '../book/registration-book.events.js';
import type { BookContext, Decision } from '../book/registration-book.rules.js';

/**
 * Records the erasure on every registration of the person in this consultation's book; erasing
 * again records nothing more. Works in a cancelled consultation too: erasure is never refused.
 */
export function decideEraseParticipantData(cmd: { personId: string; reason: string }, ctx: BookContext): Decision<{ registrationIds: string[] }> {
  const { book } = ctx;
  const registrationIds = [...book.registrations.values()].filter((r) => r.personId === cmd.personId).map((r) => r.registrationId);
  if (book.erased.has(cmd.personId)) return { events: [], reply: { registrationIds } };
  const events: RegistrationEvent[] = registrationIds.map((registrationId) => ({
    type: 'ParticipantDataErased',
    data: { consultationId: book.consultationId, registrationId, personId: cmd.personId, reason: cmd.reason },
  }));
  return { events, reply: { registrationIds } };
}
