import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { WithdrawRegistration } from './withdraw-registration.command.js';
import { decideWithdrawRegistration } from './withdraw-registration.decide.js';

@CommandHandler(WithdrawRegistration)
export class WithdrawRegistrationHandler implements ICommandHandler<WithdrawRegistration> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: WithdrawRegistration) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideWithdrawRegistration(input, ctx));
  }
}
