import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { PersonDirectory } from '../infrastructure/person-directory.js';
import { RegisterParticipant } from './register-participant.command.js';
import { decideRegisterParticipant } from './register-participant.decide.js';

@CommandHandler(RegisterParticipant)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipant> {
  constructor(
    private readonly books: RegistrationBooks,
    private readonly people: PersonDirectory,
  ) {}

  async execute({ input }: RegisterParticipant) {
    const personId = await this.people.personFor(input.person.email);
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideRegisterParticipant({ ...input, personId }, ctx));
  }
}
