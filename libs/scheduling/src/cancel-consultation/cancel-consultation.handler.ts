import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { CancelConsultation } from './cancel-consultation.command.js';
import { cancelConsultation } from './cancel-consultation.decide.js';

@CommandHandler(CancelConsultation)
export class CancelConsultationHandler implements ICommandHandler<CancelConsultation> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: CancelConsultation): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state) => cancelConsultation(command.input, state));
  }
}
