import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import { AddFootnote } from './add-footnote.command.js';
import { decideAddFootnote } from './add-footnote.decide.js';

@CommandHandler(AddFootnote)
export class AddFootnoteHandler implements ICommandHandler<AddFootnote> {
  constructor(private readonly summaries: CheckedSummaryUpdates) {}

  async execute({ input }: AddFootnote) {
    return this.summaries.update(input.consultationId, input.meta, (state, ctx) => decideAddFootnote(input, state, ctx));
  }
}
