import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { PostponeConsultation } from './postpone-consultation.command.js';
import { postponeConsultation } from './postpone-consultation.decide.js';

@CommandHandler(PostponeConsultation)
export class PostponeConsultationHandler implements ICommandHandler<PostponeConsultation> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: PostponeConsultation): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state, siblings) => postponeConsultation(command.input, state, siblings), { siblings: true });
  }
}
