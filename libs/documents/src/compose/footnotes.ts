import { DocumentModelError, type Footnote, type NotedText } from '../document-model.js';
import type { Inline, NumberedNote } from './blocks.js';

const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

/**
 * Numbers footnotes in order of first reference. One numbering runs across a whole composition (a
 * series report numbers on from part to part, as Word does); ids are looked up in the footnotes of
 * the part being composed, so two summaries may both use "fn-1".
 */
export class FootnoteNumbering {
  private next = 1;
  private part = new Map<string, Footnote>();
  private numbers = new Map<string, number>();
  private notes: NumberedNote[] = [];

  /** Starts a part with its own footnotes; returns nothing until `endPart`. */
  beginPart(footnotes: readonly Footnote[], where: string): void {
    this.part = new Map();
    this.numbers = new Map();
    this.notes = [];
    for (const f of footnotes) {
      if (this.part.has(f.id)) throw new DocumentModelError('DuplicateFootnoteId', `${where}: footnote id ${JSON.stringify(f.id)} is used twice`);
      if (!f.symbol?.trim() && !f.text?.trim()) throw new DocumentModelError('EmptyFootnote', `${where}: footnote ${JSON.stringify(f.id)} has neither a symbol nor a text`);
      if (f.url && !SAFE_URL.test(f.url)) throw new DocumentModelError('UnsafeFootnoteUrl', `${where}: footnote ${JSON.stringify(f.id)} links to a non-http(s) URL`);
      this.part.set(f.id, f);
    }
  }

  /** The text followed by a mark for each of its footnotes, numbering those referenced for the first time. */
  inline(passage: NotedText, where: string): Inline[] {
    const content: Inline[] = [{ kind: 'text', text: passage.text }];
    for (const id of passage.footnoteIds ?? []) {
      const footnote = this.part.get(id);
      if (!footnote) throw new DocumentModelError('UnknownFootnote', `${where}: refers to footnote ${JSON.stringify(id)}, which the document does not have`);
      let number = this.numbers.get(id);
      const first = number === undefined;
      if (number === undefined) {
        number = this.next++;
        this.numbers.set(id, number);
        this.notes.push({ number, symbol: footnote.symbol?.trim() || null, text: footnote.text?.trim() || null, url: footnote.url || null });
      }
      content.push({ kind: 'note', number, first });
    }
    return content;
  }

  /** The part's footnotes in number order; every footnote must have been referenced. */
  endPart(where: string): NumberedNote[] {
    const unreferenced = [...this.part.keys()].filter((id) => !this.numbers.has(id));
    if (unreferenced.length > 0) {
      throw new DocumentModelError('UnreferencedFootnote', `${where}: footnote(s) ${unreferenced.map((id) => JSON.stringify(id)).join(', ')} are never referenced`);
    }
    return this.notes;
  }
}

/** A footnote's text as one line: "Note text (A/RES/73/266)", or the symbol or the note alone. */
export function noteText(note: Pick<NumberedNote, 'symbol' | 'text'>): string {
  if (note.text && note.symbol) return note.text.includes(note.symbol) ? note.text : `${note.text} (${note.symbol})`;
  return note.text ?? note.symbol ?? '';
}
