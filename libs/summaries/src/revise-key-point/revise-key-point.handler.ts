import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { ReviseKeyPoint } from './revise-key-point.command.js';
import { decideReviseKeyPoint } from './revise-key-point.decide.js';

@CommandHandler(ReviseKeyPoint)
export class ReviseKeyPointHandler implements ICommandHandler<ReviseKeyPoint> {
  constructor(private readonly summaries: CheckedSummaryUpdates) {}

  async execute({ input }: ReviseKeyPoint) {
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideReviseKeyPoint(input, state, ctx));
  }
}
