import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AppendResult, EventStore, NotFound } from '@convene/event-store';
import { type CommandOutcome, EraseAgendaPerson, SchedulingReadModels } from '@convene/scheduling';
import { RegistrationBooks } from '../book/registration-books.js';
import { PersonDirectory } from '../infrastructure/person-directory.js';
import { RosterQueries } from '../read-models/roster/roster.queries.js';
import { EraseParticipantData, type ErasureReply } from './erase-participant-data.command.js';
import { decideEraseParticipantData } from './erase-participant-data.decide.js';

/**
 * Records the erasure in every book that holds the person and on every agenda that names them
 * (a chair, moderator or speaker: scheduling keeps their name under the same key), then destroys their key and the
 * directory entry that led from their e-mail address to them. In that order: a failure after the
 * recording is finished by running the command again (recording is idempotent, destroying a key
 * too), while a key destroyed before the recording could leave read models unaware.
 */
@CommandHandler(EraseParticipantData)
export class EraseParticipantDataHandler implements ICommandHandler<EraseParticipantData> {
  constructor(
    private readonly books: RegistrationBooks,
    private readonly roster: RosterQueries,
    private readonly people: PersonDirectory,
    private readonly store: EventStore,
    private readonly agendas: SchedulingReadModels,
    private readonly commands: CommandBus,
  ) {}

  async execute({ input }: EraseParticipantData): Promise<ErasureReply & { appended: AppendResult[] }> {
    const consultationIds = await this.roster.consultationsOf(input.personId);
    const agendaIds = await this.agendas.consultationsNaming(input.personId);
    if (consultationIds.length === 0 && agendaIds.length === 0 && !(await this.people.isKnown(input.personId))) throw new NotFound('Person', input.personId);
    const consultations: ErasureReply['consultations'] = [];
    const appended: AppendResult[] = [];
    for (const consultationId of consultationIds) {
      const outcome = await this.books.decide(consultationId, input.meta, (ctx) => decideEraseParticipantData(input, ctx));
      consultations.push({ consultationId, registrationIds: outcome.reply.registrationIds });
      if (outcome.appended) appended.push(outcome.appended);
    }
    // One command per consultation: the erase request's idempotency key (if any) belongs to the request, not to each append.
    const meta = { ...input.meta, idempotency: undefined };
    for (const consultationId of agendaIds) {
      const outcome: CommandOutcome = await this.commands.execute(new EraseAgendaPerson({ consultationId, personId: input.personId, reason: input.reason }, meta));
      if (outcome.appended) appended.push(outcome.appended);
    }
    await this.store.forgetSubject(input.personId);
    await this.people.forget(input.personId);
    return { personId: input.personId, consultations, agendas: agendaIds, appended };
  }
}
