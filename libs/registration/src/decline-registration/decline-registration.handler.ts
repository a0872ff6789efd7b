import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { DeclineRegistration } from './decline-registration.command.js';
import { decideDeclineRegistration } from './decline-registration.decide.js';

@CommandHandler(DeclineRegistration)
export class DeclineRegistrationHandler implements ICommandHandler<DeclineRegistration> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: DeclineRegistration) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideDeclineRegistration(input, ctx));
  }
}
