import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface WithdrawKeyPointInput {
  consultationId: string;
  keyPointId: string;
  /** From If-Match: the summary version the author saw the key point at. */
  basedOnVersion: number;
  meta: CommandMeta;
}

export class WithdrawKeyPoint extends Command<SummaryChange> {
  constructor(readonly input: WithdrawKeyPointInput) {
    super();
  }
}
