import { RuleViolation } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireNotCancelled } from '../consultation/consultation.rules.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import type { CloseRegistrationInput } from './close-registration.command.js';

export function closeRegistration({ consultationId }: CloseRegistrationInput, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, consultationId);
  if (consultation.registration.status !== 'open') {
    throw new RuleViolation('RegistrationNotOpen', `Registration for consultation ${consultationId} is not open`, 409, {
      consultationId,
      registration: consultation.registration.status,
    });
  }
  return [{ type: 'RegistrationClosed', data: { consultationId } }];
}
