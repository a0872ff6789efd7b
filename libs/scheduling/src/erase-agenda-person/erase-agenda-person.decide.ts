import { ERASED } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireConsultation } from '../consultation/consultation.rules.js';
import { type ConsultationState, sessionNames } from '../consultation/consultation.state.js';
import type { EraseAgendaPersonInput } from './erase-agenda-person.command.js';

/**
 * Records the erasure once for every session that still shows the person's name. Never refused
 * (a cancelled consultation's agenda is erased too); erasing again records nothing.
 */
export function eraseAgendaPerson({ consultationId, personId, reason }: EraseAgendaPersonInput, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireConsultation(state, consultationId);
  const named = (name: string | undefined) => name !== undefined && name !== ERASED;
  const sessionIds = consultation.sessions
    .filter((s) => sessionNames(s, personId))
    .filter((s) => [s.chair, s.moderator, ...s.speakers].some((p) => p?.personId === personId && named(p.name)))
    .map((s) => s.sessionId);
  if (sessionIds.length === 0) return [];
  return [{ type: 'AgendaPersonDataErased', data: { consultationId, personId, sessionIds, reason } }];
}
