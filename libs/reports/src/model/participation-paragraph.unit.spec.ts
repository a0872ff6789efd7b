import { describe, expect, it } from '@jest/globals';
import { STAKEHOLDER_GROUPS, type ParticipationFigures } from '@convene/registration';
import { groupInWords, listInWords, participationParagraphs } from './participation-paragraph.js';

/** Figures as participationFigures makes them: every stakeholder group listed, in its fixed order, zeros included. */
function figures(counts: Partial<Record<(typeof STAKEHOLDER_GROUPS)[number], number>>, more: Partial<ParticipationFigures> = {}): ParticipationFigures {
  const byStakeholderGroup = STAKEHOLDER_GROUPS.map((key) => ({ key, label: key, count: counts[key] ?? 0 }));
  const participants = byStakeholderGroup.reduce((n, g) => n + g.count, 0);
  return {
    consultationId: 'c-1',
    basis: 'attendance',
    participants,
    registrations: { pending: 0, confirmed: participants, waitlisted: 0, declined: 0, withdrawn: 0, cancelled: 0 },
    byStakeholderGroup,
    byGender: [],
    byRegion: [],
    byState: [],
    attendanceByDay: [],
    attendanceBySession: [],
    regionalCoverage: null,
    ...more,
  };
}

const coverage = (sentence: string): ParticipationFigures['regionalCoverage'] => ({
  organisation: 'ASEAN',
  organisationName: 'Association of Southeast Asian Nations',
  asOf: '2017-09-20',
  members: 10,
  represented: [],
  notRepresented: [{ state: 'BRN', name: 'Brunei Darussalam' }],
  sentence,
});

describe('the participation paragraph of a Chair’s summary', () => {
  it('says how many took part and from which stakeholder groups, in words, in the groups’ fixed order, leaving out empty ones', () => {
    const f = figures({ 'member-state': 44, 'regional-organization': 2, 'un-entity': 5, 'invited-expert': 7, 'private-sector': 9, 'civil-society': 5, academia: 6, 'technical-community': 4 });
    expect(participationParagraphs(f)).toEqual([
      '82 participants took part: 44 representatives of Member States, 2 representatives of regional organizations, 5 representatives of United Nations entities, ' +
        '7 invited experts, 9 participants from the private sector, 5 participants from civil society, 6 participants from academia and 4 participants from the technical community.',
    ]);
  });

  it('follows with the regional coverage sentence', () => {
    const sentence = '9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.';
    const f = figures({ 'member-state': 20, academia: 3 }, { regionalCoverage: coverage(sentence) });
    expect(participationParagraphs(f)).toEqual(['23 participants took part: 20 representatives of Member States and 3 participants from academia.', sentence]);
  });

  it('uses the singular for one', () => {
    expect(participationParagraphs(figures({ 'invited-expert': 1 }))).toEqual(['1 participant took part: 1 invited expert.']);
    expect(participationParagraphs(figures({ 'observer-state': 1, media: 1 }))).toEqual([
      '2 participants took part: 1 representative of an observer State and 1 representative of the media.',
    ]);
  });

  it('before anyone is checked in, counts confirmed registrations and says so', () => {
    const f = figures({ 'member-state': 12, 'civil-society': 1 }, { basis: 'registrations' });
    expect(participationParagraphs(f)).toEqual(['13 participants were registered with a confirmed place: 12 representatives of Member States and 1 participant from civil society.']);
    expect(participationParagraphs(figures({ academia: 1 }, { basis: 'registrations' }))[0]).toBe('1 participant was registered with a confirmed place: 1 participant from academia.');
  });

  it('writes thousands with a comma', () => {
    expect(participationParagraphs(figures({ 'member-state': 1000, 'private-sector': 234 }))[0]).toBe(
      '1,234 participants took part: 1,000 representatives of Member States and 234 participants from the private sector.',
    );
  });

  it('says nothing when nobody is counted, not even the coverage', () => {
    expect(participationParagraphs(figures({}, { regionalCoverage: coverage('None of the 10 ASEAN Member States was represented.') }))).toEqual([]);
  });

  it('has words for every stakeholder group registration knows; an unknown one keeps its label', () => {
    for (const key of STAKEHOLDER_GROUPS) expect(groupInWords(key, 'LABEL', 2)).not.toContain('label');
    expect(groupInWords('diplomatic-corps', 'Diplomatic corps', 3)).toBe('3 diplomatic corps');
  });

  it('lists in English: A; A and B; A, B and C', () => {
    expect([[], ['A'], ['A', 'B'], ['A', 'B', 'C']].map((items) => listInWords(items))).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});
