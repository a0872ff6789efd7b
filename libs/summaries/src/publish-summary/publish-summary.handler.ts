import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SummaryRepository } from '../summary/summary.repository.js';
import { PublishSummary } from './publish-summary.command.js';
import { decidePublishSummary } from './publish-summary.decide.js';

@CommandHandler(PublishSummary)
export class PublishSummaryHandler implements ICommandHandler<PublishSummary> {
  constructor(private readonly summaries: SummaryRepository) {}

  async execute({ input, expectedVersion }: PublishSummary) {
    return this.summaries.update(input.consultationId, input.meta, (state) => decidePublishSummary(input, state), { expectedVersion });
  }
}
