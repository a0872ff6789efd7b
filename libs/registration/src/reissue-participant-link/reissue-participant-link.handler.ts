import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { ReissueParticipantLink } from './reissue-participant-link.command.js';
import { decideReissueParticipantLink } from './reissue-participant-link.decide.js';

@CommandHandler(ReissueParticipantLink)
export class ReissueParticipantLinkHandler implements ICommandHandler<ReissueParticipantLink> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: ReissueParticipantLink) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideReissueParticipantLink(input, ctx));
  }
}
