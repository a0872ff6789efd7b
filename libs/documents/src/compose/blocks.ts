import type { UnLanguage } from '../document-model.js';
import type { Labels } from '../house-style/labels.js';

/**
 * A document as every format sees it: parts (a summary, or a series report's overview and
 * summaries), each a flat list of blocks with footnotes already numbered. The composition decides
 * what a document says and in which order; a renderer decides only how it looks. So the four
 * formats cannot disagree about content, and footnote numbers match Word's own numbering (order of
 * first reference).
 */
export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly strong?: boolean }
  /** A footnote mark; `first` is its first reference (the one Word's footnote hangs from). */
  | { readonly kind: 'note'; readonly number: number; readonly first: boolean };

export interface NumberedNote {
  readonly number: number;
  readonly symbol: string | null;
  readonly text: string | null;
  readonly url: string | null;
}

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'subtitle'; readonly text: string }
  /** The visible DRAFT mark at the head of an unpublished part. */
  | { readonly kind: 'draft'; readonly label: string; readonly notice: string }
  | { readonly kind: 'status'; readonly text: string }
  /** Level 1 is a top-level heading of the document (Word's Heading 1). */
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly role: 'key-points' | 'programme'; readonly items: readonly (readonly Inline[])[] };

export interface Part {
  readonly language: UnLanguage;
  readonly dir: 'ltr' | 'rtl';
  readonly labels: Labels;
  /** Unpublished: the part carries the DRAFT mark (banner, and watermark in DOCX and PDF). */
  readonly draft: boolean;
  /** In paged formats the part starts on a new page. */
  readonly newPage: boolean;
  readonly title: string;
  readonly blocks: readonly Block[];
  /** The part's footnotes, in number order. */
  readonly notes: readonly NumberedNote[];
}

export interface Composition {
  readonly kind: 'chair-summary' | 'series-report';
  readonly title: string;
  readonly language: UnLanguage;
  readonly dir: 'ltr' | 'rtl';
  readonly labels: Labels;
  /** Some part is a draft. */
  readonly draft: boolean;
  readonly parts: readonly Part[];
}
