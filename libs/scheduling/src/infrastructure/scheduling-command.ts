import { Command } from '@nestjs/cqrs';
import type { AppendResult, CommandMeta } from '@convene/event-store';

/** What every scheduling command answers: the stream it changed and where that stream now is. */
export interface CommandOutcome {
  /** Id of the series or consultation the command was about. */
  id: string;
  streamId: string;
  /** Version of the stream after the command: the ETag of the resource. */
  version: number;
  /** The append, to wait for with ProjectionRunner.waitForAppend; null when nothing had to change. */
  appended: AppendResult | null;
}

/**
 * A command: its input (ids included: the caller makes them), who sent it and when (meta), and
 * the stream version the caller expects (If-Match), if any.
 */
export abstract class SchedulingCommand<I> extends Command<CommandOutcome> {
  constructor(
    readonly input: I,
    readonly meta: CommandMeta,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
