import type { ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ProjectionRunner } from '@convene/event-store';
import { setEtag } from '@convene/platform';
import type { SchedulingCommand } from '../infrastructure/scheduling-command.js';

/**
 * Runs a command from a controller and shapes the answer: ETag = the stream's new version, and
 * the read models caught up with the append, so that a GET right after sees the change.
 */
@Injectable()
export class CommandResponder {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly runner: ProjectionRunner,
  ) {}

  async run(command: SchedulingCommand<unknown>, res: ServerResponse): Promise<{ id: string; version: number }> {
    const outcome = await this.commandBus.execute(command);
    if (outcome.appended) await this.runner.waitForAppend(outcome.appended);
    setEtag(res, outcome.version);
    return { id: outcome.id, version: outcome.version };
  }
}
