import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { WaiveAttribution } from './waive-attribution.command.js';
import { decideWaiveAttribution } from './waive-attribution.decide.js';

@CommandHandler(WaiveAttribution)
export class WaiveAttributionHandler implements ICommandHandler<WaiveAttribution> {
  constructor(private readonly summaries: CheckedSummaryUpdates) {}

  async execute({ input }: WaiveAttribution) {
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideWaiveAttribution(input, state, ctx));
  }
}
