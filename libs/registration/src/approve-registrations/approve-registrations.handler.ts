import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { ApproveRegistrations } from './approve-registrations.command.js';
import { decideApproveRegistrations } from './approve-registrations.decide.js';

@CommandHandler(ApproveRegistrations)
export class ApproveRegistrationsHandler implements ICommandHandler<ApproveRegistrations> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: ApproveRegistrations) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideApproveRegistrations(input, ctx));
  }
}
