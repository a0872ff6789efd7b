/**
 * Dates and times as the venue's clock shows them, with the zone named: the API gives venue
 * wall-clock times ("2019-01-24T09:30") beside UTC, so nothing here converts through the
 * browser's own zone.
 */

/** "UTC+8", "UTC−5", "UTC+5:30", "UTC" for the zone's offset at that instant. */
export function utcOffset(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+\-−])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!m) return 'UTC';
  const hours = String(Number(m[2]));
  return `UTC${m[1] === '-' ? '−' : '+'}${hours}${m[3] === '00' ? '' : `:${m[3]}`}`;
}

/** "Asia/Singapore (UTC+8)": the zone with its offset on the given day (noon at the venue, roughly). */
export function zoneLabel(timeZone: string, day?: string): string {
  const at = day ? new Date(`${day}T12:00:00Z`) : new Date();
  try {
    return `${timeZone} (${utcOffset(timeZone, at)})`;
  } catch {
    return timeZone;
  }
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Thursday 24 January 2019" for a calendar day (YYYY-MM-DD), whatever the browser's zone. */
export const formatDay = (day: string): string => dayFormat.format(new Date(`${day}T12:00:00Z`));
export const formatShortDay = (day: string): string => shortDayFormat.format(new Date(`${day}T12:00:00Z`));

/** "20–21 September 2017" or "24 January 2019". */
export function formatDateRange(start: string, end: string): string {
  const f = (d: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  if (start === end) return f(start, { day: 'numeric', month: 'long', year: 'numeric' });
  if (start.slice(0, 7) === end.slice(0, 7)) return `${f(start, { day: 'numeric' })}–${f(end, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${f(start, { day: 'numeric', month: 'long' })} – ${f(end, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

/** "09:30" from a venue wall-clock time "2019-01-24T09:30". */
export const clock = (local: string): string => local.slice(11, 16);

/** Every day from start to end, included. */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${start}T12:00:00Z`); d <= new Date(`${end}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** Today's date at the venue. */
export function todayAt(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant shown at the venue: "24 Jan 2019, 18:00 Asia/Singapore (UTC+8)". */
export function formatInstant(utc: string, timeZone: string): string {
  const at = new Date(utc);
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${text} ${timeZone} (${utcOffset(timeZone, at)})`;
}

export const minutesOf = (local: string): number => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
