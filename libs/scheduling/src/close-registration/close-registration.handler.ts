import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { CloseRegistration } from './close-registration.command.js';
import { closeRegistration } from './close-registration.decide.js';

@CommandHandler(CloseRegistration)
export class CloseRegistrationHandler implements ICommandHandler<CloseRegistration> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: CloseRegistration): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state) => closeRegistration(command.input, state));
  }
}
