import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface RescheduleSessionInput {
  consultationId: string;
  sessionId: string;
  /** Wall-clock time at the venue, YYYY-MM-DDTHH:mm. */
  start: string;
  end: string;
}

export class RescheduleSession extends SchedulingCommand<RescheduleSessionInput> {}
