import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface IssueCorrectionInput {
  consultationId: string;
  /** Why the published edition needs correcting: printed with the new edition. */
  reason: string;
  meta: CommandMeta;
}

export class IssueCorrection extends Command<SummaryChange> {
  constructor(
    readonly input: IssueCorrectionInput,
    /** From If-Match: act on exactly the version the caller saw. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
