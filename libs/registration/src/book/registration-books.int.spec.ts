/**
 * The batching decider against real PostgreSQL: two API processes (two RegistrationBooks over two
 * stores and pools) deciding on one consultation's book never over-book it; a batch appends the
 * commands that were decided and refuses only the one that was not; each event keeps its own
 * command's metadata; personal fields reach the table sealed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CommandMeta, ConcurrencyConflict, createPool, EventStore, registryOf, RuleViolation, type StoredEvent } from '@convene/event-store';
import type pg from 'pg';
import { createServerDatabase, hasServer, type TestDatabase } from '../../../../test/support/databases.js';
import { decideApproveRegistrations } from '../approve-registrations/approve-registrations.decide.js';
import type { ApprovalOutcome } from '../approve-registrations/approve-registrations.command.js';
import type { Consultations } from '../ports/consultations.js';
import type { RegisterParticipantInput } from '../register-participant/register-participant.command.js';
import { decideRegisterParticipant } from '../register-participant/register-participant.decide.js';
import { PersonDirectory } from '../infrastructure/person-directory.js';
import { registrationFeature } from '../registration.feature.js';
import { decideWithdrawRegistration } from '../withdraw-registration/withdraw-registration.decide.js';
import { consultation, memberships, meta, OPEN, person } from './registration-book.fixture.js';
import { registrationBookStreamId } from './registration-book.events.js';
import { RegistrationBooks } from './registration-books.js';

/** Scheduling as a stub: every consultation asked for exists, with `capacity` seats. */
const consultations = (capacity: number): Consultations => ({ find: async (consultationId) => consultation({ consultationId, capacity }) });

/**
 * Wraps the stores' appends: counts those refused for a stale version (the batches decided
 * again), and holds the first append of each store until the other's comes (or a second has
 * passed), so that the first batches of the two processes are decided on the same version of
 * the book and race: the store must refuse one of them.
 */
function raceFirstAppends(...stores: EventStore[]): { conflicts: number; restore(): void } {
  const held: Array<() => void> = [];
  const releaseAll = () => held.splice(0).forEach((go) => go());
  const fallback = setTimeout(releaseAll, 1000);
  let waitingFor = stores.length;
  const originals = stores.map((store) => store.append);
  const race = {
    conflicts: 0,
    restore: () => stores.forEach((store, i) => (store.append = originals[i])),
  };
  for (const store of stores) {
    const append = store.append.bind(store);
    let first = true;
    store.append = async (...args: Parameters<EventStore['append']>) => {
      if (first) {
        first = false;
        await new Promise<void>((resolve) => {
          held.push(resolve);
          waitingFor -= 1;
          if (waitingFor === 0) {
            clearTimeout(fallback);
            releaseAll();
          }
        });
      }
      try {
        return await append(...args);
      } catch (err) {
        if (err instanceof ConcurrencyConflict) race.conflicts += 1;
        throw err;
      }
    };
  }
  return race;
}

const registration = (consultationId: string, registrationId: string, overrides: Partial<RegisterParticipantInput> = {}): RegisterParticipantInput & { personId: string } => ({
  consultationId,
  registrationId,
  personId: `person-${registrationId}`,
  person: person({ email: `${registrationId}@example.org` }),
  publicListingConsent: true,
  stakeholderGroup: 'member-state',
  represents: { state: 'SGP', organisation: null },
  role: 'delegate',
  sessionIds: [OPEN],
  accessNeeds: null,
  channel: 'self',
  nominatingState: null,
  meta: meta({ actor: 'anonymous', actorRole: 'public', correlationId: `corr-register-${registrationId}` }),
  ...overrides,
});

const register = (books: RegistrationBooks, command: RegisterParticipantInput & { personId: string }) =>
  books.decide(command.consultationId, command.meta, (ctx) => decideRegisterParticipant(command, ctx));

const approve = (books: RegistrationBooks, consultationId: string, registrationId: string, m: CommandMeta = meta()) =>
  books.decide(consultationId, m, (ctx) => decideApproveRegistrations({ consultationId, registrationIds: [registrationId], meta: m }, ctx));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!hasServer()) describe('registration books (PostgreSQL server)', () => it.todo('needs a PostgreSQL server (DATABASE_URL)'));
else
  describe('registration books (PostgreSQL server)', () => {
    let db: TestDatabase;
    let secondPool: pg.Pool;
    /** Two API processes: each its own pool, store and books. */
    let storeA: EventStore;
    let storeB: EventStore;

    beforeAll(async () => {
      db = await createServerDatabase();
      secondPool = createPool(db.url, 10, { server: true });
      storeA = new EventStore(db.pool, registryOf([registrationFeature]));
      storeB = new EventStore(secondPool, registryOf([registrationFeature]));
    });
    afterAll(async () => {
      await secondPool?.end();
      await db?.drop();
    });

    const bookEvents = (consultationId: string): Promise<StoredEvent[]> => storeA.readStream(registrationBookStreamId(consultationId));

    it('two processes approving 200 registrations at once confirm exactly 20 for 20 seats, each decided once, versions contiguous', async () => {
      const consultationId = randomUUID();
      const a = new RegistrationBooks(storeA, consultations(20), memberships, new PersonDirectory(storeA.pool));
      const b = new RegistrationBooks(storeB, consultations(20), memberships, new PersonDirectory(storeB.pool));
      const ids = Array.from({ length: 200 }, (_, i) => `r${String(i).padStart(3, '0')}-${randomUUID()}`);
      // Registered through both processes, so that each approves registrations only the other has folded.
      await Promise.all(ids.map((id, i) => register(i % 2 === 0 ? a : b, registration(consultationId, id))));

      const race = raceFirstAppends(storeA, storeB);
      // Approvals alternate between the processes and trickle in over ~25 ms: many small batches, each racing the other process's.
      const settled = await Promise.allSettled(
        ids.map(async (id, i) => {
          await sleep((i * 7) % 25);
          return (await approve(i % 2 === 0 ? b : a, consultationId, id)).reply[0];
        }),
      ).finally(race.restore);
      const refused = settled.filter((s) => s.status === 'rejected');
      expect(refused.map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
      const replies = settled.map((s) => (s as PromiseFulfilledResult<ApprovalOutcome>).value);
      expect(replies.filter((r) => r.status === 'confirmed')).toHaveLength(20);
      expect(replies.filter((r) => r.status === 'waitlisted')).toHaveLength(180);

      const events = await bookEvents(consultationId);
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
      const decisions = events.filter((e) => e.type === 'RegistrationConfirmed' || e.type === 'RegistrationWaitlisted');
      expect(events.filter((e) => e.type === 'RegistrationConfirmed')).toHaveLength(20);
      expect(decisions).toHaveLength(200);
      // Each registration decided exactly once, and as its approval was told.
      const decided = new Map(decisions.map((e) => [e.data.registrationId as string, e.type === 'RegistrationConfirmed' ? 'confirmed' : 'waitlisted']));
      expect(decided.size).toBe(200);
      expect(new Map(replies.map((r) => [r.registrationId, r.status]))).toEqual(decided);
      // No seat after the waitlist began, and the places answered are the order the store holds.
      const firstWaitlisted = events.findIndex((e) => e.type === 'RegistrationWaitlisted');
      expect(events.slice(firstWaitlisted).some((e) => e.type === 'RegistrationConfirmed')).toBe(false);
      const order = events.filter((e) => e.type === 'RegistrationWaitlisted').map((e) => e.data.registrationId as string);
      const positions = new Map(replies.map((r) => [r.registrationId, r.waitlistPosition]));
      expect(order.map((id) => positions.get(id))).toEqual(order.map((_, i) => i + 1));
      // The processes did race: some batches were refused by the store and decided again.
      expect(race.conflicts).toBeGreaterThan(0);
    });

    it('a batch appends the commands that were decided and refuses only the one a rule refused', async () => {
      const consultationId = randomUUID();
      const books = new RegistrationBooks(storeA, consultations(20), memberships, new PersonDirectory(storeA.pool));
      // The first command is decided on its own; the three after it wait and form one batch.
      const [first, ok1, bad, ok2] = await Promise.allSettled([
        register(books, registration(consultationId, 'first')),
        register(books, registration(consultationId, 'ok1')),
        register(books, registration(consultationId, 'bad', { sessionIds: [OPEN, 's-unknown'] })),
        register(books, registration(consultationId, 'ok2')),
      ]);
      expect(first.status).toBe('fulfilled');
      expect(bad.status).toBe('rejected');
      const reason = (bad as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(RuleViolation);
      expect((reason as RuleViolation).rule).toBe('SessionNotOnAgenda');
      const [one, two] = [ok1, ok2].map((s) => {
        expect(s.status).toBe('fulfilled');
        return (s as PromiseFulfilledResult<Awaited<ReturnType<typeof register>>>).value;
      });
      // One append holds both: the same transaction, two positions.
      expect(one.appended).not.toBeNull();
      expect(two.appended).toEqual(one.appended);
      expect(one.appended!.positions).toHaveLength(2);
      expect([one.version, two.version]).toEqual([3, 3]);

      const events = await bookEvents(consultationId);
      expect(events.map((e) => [e.version, e.type, e.data.registrationId])).toEqual([
        [1, 'ParticipantRegistered', 'first'],
        [2, 'ParticipantRegistered', 'ok1'],
        [3, 'ParticipantRegistered', 'ok2'],
      ]);
    });

    it("each event carries its own command's actor and correlation, though the batch is appended at once", async () => {
      const consultationId = randomUUID();
      // One seat: r1 holds it, r2 waits for it.
      const books = new RegistrationBooks(storeA, consultations(1), memberships, new PersonDirectory(storeA.pool));
      for (const id of ['r1', 'r2']) await register(books, registration(consultationId, id));
      for (const id of ['r1', 'r2']) await approve(books, consultationId, id);
      await sleep(0); // the book's queue is gone: the next command starts a batch of its own

      const withdrawal = meta({ actor: 'person-r1', actorRole: 'participant', correlationId: 'corr-withdraw', causationId: 'cause-withdraw' });
      const registering = registration(consultationId, 'r3', { meta: meta({ actor: 'anonymous', actorRole: 'public', correlationId: 'corr-register-r3' }) });
      const [, withdrawn, registered] = await Promise.all([
        // Decided alone: the two after it form one batch.
        approve(books, consultationId, 'r1'),
        books.decide(consultationId, withdrawal, (ctx) =>
          decideWithdrawRegistration(
            { consultationId, registrationId: 'r1', reason: null, requester: { role: 'participant', sub: 'person-r1' }, meta: withdrawal },
            ctx,
          ),
        ),
        register(books, registering),
      ]);
      expect(withdrawn.appended).toEqual(registered.appended);

      const events = (await bookEvents(consultationId)).slice(-3);
      expect(events.map((e) => [e.type, e.data.registrationId])).toEqual([
        ['RegistrationWithdrawn', 'r1'],
        ['WaitlistedRegistrationPromoted', 'r2'],
        ['ParticipantRegistered', 'r3'],
      ]);
      expect(new Set(events.map((e) => e.transactionId)).size).toBe(1);
      const said = events.map((e) => ({ actor: e.metadata.actor, actorRole: e.metadata.actorRole, correlationId: e.metadata.correlationId, causationId: e.metadata.causationId }));
      const byWithdrawal = { actor: 'person-r1', actorRole: 'participant', correlationId: 'corr-withdraw', causationId: 'cause-withdraw' };
      expect(said).toEqual([byWithdrawal, byWithdrawal, { actor: 'anonymous', actorRole: 'public', correlationId: 'corr-register-r3', causationId: null }]);
      expect(new Set(events.map((e) => e.metadata.eventId)).size).toBe(3);
    });

    // A batch once went to the store under its first command's Idempotency-Key: a repeated key
    // replayed the first append and swallowed every other command of the batch.
    it("a repeated request's Idempotency-Key does not swallow the other commands of its batch", async () => {
      const consultationId = randomUUID();
      const books = new RegistrationBooks(storeA, consultations(20), memberships, new PersonDirectory(storeA.pool));
      const once = registration(consultationId, 'r1', { meta: meta({ idempotency: { key: `key-${consultationId}`, requestHash: 'hash-r1' } }) });
      await register(books, once);
      await sleep(0); // the book's queue is gone: the next command starts a batch of its own

      const [, again, other] = await Promise.all([
        // Decided alone: the repeated request and r2 form the next batch, the repeat first.
        register(books, registration(consultationId, 'r0')),
        register(books, once),
        register(books, registration(consultationId, 'r2')),
      ]);
      // The repeat is the same request (same registration id): it gets its first answer again.
      expect(again.reply).toMatchObject({ registrationId: 'r1', existing: false });
      const registered = (await bookEvents(consultationId)).filter((e) => e.type === 'ParticipantRegistered').map((e) => e.data.registrationId);
      expect(registered).toEqual(['r1', 'r0', 'r2']);
      expect(other.appended?.replayed).toBe(false);
    });

    it('the personal fields of a registration are sealed in the events table and read back in clear through the store', async () => {
      const consultationId = randomUUID();
      const books = new RegistrationBooks(storeA, consultations(20), memberships, new PersonDirectory(storeA.pool));
      const details = person({
        givenName: 'Aroha',
        familyName: 'Ngata-Whaanga',
        email: `aroha.ngata-${randomUUID()}@example.net`,
        jobTitle: 'Deputy Director, Cyber Policy',
        affiliation: 'Ministry of Home Affairs',
        nationality: 'SGP',
      });
      await register(books, registration(consultationId, 'r1', { person: details, accessNeeds: 'Wheelchair access to the plenary' }));

      const { rows } = await db.pool.query<{ text: string; group: string; state: string; nationality: unknown }>(
        `SELECT data::text AS text, data->>'stakeholderGroup' AS group, data->'represents'->>'state' AS state, data->'person'->'nationality' AS nationality
           FROM events WHERE stream_id = $1`,
        [registrationBookStreamId(consultationId)],
      );
      expect(rows).toHaveLength(1);
      for (const secret of [details.givenName, details.familyName, details.email, details.jobTitle!, details.affiliation!, 'Wheelchair']) {
        expect(rows[0].text).not.toContain(secret);
      }
      // Sealed under the person's key, field by field; what the rules need stays readable.
      expect(rows[0].nationality).toEqual({ $pii: expect.any(String), sub: 'person-r1' });
      expect([rows[0].group, rows[0].state]).toEqual(['member-state', 'SGP']);

      const [event] = await bookEvents(consultationId);
      expect(event.data).toMatchObject({ person: details, accessNeeds: 'Wheelchair access to the plenary', personId: 'person-r1' });
    });
  });
