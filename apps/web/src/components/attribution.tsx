/**
 * A Chatham House attribution warning on the words themselves: the text with each offending
 * span marked, and the reason beside it. Marks carry the reason for screen readers too.
 */
import type { AttributionSpan } from '../api';

export function MarkedText({ text, spans }: { text: string; spans: AttributionSpan[] }) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const [i, s] of sorted.entries()) {
    if (s.start < at) continue;
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={i} class="attribution" title={s.reason}>
        {text.slice(s.start, s.end)}
        <span class="visually-hidden"> (Chatham House rule: {s.reason})</span>
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function AttributionWarning({ text, spans, children }: { text: string; spans: AttributionSpan[]; children?: preact.ComponentChildren }) {
  return (
    <div class="attribution-warning" role="alert">
      <p class="attribution-title">
        <span aria-hidden="true">⚠ </span>Chatham House rule: reword the marked words
      </p>
      <p class="attribution-text">
        <MarkedText text={text} spans={spans} />
      </p>
      <ul class="small">
        {spans.map((s, i) => (
          <li key={i}>
            “{s.text}”: {s.reason}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
