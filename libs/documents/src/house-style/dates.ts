import { DateTime } from 'luxon';
import { LABELS } from './labels.js';
import { type DateRange, DocumentModelError, isUnLanguage, type UnLanguage, type Venue } from '../document-model.js';

/**
 * Dates in the house style of UN documents: day month year, an en dash between the ends of a range
 * and no spaces around it, the shared month and year written once ("17–18 June 2019",
 * "30 September–1 October 2019", "31 December 2019–2 January 2020"). Month names come from Intl
 * (ICU), with Latin digits in every language, as UN documents write them.
 */

const EN_DASH = '\u2013';

/** BCP 47 locale for Intl: British English spelling, Latin digits everywhere. */
const INTL_LOCALE: Record<UnLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ru: 'ru-RU',
  ar: 'ar-u-nu-latn',
  zh: 'zh-CN',
};

/** The language tag a document declares (HTML lang, PDF /Lang, Word w:lang). */
export const LANGUAGE_TAG: Record<UnLanguage, string> = {
  en: 'en',
  fr: 'fr',
  es: 'es',
  ru: 'ru',
  ar: 'ar',
  zh: 'zh-Hans',
};

/** The Intl locale of a UN language, for dates and numbers. */
export const intlLocale = (language: UnLanguage): string => INTL_LOCALE[language];

function parseDate(value: string): DateTime {
  const date = DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' });
  if (!date.isValid) throw new DocumentModelError('InvalidDate', `Not a calendar date as YYYY-MM-DD: ${JSON.stringify(value)}`);
  return date;
}

function checkLanguage(locale: string): UnLanguage {
  if (!isUnLanguage(locale)) throw new DocumentModelError('UnsupportedLanguage', `Not a UN language: ${locale}`);
  return locale;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: UnLanguage, withYear: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC', ...(withYear ? { year: 'numeric' } : {}) };
    f = new Intl.DateTimeFormat(INTL_LOCALE[language], options);
    formatters.set(key, f);
  }
  return f;
}

const full = (d: DateTime, language: UnLanguage) => formatter(language, true).format(d.toJSDate());
const dayMonth = (d: DateTime, language: UnLanguage) => formatter(language, false).format(d.toJSDate());

/** Chinese writes year, month and day with their own characters, and 至 for "to". */
function chineseRange(start: DateTime, end: DateTime): string {
  const first = `${start.year}年${start.month}月${start.day}日`;
  if (start.equals(end)) return first;
  if (start.year !== end.year) return `${first}至${end.year}年${end.month}月${end.day}日`;
  if (start.month !== end.month) return `${first}至${end.month}月${end.day}日`;
  return `${first}至${end.day}日`;
}

/** "17–18 June 2019"; a single day when `start` equals `end`. */
export function formatDateRange(start: string, end: string, locale: UnLanguage = 'en'): string {
  const language = checkLanguage(locale);
  const from = parseDate(start);
  const to = parseDate(end);
  if (to < from) throw new DocumentModelError('DateRangeReversed', `The range ends (${end}) before it starts (${start})`);
  if (language === 'zh') return chineseRange(from, to);
  if (from.equals(to)) return full(to, language);
  if (from.year !== to.year) return `${full(from, language)}${EN_DASH}${full(to, language)}`;
  if (from.month !== to.month) return `${dayMonth(from, language)}${EN_DASH}${full(to, language)}`;
  // Every day-first language here writes the end date with the day first: prefix the first day.
  return `${from.day}${EN_DASH}${full(to, language)}`;
}

/** "17–18 June 2019, Bratislava": the dates and the city, as under the title of a UN report. */
export function datesAndVenue(dates: DateRange, venue: Pick<Venue, 'city'>, locale: UnLanguage = 'en'): string {
  return `${formatDateRange(dates.startDate, dates.endDate, locale)}${LABELS[checkLanguage(locale)].comma}${venue.city}`;
}

/** An instant as "3 March 2024, 10:05 UTC": documents say when they were true, in one time zone for all readers. */
export function formatInstant(instant: string, locale: UnLanguage = 'en'): string {
  const language = checkLanguage(locale);
  const at = DateTime.fromISO(instant, { zone: 'utc' });
  if (!at.isValid) throw new DocumentModelError('InvalidDate', `Not an ISO 8601 instant: ${JSON.stringify(instant)}`);
  const day = language === 'zh' ? `${at.year}年${at.month}月${at.day}日` : full(at.startOf('day'), language);
  return `${day}${LABELS[language].comma}${at.toFormat('HH:mm')} UTC`;
}

/** The day of an instant, in the house style ("3 March 2024"). */
export function formatDay(instant: string, locale: UnLanguage = 'en'): string {
  const at = DateTime.fromISO(instant, { zone: 'utc' });
  if (!at.isValid) throw new DocumentModelError('InvalidDate', `Not an ISO 8601 instant: ${JSON.stringify(instant)}`);
  const date = at.toFormat('yyyy-MM-dd');
  return formatDateRange(date, date, locale);
}
