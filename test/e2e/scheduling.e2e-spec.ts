/**
 * Scheduling over HTTP, as the secretariat and the public use it: plan a series, schedule a
 * consultation, build its agenda, have rules refuse what breaks them (and append nothing),
 * announce, postpone across a daylight-saving change, and read it all back as JSON and as
 * iCalendar parsed by a maintained parser (ical.js).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DemoSeeder } from '@convene/scheduling';
import demo from '../../seeds/demo/unidir-csis-cyber-workshops.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;
let participant: string;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-amara')}`;
  participant = `Bearer ${await t.token('participant', 'part-jonas')}`;
});
afterAll(async () => t?.close());

const eventCount = async () => Number((await t.db.pool.query(`SELECT count(*) FROM events`)).rows[0].count);
const etagOf = (res: { headers: Record<string, string> }) => res.headers.etag;

const alice = { personId: `p-${randomUUID()}`, name: 'Alice Example', affiliation: 'UNIDIR' };
const bob = { personId: `p-${randomUUID()}`, name: 'Bob Example' };

const series = {
  title: 'International Security Cyber Workshop Series',
  mandate: { symbol: 'A/RES/73/266', title: 'Advancing responsible State behaviour in cyberspace in the context of international security' },
  organiser: 'UNODA',
  partners: ['UNIDIR'],
};

/** Two days in Geneva just before Europe moves its clocks forward (31 March 2019). */
const geneva = {
  title: 'Regional organisations and cyber stability',
  regionalOrganisation: 'OSCE',
  hostMeeting: 'Geneva Cyber Week',
  venue: { city: 'Geneva', country: 'CHE' },
  timeZone: 'Europe/Zurich',
  startDate: '2019-03-28',
  endDate: '2019-03-29',
  capacity: 120,
  workingLanguages: ['en', 'fr'],
};

const panel = {
  title: 'Regional perspectives',
  kind: 'panel',
  access: 'open',
  start: '2019-03-28T09:30',
  end: '2019-03-28T11:00',
  room: 'Room XVIII',
  chair: alice,
  speakers: [bob],
};

describe('planning a consultation series and its agenda', () => {
  let seriesId: string;
  let consultationId: string;
  let panelId: string;
  let briefingId: string;
  let washingtonId: string;

  it('refuses writes without a token (401) and from a participant (403), as problem+json', async () => {
    const anonymous = await t.http.post('/api/series').send(series).expect(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(anonymous.body.rule).toBe('AuthenticationRequired');
    const forbidden = await t.http.post('/api/series').set('Authorization', participant).send(series).expect(403);
    expect(forbidden.body.rule).toBe('RoleNotAllowed');
  });

  it('the secretariat plans a series and schedules a consultation in it', async () => {
    const planned = await t.http.post('/api/series').set('Authorization', secretariat).send(series).expect(201);
    seriesId = planned.body.id;
    expect(planned.body).toEqual({ id: seriesId, version: 1 });
    expect(planned.headers.location).toBe(`/api/series/${seriesId}`);
    expect(etagOf(planned)).toBe('"1"');

    const scheduled = await t.http.post(`/api/series/${seriesId}/consultations`).set('Authorization', secretariat).send(geneva).expect(201);
    consultationId = scheduled.body.id;
    expect(scheduled.body.version).toBe(1);
    expect(scheduled.headers.location).toBe(`/api/consultations/${consultationId}`);
  });

  it('validates input before any rule: a bad body is 400 ValidationFailed', async () => {
    const res = await t.http
      .post(`/api/consultations/${consultationId}/sessions`)
      .set('Authorization', secretariat)
      .send({ ...panel, kind: 'cocktail', start: '28/03/2019 09:30' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'start']);
    // Found by the fuzz proof: a consultation without its venue was a 500, and a chair sent as an
    // array of people was recorded (and broke the summary's attribution check ever after).
    const noVenue = await t.http.post(`/api/series/${seriesId}/consultations`).set('Authorization', secretariat).send({ ...geneva, venue: undefined }).expect(400);
    expect(noVenue.body.errors).toEqual([expect.objectContaining({ field: 'venue', rule: 'isObject' })]);
    const chairs = await t.http.post(`/api/consultations/${consultationId}/sessions`).set('Authorization', secretariat).send({ ...panel, chair: [alice], speakers: [[bob]] }).expect(400);
    expect(chairs.body.errors.map((e: { field: string; rule: string }) => `${e.field} ${e.rule}`).sort()).toEqual(['chair isObject', 'speakers isObject']);
  });

  it('adds sessions, sealing the names of chairs and speakers in the event log', async () => {
    const added = await t.http.post(`/api/consultations/${consultationId}/sessions`).set('Authorization', secretariat).send(panel).expect(201);
    panelId = added.body.sessionId;
    expect(added.body).toMatchObject({ id: consultationId, version: 2 });
    const briefing = await t.http
      .post(`/api/consultations/${consultationId}/sessions`)
      .set('Authorization', secretariat)
      .send({ ...panel, title: 'Briefing on the OEWG', kind: 'briefing', start: '2019-03-29T14:00', end: '2019-03-29T15:00', chair: bob, speakers: [] })
      .expect(201);
    briefingId = briefing.body.sessionId;

    const raw = await t.db.pool.query(`SELECT data FROM events WHERE stream_id = $1 AND event_type = 'SessionAdded' ORDER BY version`, [
      `consultation-${consultationId}`,
    ]);
    expect(JSON.stringify(raw.rows)).not.toContain('Alice Example');
    expect(raw.rows[0].data.chair).toMatchObject({ personId: alice.personId, name: { $pii: expect.any(String), sub: alice.personId } });
  });

  it('a broken rule answers problem+json naming it, and appends nothing', async () => {
    const before = await eventCount();
    const res = await t.http
      .post(`/api/consultations/${consultationId}/sessions`)
      .set('Authorization', secretariat)
      .send({ ...panel, title: 'Overlapping side event', chair: null, speakers: [], start: '2019-03-28T10:00', end: '2019-03-28T10:45' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ rule: 'RoomDoubleBooked', type: 'https://convene.dev/problems/RoomDoubleBooked', status: 409 });
    const outside = await t.http
      .post(`/api/consultations/${consultationId}/sessions`)
      .set('Authorization', secretariat)
      .send({ ...panel, chair: null, speakers: [], room: null, start: '2019-03-30T10:00', end: '2019-03-30T11:00' })
      .expect(422);
    expect(outside.body.rule).toBe('SessionOutsideConsultationDates');
    expect(await eventCount()).toBe(before);
  });

  it('a person cannot be in overlapping sessions across consultations of the series (compared in UTC)', async () => {
    const washington = await t.http
      .post(`/api/series/${seriesId}/consultations`)
      .set('Authorization', secretariat)
      .send({ ...geneva, title: 'The Americas', regionalOrganisation: 'OAS', venue: { city: 'Washington', country: 'USA' }, timeZone: 'America/New_York' })
      .expect(201);
    washingtonId = washington.body.id;
    // 04:30 in Washington (EDT, UTC-4) is 09:30 in Geneva (CET, UTC+1): Alice chairs the Geneva panel then.
    const res = await t.http
      .post(`/api/consultations/${washington.body.id}/sessions`)
      .set('Authorization', secretariat)
      .send({ ...panel, title: 'Early briefing', start: '2019-03-28T04:30', end: '2019-03-28T05:00', chair: alice, speakers: [] })
      .expect(409);
    expect(res.body).toMatchObject({ rule: 'PersonDoubleBooked', personIds: [alice.personId], conflict: { consultationId, sessionId: panelId } });
  });

  it('a draft is the secretariat\'s: the public gets 404 for it, the secretariat its agenda', async () => {
    await t.http.get(`/api/consultations/${consultationId}`).expect(404);
    await t.http.get(`/api/consultations/${consultationId}/agenda.ics`).expect(404);
    await t.http.get(`/api/consultations/${consultationId}`).set('Authorization', participant).expect(404);
    const draft = await t.http.get(`/api/consultations/${consultationId}`).set('Authorization', secretariat).expect(200);
    expect(draft.body).toMatchObject({ status: 'draft', agenda: [{ id: panelId }, { id: briefingId }] });
    const calendar = await t.http.get('/api/consultations').expect(200);
    expect(calendar.body.items.map((c: { id: string }) => c.id)).not.toContain(consultationId);
  });

  it('announcing makes it public: details, calendar and series overview', async () => {
    await t.http.post(`/api/consultations/${consultationId}/announce`).set('Authorization', secretariat).expect(200);
    const details = await t.http.get(`/api/consultations/${consultationId}`).expect(200);
    expect(details.body).toMatchObject({
      status: 'announced',
      venue: { city: 'Geneva', country: 'CHE', countryName: 'Switzerland' },
      regionalOrganisation: { code: 'OSCE', name: 'Organization for Security and Co-operation in Europe' },
    });
    expect(details.headers.vary).toBe('Authorization');
    const french = await t.http.get(`/api/consultations/${consultationId}?lang=fr`).expect(200);
    expect(french.body.venue.countryName).toBe('Suisse');

    const calendar = await t.http.get('/api/consultations?from=2019-03-01&to=2019-03-31').expect(200);
    expect(calendar.body.items).toEqual([expect.objectContaining({ id: consultationId, status: 'announced', startDate: '2019-03-28' })]);
    // Found by the fuzz proof: a day that does not exist was a 500 from the query, not a field error.
    const impossible = await t.http.get('/api/consultations?from=2019-02-30').expect(400);
    expect(impossible.body.errors).toEqual([expect.objectContaining({ field: 'from', rule: 'isIso8601' })]);
    const overview = await t.http.get(`/api/series/${seriesId}`).expect(200);
    expect(overview.body).toMatchObject({ id: seriesId, mandate: series.mandate, partners: ['UNIDIR'], consultations: [{ id: consultationId }] });
    // The public does not see the Washington draft; the secretariat does.
    const forSecretariat = await t.http.get(`/api/series/${seriesId}`).set('Authorization', secretariat).expect(200);
    expect(forSecretariat.body.consultations).toHaveLength(2);
  });

  it('lists the series: the public those with an announced consultation, counting only those; the secretariat every series', async () => {
    const planning = await t.http.post('/api/series').set('Authorization', secretariat).send({ title: 'A series still being planned', organiser: 'UNODA' }).expect(201);
    await t.settle();
    type Item = { id: string; consultations: number; firstDate: string | null };
    const mine = (items: Item[]) => items.filter((i) => i.id === seriesId || i.id === planning.body.id);
    const publicList = await t.http.get('/api/series').expect(200);
    expect(mine(publicList.body.items)).toEqual([
      { id: seriesId, title: series.title, mandate: series.mandate, organiser: 'UNODA', partners: ['UNIDIR'], version: expect.any(Number), consultations: 1, firstDate: '2019-03-28', lastDate: '2019-03-29' },
    ]);
    const staffList = await t.http.get('/api/series').set('Authorization', secretariat).expect(200);
    expect(mine(staffList.body.items).map((i) => [i.id, i.consultations, i.firstDate])).toEqual([
      [seriesId, 2, '2019-03-28'],
      [planning.body.id, 0, null],
    ]);
    expect(staffList.headers.etag).toMatch(/^W\//);
    expect(staffList.headers.etag).not.toBe(publicList.headers.etag);
  });

  it('Idempotency-Key: a repeated POST returns the same body and appends nothing', async () => {
    const key = `add-keynote-${randomUUID()}`;
    const keynote = { ...panel, title: 'Keynote', kind: 'keynote', room: 'Room XX', chair: null, speakers: [], start: '2019-03-29T09:00', end: '2019-03-29T09:45' };
    const first = await t.http.post(`/api/consultations/${consultationId}/sessions`).set('Authorization', secretariat).set('Idempotency-Key', key).send(keynote).expect(201);
    const before = await eventCount();
    const again = await t.http.post(`/api/consultations/${consultationId}/sessions`).set('Authorization', secretariat).set('Idempotency-Key', key).send(keynote).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await eventCount()).toBe(before);
  });

  it('without If-Match, commands that race for one consultation are decided again and all go through', async () => {
    const rooms = ['Room A', 'Room B', 'Room C', 'Room D'];
    const results = await Promise.all(
      rooms.map((room) =>
        t.http
          .post(`/api/consultations/${washingtonId}/sessions`)
          .set('Authorization', secretariat)
          .send({ ...panel, title: `Side meeting in ${room}`, room, chair: null, speakers: [], start: '2019-03-29T09:00', end: '2019-03-29T10:00' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5]);
    const { body } = await t.http.get(`/api/consultations/${washingtonId}`).set('Authorization', secretariat).expect(200);
    expect(body.agenda.map((s: { room: string }) => s.room).sort()).toEqual(rooms);
  });

  it('ETag and If-Match: a change decided on a stale version is 412, on the current one it goes through', async () => {
    const current = await t.http.get(`/api/consultations/${consultationId}`).set('Authorization', secretariat).expect(200);
    const version = Number(JSON.parse(etagOf(current)));
    expect(version).toBe(current.body.version);
    const before = await eventCount();
    const stale = await t.http
      .post(`/api/consultations/${consultationId}/sessions/${panelId}/reschedule`)
      .set('Authorization', secretariat)
      .set('If-Match', `"${version - 1}"`)
      .send({ start: '2019-03-28T10:00', end: '2019-03-28T11:30' })
      .expect(412);
    expect(stale.body.rule).toBe('ExpectedVersionMismatch');
    expect(await eventCount()).toBe(before);
    const done = await t.http
      .post(`/api/consultations/${consultationId}/sessions/${panelId}/reschedule`)
      .set('Authorization', secretariat)
      .set('If-Match', etagOf(current))
      .send({ start: '2019-03-28T10:00', end: '2019-03-28T11:30' })
      .expect(200);
    expect(etagOf(done)).toBe(`"${version + 1}"`);
    expect(done.body).toEqual({ id: consultationId, version: version + 1, sessionId: panelId });
  });

  it('postponing moves the sessions with it: same local time, one hour less from UTC after the DST change', async () => {
    await t.http
      .post(`/api/consultations/${consultationId}/postpone`)
      .set('Authorization', secretariat)
      .send({ startDate: '2019-04-04', endDate: '2019-04-05', reason: 'Host country elections' })
      .expect(200);
    const { body } = await t.http.get(`/api/consultations/${consultationId}`).expect(200);
    expect(body).toMatchObject({ startDate: '2019-04-04', endDate: '2019-04-05', postponed: true, postponements: [{ reason: 'Host country elections' }] });
    const moved = body.agenda.find((s: { id: string }) => s.id === panelId);
    expect(moved).toMatchObject({
      day: '2019-04-04',
      start: { local: '2019-04-04T10:00', utc: '2019-04-04T08:00:00Z' },
      end: { local: '2019-04-04T11:30', utc: '2019-04-04T09:30:00Z' },
      revision: 2,
    });
    expect(body.agenda.map((s: { start: { utc: string } }) => s.start.utc)).toEqual([...body.agenda.map((s: { start: { utc: string } }) => s.start.utc)].sort());
  });

  it('the agenda as iCalendar, parsed back with ical.js, matches the agenda: UID, TZID and VTIMEZONE, local and UTC times, SEQUENCE', async () => {
    const { body: details } = await t.http.get(`/api/consultations/${consultationId}`).expect(200);
    const res = await t.http.get(`/api/consultations/${consultationId}/agenda.ics`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(etagOf(res)).toBe(`"${details.version}"`);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Zurich']);
    for (const zone of zones) ICAL.TimezoneService.register(zone);

    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(details.agenda.map((s: { id: string }) => `session-${s.id}@convene`));
    for (const [i, session] of details.agenda.entries()) {
      const event = events[i];
      expect(event.summary).toBe(session.title);
      expect(event.sequence).toBe(session.revision);
      expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Zurich');
      expect(event.startDate.toString()).toBe(`${session.start.local}:00`);
      expect(event.startDate.toJSDate().toISOString()).toBe(session.start.utc.replace('Z', '.000Z'));
      expect(event.endDate.toJSDate().toISOString()).toBe(session.end.utc.replace('Z', '.000Z'));
      expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    }
    // Rescheduled, then moved by the postponement: the third version of the panel.
    expect(events.find((e) => e.uid === `session-${panelId}@convene`)!.sequence).toBe(2);
    expect(events.find((e) => e.uid === `session-${briefingId}@convene`)!.sequence).toBe(1);
  });

  it('the series calendar holds the announced consultations\' sessions', async () => {
    const res = await t.http.get(`/api/series/${seriesId}/calendar.ics`).expect(200);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(3);
    expect(res.headers.etag).toMatch(/^W\//);
  });

  it('cancelling is recorded; afterwards nothing changes (ConsultationCancelled) and calendars show CANCELLED', async () => {
    await t.http.post(`/api/consultations/${consultationId}/cancel`).set('Authorization', secretariat).send({ reason: 'Venue unavailable' }).expect(200);
    const refused = await t.http
      .post(`/api/consultations/${consultationId}/sessions/${panelId}/move`)
      .set('Authorization', secretariat)
      .send({ room: 'Room XXI' })
      .expect(409);
    expect(refused.body).toMatchObject({ rule: 'ConsultationCancelled', reason: 'Venue unavailable' });
    const details = await t.http.get(`/api/consultations/${consultationId}`).expect(200);
    expect(details.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Venue unavailable' } });
    const ics = new ICAL.Component(ICAL.parse((await t.http.get(`/api/consultations/${consultationId}/agenda.ics`).expect(200)).text));
    expect(ics.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
  });
});

describe('reference data and the demo series', () => {
  it('lists the member States of an organisation on a day, with names from i18n-iso-countries', async () => {
    const before = await t.http.get('/api/regional-organisations/EU?asOf=2020-01-31').expect(200);
    const after = await t.http.get('/api/regional-organisations/EU?asOf=2020-02-01&lang=es').expect(200);
    // Found by the fuzz proof: an impossible day was read as another one.
    expect((await t.http.get('/api/regional-organisations/EU?asOf=2019-02-30').expect(400)).body.rule).toBe('InvalidDate');
    expect(before.body.members).toHaveLength(28);
    expect(before.body.members).toContainEqual({ state: 'GBR', name: 'United Kingdom', from: '1973-01-01', until: '2020-01-31' });
    expect(after.body.members.map((m: { state: string }) => m.state)).not.toContain('GBR');
    expect(after.body).toMatchObject({ name: 'Unión Europea', members: expect.arrayContaining([{ state: 'ESP', name: 'España', from: '1986-01-01' }]) });
  });

  it('seeds the UNIDIR-CSIS series through the command handlers; seeding again appends nothing', async () => {
    const seeder = t.app.get(DemoSeeder);
    const first = await seeder.seed();
    expect(first.appended).toBe(first.commands);
    const events = await eventCount();
    expect(await seeder.seed()).toEqual({ commands: first.commands, appended: 0 });
    expect(await eventCount()).toBe(events);

    const calendar = await t.http.get(`/api/consultations?series=${demo.series.id}`).expect(200);
    expect(calendar.body.items.map((c: { venue: { city: string }; startDate: string }) => [c.venue.city, c.startDate])).toEqual([
      ['Singapore', '2017-09-20'],
      ['Washington', '2018-02-27'],
      ['Geneva', '2019-01-24'],
    ]);
    const singapore = await t.http.get(`/api/consultations/${calendar.body.items[0].id}`).expect(200);
    expect(singapore.body).toMatchObject({ regionalOrganisation: { code: 'ASEAN' }, hostMeeting: 'Singapore International Cyber Week 2017', timeZone: 'Asia/Singapore' });
    expect(singapore.body.agenda[0].start).toEqual({ local: '2017-09-20T09:00', utc: '2017-09-20T01:00:00Z' });
  });
});
