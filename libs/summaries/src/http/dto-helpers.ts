import { Transform } from 'class-transformer';

/** Surrounding whitespace is never meant: trimmed before validation, so "  " counts as empty. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Ids a client may choose (sections, key points, footnotes): safe in URLs and logs. */
export const CLIENT_ID = /^[A-Za-z0-9._-]{1,64}$/;
