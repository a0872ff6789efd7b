import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONSULTATIONS, type Consultations } from '../ports/consultations.js';
import { SummaryRepository } from '../summary/summary.repository.js';
import { StartSummary } from './start-summary.command.js';
import { decideStartSummary } from './start-summary.decide.js';

@CommandHandler(StartSummary)
export class StartSummaryHandler implements ICommandHandler<StartSummary> {
  constructor(
    private readonly summaries: SummaryRepository,
    @Inject(CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async execute({ input }: StartSummary) {
    const consultation = await this.consultations.find(input.consultationId);
    return this.summaries.update(input.consultationId, input.meta, (state) => decideStartSummary(input, state, consultation));
  }
}
