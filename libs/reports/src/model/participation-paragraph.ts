import type { ParticipationFigures } from '@convene/registration';

/**
 * The participation paragraph of a Chair's summary, written from the participation figures: how
 * many took part and from which stakeholder groups, in words, then the regional coverage
 * sentence. Numbers are digits (as the coverage sentence has them), thousands with a comma.
 */

const number = (n: number) => n.toLocaleString('en-GB');

/** How each stakeholder group is named in running text, for one and for several. */
const GROUP_WORDS: Record<string, readonly [one: string, several: string]> = {
  'member-state': ['representative of a Member State', 'representatives of Member States'],
  'observer-state': ['representative of an observer State', 'representatives of observer States'],
  'regional-organization': ['representative of a regional organization', 'representatives of regional organizations'],
  'un-entity': ['representative of a United Nations entity', 'representatives of United Nations entities'],
  'invited-expert': ['invited expert', 'invited experts'],
  'private-sector': ['participant from the private sector', 'participants from the private sector'],
  'technical-community': ['participant from the technical community', 'participants from the technical community'],
  'civil-society': ['participant from civil society', 'participants from civil society'],
  academia: ['participant from academia', 'participants from academia'],
  media: ['representative of the media', 'representatives of the media'],
};

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "44 representatives of Member States", "1 invited expert"; a group the words do not know keeps its label. */
export function groupInWords(key: string, label: string, count: number): string {
  const words = GROUP_WORDS[key];
  if (!words) return `${number(count)} ${label.toLowerCase()}`;
  return `${number(count)} ${count === 1 ? words[0] : words[1]}`;
}

/**
 * "82 participants took part: 44 representatives of Member States, …, and 6 participants from
 * academia." Before anyone was checked in, the figures count confirmed registrations, and the
 * sentence says so. Nothing when nobody is counted: an empty paragraph says less than none.
 */
export function participationParagraphs(figures: ParticipationFigures): string[] {
  if (figures.participants === 0) return [];
  const n = figures.participants;
  const who = `${number(n)} ${n === 1 ? 'participant' : 'participants'}`;
  const opening = figures.basis === 'attendance' ? `${who} took part` : `${who} ${n === 1 ? 'was' : 'were'} registered with a confirmed place`;
  const groups = figures.byStakeholderGroup.filter((g) => g.count > 0).map((g) => groupInWords(g.key, g.label, g.count));
  const paragraphs = [`${opening}: ${listInWords(groups)}.`];
  if (figures.regionalCoverage) paragraphs.push(figures.regionalCoverage.sentence);
  return paragraphs;
}
