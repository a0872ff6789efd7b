import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { AddSession } from './add-session.command.js';
import { addSession } from './add-session.decide.js';

@CommandHandler(AddSession)
export class AddSessionHandler implements ICommandHandler<AddSession> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: AddSession): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state, siblings) => addSession(command.input, state, siblings), { siblings: true });
  }
}
