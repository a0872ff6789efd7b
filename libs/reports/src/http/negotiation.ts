import { RuleViolation } from '@convene/event-store';
import { MEDIA_TYPES, type ReportFormat } from '../render/formats.js';

/** One media range of an Accept header (RFC 9110 §12.5.1). */
interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [range, ...params] = part.trim().split(';');
      const [type, subtype] = range.trim().toLowerCase().split('/');
      const q = params.map((p) => p.trim().split('=')).find(([k]) => k.trim().toLowerCase() === 'q')?.[1];
      const quality = q === undefined ? 1 : Number(q);
      return { type, subtype, q: Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 0 };
    })
    .filter((r) => r.type && r.subtype);
}

/** The quality the client gives a media type: that of the most specific range matching it (0: none does). */
function qualityOf(mediaType: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let best = { specificity: -1, q: 0 };
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (specificity > best.specificity) best = { specificity, q: r.q };
  }
  return best.q;
}

const notAcceptable = (formats: readonly ReportFormat[], asked: string) =>
  new RuleViolation('NotAcceptable', `This document is available as ${formats.map((f) => MEDIA_TYPES[f]).join(', ')}; none of them is acceptable (${asked})`, 406, {
    available: formats.map((f) => ({ format: f, mediaType: MEDIA_TYPES[f] })),
  });

/**
 * The format to answer in: `?format=` when given (one of `formats`, else 406), otherwise the
 * Accept header's preference among `formats` (ties go to the order of `formats`, so its first is
 * the default), and the first format when there is no Accept header at all.
 */
export function negotiateFormat<F extends ReportFormat>(formats: readonly F[], format: string | undefined, accept: string | undefined): F {
  if (format !== undefined) {
    const wanted = formats.find((f) => f === format.toLowerCase());
    if (!wanted) {
      throw new RuleViolation('UnsupportedDocumentFormat', `format must be one of ${formats.join(', ')}`, 406, {
        format,
        available: formats.map((f) => ({ format: f, mediaType: MEDIA_TYPES[f] })),
      });
    }
    return wanted;
  }
  if (accept === undefined || accept.trim() === '') return formats[0];
  const ranges = parseAccept(accept);
  let chosen: { format: F; q: number } | undefined;
  for (const f of formats) {
    const q = qualityOf(MEDIA_TYPES[f], ranges);
    if (q > 0 && (!chosen || q > chosen.q)) chosen = { format: f, q };
  }
  if (!chosen) throw notAcceptable(formats, accept);
  return chosen.format;
}
