import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface ApproveSummaryInput {
  consultationId: string;
  meta: CommandMeta;
}

/** With the Chairs the agenda names, looked up by the handler. */
export type ApproveSummaryDecision = ApproveSummaryInput & { chairs: readonly string[] };

export class ApproveSummary extends Command<SummaryChange> {
  constructor(
    readonly input: ApproveSummaryInput,
    /** From If-Match: act on exactly the version the caller saw. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
