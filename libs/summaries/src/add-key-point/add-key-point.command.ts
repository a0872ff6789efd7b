import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface AddKeyPointInput {
  consultationId: string;
  keyPointId: string;
  sectionId: string;
  text: string;
  /** 0-based place in the section; omitted: last. */
  position?: number;
  meta: CommandMeta;
}

export class AddKeyPoint extends Command<SummaryChange> {
  constructor(readonly input: AddKeyPointInput) {
    super();
  }
}
