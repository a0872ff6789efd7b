import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface RequestChangesInput {
  consultationId: string;
  /** What the reviewer wants changed; its author is the command's actor. */
  comment: string;
  meta: CommandMeta;
}

export class RequestChanges extends Command<SummaryChange> {
  constructor(
    readonly input: RequestChangesInput,
    /** From If-Match: act on exactly the version the caller saw. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
