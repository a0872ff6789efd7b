import { describe, expect, it } from '@jest/globals';
import { consultation, DAY_1, DAY_2, memberships, OPEN, person, rosterEntry, T0 } from '../../book/registration-book.fixture.js';
import type { RosterEntry } from '../roster/roster.projection.js';
import { coverageSentence, type ParticipationReference, participationFigures } from './participation.js';

const NAMES: Record<string, string> = {
  BRN: 'Brunei Darussalam',
  KHM: 'Cambodia',
  IDN: 'Indonesia',
  LAO: "Lao People's Democratic Republic",
  MYS: 'Malaysia',
  MMR: 'Myanmar',
  PHL: 'Philippines',
  SGP: 'Singapore',
  THA: 'Thailand',
  VNM: 'Viet Nam',
  FRA: 'France',
  KEN: 'Kenya',
};
const ASIA_PACIFIC = 'Asia-Pacific States';
const WEOG = 'Western European and other States';

const reference: ParticipationReference = {
  stateName: (code) => NAMES[code] ?? code,
  regionalGroup: (code) => ({ FRA: WEOG, KEN: 'African States' })[code] ?? ASIA_PACIFIC,
  membersAsOf: memberships.membersAsOf,
  organisationName: (code) => (code === 'ASEAN' ? 'Association of Southeast Asian Nations' : code),
};

const figures = (roster: RosterEntry[], facts = consultation()) => participationFigures(facts, roster, reference);

/** A confirmed delegate of `state`, of that State's nationality. */
const delegate = (state: string, overrides: Partial<RosterEntry> = {}) =>
  rosterEntry(`r-${state}`, { represents: { state, organisation: null }, person: person({ nationality: state }), ...overrides });
const attended = (day = DAY_1, sessionId: string | null = null) => ({ day, sessionId, at: T0 });

/** Delegates of every ASEAN member of June 2025 but Brunei. */
const allButBrunei = () => ['KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM'].map((s) => delegate(s));

describe('coverage sentence', () => {
  it('one State missing', () => {
    expect(coverageSentence('ASEAN', 10, ['Brunei Darussalam'])).toBe('9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.');
  });

  it('two or three missing are joined with "and"', () => {
    expect(coverageSentence('ASEAN', 10, ['Brunei Darussalam', 'Cambodia'])).toBe(
      '8 of the 10 ASEAN Member States were represented; Brunei Darussalam and Cambodia were not.',
    );
    expect(coverageSentence('ASEAN', 10, ['Brunei Darussalam', 'Cambodia', 'Myanmar'])).toBe(
      '7 of the 10 ASEAN Member States were represented; Brunei Darussalam, Cambodia and Myanmar were not.',
    );
  });

  it('all represented, and none', () => {
    expect(coverageSentence('ASEAN', 10, [])).toBe('All 10 ASEAN Member States were represented.');
    expect(coverageSentence('ASEAN', 3, ['Brunei Darussalam', 'Cambodia', 'Myanmar'])).toBe('None of the 3 ASEAN Member States was represented.');
  });

  it('the OSCE speaks of participating States', () => {
    expect(coverageSentence('OSCE', 57, ['Andorra'])).toBe('56 of the 57 OSCE participating States were represented; Andorra was not.');
    expect(coverageSentence('OSCE', 57, [])).toBe('All 57 OSCE participating States were represented.');
  });

  it('one State represented: "1 of the 10 ... was represented"', () => {
    const missing = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'THA', 'VNM'].map((s) => NAMES[s]);
    expect(coverageSentence('ASEAN', 10, missing)).toMatch(/^1 of the 10 ASEAN Member States was represented; /);
  });
});

describe('participation figures', () => {
  it('regional coverage: members as of the first day, represented by their delegations only', () => {
    const roster = [
      ...allButBrunei(),
      // Neither a Bruneian in civil society, nor a Bruneian delegate not (yet) confirmed, represents Brunei.
      rosterEntry('r-ngo', { stakeholderGroup: 'civil-society', represents: { state: null, organisation: 'ICT4Peace' }, person: person({ nationality: 'BRN' }) }),
      delegate('BRN', { status: 'pending' }),
    ];
    const coverage = figures(roster).regionalCoverage!;
    // Timor-Leste joined ASEAN in October 2025: not a member on 17 June 2025.
    expect(coverage).toMatchObject({ organisation: 'ASEAN', organisationName: 'Association of Southeast Asian Nations', asOf: DAY_1, members: 10 });
    expect(coverage.notRepresented).toEqual([{ state: 'BRN', name: 'Brunei Darussalam' }]);
    expect(coverage.represented.map((s) => s.state)).toEqual(['KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM']);
    expect(coverage.sentence).toBe('9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.');
  });

  it('a cross-regional consultation has no regional coverage', () => {
    expect(figures(allButBrunei(), consultation({ regionalOrganisation: null })).regionalCoverage).toBeNull();
  });

  it('before any check-in, participants are the confirmed registrations; every status is counted', () => {
    const roster = [
      delegate('SGP'),
      delegate('MYS'),
      delegate('THA', { status: 'pending' }),
      delegate('VNM', { status: 'waitlisted' }),
      delegate('IDN', { status: 'declined' }),
      delegate('PHL', { status: 'withdrawn' }),
      delegate('KHM', { status: 'cancelled' }),
    ];
    const f = figures(roster);
    expect([f.basis, f.participants]).toEqual(['registrations', 2]);
    expect(f.registrations).toEqual({ pending: 1, confirmed: 2, waitlisted: 1, declined: 1, withdrawn: 1, cancelled: 1 });
    expect(f.regionalCoverage!.represented.map((s) => s.state)).toEqual(['MYS', 'SGP']);
    expect([f.attendanceByDay, f.attendanceBySession]).toEqual([[], []]);
  });

  it('once anyone is checked in, participants are those who attended: a confirmed delegate who stayed away is not counted, nor is their State represented', () => {
    const roster = [
      delegate('SGP', { attendance: [attended(DAY_1), attended(DAY_1, OPEN), attended(DAY_2)] }),
      delegate('MYS', { attendance: [attended(DAY_2)] }),
      delegate('THA'),
    ];
    const f = figures(roster);
    expect([f.basis, f.participants]).toEqual(['attendance', 2]);
    expect(f.registrations.confirmed).toBe(3);
    expect(f.regionalCoverage!.represented.map((s) => s.state)).toEqual(['MYS', 'SGP']);
    expect(f.byState.map((c) => c.key).sort()).toEqual(['MYS', 'SGP']);
    // A person checked in at the door and for a session on one day counts once for that day.
    expect(f.attendanceByDay).toEqual([
      { day: DAY_1, count: 1 },
      { day: DAY_2, count: 2 },
    ]);
    expect(f.attendanceBySession).toEqual([{ sessionId: OPEN, title: 'Multi-stakeholder session', day: DAY_1, count: 1 }]);
  });

  it('by gender: the four categories always, in their order, with zeros; an erased gender is not stated', () => {
    const roster = [
      delegate('SGP'),
      delegate('MYS'),
      delegate('THA', { person: person({ gender: '[erased]' as never }) }),
    ];
    expect(figures(roster).byGender).toEqual([
      { key: 'woman', label: 'Women', count: 2 },
      { key: 'man', label: 'Men', count: 0 },
      { key: 'non-binary', label: 'Non-binary', count: 0 },
      { key: 'not-stated', label: 'Not stated', count: 1 },
    ]);
  });

  it('by stakeholder group: all ten groups always, in their order, with zeros', () => {
    const roster = [delegate('SGP'), delegate('MYS'), rosterEntry('r-ngo', { stakeholderGroup: 'civil-society', represents: { state: null, organisation: 'ICT4Peace' } })];
    expect(figures(roster).byStakeholderGroup.map((c) => [c.key, c.label, c.count])).toEqual([
      ['member-state', 'Member States', 2],
      ['observer-state', 'Observer States', 0],
      ['regional-organization', 'Regional organizations', 0],
      ['un-entity', 'United Nations entities', 0],
      ['invited-expert', 'Invited experts', 0],
      ['private-sector', 'Private sector', 0],
      ['civil-society', 'Civil society', 1],
      ['academia', 'Academia', 0],
      ['technical-community', 'Technical community', 0],
      ['media', 'Media', 0],
    ]);
  });

  it('by region and State: the State represented, else the nationality; an erased or missing nationality is not stated', () => {
    const own = (id: string, nationality: string | null) =>
      rosterEntry(id, { stakeholderGroup: 'academia', represents: { state: null, organisation: null }, person: person({ nationality }) });
    const roster = [
      // A French national on Singapore's delegation counts for Singapore.
      delegate('SGP', { person: person({ nationality: 'FRA' }) }),
      delegate('MYS'),
      own('r-fr', 'FRA'),
      own('r-ke', 'KEN'),
      own('r-none', null),
      own('r-erased', '[erased]'),
    ];
    const f = figures(roster);
    expect(f.byRegion).toEqual([
      { key: ASIA_PACIFIC, label: ASIA_PACIFIC, count: 2 },
      { key: 'Not stated', label: 'Not stated', count: 2 },
      { key: 'African States', label: 'African States', count: 1 },
      { key: WEOG, label: WEOG, count: 1 },
    ]);
    expect(f.byState).toEqual([
      { key: 'FRA', label: 'France', count: 1 },
      { key: 'KEN', label: 'Kenya', count: 1 },
      { key: 'MYS', label: 'Malaysia', count: 1 },
      { key: 'SGP', label: 'Singapore', count: 1 },
    ]);
  });
});
