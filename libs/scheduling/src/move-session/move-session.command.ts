import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface MoveSessionInput {
  consultationId: string;
  sessionId: string;
  /** The new room; null: no room assigned any more. */
  room: string | null;
}

export class MoveSession extends SchedulingCommand<MoveSessionInput> {}
