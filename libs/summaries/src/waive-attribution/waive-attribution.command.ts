import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface WaiveAttributionInput {
  consultationId: string;
  waiverId: string;
  /** The exact text the Chair allows, e.g. a sentence quoting a State's published national statement. */
  text: string;
  reason: string;
  meta: CommandMeta;
}

/** With the Chairs the agenda names, looked up by the handler. */
export type WaiveAttributionDecision = WaiveAttributionInput & { chairs: readonly string[] };

export class WaiveAttribution extends Command<SummaryChange> {
  constructor(readonly input: WaiveAttributionInput) {
    super();
  }
}
