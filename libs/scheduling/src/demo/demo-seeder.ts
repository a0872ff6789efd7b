import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { type AppendResult, type CommandMeta, EventStore, ProjectionRunner } from '@convene/event-store';
import { canonicalJson } from '@convene/platform';
import demo from '../../../../seeds/demo/unidir-csis-cyber-workshops.json' with { type: 'json' };
import { AddSession } from '../add-session/add-session.command.js';
import { AnnounceConsultation } from '../announce-consultation/announce-consultation.command.js';
import { CloseRegistration } from '../close-registration/close-registration.command.js';
import type { Person, SessionAccess, SessionKind } from '../consultation/consultation.events.js';
import type { SchedulingCommand } from '../infrastructure/scheduling-command.js';
import { OpenRegistration } from '../open-registration/open-registration.command.js';
import { PlanSeries } from '../plan-series/plan-series.command.js';
import { ScheduleConsultation } from '../schedule-consultation/schedule-consultation.command.js';

type DemoSession = (typeof demo.consultations)[number]['sessions'][number];
type PersonKey = keyof typeof demo.people;

export interface SeedResult {
  /** Commands run. */
  commands: number;
  /** Of them, those that appended events now (the others had been seeded before). */
  appended: number;
}

/**
 * Loads the demo series (seeds/demo/) through the real command handlers, so that it is events
 * like everything else. Every step carries a fixed Idempotency-Key: a second run replays the
 * first results and appends nothing, and a run that was interrupted completes the rest.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly commandBus: CommandBus,
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  /** Seeds only an empty store: what `npm start` does on a first run. */
  async seedIfEmpty(): Promise<SeedResult | null> {
    if ((await this.store.headPosition()) > 0n) return null;
    return this.seed();
  }

  async seed(): Promise<SeedResult> {
    const correlationId = randomUUID();
    const commands = this.commands((step, input) => ({
      actor: 'convene-seed',
      actorRole: 'secretariat',
      correlationId,
      occurredAt: new Date().toISOString(),
      // The hash is of the command's input: changed demo data under an old key is refused, not replayed.
      idempotency: { key: `seed:${demo.key}:${step}`, requestHash: createHash('sha256').update(canonicalJson(input)).digest('hex') },
    }));
    let appended = 0;
    let last: AppendResult | null = null;
    for (const command of commands) {
      const outcome = await this.commandBus.execute(command);
      if (outcome.appended && !outcome.appended.replayed) {
        appended += 1;
        last = outcome.appended;
      }
    }
    if (last) await this.runner.waitForAppend(last, 10_000);
    this.logger.log(`demo series "${demo.series.title}": ${appended} of ${commands.length} commands appended events`);
    return { commands: commands.length, appended };
  }

  private commands(meta: (step: string, input: unknown) => CommandMeta): Array<SchedulingCommand<unknown>> {
    const { id: seriesId, ...series } = demo.series;
    const make = <I>(Command: new (input: I, meta: CommandMeta) => SchedulingCommand<I>, step: string, input: I) => new Command(input, meta(step, input));
    const person = (key: string | null): Person | null => (key === null ? null : demo.people[key as PersonKey]);
    const session = (consultationId: string, { id: sessionId, kind, access, chair, moderator, speakers, ...rest }: DemoSession) =>
      make(AddSession, `session:${sessionId}`, {
        ...rest,
        consultationId,
        sessionId,
        kind: kind as SessionKind,
        access: access as SessionAccess,
        chair: person(chair),
        moderator: person(moderator),
        speakers: speakers.map((key) => person(key)!),
      });
    return [
      make(PlanSeries, `series:${seriesId}`, { ...series, seriesId }),
      ...demo.consultations.flatMap((c) => {
        const { id, sessions, announce, registration, ...details } = c as typeof c & { registration?: { deadline: string; close: boolean } };
        return [
          make(ScheduleConsultation, `consultation:${id}`, { ...details, seriesId, consultationId: id }),
          ...sessions.map((s) => session(id, s)),
          ...(announce ? [make(AnnounceConsultation, `announce:${id}`, { consultationId: id })] : []),
          ...(registration ? [make(OpenRegistration, `open-registration:${id}`, { consultationId: id, deadline: registration.deadline })] : []),
          ...(registration?.close ? [make(CloseRegistration, `close-registration:${id}`, { consultationId: id })] : []),
        ];
      }),
    ];
  }
}
