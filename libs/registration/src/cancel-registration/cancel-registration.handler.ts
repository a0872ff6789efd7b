import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { CancelRegistration } from './cancel-registration.command.js';
import { decideCancelRegistration } from './cancel-registration.decide.js';

@CommandHandler(CancelRegistration)
export class CancelRegistrationHandler implements ICommandHandler<CancelRegistration> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: CancelRegistration) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideCancelRegistration(input, ctx));
  }
}
