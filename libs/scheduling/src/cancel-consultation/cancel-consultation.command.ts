import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface CancelConsultationInput {
  consultationId: string;
  reason: string;
}

export class CancelConsultation extends SchedulingCommand<CancelConsultationInput> {}
