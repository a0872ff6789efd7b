import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { PersonDirectory } from '../infrastructure/person-directory.js';
import { ChangeRegistrationDetails } from './change-registration-details.command.js';
import { decideChangeRegistrationDetails } from './change-registration-details.decide.js';

@CommandHandler(ChangeRegistrationDetails)
export class ChangeRegistrationDetailsHandler implements ICommandHandler<ChangeRegistrationDetails> {
  constructor(
    private readonly books: RegistrationBooks,
    private readonly people: PersonDirectory,
  ) {}

  async execute({ input }: ChangeRegistrationDetails) {
    const outcome = await this.books.decide(input.consultationId, input.meta, (ctx) => decideChangeRegistrationDetails(input, ctx));
    const email = input.changes.person?.email;
    const personId = outcome.events[0]?.data.personId;
    // The new address finds the same person next time (same subject, and a second registration is refused).
    if (email && personId) await this.people.addAddress(email, personId);
    return outcome;
  }
}
