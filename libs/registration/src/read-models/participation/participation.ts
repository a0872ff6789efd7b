import { GENDERS, STAKEHOLDER_GROUPS } from '../../book/registration-book.events.js';
import type { ConsultationFacts } from '../../ports/consultations.js';
import type { RosterEntry } from '../roster/roster.projection.js';

/** Reference data the figures need: State names, UN regional groups, and memberships over time. */
export interface ParticipationReference {
  stateName(code: string): string;
  regionalGroup(code: string): string;
  membersAsOf(organisation: string, day: string): string[];
  /** How members of the organisation are called in its own documents ("participating States" in the OSCE). */
  organisationName(code: string): string;
}

export interface Count<K extends string = string> {
  key: K;
  label: string;
  count: number;
}

export interface RegionalCoverage {
  organisation: string;
  organisationName: string;
  /** The day membership is taken on: the consultation's first day. */
  asOf: string;
  members: number;
  represented: Array<{ state: string; name: string }>;
  notRepresented: Array<{ state: string; name: string }>;
  sentence: string;
}

export interface ParticipationFigures {
  consultationId: string;
  /**
   * What "participants" means here: those who attended (once any check-in was recorded), or
   * those with a confirmed registration (before the meeting).
   */
  basis: 'attendance' | 'registrations';
  participants: number;
  registrations: { pending: number; confirmed: number; waitlisted: number; declined: number; withdrawn: number; cancelled: number };
  byStakeholderGroup: Count[];
  byGender: Count[];
  byRegion: Count[];
  byState: Count[];
  attendanceByDay: Array<{ day: string; count: number }>;
  attendanceBySession: Array<{ sessionId: string; title: string; day: string; count: number }>;
  regionalCoverage: RegionalCoverage | null;
}

const NOT_STATED = 'Not stated';

const GENDER_LABELS: Record<string, string> = { woman: 'Women', man: 'Men', 'non-binary': 'Non-binary', 'not-stated': 'Not stated' };

const GROUP_LABELS: Record<string, string> = {
  'member-state': 'Member States',
  'observer-state': 'Observer States',
  'regional-organization': 'Regional organizations',
  'un-entity': 'United Nations entities',
  'invited-expert': 'Invited experts',
  'private-sector': 'Private sector',
  'civil-society': 'Civil society',
  academia: 'Academia',
  'technical-community': 'Technical community',
  media: 'Media',
};

/** What members are called in the organisation's own usage. */
const MEMBER_NOUN: Record<string, string> = { OSCE: 'participating States', ARF: 'participants' };

/** "A", "A and B", "A, B and C". */
export function listInEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function coverageSentence(organisation: string, members: number, notRepresented: string[]): string {
  const noun = `${organisation} ${MEMBER_NOUN[organisation] ?? 'Member States'}`;
  const represented = members - notRepresented.length;
  if (members === 0) return `${organisation} had no members on the consultation's dates.`;
  if (notRepresented.length === 0) return `All ${members} ${noun} were represented.`;
  if (represented === 0) return `None of the ${members} ${noun} was represented.`;
  const verb = (n: number) => (n === 1 ? 'was' : 'were');
  return `${represented} of the ${members} ${noun} ${verb(represented)} represented; ${listInEnglish(notRepresented)} ${verb(notRepresented.length)} not.`;
}

function tally<K extends string>(keys: readonly K[] | null, values: string[], label: (k: string) => string): Count[] {
  const counts = new Map<string, number>((keys ?? []).map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const entries = [...counts].map(([key, count]) => ({ key, label: label(key), count }));
  // Fixed categories keep their order (a table that is read across consultations); the rest by size.
  return keys ? entries : entries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The State a participant is counted under for region: the one they represent, else their nationality. */
const stateOf = (e: RosterEntry) => e.represents.state ?? (e.person.nationality && e.person.nationality !== '[erased]' ? e.person.nationality : null);

/**
 * Participation figures of a consultation from its roster. A State is represented when one of
 * its delegates (member-state or observer-state) took part; membership is taken as it stood on
 * the consultation's first day.
 */
export function participationFigures(consultation: ConsultationFacts, roster: RosterEntry[], ref: ParticipationReference): ParticipationFigures {
  const anyAttendance = roster.some((e) => e.attendance.length > 0);
  const basis = anyAttendance ? 'attendance' : 'registrations';
  const counted = roster.filter((e) => (anyAttendance ? e.attendance.length > 0 : e.status === 'confirmed'));
  const registrations = { pending: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0, cancelled: 0 };
  for (const e of roster) registrations[e.status] += 1;

  const states = counted.map(stateOf);
  const delegations = new Set(counted.filter((e) => e.stakeholderGroup === 'member-state' || e.stakeholderGroup === 'observer-state').map((e) => e.represents.state!));
  const sessions = new Map(consultation.sessions.map((s) => [s.sessionId, s]));
  const byDay = new Map<string, Set<string>>();
  const bySession = new Map<string, number>();
  for (const e of roster) {
    for (const a of e.attendance) {
      byDay.set(a.day, (byDay.get(a.day) ?? new Set()).add(e.registrationId));
      if (a.sessionId) bySession.set(a.sessionId, (bySession.get(a.sessionId) ?? 0) + 1);
    }
  }

  let regionalCoverage: RegionalCoverage | null = null;
  const org = consultation.regionalOrganisation;
  if (org) {
    const members = ref.membersAsOf(org, consultation.startDate);
    const named = (state: string) => ({ state, name: ref.stateName(state) });
    const represented = members.filter((s) => delegations.has(s)).map(named);
    const notRepresented = members.filter((s) => !delegations.has(s)).map(named);
    regionalCoverage = {
      organisation: org,
      organisationName: ref.organisationName(org),
      asOf: consultation.startDate,
      members: members.length,
      represented,
      notRepresented,
      sentence: coverageSentence(org, members.length, notRepresented.map((s) => s.name)),
    };
  }

  return {
    consultationId: consultation.consultationId,
    basis,
    participants: counted.length,
    registrations,
    byStakeholderGroup: tally(STAKEHOLDER_GROUPS, counted.map((e) => e.stakeholderGroup), (k) => GROUP_LABELS[k] ?? k),
    byGender: tally(GENDERS, counted.map((e) => (GENDERS as readonly string[]).includes(e.person.gender) ? e.person.gender : 'not-stated'), (k) => GENDER_LABELS[k] ?? k),
    byRegion: tally(null, states.map((s) => (s ? ref.regionalGroup(s) : NOT_STATED)), (k) => k),
    byState: tally(null, states.filter((s): s is string => s !== null), (k) => ref.stateName(k)),
    attendanceByDay: [...byDay].map(([day, ids]) => ({ day, count: ids.size })).sort((a, b) => a.day.localeCompare(b.day)),
    attendanceBySession: [...bySession].map(([sessionId, count]) => ({
      sessionId,
      title: sessions.get(sessionId)?.title ?? sessionId,
      day: sessions.get(sessionId)?.day ?? '',
      count,
    })),
    regionalCoverage,
  };
}
