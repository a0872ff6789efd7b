import { describe, expect, it } from '@jest/globals';
import { findAttributions } from './chatham-house.js';

const spans = (text: string, people: string[] = []) => findAttributions(text, people);
const texts = (text: string, people: string[] = []) => spans(text, people).map((s) => s.text);

describe('ChathamHouseAttribution: what the detector finds', () => {
  it('finds a statement attributed to a State, with offsets that slice back to the span', () => {
    const text = 'On capacity building, Brazil said that regional forums matter.';
    const [span] = spans(text);
    expect(span).toEqual({ start: 22, end: 33, text: 'Brazil said', reason: 'attributes a statement to a named State (Brazil)' });
    expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it.each([
    ['The representative of Japan stressed the value of CBMs.', 'The representative of Japan stressed'],
    ['the delegation of the Republic of Korea noted progress.', 'the delegation of the Republic of Korea noted'],
    ["Singapore's delegation emphasised cooperation.", "Singapore's delegation emphasised"],
    ['Argentina and Chile proposed a joint study.', 'Argentina and Chile proposed'],
    ['Viet Nam, speaking for several States, also underlined the gap.', 'Viet Nam, speaking for several States, also underlined'],
    ['The Japanese delegation pointed out a risk.', 'The Japanese delegation pointed out'],
    ['According to the United States, norms are voluntary.', 'According to the United States'],
    ['The African Union stressed continental cooperation.', 'The African Union stressed'],
  ])('State or organisation as speaker: %s', (text, expected) => {
    expect(texts(text)).toEqual([expected]);
  });

  it.each([
    ['Ms Okafor noted that trust takes time.', 'Ms Okafor noted'],
    ['Ambassador Lim Wei Ming argued for transparency.', 'Ambassador Lim Wei Ming argued'],
    ['Dr. van der Berg warned against escalation.', 'Dr. van der Berg warned'],
    ['according to Professor Haddad, attribution is hard.', 'according to Professor Haddad'],
    ['In March John Smith said the opposite.', 'John Smith said'],
  ])('person as speaker: %s', (text, expected) => {
    expect(texts(text)).toEqual([expected]);
  });

  it('finds a registered participant named anywhere, by full name or family name', () => {
    const text = 'A proposal circulated by Amina Diallo was discussed; Diallo later withdrew it.';
    expect(spans(text, ['Amina Diallo'])).toEqual([
      { start: 25, end: 37, text: 'Amina Diallo', reason: 'names a participant of this consultation' },
      { start: 53, end: 59, text: 'Diallo', reason: 'names a participant of this consultation' },
    ]);
  });

  it('takes a last word for a family name only when it is capitalised and not the summary\'s own vocabulary', () => {
    const people = ['Scholar of international law', 'Representative of a Member State'];
    expect(spans('Participants discussed how international law applies; each Member State reported.', people)).toEqual([]);
    expect(texts('A Scholar of international law was invited.', people)).toEqual(['Scholar of international law']);
  });

  it('ignores erased names and merges overlapping findings into one span with every reason', () => {
    expect(spans('Nothing here.', ['[erased]'])).toEqual([]);
    const [span] = spans('Ms Amina Diallo said so.', ['Amina Diallo']);
    expect(span.text).toBe('Ms Amina Diallo said');
    expect(span.reason).toContain('names a participant of this consultation');
    expect(span.reason).toContain('attributes a statement to a named person');
  });

  it.each([
    'Participants noted that the norms were flexible enough for all national contexts.',
    'Several Member States stressed the need for capacity building.',
    'The Chair noted broad agreement on confidence-building measures.',
    'One participant suggested a regional point of contact.',
    'The United Nations General Assembly adopted resolution A/RES/73/266.',
    'Experts from the region highlighted the role of the private sector.',
    'Many of us said nothing.',
    'The workshop took place in Singapore, which hosted Cyber Week.',
  ])('lets an unattributed sentence pass: %s', (text) => {
    expect(spans(text)).toEqual([]);
  });
});
