import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface SubmitSummaryInput {
  consultationId: string;
  meta: CommandMeta;
}

export class SubmitSummary extends Command<SummaryChange> {
  constructor(
    readonly input: SubmitSummaryInput,
    /** From If-Match: submit exactly the version the author last saw. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
