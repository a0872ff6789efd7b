import data from '../../../seeds/regional-organisations.json' with { type: 'json' };
import type { Countries, UnLanguage } from './countries.js';

/** One period of membership; both days belong to it. No `until`: still a member. */
export interface Membership {
  state: string;
  from: string;
  until?: string;
}

/** A participant that is not a State (the European Union in the ASEAN Regional Forum). */
export interface NonStateMembership {
  code: string;
  name: string;
  from: string;
  until?: string;
}

export interface RegionalOrganisation {
  code: string;
  established: string;
  names: Record<UnLanguage, string>;
  notes: string[];
  members: Membership[];
  nonStateMembers: NonStateMembership[];
}

/** The raw shape of seeds/regional-organisations.json (optional lists may be absent). */
type SeedFile = { organisations: Array<Omit<RegionalOrganisation, 'notes' | 'nonStateMembers'> & Partial<RegionalOrganisation>> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isCalendarDate = (value: string) => ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Whether a period covers the day; ISO dates compare correctly as strings. */
const covers = (period: { from: string; until?: string }, day: string) => period.from <= day && (period.until === undefined || day <= period.until);

/**
 * Regional organisations and their member States over time, from seeds/regional-organisations.json.
 * The seed file is checked on load (codes, dates, overlapping periods), so that a typo fails the
 * start of the application rather than a registration months later.
 */
export class RegionalOrganisations {
  private readonly byCode: ReadonlyMap<string, RegionalOrganisation>;

  constructor(countries: Countries, seed: SeedFile = data as SeedFile) {
    const organisations = seed.organisations.map((o) => ({ ...o, notes: o.notes ?? [], nonStateMembers: o.nonStateMembers ?? [] }));
    for (const o of organisations) checkOrganisation(o, countries);
    this.byCode = new Map(organisations.map((o) => [o.code, o]));
  }

  all(): RegionalOrganisation[] {
    return [...this.byCode.values()];
  }

  find(code: string): RegionalOrganisation | undefined {
    return this.byCode.get(code);
  }

  codes(): ReadonlySet<string> {
    return new Set(this.byCode.keys());
  }

  /** The membership periods that cover the day (YYYY-MM-DD), by State code. */
  membershipsAsOf(code: string, day: string): Membership[] {
    const members = this.byCode.get(code)?.members ?? [];
    return members.filter((m) => covers(m, day)).sort((a, b) => a.state.localeCompare(b.state));
  }

  /** ISO alpha-3 codes of the States that were members on the day (YYYY-MM-DD), sorted. */
  membersAsOf(code: string, day: string): string[] {
    return this.membershipsAsOf(code, day).map((m) => m.state);
  }

  isMemberAsOf(code: string, state: string, day: string): boolean {
    return this.byCode.get(code)?.members.some((m) => m.state === state && covers(m, day)) ?? false;
  }

  /** The organisations a State belonged to on the day. */
  organisationsOf(state: string, day: string): string[] {
    return this.all()
      .filter((o) => o.members.some((m) => m.state === state && covers(m, day)))
      .map((o) => o.code);
  }
}

function checkOrganisation(o: RegionalOrganisation, countries: Countries): void {
  const fail = (why: string) => {
    throw new Error(`seeds/regional-organisations.json: ${o.code}: ${why}`);
  };
  if (!/^[A-Z]{2,10}$/.test(o.code)) fail('the code must be 2 to 10 capital letters');
  if (!isCalendarDate(o.established)) fail(`established ${o.established} is not a date`);
  const periods = new Map<string, Membership[]>();
  for (const m of o.members) {
    if (!countries.isCountry(m.state)) fail(`${m.state} is not an ISO 3166-1 alpha-3 code`);
    if (!isCalendarDate(m.from) || (m.until !== undefined && !isCalendarDate(m.until))) fail(`${m.state} has a date that is not YYYY-MM-DD`);
    if (m.until !== undefined && m.until < m.from) fail(`${m.state} leaves before it joins`);
    for (const other of periods.get(m.state) ?? []) {
      if (covers(other, m.from) || covers(m, other.from)) fail(`${m.state} has overlapping membership periods`);
    }
    periods.set(m.state, [...(periods.get(m.state) ?? []), m]);
  }
}
