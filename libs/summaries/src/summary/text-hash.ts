import { createHash } from 'node:crypto';

/**
 * The hash a Chair's waiver is bound to. Runs of whitespace count as one space, so that
 * re-wrapping a paragraph keeps its waiver; any change of wording needs a new one.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').trim().replace(/\s+/g, ' ')).digest('hex');
}
