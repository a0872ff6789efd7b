import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { AnnounceConsultation } from './announce-consultation.command.js';
import { announceConsultation } from './announce-consultation.decide.js';

@CommandHandler(AnnounceConsultation)
export class AnnounceConsultationHandler implements ICommandHandler<AnnounceConsultation> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: AnnounceConsultation): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state) => announceConsultation(command.input, state));
  }
}
