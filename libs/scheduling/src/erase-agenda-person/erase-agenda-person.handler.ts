import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import { EraseAgendaPerson } from './erase-agenda-person.command.js';
import { eraseAgendaPerson } from './erase-agenda-person.decide.js';

@CommandHandler(EraseAgendaPerson)
export class EraseAgendaPersonHandler implements ICommandHandler<EraseAgendaPerson> {
  constructor(private readonly streams: SchedulingStreams) {}

  execute(command: EraseAgendaPerson): Promise<CommandOutcome> {
    return this.streams.changeConsultation(command, (state) => eraseAgendaPerson(command.input, state));
  }
}
