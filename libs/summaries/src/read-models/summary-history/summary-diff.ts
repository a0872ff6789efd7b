import { diffWords } from 'diff';
import type { Footnote, Section, SummaryContent } from '../../summary/summary.state.js';

/** A word-level edit: the text reads as the concatenation of equal and insert parts. */
export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface SectionSnapshot {
  sectionId: string;
  kind: Section['kind'];
  title: string;
  text: string;
}

export interface SectionChange {
  sectionId: string;
  title?: TextChange[];
  text?: TextChange[];
  chathamHouse?: { from: boolean | null; to: boolean | null };
}

export interface KeyPointSnapshot {
  keyPointId: string;
  sectionId: string;
  position: number;
  text: string;
}

export interface KeyPointChange {
  keyPointId: string;
  sectionId: string;
  text?: TextChange[];
  moved?: { from: { sectionId: string; position: number }; to: { sectionId: string; position: number } };
}

export interface ContentDiff {
  sections: { added: SectionSnapshot[]; removed: SectionSnapshot[]; changed: SectionChange[] };
  keyPoints: { added: KeyPointSnapshot[]; removed: KeyPointSnapshot[]; changed: KeyPointChange[] };
  footnotes: { added: Footnote[]; removed: Footnote[] };
}

export function textChanges(from: string, to: string): TextChange[] {
  return diffWords(from, to).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

const sectionSnapshot = ({ sectionId, kind, title, text }: Section): SectionSnapshot => ({ sectionId, kind, title, text });

function keyPointsOf(content: SummaryContent): Map<string, KeyPointSnapshot> {
  return new Map(
    content.sections.flatMap((s) =>
      s.keyPoints.map((k, position) => [k.keyPointId, { keyPointId: k.keyPointId, sectionId: s.sectionId, position, text: k.text }] as const),
    ),
  );
}

/** What changed from one content to another: sections and key points added, removed, reworded or moved. */
export function diffContent(from: SummaryContent, to: SummaryContent): ContentDiff {
  const fromSections = new Map(from.sections.map((s) => [s.sectionId, s]));
  const toSections = new Map(to.sections.map((s) => [s.sectionId, s]));
  const sectionsChanged: SectionChange[] = [];
  for (const [id, after] of toSections) {
    const before = fromSections.get(id);
    if (!before) continue;
    const change: SectionChange = { sectionId: id };
    if (before.title !== after.title) change.title = textChanges(before.title, after.title);
    if (before.text !== after.text) change.text = textChanges(before.text, after.text);
    if (before.chathamHouse !== after.chathamHouse) change.chathamHouse = { from: before.chathamHouse, to: after.chathamHouse };
    if (Object.keys(change).length > 1) sectionsChanged.push(change);
  }

  const fromPoints = keyPointsOf(from);
  const toPoints = keyPointsOf(to);
  const pointsChanged: KeyPointChange[] = [];
  for (const [id, after] of toPoints) {
    const before = fromPoints.get(id);
    if (!before) continue;
    const change: KeyPointChange = { keyPointId: id, sectionId: after.sectionId };
    if (before.text !== after.text) change.text = textChanges(before.text, after.text);
    if (before.sectionId !== after.sectionId || before.position !== after.position) {
      change.moved = {
        from: { sectionId: before.sectionId, position: before.position },
        to: { sectionId: after.sectionId, position: after.position },
      };
    }
    if (change.text || change.moved) pointsChanged.push(change);
  }

  const fromNotes = new Set(from.footnotes.map((f) => f.footnoteId));
  const toNotes = new Set(to.footnotes.map((f) => f.footnoteId));
  return {
    sections: {
      added: to.sections.filter((s) => !fromSections.has(s.sectionId)).map(sectionSnapshot),
      removed: from.sections.filter((s) => !toSections.has(s.sectionId)).map(sectionSnapshot),
      changed: sectionsChanged,
    },
    keyPoints: {
      added: [...toPoints.values()].filter((k) => !fromPoints.has(k.keyPointId)),
      removed: [...fromPoints.values()].filter((k) => !toPoints.has(k.keyPointId)),
      changed: pointsChanged,
    },
    footnotes: {
      added: to.footnotes.filter((f) => !fromNotes.has(f.footnoteId)),
      removed: from.footnotes.filter((f) => !toNotes.has(f.footnoteId)),
    },
  };
}
