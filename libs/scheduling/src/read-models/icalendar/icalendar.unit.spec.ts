import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { Countries } from '@convene/reference-data';
import { alice, announced, CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded } from '../../consultation/consultation.fixture.js';
import type { ConsultationEvent } from '../../consultation/consultation.events.js';
import { foldAll } from '../../testing/given-when-then.js';
import type { ConsultationDocument } from '../consultations.projection.js';
import { buildICalendar } from './icalendar.js';

const countries = new Countries();

const documentOf = (...events: ConsultationEvent[]): ConsultationDocument => {
  const consultation = foldAll(consultationFold, events)!;
  return { consultation, scheduledAt: '2018-12-01T10:00:00Z', updatedAt: '2018-12-02T10:00:00Z', sessionsChangedAt: {} };
};

/** One consultation per zone, as a series calendar has them. */
const geneva = documentOf(scheduled(), sessionAdded(), announced());
const singapore = documentOf(
  scheduled({ consultationId: 'c-sg', venue: { city: 'Singapore', country: 'SGP' }, timeZone: 'Asia/Singapore' }),
  sessionAdded({ consultationId: 'c-sg', sessionId: 'sg-1', startLocal: '2019-01-24T09:00', endLocal: '2019-01-24T10:00', startUtc: '2019-01-24T01:00:00Z', endUtc: '2019-01-24T02:00:00Z' }),
);
const washington = documentOf(
  scheduled({ consultationId: 'c-us', venue: { city: 'Washington', country: 'USA' }, timeZone: 'America/New_York' }),
  sessionAdded({ consultationId: 'c-us', sessionId: 'us-1', startLocal: '2019-01-24T09:00', endLocal: '2019-01-24T10:00', startUtc: '2019-01-24T14:00:00Z', endUtc: '2019-01-24T15:00:00Z' }),
  announced('c-us'),
  cancelled('c-us'),
);

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe('iCalendar of sessions', () => {
  it('has one VTIMEZONE per zone used and each VEVENT at its venue clock with that TZID, which a parser turns into the same UTC instant', () => {
    const calendar = parse(buildICalendar('Series', [geneva, singapore, washington], countries));
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')).sort()).toEqual([
      'America/New_York',
      'Asia/Singapore',
      'Europe/Zurich',
    ]);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.zone.tzid, e.startDate.toString(), e.startDate.toJSDate().toISOString()])).toEqual([
      [`session-s-1@convene`, 'Europe/Zurich', '2019-01-24T09:30:00', '2019-01-24T08:30:00.000Z'],
      [`session-sg-1@convene`, 'Asia/Singapore', '2019-01-24T09:00:00', '2019-01-24T01:00:00.000Z'],
      [`session-us-1@convene`, 'America/New_York', '2019-01-24T09:00:00', '2019-01-24T14:00:00.000Z'],
    ]);
  });

  it('says CONFIRMED when announced, TENTATIVE for a draft, CANCELLED (with a new SEQUENCE) for a cancelled consultation', () => {
    const events = parse(buildICalendar('Series', [geneva, singapore, washington], countries)).getAllSubcomponents('vevent');
    expect(events.map((v) => [v.getFirstPropertyValue('status'), v.getFirstPropertyValue('sequence')])).toEqual([
      ['CONFIRMED', 0],
      ['TENTATIVE', 0],
      ['CANCELLED', 1],
    ]);
  });

  it('describes the session: where, who, and what kind; and is the same text for the same state', () => {
    const ics = buildICalendar('Agenda', [geneva], countries);
    const event = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!);
    expect(event.location).toBe('Room XVIII, Geneva, Switzerland');
    expect(event.description).toContain(`Chair: ${alice.name} (UNIDIR)`);
    expect(event.description).toMatch(/^Panel · open to all registered participants/);
    // DTSTAMP is the last change, not the clock: the ETag (stream version) identifies the bytes.
    expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2018-12-02T10:00:00Z');
    expect(buildICalendar('Agenda', [geneva], countries)).toBe(ics);
  });
});
