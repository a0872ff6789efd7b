import { DateTime, IANAZone } from 'luxon';
import { RuleViolation } from '@convene/event-store';

/**
 * Wall-clock time at the venue <-> UTC, with the daylight-saving cases made explicit. Pure: the
 * answers depend only on the arguments and the time-zone database shipped with the runtime.
 */

/** A local date-time as the secretariat gives it: minutes, no seconds, no offset. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMAT = "yyyy-MM-dd'T'HH:mm";
const DAY_MS = 86_400_000;

/**
 * Region/City names (and UTC) only: legacy abbreviations such as "EST" or "CET" are in the
 * database too, but they ignore the venue's own daylight-saving rules.
 */
const IANA_NAME = /^(?:UTC|[A-Z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)+)$/;

export const isIanaTimeZone = (zone: string) => IANA_NAME.test(zone) && IANAZone.isValidZone(zone);

export function requireTimeZone(zone: string): void {
  if (!isIanaTimeZone(zone)) {
    throw new RuleViolation('InvalidTimeZone', `${zone} is not an IANA time zone such as Europe/Zurich`, 422, { timeZone: zone });
  }
}

export const isCalendarDate = (value: string) => LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;

export function requireDate(value: string, field: string): void {
  if (!isCalendarDate(value)) throw new RuleViolation('InvalidDate', `${field} ${value} is not a date (YYYY-MM-DD)`, 422, { field, value });
}

const wallClock = (local: string, field: string): DateTime => {
  const wall = DateTime.fromISO(local, { zone: 'utc' });
  if (!LOCAL_DATE_TIME.test(local) || !wall.isValid) {
    throw new RuleViolation('InvalidLocalDateTime', `${field} ${local} is not a local date-time (YYYY-MM-DDTHH:mm)`, 422, { field, value: local });
  }
  return wall;
};

/**
 * The UTC instant of a wall-clock time in a zone, as an ISO string ending in Z.
 *
 * A time that the clocks skip (spring forward) is refused: a meeting cannot start then, and
 * shifting it silently would publish a time nobody chose. A time that happens twice (fall
 * back) is the first of the two, as RFC 5545 reads a DTSTART with a TZID, so that the instant
 * stored here and the one a calendar computes from our iCalendar are the same.
 */
export function toUtc(local: string, zone: string, field: string): string {
  const naive = wallClock(local, field).toMillis();
  const tz = IANAZone.create(zone);
  // Around a transition the offset differs on either side; a day away is past any transition.
  const offsets = new Set([tz.offset(naive - DAY_MS), tz.offset(naive), tz.offset(naive + DAY_MS)]);
  const instants = [...offsets]
    .map((minutes) => naive - minutes * 60_000)
    .filter((ms) => DateTime.fromMillis(ms, { zone }).toFormat(FORMAT) === local);
  if (instants.length === 0) {
    throw new RuleViolation('LocalTimeDoesNotExist', `${local} does not occur in ${zone}: the clocks skip it`, 422, {
      field,
      value: local,
      timeZone: zone,
    });
  }
  return DateTime.fromMillis(Math.min(...instants), { zone: 'utc' }).toISO({ suppressMilliseconds: true })!;
}

/** The same wall-clock time `days` calendar days later (earlier when negative). */
export const shiftLocal = (local: string, days: number): string =>
  DateTime.fromISO(local, { zone: 'utc' }).plus({ days }).toFormat(FORMAT);

export const shiftDate = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;

/** Whole calendar days from one date to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);

/** Midnight at the venue that starts the day, as a local date-time. */
export const startOfDay = (date: string) => `${date}T00:00`;
