import type { ReportFormat } from './formats.js';

/**
 * File names for Content-Disposition and the CLI: an ASCII slug of the title for `filename`,
 * and the title itself, percent-encoded as UTF-8, for `filename*` (RFC 6266, RFC 8187), which
 * every current browser prefers.
 */

const MAX_SLUG = 120;

/** "Regional perspectives …: ASEAN – Chair’s summary" -> "regional-perspectives-…-asean-chair-s-summary". */
export function slug(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.length > MAX_SLUG ? ascii.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') : ascii;
  return cut || 'document';
}

/** A file name that any file system accepts: no path separators or control characters, and not too long. */
export function unicodeFileName(title: string, format: ReportFormat): string {
  const safe = title
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .trim();
  return `${safe || 'document'}.${format}`;
}

export const asciiFileName = (title: string, format: ReportFormat): string => `${slug(title)}.${format}`;

/** RFC 8187 ext-value: UTF-8, percent-encoding everything outside attr-char. */
const extValue = (value: string) => `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

export function contentDisposition(title: string, format: ReportFormat): string {
  return `attachment; filename="${asciiFileName(title, format)}"; filename*=${extValue(unicodeFileName(title, format))}`;
}
