import { DEMONYMS, ORGANISATION_NAMES, stateNames } from './state-names.js';

/**
 * The Chatham House attribution check: finds where a text names a participant of the
 * consultation, or attributes a statement to a named State, organisation or person
 * ("Brazil said", "the representative of Japan stressed", "Ms Diallo noted").
 *
 * It errs on the side of refusing: a false alarm costs the Chair a waiver, a miss publishes an
 * attribution that the participants were promised would never be made.
 */

/** Half-open [start, end) range of UTF-16 offsets, as String.prototype.slice takes them. */
export interface OffendingSpan {
  start: number;
  end: number;
  text: string;
  reason: string;
}

const REPORTING_VERBS = [
  'said', 'says', 'stated', 'states', 'noted', 'notes', 'stressed', 'stresses', 'emphasized', 'emphasised',
  'underlined', 'underscored', 'highlighted', 'argued', 'argues', 'suggested', 'suggests', 'proposed', 'proposes',
  'observed', 'remarked', 'pointed out', 'recalled', 'explained', 'expressed', 'called for', 'called on', 'urged',
  'warned', 'welcomed', 'asserted', 'insisted', 'maintained', 'claimed', 'acknowledged', 'recognized', 'recognised',
  'indicated', 'mentioned', 'added', 'affirmed', 'reaffirmed', 'reiterated', 'questioned', 'cautioned', 'announced',
  'believed', 'believes', 'felt', 'considered', 'objected', 'opposed', 'supported', 'agreed', 'disagreed', 'asked',
  'recommended', 'shared', 'reported', 'described', 'commented', 'raised', 'drew attention', 'voiced', 'told',
  'informed', 'briefed', 'presented', 'replied', 'responded', 'concluded', 'clarified', 'confirmed', 'declared',
  'contended', 'regretted', 'doubted', 'rejected', 'favoured', 'favored', 'preferred', 'wondered',
];

const ADVERBS = [
  'also', 'further', 'furthermore', 'strongly', 'then', 'again', 'repeatedly', 'clearly', 'firmly', 'specifically',
  'notably', 'moreover', 'subsequently', 'likewise', 'similarly', 'however', 'nevertheless', 'explicitly',
];

const ROLES = [
  'permanent representatives?', 'representatives?', 'delegates?', 'delegations?', 'ambassadors?', 'ministers?',
  'experts?', 'envoys?', 'spokesperson', 'governments?', 'officials?', 'head of (?:the )?delegation',
];

const HONORIFICS = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Ambassador', 'Amb', 'H\\.E', 'His Excellency',
  'Her Excellency', 'Minister', 'Judge', 'Colonel', 'Col', 'Major', 'Captain', 'Sir', 'Dame', 'Lord', 'Lady',
  'Madam', 'Mme', 'Senator', 'Counsellor',
];

// Capitalised words that start sentences or name groups, bodies and roles in a summary. Two of
// them in a row ("Member States noted") are not a person's name.
const NOT_A_NAME = new Set(
  (
    'The This That These Those His Her Excellency In On At For As While When Where Although Though However Then Also Finally Moreover ' +
    'Furthermore Overall Further Thus Hence Yet But And Or If It Its They We He She There Here Such Following During ' +
    'After Before Since Some Several Many Most Other Others All Both Each Every Few One Two Three Four Five First ' +
    'Second Third Participants Participant Member Members State States Chair Chairs Co-Chair Co-Chairs Moderator ' +
    'Moderators Secretariat Expert Experts Speaker Speakers Panellist Panellists Panelist Panelists Delegation ' +
    'Delegations Delegate Delegates Representative Representatives Regional Organization Organizations Organisation ' +
    'Organisations Group Groups Governmental Government Governments United Nations General Assembly Security Council ' +
    'Committee Conference Workshop Workshops Session Sessions Private Sector Civil Society Industry Academia ' +
    'International National Non-governmental Intergovernmental Working Open-ended Report Reports Summary Secretary-General ' +
    'UN UNIDIR UNODA CSIS GGE OEWG ICT ICTs NGO NGOs Cyber Norms Monday Tuesday Wednesday Thursday Friday Saturday ' +
    'Sunday January February March April May June July August September October November December'
  )
    .split(' ')
    .concat(HONORIFICS.map((h) => h.replace(/\\/g, ''))),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (items: string[]) => items.map(escape).join('|');
/** "representative" matches "Representative" too: sentence starts capitalise the first letter only. */
const capitalisable = (pattern: string) => pattern.replace(/^([a-z])/, (c) => `[${c}${c.toUpperCase()}]`);

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const NAME_TOKEN = "\\p{Lu}(?:[\\p{L}'’-]*\\p{L})?\\.?";
const PARTICLE = '(?:de|da|das|do|dos|du|van|von|der|den|del|della|di|la|le|bin|binti|al|el|ter)';
const PARTICLES = `(?:${PARTICLE}\\s+){0,2}`;
const PERSON_NAME = `${PARTICLES}${NAME_TOKEN}(?:\\s+${PARTICLES}${NAME_TOKEN}){0,3}`;
// "Brazil, speaking on behalf of a group of States, said": a short aside may sit between speaker and verb.
const ASIDE = '(?:\\s*,[^,.;:!?\\n]{1,100},)?';
const VERBS = REPORTING_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|');
const VERB_PHRASE = `${ASIDE}(?:\\s+(?:${ADVERBS.join('|')}))?\\s+(?:${VERBS})${NOT_LETTER_AFTER}`;

interface Patterns {
  states: RegExp[];
  honorific: RegExp;
  bareName: RegExp;
  named: RegExp;
  demonym: RegExp;
  knownNames: Set<string>;
}

let patterns: Patterns | undefined;

function build(): Patterns {
  const names = [...stateNames(), ...ORGANISATION_NAMES].sort((a, b) => b.length - a.length);
  const NAMED = `(?:${alternation(names)})${NOT_LETTER_AFTER}`;
  const NAMED_LIST = `${NAMED}(?:\\s*,\\s*(?:the\\s+)?${NAMED})*(?:\\s*,?\\s+and\\s+(?:the\\s+)?${NAMED})?`;
  const ROLE = `(?:${ROLES.map(capitalisable).join('|')})`;
  const THE = '(?:[Tt]he\\s+)?';
  const HONORIFIC = `(?:${HONORIFICS.join('|')})\\.?`;
  const flags = 'gu';
  return {
    states: [
      // the representative of Japan stressed
      new RegExp(`${NOT_LETTER_BEFORE}${THE}${ROLE}\\s+(?:of|from|for)\\s+(?:the\\s+)?${NAMED_LIST}${VERB_PHRASE}`, flags),
      // Brazil said; Brazil's delegation noted; Argentina and Chile proposed
      new RegExp(`${NOT_LETTER_BEFORE}${THE}${NAMED_LIST}(?:['’]s\\s+${ROLE})?${VERB_PHRASE}`, flags),
      // the Japanese delegation noted
      new RegExp(`${NOT_LETTER_BEFORE}${THE}(?:${alternation(DEMONYMS)})\\s+(?:${ROLE}|side)${VERB_PHRASE}`, flags),
      // according to Brazil; according to the delegation of Japan
      new RegExp(`${NOT_LETTER_BEFORE}[Aa]ccording to\\s+(?:${THE}${ROLE}\\s+(?:of|from)\\s+)?(?:the\\s+)?${NAMED_LIST}`, flags),
    ],
    // Ms Diallo noted; according to Ambassador Tan. A titled name without a statement is not an attribution.
    honorific: new RegExp(
      `${NOT_LETTER_BEFORE}(?:(${HONORIFIC}\\s+${PERSON_NAME})${VERB_PHRASE}|[Aa]ccording to\\s+(${HONORIFIC}\\s+${PERSON_NAME}))`,
      flags,
    ),
    // John Smith said (two to four capitalised words, filtered against NOT_A_NAME afterwards)
    bareName: new RegExp(`${NOT_LETTER_BEFORE}(${NAME_TOKEN}(?:\\s+${PARTICLES}${NAME_TOKEN}){1,3})${VERB_PHRASE}`, flags),
    named: new RegExp(`${NOT_LETTER_BEFORE}(?:${alternation(names)})${NOT_LETTER_AFTER}`, 'gu'),
    demonym: new RegExp(`${NOT_LETTER_BEFORE}(?:${alternation(DEMONYMS)})${NOT_LETTER_AFTER}`, 'u'),
    knownNames: new Set(names),
  };
}

function whoIsNamed(match: string, p: Patterns): string {
  const named = [...match.matchAll(p.named)].map((m) => m[0]);
  const states = named.filter((n) => !ORGANISATION_NAMES.includes(n));
  if (states.length > 0) return `a named State (${states.join(', ')})`;
  if (named.length > 0) return `a named organisation (${named.join(', ')})`;
  return `a named State (${p.demonym.exec(match)?.[0] ?? 'by its demonym'})`;
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

const spanOf = (text: string, start: number, end: number, reason: string): OffendingSpan => ({
  start,
  end,
  text: text.slice(start, end),
  reason,
});

const PARTICIPANT = 'names a participant of this consultation';

const isNotAName = (token: string) => NOT_A_NAME.has(token.replace(/\.$/, ''));

function personSpans(text: string, people: readonly string[]): OffendingSpan[] {
  const spans: OffendingSpan[] = [];
  for (const raw of people) {
    const tokens = raw.trim().split(/\s+/).filter((t) => t.length > 0 && t !== '[erased]');
    if (tokens.length === 0) continue;
    const full = new RegExp(`${NOT_LETTER_BEFORE}${tokens.map(escape).join('\\s+')}${NOT_LETTER_AFTER}`, 'giu');
    for (const m of matches(full, text)) spans.push(spanOf(text, m.index, m.index + m[0].length, PARTICIPANT));
    // The family name alone ("as Diallo put it"), case-sensitive so that a surname that is also a
    // common word only counts when capitalised; a short token would match initials.
    // A lowercase last word ("Scholar of international law") or a word of the summary's own
    // vocabulary ("Representative of a Member State") is a description, not a family name.
    const family = tokens[tokens.length - 1];
    if (tokens.length > 1 && family.length >= 3 && /^\p{Lu}/u.test(family) && !isNotAName(family)) {
      const alone = new RegExp(`${NOT_LETTER_BEFORE}${escape(family)}${NOT_LETTER_AFTER}`, 'gu');
      for (const m of matches(alone, text)) spans.push(spanOf(text, m.index, m.index + m[0].length, PARTICIPANT));
    }
  }
  return spans;
}

function namedSpeakerSpans(text: string, p: Patterns): OffendingSpan[] {
  const spans: OffendingSpan[] = [];
  const end = (m: RegExpExecArray) => m.index + m[0].length;
  for (const re of p.states) {
    for (const m of matches(re, text)) spans.push(spanOf(text, m.index, end(m), `attributes a statement to ${whoIsNamed(m[0], p)}`));
  }
  for (const m of matches(p.honorific, text)) {
    const who = m[1] ?? m[2];
    spans.push(spanOf(text, m.index, end(m), `attributes a statement to a named person (${who})`));
  }
  for (const m of matches(p.bareName, text)) {
    // Drop sentence openers ("Then John Smith said") and keep the rest if it still looks like a name.
    const tokens = [...m[1].matchAll(/\S+/g)];
    const first = tokens.findIndex((t) => !isNotAName(t[0]));
    const rest = first < 0 ? [] : tokens.slice(first);
    const name = rest.map((t) => t[0]).join(' ');
    if (rest.length < 2 || rest.some((t) => isNotAName(t[0])) || p.knownNames.has(name)) continue;
    // The name group opens the match, so its tokens' offsets count from the match's start.
    const start = m.index + rest[0].index!;
    spans.push(spanOf(text, start, end(m), `attributes a statement to a named person (${name})`));
  }
  return spans;
}

/** Overlapping findings become one span carrying every reason. */
function merge(text: string, spans: OffendingSpan[]): OffendingSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<{ start: number; end: number; reasons: string[] }> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.reasons.includes(s.reason)) last.reasons.push(s.reason);
    } else {
      out.push({ start: s.start, end: s.end, reasons: [s.reason] });
    }
  }
  return out.map((s) => spanOf(text, s.start, s.end, s.reasons.join('; ')));
}

/**
 * The spans of `text` that break the Chatham House rule. `people`: names of the consultation's
 * participants, chairs, moderators and speakers (see the ConsultationPeople port).
 */
export function findAttributions(text: string, people: readonly string[] = []): OffendingSpan[] {
  patterns ??= build();
  return merge(text, [...personSpans(text, people), ...namedSpeakerSpans(text, patterns)]);
}
