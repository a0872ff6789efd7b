import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { AddKeyPoint } from './add-key-point.command.js';
import { decideAddKeyPoint } from './add-key-point.decide.js';

@CommandHandler(AddKeyPoint)
export class AddKeyPointHandler implements ICommandHandler<AddKeyPoint> {
  constructor(private readonly summaries: CheckedSummaryUpdates) {}

  async execute({ input }: AddKeyPoint) {
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideAddKeyPoint(input, state, ctx));
  }
}
