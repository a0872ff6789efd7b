import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SummaryRepository } from '../summary/summary.repository.js';
import { ApproveSummary } from './approve-summary.command.js';
import { decideApproveSummary } from './approve-summary.decide.js';

@CommandHandler(ApproveSummary)
export class ApproveSummaryHandler implements ICommandHandler<ApproveSummary> {
  constructor(private readonly summaries: SummaryRepository) {}

  async execute({ input, expectedVersion }: ApproveSummary) {
    return this.summaries.update(input.consultationId, input.meta, (state) => decideApproveSummary(input, state), { expectedVersion });
  }
}
