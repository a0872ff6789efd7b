import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { RescheduleSession } from './reschedule-session.command.js';
import { rescheduleSession } from './reschedule-session.decide.js';

@CommandHandler(RescheduleSession)
export class RescheduleSessionHandler implements ICommandHandler<RescheduleSession> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: RescheduleSession): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state, siblings) => rescheduleSession(command.input, state, siblings), { siblings: true });
  }
}
