import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireNotCancelled } from '../consultation/consultation.rules.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import type { CancelConsultationInput } from './cancel-consultation.command.js';

/** Recorded, never deleted: the consultation and its sessions stay readable, marked cancelled. */
export function cancelConsultation({ consultationId, reason }: CancelConsultationInput, state: ConsultationState): ConsultationEvent[] {
  requireNotCancelled(state, consultationId);
  return [{ type: 'ConsultationCancelled', data: { consultationId, reason } }];
}
