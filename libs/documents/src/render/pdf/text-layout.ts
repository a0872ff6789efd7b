import bidiModule, { type Bidi } from 'bidi-js';
import LineBreaker from 'linebreak';
import { scriptOf } from '../scripts.js';
import type { Face } from './fonts.js';

/**
 * Paragraph layout for the PDF: picks a font for each character, breaks lines where Unicode allows
 * (UAX #14, so Chinese breaks between ideographs), and orders each line for display with the
 * Unicode Bidirectional Algorithm (UAX #9), so that Arabic reads right to left with numbers and
 * Latin symbols ("A/RES/73/266") left to right inside it. Shaping (Arabic joining forms, ligatures)
 * is fontkit's, through pdfkit. Pure: the font measurements come in through `FontMetrics`.
 */

export interface SpanStyle {
  readonly size: number;
  readonly bold: boolean;
  readonly color: string;
  /** Raise above the baseline, in points (footnote marks). */
  readonly rise?: number;
  readonly link?: string;
}

export interface Span {
  readonly text: string;
  readonly style: SpanStyle;
  /** A footnote mark that references its footnote for the first time: the note goes on this line's page. */
  readonly firstNote?: number;
}

export interface FontMetrics {
  covers(face: Face, bold: boolean, codePoint: number): boolean;
  width(text: string, face: Face, bold: boolean, size: number): number;
}

export interface PlacedRun {
  /** What to hand to pdfkit: logical order for an Arabic run (fontkit shapes and reverses it), display order otherwise. */
  readonly text: string;
  readonly face: Face;
  readonly style: SpanStyle;
  /** From the left edge of the line. */
  readonly x: number;
  readonly width: number;
  /** Shape as one string: fontkit then lays the whole run out right to left. */
  readonly shapeWhole: boolean;
}

export interface Line {
  /** Left to right, as displayed. */
  readonly runs: readonly PlacedRun[];
  readonly width: number;
  /** Footnotes first referenced on this line. */
  readonly notes: readonly number[];
}

// bidi-js is a CommonJS (UMD) module with ES-style types: Node's default import is module.exports,
// which is the factory itself, while the types describe it as the module's `default` export.
const bidiFactory = bidiModule as unknown as () => Bidi;
const bidi = bidiFactory();
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const NEUTRAL_CHARACTER = /[\s\p{P}\p{S}\p{N}]/u;
/** ASCII answered from a table: the regular expression is the slowest step of the layout. */
const ASCII_NEUTRAL = Uint8Array.from({ length: 128 }, (_, cp) => (NEUTRAL_CHARACTER.test(String.fromCharCode(cp)) ? 1 : 0));
const isNeutral = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  return unit < 128 ? ASCII_NEUTRAL[unit] === 1 : NEUTRAL_CHARACTER.test(text[i]);
};
const WHITESPACE = /\s/;
/** Where a character no face of its own script claims goes: Latin first. */
const FALLBACK: readonly Face[] = ['latin', 'cjk', 'arabic'];
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

interface Paragraph {
  text: string;
  spans: readonly Span[];
  /** Index into `spans` of each UTF-16 code unit. */
  spanOf: Uint16Array;
  faces: Face[];
  levels: Uint8Array;
}

function prepare(spans: readonly Span[], dir: 'ltr' | 'rtl', metrics: FontMetrics): Paragraph {
  const text = spans.map((s) => s.text).join('');
  const spanOf = new Uint16Array(text.length);
  let at = 0;
  spans.forEach((s, i) => {
    spanOf.fill(i, at, at + s.text.length);
    at += s.text.length;
  });
  const faces: Face[] = new Array(text.length);
  const strongFace = (cp: number, bold: boolean): Face => {
    const script = scriptOf(cp);
    return script === 'arabic' || script === 'cjk' ? script : (FALLBACK.find((f) => metrics.covers(f, bold, cp)) ?? 'latin');
  };
  // Spaces, digits and punctuation take the font around them (before them, or at the start the
  // first letter's), so that a run is not cut at every space and "(" opens in its text's font.
  const firstLetter = Array.from(text).find((c) => !isNeutral(c, 0));
  let previous: Face | null = firstLetter ? strongFace(firstLetter.codePointAt(0)!, spans[0].style.bold) : null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const bold = spans[spanOf[i]].style.bold;
    const face = previous && isNeutral(text, i) && metrics.covers(previous, bold, cp) ? previous : strongFace(cp, bold);
    for (let u = 0; u < units; u++) faces[i + u] = face;
    previous = face;
    i += units;
  }
  const levels = dir === 'ltr' && !RIGHT_TO_LEFT.test(text) ? new Uint8Array(text.length) : bidi.getEmbeddingLevels(text, dir).levels;
  return { text, spans, spanOf, faces, levels };
}

/** Width of text[start, end), measured run by run of one face and one span. */
function measure(p: Paragraph, start: number, end: number, metrics: FontMetrics): number {
  let width = 0;
  for (let i = start; i < end; ) {
    let j = i + 1;
    while (j < end && p.faces[j] === p.faces[i] && p.spanOf[j] === p.spanOf[i]) j++;
    const { style } = p.spans[p.spanOf[i]];
    width += metrics.width(p.text.slice(i, j), p.faces[i], style.bold, style.size);
    i = j;
  }
  return width;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && WHITESPACE.test(text[end - 1])) end--;
  return end;
}

/** Line ranges by greedy filling at the break opportunities; a word wider than a line is cut between graphemes. */
function breakLines(p: Paragraph, width: number, metrics: FontMetrics): [number, number][] {
  const lines: [number, number][] = [];
  const breaker = new LineBreaker(p.text);
  let lineStart = 0;
  let lineWidth = 0;
  let segmentStart = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const end = bk.position;
    if (end <= segmentStart) continue;
    const inkEnd = trimEnd(p.text, segmentStart, end);
    const ink = measure(p, segmentStart, inkEnd, metrics);
    if (lineWidth + ink > width && segmentStart > lineStart) {
      lines.push([lineStart, segmentStart]);
      lineStart = segmentStart;
      lineWidth = 0;
    }
    if (ink > width) {
      // Only a long URL or symbol does this: cut it where it overflows.
      for (const { index, segment } of graphemes.segment(p.text.slice(segmentStart, end))) {
        const w = measure(p, segmentStart + index, segmentStart + index + segment.length, metrics);
        if (lineWidth + w > width && segmentStart + index > lineStart) {
          lines.push([lineStart, segmentStart + index]);
          lineStart = segmentStart + index;
          lineWidth = 0;
        }
        lineWidth += w;
      }
    } else {
      lineWidth += ink + measure(p, inkEnd, end, metrics);
    }
    segmentStart = end;
  }
  if (lineStart < p.text.length) lines.push([lineStart, p.text.length]);
  return lines;
}

const reverseCodePoints = (text: string) => Array.from(text).reverse().join('');
const mirror = (text: string) => Array.from(text, (c) => bidi.getMirroredCharacter(c) ?? c).join('');

interface LogicalRun {
  start: number;
  end: number;
  level: number;
}

/** The runs of a line in display order (UAX #9 rule L2, applied to runs of one level). */
function displayOrder(runs: LogicalRun[]): LogicalRun[] {
  const ordered = [...runs];
  const max = Math.max(...ordered.map((r) => r.level));
  const lowestOdd = Math.min(...ordered.map((r) => (r.level % 2 === 1 ? r.level : max + 1)));
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < ordered.length; ) {
      if (ordered[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < ordered.length && ordered[j].level >= level) j++;
      ordered.splice(i, j - i, ...ordered.slice(i, j).reverse());
      i = j;
    }
  }
  return ordered;
}

function placeLine(p: Paragraph, start: number, end: number, metrics: FontMetrics): Line {
  const stop = trimEnd(p.text, start, end);
  const logical: LogicalRun[] = [];
  for (let i = start; i < stop; ) {
    let j = i + 1;
    while (j < stop && p.faces[j] === p.faces[i] && p.spanOf[j] === p.spanOf[i] && p.levels[j] === p.levels[i]) j++;
    logical.push({ start: i, end: j, level: p.levels[i] });
    i = j;
  }
  const runs: PlacedRun[] = [];
  let x = 0;
  for (const run of logical.length > 0 ? displayOrder(logical) : []) {
    const face = p.faces[run.start];
    const { style } = p.spans[p.spanOf[run.start]];
    const text = p.text.slice(run.start, run.end);
    const width = metrics.width(text, face, style.bold, style.size);
    const rtl = run.level % 2 === 1;
    // fontkit lays out a run with Arabic letters right to left itself; a right-to-left run of only
    // spaces, digits or punctuation it would lay out left to right, so it is reversed here.
    const shapeWhole = rtl && face === 'arabic' && RIGHT_TO_LEFT.test(text);
    const shown = !rtl ? text : shapeWhole ? mirror(text) : reverseCodePoints(mirror(text));
    runs.push({ text: shown, face, style, x, width, shapeWhole });
    x += width;
  }
  const notes = new Set<number>();
  for (let i = start; i < end; i++) {
    const note = p.spans[p.spanOf[i]].firstNote;
    if (note !== undefined) notes.add(note);
  }
  return { runs, width: x, notes: [...notes] };
}

/** Lines of at most `width` points, each in display order. Whitespace is folded to single spaces. */
export function layoutParagraph(spans: readonly Span[], options: { width: number; dir: 'ltr' | 'rtl' }, metrics: FontMetrics): Line[] {
  const folded = spans.map((s, i) => {
    let text = s.text.replace(/\s+/g, ' ');
    if (i === 0) text = text.trimStart();
    if (i === spans.length - 1) text = text.trimEnd();
    return { ...s, text };
  });
  if (folded.every((s) => s.text.length === 0)) return [];
  const p = prepare(folded.filter((s) => s.text.length > 0), options.dir, metrics);
  return breakLines(p, options.width, metrics).map(([start, end]) => placeLine(p, start, end, metrics));
}
