import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { SubmitSummary } from './submit-summary.command.js';
import { decideSubmitSummary } from './submit-summary.decide.js';

@CommandHandler(SubmitSummary)
export class SubmitSummaryHandler implements ICommandHandler<SubmitSummary> {
  constructor(private readonly summaries: CheckedSummaryUpdates) {}

  async execute({ input, expectedVersion }: SubmitSummary) {
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideSubmitSummary(input, state, ctx), { expectedVersion });
  }
}
