import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { RegisterParticipant } from './register-participant.command.js';
import { decideRegisterParticipant } from './register-participant.decide.js';

@CommandHandler(RegisterParticipant)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipant> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: RegisterParticipant) {
    const { email } = input.person;
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideRegisterParticipant({ ...input, personId: ctx.personOf(email) }, ctx), { email });
  }
}
