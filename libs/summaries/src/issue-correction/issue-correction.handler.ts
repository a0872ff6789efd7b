import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SummaryRepository } from '../summary/summary.repository.js';
import { IssueCorrection } from './issue-correction.command.js';
import { decideIssueCorrection } from './issue-correction.decide.js';

@CommandHandler(IssueCorrection)
export class IssueCorrectionHandler implements ICommandHandler<IssueCorrection> {
  constructor(private readonly summaries: SummaryRepository) {}

  async execute({ input, expectedVersion }: IssueCorrection) {
    return this.summaries.update(input.consultationId, input.meta, (state) => decideIssueCorrection(input, state), { expectedVersion });
  }
}
