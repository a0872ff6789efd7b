import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Command, CommandBus } from '@nestjs/cqrs';
import { type AppendResult, type CommandMeta, EventStore, IdempotencyKeyReused, ProjectionRunner, RuleViolation } from '@convene/event-store';
import { canonicalJson } from '@convene/platform';
import { consultationStreamId, type SeedResult } from '@convene/scheduling';
import demo from '../../../../seeds/demo/chair-summaries.json' with { type: 'json' };
import { AddFootnote } from '../add-footnote/add-footnote.command.js';
import { AddKeyPoint } from '../add-key-point/add-key-point.command.js';
import { ApproveSummary } from '../approve-summary/approve-summary.command.js';
import { CONSULTATIONS, type Consultations } from '../ports/consultations.js';
import { PublishSummary } from '../publish-summary/publish-summary.command.js';
import { SetSection } from '../set-section/set-section.command.js';
import { StartSummary } from '../start-summary/start-summary.command.js';
import { SubmitSummary } from '../submit-summary/submit-summary.command.js';
import type { SectionKind } from '../summary/summary.events.js';
import type { SummaryChange } from '../summary/summary.repository.js';

/** The shape of seeds/demo/chair-summaries.json. */
export interface DemoSummary {
  consultationId: string;
  /** Where and when, for messages. */
  workshop: string;
  chathamHouse: boolean;
  /** In document order: introduction, one per substantive session, conclusions. */
  sections: Array<{ sectionId: string; kind: SectionKind; sessionId: string | null; title: string; text: string; keyPoints: string[] }>;
  /** Numbered in this order. */
  footnotes: Array<{ footnoteId: string; symbol: string | null; text: string | null; url: string | null; sectionId: string | null }>;
}

export const demoSummaries = demo as { key: string; summaries: DemoSummary[] };

/** Key point ids are the section's id and the point's place in it, from 1. */
export const demoKeyPointId = (sectionId: string, index: number) => `${sectionId}-${index + 1}`;

interface Step {
  name: string;
  role: 'secretariat' | 'chair';
  input: object;
  command(meta: CommandMeta): Command<SummaryChange>;
}

// How long the scheduling demo's consultations may take to reach the read model the summary
// commands consult: no time in process, a little through Kafka.
const READ_MODEL_WAIT_MS = 30_000;

/**
 * Writes the Chair's summary of each workshop of the demo series (seeds/demo/chair-summaries.json)
 * through the real commands, up to its publication: drafting as the secretariat, approval as the
 * Chair. Runs after the scheduling demo (DemoSeeder), whose consultations it needs.
 *
 * Every step has a fixed Idempotency-Key, so that a second run appends nothing and an interrupted
 * run completes the rest. The scheduling handlers look a key up before deciding; the summary
 * handlers decide first and would refuse a replayed step ("already started", "published"), so the
 * seeder looks each key up itself before sending the command.
 */
@Injectable()
export class SummariesDemoSeeder {
  private readonly logger = new Logger('SummariesDemoSeeder');

  constructor(
    private readonly commandBus: CommandBus,
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async seed(): Promise<SeedResult> {
    await this.waitForConsultations();
    const correlationId = randomUUID();
    let commands = 0;
    let appended = 0;
    let last: AppendResult | null = null;
    for (const summary of demoSummaries.summaries) {
      const steps = this.steps(summary);
      commands += steps.length;
      for (const step of steps) {
        const idempotency = {
          key: `seed:${demoSummaries.key}:${summary.consultationId}:${step.name}`,
          // The hash is of the step's input: changed demo text under an old key is refused, not replayed.
          requestHash: createHash('sha256').update(canonicalJson(step.input)).digest('hex'),
        };
        if (await this.done(idempotency)) continue;
        // Only the consultation's own Chair approves: the seed acts as the Chair the demo agenda names.
        const actor = step.role === 'chair' ? ((await this.consultations.find(summary.consultationId))?.chairs[0] ?? 'convene-seed') : 'convene-seed';
        const meta: CommandMeta = { actor, actorRole: step.role, correlationId, occurredAt: new Date().toISOString(), idempotency };
        const change = await this.run(step, meta, summary);
        if (!change) break;
        if (change.appended && !change.appended.replayed) {
          appended += 1;
          last = change.appended;
        }
      }
    }
    if (last) await this.runner.waitForAppend(last, 10_000);
    this.logger.log(`Chair's summaries of the demo series: ${appended} of ${commands} commands appended events`);
    return { commands, appended };
  }

  /** Whether the step's key was used by an earlier run (the key and the append commit together). */
  private async done(idempotency: { key: string; requestHash: string }): Promise<boolean> {
    const prior = await this.store.findIdempotencyKey(idempotency.key);
    if (!prior?.result) return false;
    if (prior.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReused(idempotency.key);
    return true;
  }

  /** null: a summary of this consultation was started by someone else; it is theirs, not the demo's. */
  private async run(step: Step, meta: CommandMeta, summary: DemoSummary): Promise<SummaryChange | null> {
    try {
      return await this.commandBus.execute(step.command(meta));
    } catch (err) {
      if (step.name !== 'start' || !(err instanceof RuleViolation) || err.rule !== 'SummaryAlreadyStarted') throw err;
      this.logger.warn(`${summary.workshop}: a summary was started outside the demo seed; left as it is`);
      return null;
    }
  }

  private steps({ consultationId, chathamHouse, sections, footnotes }: DemoSummary): Step[] {
    const step = <I extends object>(name: string, input: I, make: (input: I & { meta: CommandMeta }) => Command<SummaryChange>, role: Step['role'] = 'secretariat'): Step => ({
      name,
      role,
      input,
      command: (meta) => make({ ...input, meta }),
    });
    return [
      step('start', { consultationId, chathamHouse }, (input) => new StartSummary(input)),
      ...sections.flatMap(({ keyPoints, sessionId, ...section }) => [
        step(`section:${section.sectionId}`, { consultationId, ...section, ...(sessionId ? { sessionId } : {}) }, (input) => new SetSection(input)),
        ...keyPoints.map((text, i) => {
          const keyPointId = demoKeyPointId(section.sectionId, i);
          return step(`key-point:${keyPointId}`, { consultationId, keyPointId, sectionId: section.sectionId, text }, (input) => new AddKeyPoint(input));
        }),
      ]),
      ...footnotes.map(({ footnoteId, symbol, text, url, sectionId }) =>
        step(
          `footnote:${footnoteId}`,
          { consultationId, footnoteId, symbol: symbol ?? undefined, text: text ?? undefined, url: url ?? undefined, sectionId: sectionId ?? undefined },
          (input) => new AddFootnote(input),
        ),
      ),
      step('submit', { consultationId }, (input) => new SubmitSummary(input)),
      step('approve', { consultationId }, (input) => new ApproveSummary(input), 'chair'),
      step('publish', { consultationId }, (input) => new PublishSummary(input)),
    ];
  }

  /** The scheduling demo must be in the store; its read model may still be catching up (through Kafka, say). */
  private async waitForConsultations(): Promise<void> {
    const { summaries } = demoSummaries;
    const streams = await this.store.currentVersions(summaries.map((s) => consultationStreamId(s.consultationId)));
    const absent = summaries.filter((s) => !streams.has(consultationStreamId(s.consultationId)));
    if (absent.length > 0) {
      const which = absent.map((s) => `${s.consultationId} (${s.workshop})`).join(', ');
      throw new Error(`The demo consultations ${which} are not in the store: seed the scheduling demo (DemoSeeder) first`);
    }
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    while ((await Promise.all(summaries.map((s) => this.consultations.find(s.consultationId)))).some((c) => !c)) {
      if (Date.now() > deadline) throw new Error('The demo consultations did not reach the scheduling read model in time');
      await sleep(100);
    }
  }
}
