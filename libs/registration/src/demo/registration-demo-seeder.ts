import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AppendResult, type CommandMeta, EventStore, ProjectionRunner } from '@convene/event-store';
import { consultationStreamId, type SeedResult } from '@convene/scheduling';
import demo from '../../../../seeds/demo/registrations.json' with { type: 'json' };
import { ApproveRegistrations, type ApprovalOutcome } from '../approve-registrations/approve-registrations.command.js';
import type { PersonDetails, StakeholderGroup } from '../book/registration-book.events.js';
import type { BookOutcome } from '../book/registration-books.js';
import { CheckIn } from '../check-in/check-in.command.js';
import { type Consultations, REGISTRATION_CONSULTATIONS } from '../ports/consultations.js';
import { RegisterParticipant, type RegisterParticipantInput, type RegistrationReply } from '../register-participant/register-participant.command.js';

/** The shape of seeds/demo/registrations.json. */
interface DemoDelegation {
  state: string;
  /** The State as the placeholder names say it ("Viet Nam", "the Philippines"). */
  name: string;
  count: number;
  women: number;
}

interface DemoGroup {
  group: string;
  organisation: string | null;
  /** Stem of the placeholder names ("UNIDIR staff member" -> "UNIDIR staff member 1 (demo)"). */
  label: string;
  count: number;
  women: number;
  /** One per person, in order. */
  nationalities: string[];
  /** How many of them were checked in (the first ones); default: all. */
  attended?: number;
}

interface DemoConsultation {
  consultationId: string;
  /** Short code in the placeholder e-mail addresses and ids. */
  code: string;
  workshop: string;
  delegations: DemoDelegation[];
  others: DemoGroup[];
}

export const demoRegistrations = demo as { key: string; consultations: DemoConsultation[] };

/** One placeholder person of the demo, with the registration the seeder asks for. */
export interface DemoParticipant {
  registrationId: string;
  person: PersonDetails;
  stakeholderGroup: StakeholderGroup;
  represents: { state: string | null; organisation: string | null };
  role: 'head-of-delegation' | 'delegate' | 'speaker' | 'observer';
  attends: boolean;
}

/** A fixed id per demo person: a UUID-shaped digest of the seed key and the person's place in the file. */
function fixedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const gender = (i: number, women: number): PersonDetails['gender'] => (i < women ? 'woman' : 'man');

/**
 * The placeholder people of a demo consultation. Their family name is "(demo)": no text can
 * name them by it, so the Chatham House check of the demo summaries finds nothing to refuse.
 */
export function demoParticipants(c: DemoConsultation, key = demoRegistrations.key): DemoParticipant[] {
  const email = (stem: string, i: number) => `${c.code}.${stem}.${i + 1}@demo.convene.invalid`;
  const person = (givenName: string, address: string, i: number, women: number, nationality: string | null, affiliation: string | null): PersonDetails => ({
    honorific: null,
    givenName,
    familyName: '(demo)',
    email: address,
    gender: gender(i, women),
    nationality,
    affiliation,
    jobTitle: null,
  });
  const delegates = c.delegations.flatMap((d) =>
    Array.from({ length: d.count }, (_, i): DemoParticipant => ({
      registrationId: fixedId(key, c.code, d.state, String(i + 1)),
      person: person(`Delegate ${i + 1} of ${d.name}`, email(d.state.toLowerCase(), i), i, d.women, d.state, `Government of ${d.name}`),
      stakeholderGroup: 'member-state',
      represents: { state: d.state, organisation: null },
      role: i === 0 ? 'head-of-delegation' : 'delegate',
      attends: true,
    })),
  );
  const others = c.others.flatMap((g, n) =>
    Array.from({ length: g.count }, (_, i): DemoParticipant => ({
      registrationId: fixedId(key, c.code, `${g.group}-${n}`, String(i + 1)),
      person: person(`${g.label} ${i + 1}`, email(`${g.group}-${n}`, i), i, g.women, g.nationalities[i] ?? null, g.organisation),
      stakeholderGroup: g.group as StakeholderGroup,
      represents: { state: null, organisation: g.organisation },
      role: g.group === 'invited-expert' ? 'speaker' : 'observer',
      attends: i < (g.attended ?? g.count),
    })),
  );
  return [...delegates, ...others];
}

// How long the scheduling demo's consultations may take to reach the read model the registration
// books decide against: no time in process, a little through Kafka.
const READ_MODEL_WAIT_MS = 30_000;

type Outcome<R> = BookOutcome<R>;

/**
 * Registers the demo's placeholder participants for each workshop of the demo series
 * (seeds/demo/registrations.json) through the real commands: recorded by the secretariat,
 * approved in one bulk approval, and checked in on every day of the workshop. Runs after the
 * scheduling demo (DemoSeeder), whose consultations it needs, and before the Chair's summaries,
 * which are written after the meeting.
 *
 * A second run appends nothing, without Idempotency-Keys: the registration book answers a person
 * already registered (same e-mail) with their registration, an approval of a confirmed one and a
 * repeated check-in change nothing. The registration ids are fixed, so a first run makes the same
 * ids every time.
 */
@Injectable()
export class RegistrationDemoSeeder {
  private readonly logger = new Logger('RegistrationDemoSeeder');

  constructor(
    private readonly commandBus: CommandBus,
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(REGISTRATION_CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async seed(): Promise<SeedResult> {
    await this.waitForConsultations();
    const correlationId = randomUUID();
    const meta = (): CommandMeta => ({ actor: 'convene-seed', actorRole: 'secretariat', correlationId, occurredAt: new Date().toISOString() });
    const done = { commands: 0, appended: 0, last: null as AppendResult | null };
    const count = (outcome: Outcome<unknown>) => {
      done.commands += 1;
      if (outcome.events.length > 0 && outcome.appended) {
        done.appended += 1;
        done.last = outcome.appended;
      }
    };

    for (const c of demoRegistrations.consultations) {
      const { consultationId } = c;
      const people = demoParticipants(c);
      // Sent together: the book decides them one after another and appends them in a few batches.
      const registered = await Promise.all(
        people.map((p) => {
          const input: RegisterParticipantInput = {
            consultationId,
            registrationId: p.registrationId,
            person: p.person,
            publicListingConsent: true,
            channel: 'secretariat',
            nominatingState: null,
            stakeholderGroup: p.stakeholderGroup,
            represents: p.represents,
            role: p.role,
            sessionIds: [],
            accessNeeds: null,
            meta: meta(),
          };
          return this.commandBus.execute(new RegisterParticipant(input)) as Promise<Outcome<RegistrationReply>>;
        }),
      );
      registered.forEach(count);
      const status = new Map(registered.map((o) => [o.reply.registrationId, o.reply.status]));
      const pending = [...status].filter(([, s]) => s === 'pending').map(([id]) => id);
      if (pending.length > 0) {
        const approval = (await this.commandBus.execute(new ApproveRegistrations({ consultationId, registrationIds: pending, meta: meta() }))) as Outcome<ApprovalOutcome[]>;
        count(approval);
        for (const a of approval.reply) status.set(a.registrationId, a.status);
      }
      // Those who came, on every day of the workshop; a registration someone else changed since (withdrawn, waitlisted) is left alone.
      const facts = (await this.consultations.find(consultationId))!;
      const days = everyDay(facts.startDate, facts.endDate);
      const attending = people.map((p, i) => ({ p, id: registered[i].reply.registrationId })).filter(({ p, id }) => p.attends && status.get(id) === 'confirmed');
      const checkIns = await Promise.all(
        attending.flatMap(({ id }) =>
          days.map((day) => this.commandBus.execute(new CheckIn({ consultationId, registrationId: id, day, sessionId: null, meta: meta() })) as Promise<Outcome<unknown>>),
        ),
      );
      checkIns.forEach(count);
      const skipped = people.filter((p, i) => p.attends && status.get(registered[i].reply.registrationId) !== 'confirmed').length;
      if (skipped > 0) this.logger.warn(`${c.workshop}: ${skipped} demo registrations are not confirmed (changed outside the demo seed); not checked in`);
    }
    if (done.last) await this.runner.waitForAppend(done.last, 10_000);
    this.logger.log(`registrations of the demo series: ${done.appended} of ${done.commands} commands appended events`);
    return { commands: done.commands, appended: done.appended };
  }

  /** The scheduling demo must be in the store; its read model may still be catching up (through Kafka, say). */
  private async waitForConsultations(): Promise<void> {
    const wanted = demoRegistrations.consultations;
    const streams = await this.store.currentVersions(wanted.map((c) => consultationStreamId(c.consultationId)));
    const absent = wanted.filter((c) => !streams.has(consultationStreamId(c.consultationId)));
    if (absent.length > 0) {
      const which = absent.map((c) => `${c.consultationId} (${c.workshop})`).join(', ');
      throw new Error(`The demo consultations ${which} are not in the store: seed the scheduling demo (DemoSeeder) first`);
    }
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    while ((await Promise.all(wanted.map((c) => this.consultations.find(c.consultationId)))).some((c) => !c)) {
      if (Date.now() > deadline) throw new Error('The demo consultations did not reach the scheduling read model in time');
      await sleep(100);
    }
  }
}

/** Every calendar day from `start` to `end` (YYYY-MM-DD, both included). */
function everyDay(start: string, end: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}
