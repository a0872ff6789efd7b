import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SummaryRepository } from '../summary/summary.repository.js';
import { WithdrawKeyPoint } from './withdraw-key-point.command.js';
import { decideWithdrawKeyPoint } from './withdraw-key-point.decide.js';

@CommandHandler(WithdrawKeyPoint)
export class WithdrawKeyPointHandler implements ICommandHandler<WithdrawKeyPoint> {
  constructor(private readonly summaries: SummaryRepository) {}

  async execute({ input }: WithdrawKeyPoint) {
    return this.summaries.update(input.consultationId, input.meta, (state) => decideWithdrawKeyPoint(input, state));
  }
}
