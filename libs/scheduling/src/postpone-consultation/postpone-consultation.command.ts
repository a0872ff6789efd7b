import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface PostponeConsultationInput {
  consultationId: string;
  startDate: string;
  endDate: string;
  reason: string;
}

/** New, later dates; every session moves by the same number of days and keeps its local time. */
export class PostponeConsultation extends SchedulingCommand<PostponeConsultationInput> {}
