import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { OpenRegistration } from './open-registration.command.js';
import { openRegistration } from './open-registration.decide.js';

@CommandHandler(OpenRegistration)
export class OpenRegistrationHandler implements ICommandHandler<OpenRegistration> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: OpenRegistration): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state) => openRegistration(command.input, state));
  }
}
