import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONSULTATIONS, type Consultations } from '../ports/consultations.js';
import { SummaryRepository } from '../summary/summary.repository.js';
import { ApproveSummary } from './approve-summary.command.js';
import { decideApproveSummary } from './approve-summary.decide.js';

@CommandHandler(ApproveSummary)
export class ApproveSummaryHandler implements ICommandHandler<ApproveSummary> {
  constructor(
    private readonly summaries: SummaryRepository,
    @Inject(CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async execute({ input, expectedVersion }: ApproveSummary) {
    const chairs = (await this.consultations.find(input.consultationId))?.chairs ?? [];
    return this.summaries.update(input.consultationId, input.meta, (state) => decideApproveSummary({ ...input, chairs }, state), { expectedVersion });
  }
}
