import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONSULTATIONS, type Consultations } from '../ports/consultations.js';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { SetSection } from './set-section.command.js';
import { decideSetSection } from './set-section.decide.js';

@CommandHandler(SetSection)
export class SetSectionHandler implements ICommandHandler<SetSection> {
  constructor(
    private readonly summaries: CheckedSummaryUpdates,
    @Inject(CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async execute({ input }: SetSection) {
    // The session's access decides whether a new section starts under the Chatham House rule.
    const consultation = input.sessionId ? await this.consultations.find(input.consultationId) : undefined;
    const session = consultation?.sessions.find((s) => s.sessionId === input.sessionId);
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideSetSection(input, state, { ...ctx, session }));
  }
}
