/**
 * The audit trail over HTTP: scheduling, registration and the Chair's summary each do something
 * to one consultation, and the secretariat reads back who did what and when, newest first, page
 * by page, without a trace of the participant's personal data or the summary's text.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;
let chair: string;

const PERSON = { givenName: 'Aigerim', familyName: 'Nurlanovna', email: `aigerim.nurlanovna-${randomUUID()}@example.org`, gender: 'woman', nationality: 'KAZ' };
const KEY_POINT = 'Confidence-building measures were seen as the first step towards a regional points-of-contact directory.';

interface Entry {
  position: string;
  type: string;
  stream: string;
  version: number;
  actor: string;
  actorRole: string | null;
  occurredAt: string;
  correlationId: string;
  refs: Record<string, string>;
}

let consultationId: string;
let registrationId: string;
let sessionId: string;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-amara')}`;
  chair = `Bearer ${await t.token('chair', 'chair-lindqvist')}`;
  const auth = { Authorization: secretariat };

  const series = await t.http.post('/api/series').set(auth).send({ title: 'OSCE consultations on ICT security', organiser: 'UNODA' }).expect(201);
  const scheduled = await t.http
    .post(`/api/series/${series.body.id}/consultations`)
    .set(auth)
    .set('X-Correlation-Id', 'audit-schedule-1')
    .send({
      title: 'Consultation with the OSCE participating States',
      regionalOrganisation: 'OSCE',
      venue: { city: 'Vienna', country: 'AUT' },
      timeZone: 'Europe/Vienna',
      startDate: '2031-05-12',
      endDate: '2031-05-12',
      capacity: 40,
      workingLanguages: ['en'],
    })
    .expect(201);
  consultationId = scheduled.body.id;
  const session = await t.http
    .post(`/api/consultations/${consultationId}/sessions`)
    .set(auth)
    .send({ title: 'Multi-stakeholder session', kind: 'panel', access: 'open', start: '2031-05-12T10:00', end: '2031-05-12T12:00' })
    .expect(201);
  sessionId = session.body.sessionId;
  await t.http.post(`/api/consultations/${consultationId}/announce`).set(auth).send({}).expect(200);
  await t.http.post(`/api/consultations/${consultationId}/open-registration`).set(auth).send({ deadline: '2031-05-01T18:00' }).expect(200);

  // A participant registers herself, without logging in; the secretariat approves.
  const registered = await t.http
    .post(`/api/consultations/${consultationId}/registrations`)
    .send({ person: PERSON, stakeholderGroup: 'civil-society', represents: { organisation: 'Almaty Cyber Forum' }, role: 'observer', sessionIds: [sessionId] })
    .expect(201);
  registrationId = registered.body.registrationId;
  await t.http.post(`/api/registrations/${registrationId}/approve`).set(auth).send({}).expect(200);

  // The secretariat drafts the summary and submits it; the Chair asks for changes.
  const summary = `/api/consultations/${consultationId}/summary`;
  await t.http.post(summary).set(auth).send({}).expect(201);
  await t.http.post(`${summary}/sections`).set(auth).send({ kind: 'session', sectionId: 'session-1', title: 'Session 1', text: 'Participants exchanged views.' }).expect(201);
  await t.http.post(`${summary}/key-points`).set(auth).send({ sectionId: 'session-1', text: KEY_POINT }).expect(201);
  await t.http.post(`${summary}/submit`).set(auth).send({}).expect(200);
  await t.http.post(`${summary}/request-changes`).set('Authorization', chair).send({ comment: 'Please name the directory as the OSCE does.' }).expect(200);
  await t.settle();
});
afterAll(async () => t?.close());

const audit = (query = '', token = secretariat) => t.http.get(`/api/consultations/${consultationId}/audit${query}`).set('Authorization', token);

describe('GET /api/consultations/{id}/audit', () => {
  let all: Entry[];

  beforeAll(async () => {
    const res = await audit('?limit=500').expect(200);
    all = res.body.entries;
    expect(res.body).toMatchObject({ consultationId, next: null });
  });

  it("lists who did what to the consultation, across its streams, newest first", () => {
    expect(all.map((e) => [e.type, e.actor, e.actorRole])).toEqual([
      ['ChairSummaryChangesRequested', 'chair-lindqvist', 'chair'],
      ['ChairSummarySubmitted', 'sec-amara', 'secretariat'],
      ['ChairSummaryKeyPointAdded', 'sec-amara', 'secretariat'],
      ['ChairSummarySectionAdded', 'sec-amara', 'secretariat'],
      ['ChairSummaryStarted', 'sec-amara', 'secretariat'],
      ['RegistrationConfirmed', 'sec-amara', 'secretariat'],
      ['ParticipantRegistered', 'anonymous', 'public'],
      ['RegistrationOpened', 'sec-amara', 'secretariat'],
      ['ConsultationAnnounced', 'sec-amara', 'secretariat'],
      ['SessionAdded', 'sec-amara', 'secretariat'],
      ['ConsultationScheduled', 'sec-amara', 'secretariat'],
      ['ConsultationAddedToSeries', 'sec-amara', 'secretariat'],
    ]);
    const positions = all.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });

  it('says where each event is recorded, when, under which request, and which registration or session it is about', () => {
    const scheduled = all.find((e) => e.type === 'ConsultationScheduled')!;
    expect(scheduled).toMatchObject({ stream: `consultation-${consultationId}`, version: 1, correlationId: 'audit-schedule-1' });
    expect(Date.parse(scheduled.occurredAt)).not.toBeNaN();
    expect(all.find((e) => e.type === 'SessionAdded')).toMatchObject({ version: 2, refs: { sessionId } });
    expect(all.filter((e) => e.stream === `registrations-${consultationId}`).map((e) => [e.version, e.refs])).toEqual([
      [2, { registrationId }],
      [1, { registrationId }],
    ]);
    expect(all.filter((e) => e.stream === `summary-${consultationId}`).map((e) => e.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it('gives no personal data and no text: only metadata and ids', async () => {
    const res = await audit('?limit=500').expect(200);
    const text = JSON.stringify(res.body);
    for (const secret of [PERSON.givenName, PERSON.familyName, PERSON.email, 'Almaty', KEY_POINT, 'Please name', 'exchanged views']) {
      expect(text).not.toContain(secret);
    }
    for (const entry of res.body.entries as Array<Record<string, unknown>>) {
      expect(Object.keys(entry).sort()).toEqual(
        ['actor', 'actorRole', 'causationId', 'consultationId', 'correlationId', 'eventId', 'occurredAt', 'position', 'refs', 'stream', 'streamType', 'type', 'version'].sort(),
      );
    }
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('pages with ?before=<next>&limit= through the same entries, each once', async () => {
    const seen: Entry[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page: { entries: Entry[]; next: string | null } = (await audit(`?limit=5${next ? `&before=${next}` : ''}`).expect(200)).body;
      expect(page.entries.length).toBeLessThanOrEqual(5);
      seen.push(...page.entries);
      next = page.next;
      pages += 1;
    } while (next !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    const past = await audit(`?before=${all.at(-1)!.position}`).expect(200);
    expect(past.body).toEqual({ consultationId, entries: [], next: null });
  });

  it('is for the secretariat only', async () => {
    await t.http.get(`/api/consultations/${consultationId}/audit`).expect(401);
    const participant = await t.token('participant', 'p-1');
    const focalPoint = await t.token('focal-point', 'fp-1', { state: 'KAZ' });
    for (const token of [chair, `Bearer ${participant}`, `Bearer ${focalPoint}`]) {
      const res = await audit('', token).expect(403);
      expect(res.body.rule).toBe('RoleNotAllowed');
    }
  });

  it('answers an unknown consultation with 404 and a malformed cursor or page size with 400', async () => {
    const unknown = await t.http.get(`/api/consultations/${randomUUID()}/audit`).set('Authorization', secretariat).expect(404);
    expect(unknown.body.rule).toBe('ConsultationNotFound');
    for (const query of ['?before=abc', '?before=0', '?limit=0', '?limit=501', '?after=1']) {
      const res = await audit(query).expect(400);
      expect(res.body.rule).toBe('ValidationFailed');
    }
  });
});
