import { RuleViolation } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireNotCancelled } from '../consultation/consultation.rules.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import type { AnnounceConsultationInput } from './announce-consultation.command.js';

export function announceConsultation({ consultationId }: AnnounceConsultationInput, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, consultationId);
  if (consultation.announced) {
    throw new RuleViolation('ConsultationAlreadyAnnounced', `Consultation ${consultationId} is already announced`, 409, { consultationId });
  }
  return [{ type: 'ConsultationAnnounced', data: { consultationId } }];
}
