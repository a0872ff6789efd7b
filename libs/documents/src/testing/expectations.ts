/**
 * What a rendered document must say, worked out from the model independently of the composition
 * code, for the renderers' tests to compare the parsed output against.
 */
import { type ChairSummaryDocument, type Footnote, type NotedText, passageText } from '../document-model.js';

/** Every passage that can carry footnote marks, in document order. */
export function notedPassages(doc: ChairSummaryDocument): NotedText[] {
  return [
    ...doc.introduction.map(passageText),
    ...doc.sections.flatMap((s) => [...s.paragraphs.map(passageText), ...s.keyPoints]),
    ...doc.conclusions,
  ];
}

export interface ExpectedNote {
  number: number;
  footnote: Footnote;
}

/**
 * Footnote marks in document order (the number each shows), and the footnotes in number order,
 * numbering on from `start` (series reports number across parts).
 */
export function expectedNotes(doc: ChairSummaryDocument, start = 1): { marks: number[]; notes: ExpectedNote[] } {
  const byId = new Map(doc.footnotes.map((f) => [f.id, f]));
  const numbers = new Map<string, number>();
  const marks: number[] = [];
  for (const passage of notedPassages(doc)) {
    for (const id of passage.footnoteIds ?? []) {
      if (!numbers.has(id)) numbers.set(id, start + numbers.size);
      marks.push(numbers.get(id)!);
    }
  }
  const notes = [...numbers].map(([id, number]) => ({ number, footnote: byId.get(id)! }));
  return { marks, notes };
}

export const allKeyPoints = (doc: ChairSummaryDocument): string[] => [...doc.sections.flatMap((s) => s.keyPoints), ...doc.conclusions].map((k) => k.text);
