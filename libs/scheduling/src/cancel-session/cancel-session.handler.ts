import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { CancelSession } from './cancel-session.command.js';
import { cancelSession } from './cancel-session.decide.js';

@CommandHandler(CancelSession)
export class CancelSessionHandler implements ICommandHandler<CancelSession> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: CancelSession): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state) => cancelSession(command.input, state));
  }
}
