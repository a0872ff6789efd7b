/**
 * Which writing system a character belongs to, as far as choosing a font and a direction needs:
 * Arabic (right to left, its own font), Han and CJK punctuation (their own font), everything else.
 */
export type Script = 'arabic' | 'cjk' | 'other';

/** Arabic, Arabic Supplement, Arabic Extended-A, Arabic Presentation Forms-A and -B. */
const ARABIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];
/** CJK radicals to unified ideographs (with kana and CJK punctuation), compatibility ideographs and forms, full-width forms, the supplementary ideograph planes. */
const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3ffff],
];
const within = (codePoint: number, ranges: readonly (readonly [number, number])[]) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

export function scriptOf(codePoint: number): Script {
  if (codePoint < 0x0600) return 'other';
  if (within(codePoint, ARABIC_RANGES)) return 'arabic';
  if (within(codePoint, CJK_RANGES)) return 'cjk';
  return 'other';
}

const ARABIC_LETTERS = ARABIC_RANGES.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('');
const ARABIC = new RegExp(`[${ARABIC_LETTERS}]`, 'u');
/** Arabic words, with the spaces and punctuation between them. */
const ARABIC_RUN = new RegExp(`[${ARABIC_LETTERS}]+(?:[\\s.,;:!?()«»"'-]+[${ARABIC_LETTERS}]+)*`, 'gu');

export const hasArabic = (text: string): boolean => ARABIC.test(text);

/**
 * The text cut into runs of Arabic (spaces and punctuation between Arabic words included) and of
 * anything else, for formats that mark right-to-left runs themselves (Word's w:rtl).
 */
export function scriptRuns(text: string): { text: string; rtl: boolean }[] {
  if (!hasArabic(text)) return [{ text, rtl: false }];
  const runs: { text: string; rtl: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(ARABIC_RUN)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), rtl: false });
    runs.push({ text: m[0], rtl: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), rtl: false });
  return runs;
}
