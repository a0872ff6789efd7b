/**
 * A command committed whose answer was lost (the API died between the commit and the response)
 * is retried with its Idempotency-Key: the retry must name what the first attempt created. Found
 * by the crash proof (test/proof/crash): the retry of "plan a series" answered 201 with a new
 * random id that existed nowhere, and every command on that series then failed with
 * SeriesNotFound; and the retry of a summary's "submit" was decided again, on a summary already
 * submitted, and refused with 409. The loss is reproduced here by clearing the saved response, which is the state
 * such a crash leaves behind (the key and the append's result are committed with the events).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-retry')}`;
});
afterAll(async () => t?.close());

/** Sends the command, loses its answer, sends it again with the same key; returns both answers. */
async function answeredTwice(path: string, body: object): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const key = randomUUID();
  const send = () => t.http.post(path).set('Authorization', secretariat).set('Idempotency-Key', key).send(body);
  const first = await send();
  expect(first.status).toBeLessThan(300);
  await t.db.pool.query(`UPDATE idempotency_keys SET response = NULL WHERE key = $1`, [key]);
  const again = await send();
  expect(again.status).toBe(first.status);
  return [first.body, again.body];
}

describe('a retry after a lost answer names what the first attempt created', () => {
  let seriesId: string;
  let consultationId: string;

  it('plan a series', async () => {
    const [first, again] = await answeredTwice('/api/series', { title: 'Retried series', organiser: 'UNODA' });
    expect(again.id).toBe(first.id);
    seriesId = String(first.id);
    await t.http.get(`/api/series/${seriesId}`).set('Authorization', secretariat).expect(200);
  });

  it('schedule a consultation', async () => {
    const [first, again] = await answeredTwice(`/api/series/${seriesId}/consultations`, {
      title: 'Retried consultation',
      regionalOrganisation: 'ASEAN',
      venue: { city: 'Singapore', country: 'SGP' },
      timeZone: 'Asia/Singapore',
      startDate: '2030-06-17',
      endDate: '2030-06-17',
      capacity: 40,
      workingLanguages: ['en'],
    });
    expect(again.id).toBe(first.id);
    consultationId = String(first.id);
    const series = await t.http.get(`/api/series/${seriesId}`).set('Authorization', secretariat).expect(200);
    expect(JSON.stringify(series.body).match(new RegExp(consultationId, 'g'))?.length).toBeGreaterThan(0);
  });

  it('schedule a consultation: a failure between its two streams leaves neither, and the retry appends both under one attempt', async () => {
    // The crash proof killed the API after the series had listed the consultation and before the
    // consultation was created; the retry then created it under another attempt. A fault that
    // fails the consultation's insert stands in for the kill here.
    await t.db.pool.query(`
      CREATE FUNCTION fail_consultation_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.event_type = 'ConsultationScheduled' AND NEW.data->>'title' = 'Crash between streams' THEN
          RAISE EXCEPTION 'injected fault';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_consultation_insert BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fail_consultation_insert();`);
    const key = randomUUID();
    const body = {
      title: 'Crash between streams',
      venue: { city: 'Addis Ababa', country: 'ETH' },
      timeZone: 'Africa/Addis_Ababa',
      startDate: '2030-07-01',
      endDate: '2030-07-01',
      capacity: 40,
      workingLanguages: ['en'],
    };
    const send = (attempt: string) =>
      t.http
        .post(`/api/series/${seriesId}/consultations`)
        .set('Authorization', secretariat)
        .set('Idempotency-Key', key)
        .set('X-Correlation-Id', attempt)
        .send(body);
    const seriesEvents = async () =>
      (await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`series-${seriesId}`])).rows[0].n;
    const before = await seriesEvents();
    const failed = await send(`attempt-1-${key}`);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await seriesEvents()).toBe(before);

    await t.db.pool.query(`DROP TRIGGER fail_consultation_insert ON events; DROP FUNCTION fail_consultation_insert();`);
    const retried = await send(`attempt-2-${key}`);
    expect(retried.status).toBe(201);
    const { rows } = await t.db.pool.query<{ c: string; stream_id: string }>(
      `SELECT metadata->>'correlationId' AS c, stream_id FROM events WHERE data->>'consultationId' = $1`,
      [retried.body.id],
    );
    expect(rows.map((r) => r.stream_id).sort()).toEqual([`consultation-${retried.body.id}`, `series-${seriesId}`]);
    expect(new Set(rows.map((r) => r.c))).toEqual(new Set([`attempt-2-${key}`]));
  });

  it('add a session', async () => {
    const [first, again] = await answeredTwice(`/api/consultations/${consultationId}/sessions`, {
      title: 'Opening',
      kind: 'panel',
      access: 'open',
      start: '2030-06-17T09:00',
      end: '2030-06-17T10:00',
    });
    expect(again.sessionId).toBe(first.sessionId);
    const agenda = await t.http.get(`/api/consultations/${consultationId}`).set('Authorization', secretariat).expect(200);
    expect(JSON.stringify(agenda.body)).toContain(String(first.sessionId));
  });

  it('self-register: the retry gets the first answer (201 and a participant link), not "already registered"', async () => {
    await t.http.post(`/api/consultations/${consultationId}/announce`).set('Authorization', secretariat).send({}).expect(200);
    await t.http.post(`/api/consultations/${consultationId}/open-registration`).set('Authorization', secretariat).send({ deadline: '2030-06-10T18:00' }).expect(200);
    const key = randomUUID();
    const send = () =>
      t.http
        .post(`/api/consultations/${consultationId}/registrations`)
        .set('Idempotency-Key', key)
        .send({
          person: { givenName: 'Noor', familyName: 'Rahman', email: 'noor.rahman@example.org' },
          stakeholderGroup: 'civil-society',
          represents: { organisation: 'Regional Peace Network' },
          role: 'observer',
        });
    const first = await send();
    expect(first.status).toBe(201);
    await t.db.pool.query(`UPDATE idempotency_keys SET response = NULL WHERE key = $1`, [key]);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ registrationId: first.body.registrationId, status: 'pending', existing: false });
    await t.http.get(`/api/registrations/${first.body.registrationId}`).set('Authorization', `Bearer ${again.body.participantToken}`).expect(200);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'ParticipantRegistered'`);
    expect(rows[0].n).toBe(1);
  });

  it("add a key point to the Chair's summary", async () => {
    await t.http.post(`/api/consultations/${consultationId}/summary`).set('Authorization', secretariat).send({}).expect(201);
    await t.http
      .post(`/api/consultations/${consultationId}/summary/sections`)
      .set('Authorization', secretariat)
      .send({ kind: 'session', sectionId: 'session-1', title: 'Session 1', text: 'Participants exchanged views.' })
      .expect(201);
    const [first, again] = await answeredTwice(`/api/consultations/${consultationId}/summary/key-points`, { sectionId: 'session-1', text: 'Regional forums help.' });
    expect(again.keyPoint).toEqual(first.keyPoint);
    const summary = await t.http.get(`/api/consultations/${consultationId}/summary`).set('Authorization', secretariat).expect(200);
    expect(JSON.stringify(summary.body).match(/Regional forums help/g)).toHaveLength(1);
  });

  it("submit the summary: the retry gets the first answer, not 409 SummaryLockedForReview", async () => {
    const [first, again] = await answeredTwice(`/api/consultations/${consultationId}/summary/submit`, {});
    expect(first.status).toBe('submitted');
    expect(again).toEqual(first);
  });

  it('without a key, each request creates something new', async () => {
    const a = await t.http.post('/api/series').set('Authorization', secretariat).send({ title: 'Twice', organiser: 'UNODA' }).expect(201);
    const b = await t.http.post('/api/series').set('Authorization', secretariat).send({ title: 'Twice', organiser: 'UNODA' }).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
  });
});
