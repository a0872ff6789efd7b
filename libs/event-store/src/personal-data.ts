import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { statement } from './database/database.js';
import { SubjectErased } from './errors.js';
import { type ConcretePath, type EventRegistry, expandPath, getAt, setAt, valueAt } from './event-registry.js';
import { ERASED } from './types.js';

/** How an encrypted personal field is stored inside an event's jsonb data. */
export interface SealedField {
  $pii: string; // v1.<iv>.<tag>.<ciphertext>, base64url
  sub: string;
}

const isSealed = (v: unknown): v is SealedField =>
  typeof v === 'object' && v !== null && typeof (v as SealedField).$pii === 'string' && typeof (v as SealedField).sub === 'string';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Where the sealed fields of one event are, and whose they are. */
interface Occurrence {
  path: ConcretePath;
  subject: string;
}

/**
 * Per-subject AES-256-GCM encryption of personal fields ("crypto-shredding", ADR 0005).
 * The authenticated data binds each ciphertext to its subject and field path, so a sealed value
 * copied into another subject's or field's place fails to open.
 */
export class PersonalDataCipher {
  private recentlySealed?: RecentlySealed;

  constructor(private readonly registry: EventRegistry) {}

  /**
   * From now on, fields this process seals are opened from memory when this process opens them
   * soon after, while the subject's key exists. A runner that projects in the process which
   * appends (the API without Kafka) opens within milliseconds what the registration book has just
   * sealed: decrypting it again cost as much as sealing it. See RecentlySealed for the bounds.
   */
  openRecentlySealedFromMemory(): void {
    this.recentlySealed ??= new RecentlySealed();
  }

  private occurrences(type: string, data: Record<string, unknown>): Occurrence[] {
    const out: Occurrence[] = [];
    for (const spec of this.registry.personalOf(type)) {
      for (const field of spec.fields) {
        for (const { path, bindings } of expandPath(data, field)) {
          const subject = valueAt(data, spec.subject, bindings);
          const value = getAt(data, path);
          if (value === undefined || value === null) continue;
          if (typeof subject !== 'string' || subject === '') {
            throw new Error(`Event ${type}: personal field ${field} has no subject id at ${spec.subject}`);
          }
          out.push({ path, subject });
        }
      }
    }
    return out;
  }

  /** Seals the personal fields of a batch of events in place (on copies). One round trip for keys. */
  async seal(db: Queryable, events: Array<{ type: string; data: Record<string, unknown> }>): Promise<Array<Record<string, unknown>>> {
    const plans = events.map((e) => ({ e, occ: this.occurrences(e.type, e.data) }));
    const subjects = [...new Set(plans.flatMap((p) => p.occ.map((o) => o.subject)))];
    if (subjects.length === 0) return events.map((e) => e.data);
    const keys = await this.keysFor(db, subjects, true);
    // One draw of randomness for every IV of the batch: a draw per field costs more than the sealing.
    const ivs = randomBytes(IV_BYTES * plans.reduce((n, p) => n + p.occ.length, 0));
    let next = 0;
    return plans.map(({ e, occ }) => {
      if (occ.length === 0) return e.data;
      const data = structuredClone(e.data);
      for (const { path, subject } of occ) {
        const key = keys.get(subject);
        if (!key) throw new SubjectErased(subject);
        const iv = ivs.subarray(next, next + IV_BYTES);
        next += IV_BYTES;
        const plain = JSON.stringify(getAt(data, path));
        const sealed = seal(key, iv, subject, path, plain);
        this.recentlySealed?.remember(sealed, path, plain);
        setAt(data, path, sealed);
      }
      return data;
    });
  }

  /**
   * Opens sealed fields in place; a destroyed key yields the "[erased]" marker. The keys are read
   * from `db`, or given: those of every subject the events' sealed fields name, as read with
   * them (`subjectKeysColumn`), a subject without one being erased.
   */
  async open(keysOrDb: Queryable | ReadonlyMap<string, Buffer>, events: Array<{ type: string; data: Record<string, unknown> }>): Promise<void> {
    const found: Array<{ data: Record<string, unknown>; path: ConcretePath; sealed: SealedField }> = [];
    const scan = (root: Record<string, unknown>, node: unknown, path: ConcretePath) => {
      if (node === null || typeof node !== 'object') return;
      if (isSealed(node)) {
        found.push({ data: root, path, sealed: node });
        return;
      }
      if (Array.isArray(node)) node.forEach((c, i) => scan(root, c, [...path, i]));
      else for (const [k, v] of Object.entries(node)) scan(root, v, [...path, k]);
    };
    // Only types declared personal can hold sealed fields; the rest are not walked at all.
    for (const e of events) if (this.registry.personalOf(e.type).length > 0) scan(e.data, e.data, []);
    if (found.length === 0) return;
    const keys = 'get' in keysOrDb ? keysOrDb : await this.keysFor(keysOrDb, [...new Set(found.map((f) => f.sealed.sub))], false);
    for (const { data, path, sealed } of found) {
      const key = keys.get(sealed.sub);
      if (!key) {
        setAt(data, path, ERASED);
        continue;
      }
      const plain = this.recentlySealed?.take(sealed, path);
      setAt(data, path, plain === undefined ? open(key, sealed.sub, path, sealed.$pii) : JSON.parse(plain));
    }
  }

  /** Keys of the subjects; with `create`, missing ones are made. Forgotten subjects map to nothing. */
  private async keysFor(db: Queryable, subjects: string[], create: boolean): Promise<Map<string, Buffer>> {
    const sql = create
      ? `WITH fresh AS (
           INSERT INTO subject_keys (subject_id, key)
           SELECT s, k FROM unnest($1::text[], $2::bytea[]) AS t(s, k)
           ON CONFLICT (subject_id) DO NOTHING
           RETURNING subject_id, key)
         SELECT subject_id, key FROM fresh
         UNION ALL
         SELECT subject_id, key FROM subject_keys WHERE subject_id = ANY($1::text[])`
      : `SELECT subject_id, key FROM subject_keys WHERE subject_id = ANY($1::text[])`;
    const params = create ? [subjects, freshKeys(subjects.length)] : [subjects];
    const { rows } = await db.query<{ subject_id: string; key: Buffer | null }>(statement(db, sql, params));
    const keys = new Map<string, Buffer>();
    for (const r of rows) if (r.key) keys.set(r.subject_id, r.key);
    return keys;
  }

  /** Destroys the subject's key. Idempotent; a subject never seen is recorded as forgotten too. */
  async forget(db: Queryable, subjectId: string): Promise<void> {
    this.recentlySealed?.forgetSubject(subjectId);
    await db.query(
      `INSERT INTO subject_keys (subject_id, key, forgotten_at) VALUES ($1, NULL, now())
       ON CONFLICT (subject_id) DO UPDATE SET key = NULL, forgotten_at = coalesce(subject_keys.forgotten_at, now())`,
      [subjectId],
    );
  }
}

/**
 * A column for a read of `events` (aliased `events`) that brings the keys of the subjects its
 * sealed fields name, for rows of the types in the text[] parameter given: a JSON array of
 * [subject, base64 key] pairs, the key null for an erased subject or one never seen. With it a
 * reader opens what it read without a second round trip for the keys; the keys are read in the
 * statement's snapshot, so an erasure committed before the read is seen by it. One primary-key
 * lookup per subject: as a semi-join the planner may scan the whole key table for each row.
 */
export const subjectKeysColumn = (typesParameter: string) => `CASE WHEN events.event_type = ANY(${typesParameter}::text[]) THEN (
    SELECT jsonb_agg(jsonb_build_array(s.sub, (SELECT encode(k.key, 'base64') FROM subject_keys k WHERE k.subject_id = s.sub)))
    FROM (SELECT DISTINCT jsonb_path_query(events.data, 'strict $.** ? (@."$pii".type() == "string").sub') #>> '{}' AS sub) s
  ) END AS subject_keys`;

/** The keys a read with subjectKeysColumn brought, by subject (erased subjects left out). */
export function keysOfRows(rows: Array<{ subject_keys?: Array<[string, string | null]> | null }>): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const r of rows) for (const [subject, key] of r.subject_keys ?? []) if (key !== null) keys.set(subject, Buffer.from(key, 'base64'));
  return keys;
}

/** Candidate keys for subjects that may be new, from one draw of randomness (a draw per key costs more than the key). */
function freshKeys(count: number): Buffer[] {
  const drawn = randomBytes(KEY_BYTES * count);
  return Array.from({ length: count }, (_, i) => drawn.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES));
}

const KEY_BYTES = 32;

const aad = (subject: string, path: ConcretePath) => Buffer.from(`${subject}|${path.join('.')}`);

/** GCM's 96-bit IV, random per value: never reused under one key while fewer than 2^32 values are sealed with it. */
const IV_BYTES = 12;

/** Seals a field's JSON text. */
function seal(key: Buffer, iv: Buffer, subject: string, path: ConcretePath, plain: string): SealedField {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(subject, path));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'));
  return { $pii: `v1.${parts.join('.')}`, sub: subject };
}

function open(key: Buffer, subject: string, path: ConcretePath, sealed: string): unknown {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1') throw new Error(`Unknown sealed field format ${v}`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(subject, path));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

/**
 * The JSON texts of fields this process sealed lately, by sealed text (unique: its IV is random).
 * An entry answers only for the same subject and field path, which the authenticated data would
 * demand of a decryption, and is taken by the first open: later opens decrypt. The caller checks
 * that the subject's key exists first, so an erased subject reads as "[erased]" as before, and
 * erasure drops the subject's entries at once. Entries nobody takes (the events were projected
 * elsewhere, or an append that conflicted and was sealed again) leave oldest first: at most
 * `limit` entries, none kept longer than `maxAgeMs` once sealing goes on.
 */
export class RecentlySealed {
  private readonly entries = new Map<string, { subject: string; path: string; plain: string; at: number }>();

  constructor(
    private readonly limit = 4096,
    private readonly maxAgeMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  remember(sealed: SealedField, path: ConcretePath, plain: string): void {
    const now = this.now();
    this.entries.set(sealed.$pii, { subject: sealed.sub, path: path.join('.'), plain, at: now });
    for (const [text, entry] of this.entries) {
      if (this.entries.size <= this.limit && now - entry.at <= this.maxAgeMs) break;
      this.entries.delete(text);
    }
  }

  take(sealed: SealedField, path: ConcretePath): string | undefined {
    const entry = this.entries.get(sealed.$pii);
    if (!entry || entry.subject !== sealed.sub || entry.path !== path.join('.')) return undefined;
    this.entries.delete(sealed.$pii);
    return entry.plain;
  }

  forgetSubject(subject: string): void {
    for (const [text, entry] of this.entries) if (entry.subject === subject) this.entries.delete(text);
  }
}
