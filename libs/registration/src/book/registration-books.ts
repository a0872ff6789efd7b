import { Inject, Injectable } from '@nestjs/common';
import { type AppendResult, type CommandMeta, ConcurrencyConflict, EventStore, type NewEvent } from '@convene/event-store';
import { type ConsultationFacts, type Consultations, MEMBERSHIPS, type Memberships, REGISTRATION_CONSULTATIONS } from '../ports/consultations.js';
import { normaliseEmail, PersonDirectory } from '../infrastructure/person-directory.js';
import { REGISTRATION_BOOK_STREAM_TYPE, type RegistrationEvent, registrationBookStreamId } from './registration-book.events.js';
import type { BookContext, Decision } from './registration-book.rules.js';
import { RegistrationBook } from './registration-book.state.js';

export interface BookOutcome<R> {
  reply: R;
  /** The events this command added (none when it changed nothing). */
  events: RegistrationEvent[];
  /** The append that holds them; shared by the commands decided in the same batch. null: nothing appended. */
  appended: AppendResult | null;
  /** The book's version after the batch. */
  version: number;
}

interface Job {
  meta: CommandMeta;
  /** An e-mail address whose person id the decision needs: looked up for the whole batch at once. */
  email?: string;
  decide(ctx: BookContext): Decision<unknown>;
  resolve(outcome: BookOutcome<unknown>): void;
  reject(err: unknown): void;
}

/** Commands decided together and appended in one statement. */
const MAX_BATCH = 500;
/** Conflicts with another process writing the same book before a batch gives up. */
const MAX_ATTEMPTS = 8;
/** Books kept folded in memory; the least recently used is folded again from the store when needed. */
const MAX_CACHED_BOOKS = 200;
/**
 * How long the consultation's facts (window, sessions, capacity) are reused between batches. A
 * schedule change reaches registration decisions this much later at most, on top of the read
 * model's own delay; a burst of batches costs one read of the consultation instead of one each.
 */
const FACTS_TTL_MS = 250;

/**
 * Decides registration commands for a consultation one after another against its book, and
 * appends them in batches (ADR 0014).
 *
 * Every command of a consultation waits in that consultation's queue. While one batch is being
 * appended, the next gathers; it is then decided command by command against the book as the
 * previous commands left it, and appended in one statement at the version it was decided on.
 * So no interleaving of requests can take a seat twice (the decisions are sequential), and a
 * burst of a thousand requests costs a few appends instead of a thousand conflicting ones.
 * Another process writing the same book makes the append conflict: the book is folded again
 * from the store and the batch decided again.
 */
@Injectable()
export class RegistrationBooks {
  private readonly books = new Map<string, RegistrationBook>();
  /** Books known to be at the store's version: this process appended their last events. */
  private readonly current = new Set<string>();
  private readonly facts = new Map<string, { facts: ConsultationFacts | undefined; at: number }>();
  private readonly queues = new Map<string, Job[]>();

  constructor(
    private readonly store: EventStore,
    @Inject(REGISTRATION_CONSULTATIONS) private readonly consultations: Consultations,
    @Inject(MEMBERSHIPS) private readonly memberships: Memberships,
    private readonly people: PersonDirectory,
  ) {}

  /** Queues a decision on the consultation's book; resolves once it is appended (or refused). */
  decide<R>(consultationId: string, meta: CommandMeta, decide: (ctx: BookContext) => Decision<R>, options: { email?: string } = {}): Promise<BookOutcome<R>> {
    return new Promise<BookOutcome<R>>((resolve, reject) => {
      const job: Job = { meta, decide, email: options.email, resolve: resolve as (o: BookOutcome<unknown>) => void, reject };
      const queue = this.queues.get(consultationId);
      if (queue) {
        queue.push(job);
        return;
      }
      this.queues.set(consultationId, [job]);
      void this.drain(consultationId);
    });
  }

  /** The book as the store has it now, folded apart from the one commands are decided on. */
  async snapshot(consultationId: string): Promise<RegistrationBook> {
    return this.foldOnto(new RegistrationBook(consultationId));
  }

  private async foldOnto(book: RegistrationBook): Promise<RegistrationBook> {
    // Decisions never look at personal fields: they stay sealed (and cost nothing to read).
    const newer = await this.store.readStream(registrationBookStreamId(book.consultationId), book.version + 1, { decrypt: false });
    for (const e of newer) book.evolve({ type: e.type, data: e.data } as unknown as RegistrationEvent, e.version);
    return book;
  }

  /**
   * Only the batch in progress touches a cached book: nothing else may fold onto it meanwhile.
   * A book this process appended to last is not read again: if another process appended since,
   * the next append conflicts, and the book is then folded again from the store.
   */
  private async cachedBook(consultationId: string): Promise<RegistrationBook> {
    const cached = this.books.get(consultationId);
    const book = cached && this.current.has(consultationId) ? cached : await this.foldOnto(cached ?? new RegistrationBook(consultationId));
    this.books.delete(consultationId);
    this.books.set(consultationId, book);
    if (this.books.size > MAX_CACHED_BOOKS) {
      const oldest = this.books.keys().next().value!;
      this.books.delete(oldest);
      this.current.delete(oldest);
    }
    return book;
  }

  private freshFacts(consultationId: string): { facts: ConsultationFacts | undefined } | undefined {
    const cached = this.facts.get(consultationId);
    return cached && Date.now() - cached.at < FACTS_TTL_MS ? cached : undefined;
  }

  private async consultation(consultationId: string): Promise<ConsultationFacts | undefined> {
    const cached = this.freshFacts(consultationId);
    if (cached) return cached.facts;
    const facts = await this.consultations.find(consultationId);
    this.facts.set(consultationId, { facts, at: Date.now() });
    if (this.facts.size > MAX_CACHED_BOOKS) this.facts.delete(this.facts.keys().next().value!);
    return facts;
  }

  /** The cached book no longer matches the store (its decisions were not appended), or is not to be trusted. */
  private forget(consultationId: string): void {
    this.books.delete(consultationId);
    this.current.delete(consultationId);
    this.facts.delete(consultationId);
  }

  private async drain(consultationId: string): Promise<void> {
    const queue = this.queues.get(consultationId)!;
    try {
      while (queue.length > 0) await this.runBatch(consultationId, queue.splice(0, MAX_BATCH));
    } finally {
      this.queues.delete(consultationId);
    }
  }

  private async runBatch(consultationId: string, jobs: Job[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let consultation: ConsultationFacts | undefined;
      let book: RegistrationBook;
      let persons: Map<string, string>;
      // A book not read from the store now may miss another process's latest events, and
      // reused facts a schedule change of the last moments.
      const trusted = this.current.has(consultationId) || this.freshFacts(consultationId) !== undefined;
      try {
        const emails = jobs.flatMap((j) => (j.email ? [j.email] : []));
        [consultation, book, persons] = await Promise.all([this.consultation(consultationId), this.cachedBook(consultationId), this.people.personsFor(emails)]);
      } catch (err) {
        for (const job of jobs) job.reject(err);
        return;
      }
      const ctx: BookContext = {
        book,
        consultation,
        memberships: this.memberships,
        personOf: (email) => {
          const personId = persons.get(normaliseEmail(email));
          if (!personId) throw new Error('RegistrationBooks: a decision asked for a person it did not declare');
          return personId;
        },
      };
      const base = book.version;
      const decided = jobs.map((job) => {
        try {
          const decision = job.decide(ctx);
          for (const e of decision.events) book.evolve(e, book.version + 1);
          return { job, decision };
        } catch (err) {
          return { job, err };
        }
      });
      // A refusal or a no-op appends nothing, so no expected version would catch a stale book:
      // such answers are given only from a book just read from the store.
      if (trusted && decided.some(({ decision }) => !decision || decision.events.length === 0)) {
        this.forget(consultationId);
        continue;
      }
      // Domain events are closed records; the store takes any JSON object, and each event keeps its own command's meta.
      const events = decided.flatMap(({ job, decision }) => (decision?.events ?? []).map((e) => ({ ...e, meta: job.meta }))) as unknown as NewEvent[];
      let appended: AppendResult | null = null;
      if (events.length > 0) {
        try {
          appended = await this.store.append(registrationBookStreamId(consultationId), events, {
            expectedVersion: base,
            streamType: REGISTRATION_BOOK_STREAM_TYPE,
            // Each event carries its command's meta; the append as a whole is no one command's
            // retry (Idempotency-Keys are answered at the HTTP layer), so no key of its own.
            meta: { ...jobs[0].meta, idempotency: undefined },
          });
        } catch (err) {
          // The book was changed by the decisions; it no longer matches the store.
          this.forget(consultationId);
          if (err instanceof ConcurrencyConflict && attempt < MAX_ATTEMPTS) continue;
          for (const job of jobs) job.reject(err);
          return;
        }
      }
      this.current.add(consultationId);
      for (const { job, decision, err } of decided) {
        if (!decision) job.reject(err);
        else job.resolve({ reply: decision.reply, events: decision.events, appended: decision.events.length > 0 ? appended : null, version: book.version });
      }
      return;
    }
  }
}
