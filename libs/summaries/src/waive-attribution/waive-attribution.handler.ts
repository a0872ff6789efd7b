import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONSULTATIONS, type Consultations } from '../ports/consultations.js';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { WaiveAttribution } from './waive-attribution.command.js';
import { decideWaiveAttribution } from './waive-attribution.decide.js';

@CommandHandler(WaiveAttribution)
export class WaiveAttributionHandler implements ICommandHandler<WaiveAttribution> {
  constructor(
    private readonly summaries: CheckedSummaryUpdates,
    @Inject(CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async execute({ input }: WaiveAttribution) {
    const chairs = (await this.consultations.find(input.consultationId))?.chairs ?? [];
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideWaiveAttribution({ ...input, chairs }, state, ctx));
  }
}
