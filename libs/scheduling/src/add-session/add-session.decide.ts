import { RuleViolation } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { bookingOf, bookingsOf, requireFree, requireNotCancelled, resolveSessionTimes } from '../consultation/consultation.rules.js';
import type { Consultation, ConsultationState } from '../consultation/consultation.state.js';
import type { AddSessionInput } from './add-session.command.js';

/** `siblings`: the other consultations of the series, for rooms and people shared across them. */
export function addSession(input: AddSessionInput, state: ConsultationState, siblings: Consultation[]): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, input.consultationId);
  const { sessionId } = input;
  if (consultation.sessions.some((s) => s.sessionId === sessionId)) {
    throw new RuleViolation('SessionAlreadyExists', `Session ${sessionId} is already on the agenda`, 409, { sessionId });
  }
  if (input.access === 'closed' && consultation.regionalOrganisation === null) {
    throw new RuleViolation(
      'ClosedSessionNeedsRegionalOrganisation',
      'A closed session is for the member States of the regional organisation, and this consultation has none',
      422,
      { sessionId },
    );
  }
  const times = resolveSessionTimes(consultation, sessionId, input.start, input.end);
  const session = {
    sessionId,
    title: input.title,
    kind: input.kind,
    access: input.access,
    ...times,
    room: input.room ?? null,
    chair: input.chair ?? null,
    moderator: input.moderator ?? null,
    speakers: input.speakers ?? [],
    description: input.description ?? null,
    capacity: input.capacity ?? null,
  };
  requireFree(bookingOf(consultation, session), bookingsOf([consultation, ...siblings]));
  return [{ type: 'SessionAdded', data: { consultationId: input.consultationId, ...session } }];
}
