import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { PG_POOL, statement } from '@convene/event-store';
import type { RegistrationStatus } from '../../book/registration-book.state.js';
import { ROSTER_TABLE, type RosterEntry } from './roster.projection.js';

export interface RosterFilter {
  status?: RegistrationStatus;
  stakeholderGroup?: string;
  state?: string;
}

/** A name and affiliation that their owner agreed to show publicly, and nothing else. */
export interface PublicRosterEntry {
  name: string;
  affiliation: string | null;
  jobTitle: string | null;
  stakeholderGroup: string;
  represents: { state: string | null; organisation: string | null };
}

export const displayName = (p: RosterEntry['person']) => [p.honorific, p.givenName, p.familyName].filter(Boolean).join(' ');

/** Reads of the roster read model (registration_roster, a view over the live generation). */
@Injectable()
export class RosterQueries {
  /**
   * Registration id -> consultation id, which never changes once the registration exists: the
   * commands that name only a registration (approve, withdraw, check in ...) need it first, and
   * asking the database each time was a sixth of the soak's queries.
   */
  private readonly consultations = new LRUCache<string, string>({ max: 10_000 });

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async registration(registrationId: string): Promise<{ entry: RosterEntry; version: number } | null> {
    const { rows } = await this.pool.query<{ doc: RosterEntry; version: number }>(statement(this.pool, `SELECT doc, version FROM ${ROSTER_TABLE} WHERE id = $1`, [registrationId]));
    return rows[0] ? { entry: rows[0].doc, version: rows[0].version } : null;
  }

  /** The consultation a registration is for (the paths that name only the registration need it). */
  async consultationOf(registrationId: string): Promise<string | undefined> {
    const known = this.consultations.get(registrationId);
    if (known) return known;
    const { rows } = await this.pool.query<{ consultation_id: string }>(statement(this.pool, `SELECT consultation_id FROM ${ROSTER_TABLE} WHERE id = $1`, [registrationId]));
    const consultationId = rows[0]?.consultation_id;
    if (consultationId) this.consultations.set(registrationId, consultationId);
    return consultationId;
  }

  /** A registration this process has just recorded: the commands that follow need not ask for its consultation. */
  rememberConsultation(registrationId: string, consultationId: string): void {
    this.consultations.set(registrationId, consultationId);
  }

  /** 1-based place on the waitlist of a registration that joined it at book version `waitlistSeq`. */
  async waitlistPosition(consultationId: string, waitlistSeq: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${ROSTER_TABLE} WHERE consultation_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
      [consultationId, waitlistSeq],
    );
    return rows[0].n;
  }

  /** The consultations a person registered for. */
  async consultationsOf(personId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ consultation_id: string }>(
      `SELECT DISTINCT consultation_id FROM ${ROSTER_TABLE} WHERE person_id = $1 ORDER BY consultation_id`,
      [personId],
    );
    return rows.map((r) => r.consultation_id);
  }

  /** Every registration of the consultation, in the order they came in. */
  async roster(consultationId: string, filter: RosterFilter = {}): Promise<RosterEntry[]> {
    const params: unknown[] = [consultationId];
    let where = 'consultation_id = $1';
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where += ` AND ${column} = $${params.length}`;
    };
    add('status', filter.status);
    add('stakeholder_group', filter.stakeholderGroup);
    add('represented_state', filter.state);
    const { rows } = await this.pool.query<{ doc: RosterEntry }>(`SELECT doc FROM ${ROSTER_TABLE} WHERE ${where} ORDER BY registered_seq`, params);
    return rows.map((r) => r.doc);
  }

  /** Confirmed participants who consented to be listed, by family name. */
  async publicRoster(consultationId: string): Promise<PublicRosterEntry[]> {
    const confirmed = await this.roster(consultationId, { status: 'confirmed' });
    return confirmed
      .filter((e) => e.publicListingConsent)
      .sort((a, b) => a.person.familyName.localeCompare(b.person.familyName) || a.person.givenName.localeCompare(b.person.givenName))
      .map((e) => ({
        name: displayName(e.person),
        affiliation: e.person.affiliation,
        jobTitle: e.person.jobTitle,
        stakeholderGroup: e.stakeholderGroup,
        represents: e.represents,
      }));
  }

  /** Waitlisted registrations in the order they joined the waitlist. */
  async waitlist(consultationId: string): Promise<RosterEntry[]> {
    const { rows } = await this.pool.query<{ doc: RosterEntry }>(
      `SELECT doc FROM ${ROSTER_TABLE} WHERE consultation_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq`,
      [consultationId],
    );
    return rows.map((r) => r.doc);
  }

  /** The largest book version the roster reflects for the consultation: an ETag for its collections. */
  async rosterVersion(consultationId: string): Promise<number> {
    const { rows } = await this.pool.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${ROSTER_TABLE} WHERE consultation_id = $1`, [consultationId]);
    return rows[0].v ?? 0;
  }
}
