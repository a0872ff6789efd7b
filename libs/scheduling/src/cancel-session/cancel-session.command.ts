import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface CancelSessionInput {
  consultationId: string;
  sessionId: string;
  reason: string;
}

export class CancelSession extends SchedulingCommand<CancelSessionInput> {}
