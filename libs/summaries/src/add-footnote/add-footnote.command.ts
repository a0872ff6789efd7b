import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface AddFootnoteInput {
  consultationId: string;
  footnoteId: string;
  /** UN document symbol, e.g. A/RES/73/266. */
  symbol?: string;
  text?: string;
  url?: string;
  /** The section the footnote belongs to; omitted: the summary as a whole. */
  sectionId?: string;
  meta: CommandMeta;
}

export class AddFootnote extends Command<SummaryChange> {
  constructor(readonly input: AddFootnoteInput) {
    super();
  }
}
