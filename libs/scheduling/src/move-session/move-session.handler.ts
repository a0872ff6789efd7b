import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { MoveSession } from './move-session.command.js';
import { moveSession } from './move-session.decide.js';

@CommandHandler(MoveSession)
export class MoveSessionHandler implements ICommandHandler<MoveSession> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: MoveSession): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state, siblings) => moveSession(command.input, state, siblings), { siblings: true });
  }
}
