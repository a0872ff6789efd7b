import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface StartSummaryInput {
  consultationId: string;
  /** Omitted: on when any session of the consultation is closed (or none is known yet). */
  chathamHouse?: boolean;
  meta: CommandMeta;
}

export class StartSummary extends Command<SummaryChange> {
  constructor(readonly input: StartSummaryInput) {
    super();
  }
}
