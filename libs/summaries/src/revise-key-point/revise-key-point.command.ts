import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface ReviseKeyPointInput {
  consultationId: string;
  keyPointId: string;
  /** New wording; omitted: unchanged. */
  text?: string;
  /** Move (reorder) to this 0-based place, in `sectionId` or its own section. */
  position?: number;
  sectionId?: string;
  /** From If-Match: the summary version the author edited from. */
  basedOnVersion: number;
  meta: CommandMeta;
}

export class ReviseKeyPoint extends Command<SummaryChange> {
  constructor(readonly input: ReviseKeyPointInput) {
    super();
  }
}
