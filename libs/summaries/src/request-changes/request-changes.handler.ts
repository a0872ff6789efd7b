import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SummaryRepository } from '../summary/summary.repository.js';
import { RequestChanges } from './request-changes.command.js';
import { decideRequestChanges } from './request-changes.decide.js';

@CommandHandler(RequestChanges)
export class RequestChangesHandler implements ICommandHandler<RequestChanges> {
  constructor(private readonly summaries: SummaryRepository) {}

  async execute({ input, expectedVersion }: RequestChanges) {
    return this.summaries.update(input.consultationId, input.meta, (state) => decideRequestChanges(input, state), { expectedVersion });
  }
}
