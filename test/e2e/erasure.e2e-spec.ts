/**
 * Erasure of a participant's personal data from an append-only log (issue 8): the events stay,
 * the data become unreadable everywhere — the events table, every read-model table, the exports,
 * Kafka — while the counts stay right and a rebuild keeps it so. And consent with its history.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStore, migrationsOf, ProjectionRunner, readModelHash, runMigrations } from '@convene/event-store';
import { kafkaBusFeature } from '@convene/kafka-bus';
import { registrationBookStreamId, registrationFeature } from '@convene/registration';
import { features } from '../../apps/api/src/features.js';
import { OutboxRelay } from '../../apps/relay/src/outbox.relay.js';
import { describeKafka, readTopics, testBusConfig, testKafka, uniqueName } from '../support/kafka.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;
let consultationId: string;

const marker = randomUUID().slice(0, 8);
/** Everything of the person's that must not survive, each unique to this run. */
const secret = {
  givenName: `Zainab${marker}`,
  familyName: `Quraishi${marker}`,
  email: `zq.${marker}@example.org`,
  jobTitle: `Director of Cyber Policy ${marker}`,
  affiliation: `Ministry of Digital Affairs ${marker}`,
  accessNeeds: `Step-free access ${marker}`,
  withdrawalReason: `Family emergency ${marker}`,
};
const traces = Object.values(secret);

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-erasure')}`;
  const auth = { Authorization: secretariat };
  const series = await t.http.post('/api/series').set(auth).send({ title: 'Erasure series', organiser: 'UNODA' }).expect(201);
  const c = await t.http
    .post(`/api/series/${series.body.id}/consultations`)
    .set(auth)
    .send({ title: 'Consultation with the OSCE', regionalOrganisation: 'OSCE', venue: { city: 'Vienna', country: 'AUT' }, timeZone: 'Europe/Vienna', startDate: '2027-03-02', endDate: '2027-03-02', capacity: 50, workingLanguages: ['en'] })
    .expect(201);
  consultationId = c.body.id;
  await t.http.post(`/api/consultations/${consultationId}/announce`).set(auth).send({}).expect(200);
  await t.http.post(`/api/consultations/${consultationId}/open-registration`).set(auth).send({ deadline: '2027-03-01T12:00' }).expect(200);
});
afterAll(async () => t?.close());

const register = (person: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.http
    .post(`/api/consultations/${consultationId}/registrations`)
    .send({ person, stakeholderGroup: 'member-state', represents: { state: 'AUT' }, role: 'delegate', publicListingConsent: true, ...extra })
    .expect(201);

/** Every row of every table in the database, as text, with the table it came from. */
async function everyRow(): Promise<Array<{ table: string; row: string }>> {
  const { rows: tables } = await t.db.pool.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const out: Array<{ table: string; row: string }> = [];
  for (const { name } of tables) {
    const { rows } = await t.db.pool.query<{ r: string }>(`SELECT x::text AS r FROM ${name} x`);
    out.push(...rows.map((r) => ({ table: name, row: r.r })));
  }
  return out;
}

const leaks = (rows: Array<{ table: string; row: string }>) =>
  rows.flatMap(({ table, row }) => traces.filter((s) => row.toLowerCase().includes(s.toLowerCase())).map((s) => `${table}: ${s}`));

describe("erasing a participant's data", () => {
  let registrationId: string;
  let personId: string;
  let participant: string;
  let figuresBefore: { participants: number; registrations: Record<string, number> };

  beforeAll(async () => {
    const res = await register(
      { givenName: secret.givenName, familyName: secret.familyName, email: secret.email, gender: 'woman', nationality: 'AUT', jobTitle: 'Counsellor', affiliation: secret.affiliation },
      { accessNeeds: secret.accessNeeds },
    );
    registrationId = res.body.registrationId;
    participant = `Bearer ${res.body.participantToken}`;
    await t.http.patch(`/api/registrations/${registrationId}`).set('Authorization', participant).send({ person: { jobTitle: secret.jobTitle } }).expect(200);
    await t.http.post(`/api/registrations/${registrationId}/approve`).set('Authorization', secretariat).expect(200);
    await t.http.post(`/api/registrations/${registrationId}/check-in`).set('Authorization', secretariat).send({ day: '2027-03-02' }).expect(200);
    // Someone else, who must stay readable.
    await register({ givenName: 'Otto', familyName: 'Keller', email: `ok.${marker}@example.org`, gender: 'man' });
    const entry = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', secretariat).expect(200);
    personId = entry.body.personId;
    figuresBefore = (await t.http.get(`/api/consultations/${consultationId}/participation`).set('Authorization', secretariat).expect(200)).body;
    // Before: the data are there to be found (so the search below can fail).
    expect(leaks(await everyRow()).length).toBeGreaterThan(0);
  });

  it('records the erasure as an event (itself audited) and answers which registrations it covered', async () => {
    const res = await t.http.post(`/api/people/${personId}/erase`).set('Authorization', secretariat).send({ reason: 'Data subject request DPR-2027-014' }).expect(200);
    expect(res.body).toEqual({ personId, erased: true, consultations: [{ consultationId, registrationIds: [registrationId] }], agendas: [] });
    const events = await t.app.get(EventStore).readStream(registrationBookStreamId(consultationId));
    const erased = events.filter((e) => e.type === 'ParticipantDataErased');
    expect(erased).toHaveLength(1);
    expect(erased[0].metadata).toMatchObject({ actor: 'sec-erasure', actorRole: 'secretariat' });
  });

  it('a raw SELECT over the events table and every other table finds none of the data', async () => {
    await t.settle();
    expect(leaks(await everyRow())).toEqual([]);
  });

  it('the registration, the roster, the exports show "[erased]", others stay readable, and the counts are right', async () => {
    const entry = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', secretariat).expect(200);
    expect(entry.body).toMatchObject({ status: 'confirmed', erased: true, person: { givenName: '[erased]', familyName: '[erased]', email: '[erased]', jobTitle: '[erased]' }, accessNeeds: '[erased]' });
    expect(JSON.stringify(entry.body.history)).not.toContain(marker);
    const csv = await t.http.get(`/api/consultations/${consultationId}/roster.csv`).set('Authorization', secretariat).expect(200);
    expect(csv.text).toContain('[erased]');
    expect(csv.text).toContain('Keller');
    for (const s of traces) expect(csv.text).not.toContain(s);
    const open = await t.http.get(`/api/consultations/${consultationId}/roster?view=public`).expect(200);
    expect(JSON.stringify(open.body)).not.toContain('[erased]');
    const figures = await t.http.get(`/api/consultations/${consultationId}/participation`).set('Authorization', secretariat).expect(200);
    expect(figures.body.participants).toBe(figuresBefore.participants);
    expect(figures.body.registrations).toEqual(figuresBefore.registrations);
  });

  it('a rebuild after the erasure keeps it erased', async () => {
    const before = await readModelHash(t.db.pool, ['registration_roster']);
    await t.app.get(ProjectionRunner).rebuild('registration.roster');
    expect(await readModelHash(t.db.pool, ['registration_roster'])).toBe(before);
    expect(leaks(await everyRow())).toEqual([]);
  });

  it('erasing again changes nothing; changing the erased details is refused; decisions about the registration still work', async () => {
    const events = async () => (await t.app.get(EventStore).readStream(registrationBookStreamId(consultationId))).length;
    const count = await events();
    await t.http.post(`/api/people/${personId}/erase`).set('Authorization', secretariat).send({ reason: 'Repeated request' }).expect(200);
    expect(await events()).toBe(count);
    const change = await t.http.patch(`/api/registrations/${registrationId}`).set('Authorization', secretariat).send({ person: { jobTitle: 'x' } }).expect(409);
    expect(change.body.rule).toBe('SubjectDataErased');
    const link = await t.http.post(`/api/registrations/${registrationId}/participant-link`).set('Authorization', secretariat).expect(409);
    expect(link.body.rule).toBe('SubjectDataErased');
    const withdrawn = await t.http.post(`/api/registrations/${registrationId}/withdraw`).set('Authorization', participant).send({ reason: secret.withdrawalReason }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await t.settle();
    expect(leaks(await everyRow())).toEqual([]);
  });

  it('the same e-mail registering again is a new person: nothing leads back to the erased one', async () => {
    const again = await register({ givenName: 'New', familyName: 'Person', email: secret.email });
    const entry = await t.http.get(`/api/registrations/${again.body.registrationId}`).set('Authorization', secretariat).expect(200);
    expect(entry.body.personId).not.toBe(personId);
  });

  it('an unknown person is a 404; only the secretariat erases', async () => {
    const unknown = await t.http.post(`/api/people/${randomUUID()}/erase`).set('Authorization', secretariat).send({ reason: 'x' }).expect(404);
    expect(unknown.body.rule).toBe('PersonNotFound');
    await t.http.post(`/api/people/${personId}/erase`).set('Authorization', participant).send({ reason: 'x' }).expect(403);
  });
});

describe("erasing a chair's or speaker's data from the agenda", () => {
  const speaker = { personId: `p-${randomUUID()}`, name: `Speaker Hadiza${marker}`, affiliation: `Cyber Institute ${marker}` };
  const other = { personId: `p-${randomUUID()}`, name: `Moderator Lindqvist${marker}` };
  const agendaTraces = [speaker.name, speaker.affiliation];
  let sessionIds: string[];

  const agendaLeaks = async () => {
    const rows = await everyRow();
    return rows.flatMap(({ table, row }) => agendaTraces.filter((s) => row.includes(s)).map((s) => `${table}: ${s}`));
  };
  const agenda = async () => (await t.http.get(`/api/consultations/${consultationId}`).set('Authorization', secretariat).expect(200)).body;

  beforeAll(async () => {
    const session = (title: string, start: string, end: string, people: Record<string, unknown>) =>
      t.http
        .post(`/api/consultations/${consultationId}/sessions`)
        .set('Authorization', secretariat)
        .send({ title, kind: 'panel', access: 'open', start, end, room: 'Ratsaal', chair: null, speakers: [], ...people })
        .expect(201);
    sessionIds = [
      (await session('Panel on confidence-building', '2027-03-02T09:30', '2027-03-02T11:00', { chair: speaker, moderator: other })).body.sessionId,
      (await session('Panel on capacity-building', '2027-03-02T11:30', '2027-03-02T13:00', { moderator: other, speakers: [other, speaker] })).body.sessionId,
    ];
    await t.settle();
    expect((await agendaLeaks()).length).toBeGreaterThan(0);
  });

  it('records the erasure on the agenda, even for a person who never registered, and answers where', async () => {
    const res = await t.http.post(`/api/people/${speaker.personId}/erase`).set('Authorization', secretariat).send({ reason: 'Data subject request DPR-2027-015' }).expect(200);
    expect(res.body).toEqual({ personId: speaker.personId, erased: true, consultations: [], agendas: [consultationId] });
    const events = await t.app.get(EventStore).readStream(`consultation-${consultationId}`);
    const erased = events.filter((e) => e.type === 'AgendaPersonDataErased');
    expect(erased.map((e) => e.data)).toEqual([{ consultationId, personId: speaker.personId, sessionIds, reason: 'Data subject request DPR-2027-015' }]);
    expect(erased[0].metadata).toMatchObject({ actor: 'sec-erasure', actorRole: 'secretariat' });
  });

  it('the agenda, the calendar and every table show "[erased]" in its place; the others and the roles stay', async () => {
    const sessions = (await agenda()).agenda.filter((s: { id: string }) => sessionIds.includes(s.id));
    const erased = { personId: speaker.personId, name: '[erased]', affiliation: '[erased]' };
    const kept = { ...other, affiliation: null };
    expect(sessions.map((s: { chair: unknown; moderator: unknown; speakers: unknown }) => [s.chair, s.moderator, s.speakers])).toEqual([
      [erased, kept, []],
      [null, kept, [kept, erased]],
    ]);
    const ics = await t.http.get(`/api/consultations/${consultationId}/agenda.ics`).set('Authorization', secretariat).expect(200);
    for (const s of agendaTraces) expect(ics.text).not.toContain(s);
    expect(ics.text).toContain(other.name);
    expect(await agendaLeaks()).toEqual([]);
  });

  it('a rebuild keeps the agenda erased, and erasing again records nothing', async () => {
    const before = await readModelHash(t.db.pool, ['scheduling_consultations']);
    await t.app.get(ProjectionRunner).rebuild('scheduling.consultations');
    expect(await readModelHash(t.db.pool, ['scheduling_consultations'])).toBe(before);
    const count = (await t.app.get(EventStore).readStream(`consultation-${consultationId}`)).length;
    await t.http.post(`/api/people/${speaker.personId}/erase`).set('Authorization', secretariat).send({ reason: 'Repeated request' }).expect(200);
    expect((await t.app.get(EventStore).readStream(`consultation-${consultationId}`)).length).toBe(count);
    expect(await agendaLeaks()).toEqual([]);
  });
});

describe('consent to the public list, changed by the person, with its history', () => {
  it('the public list follows the latest consent; the history keeps each change', async () => {
    const res = await register({ givenName: 'Ilse', familyName: `Berger${marker}`, email: `ib.${marker}@example.org` }, { publicListingConsent: false });
    const own = `Bearer ${res.body.participantToken}`;
    const rid = res.body.registrationId;
    await t.http.post(`/api/registrations/${rid}/approve`).set('Authorization', secretariat).expect(200);
    const listed = async () => JSON.stringify((await t.http.get(`/api/consultations/${consultationId}/roster?view=public`).expect(200)).body).includes(`Berger${marker}`);
    expect(await listed()).toBe(false);
    await t.http.patch(`/api/registrations/${rid}`).set('Authorization', own).send({ publicListingConsent: true }).expect(200);
    expect(await listed()).toBe(true);
    await t.http.patch(`/api/registrations/${rid}`).set('Authorization', own).send({ publicListingConsent: false }).expect(200);
    expect(await listed()).toBe(false);
    const entry = await t.http.get(`/api/registrations/${rid}`).set('Authorization', own).expect(200);
    const consents = entry.body.history.filter((h: { details: Record<string, unknown> }) => 'publicListingConsent' in h.details);
    expect(consents.map((h: { details: { publicListingConsent: boolean }; actorRole: string }) => [h.details.publicListingConsent, h.actorRole])).toEqual([
      [false, 'public'],
      [true, 'participant'],
      [false, 'participant'],
    ]);
  });
});

describeKafka('Kafka carries ids and sealed fields only', () => {
  it('no message on the registration topic holds a personal field in clear, before or after erasure', async () => {
    const prefix = uniqueName('erasure');
    const config = testBusConfig(prefix, { features: [registrationFeature] });
    const store = t.app.get(EventStore);
    // The relay keeps its checkpoint in a table of its own, which the API's database lacks.
    await runMigrations(t.db.url!, [...migrationsOf(features), ...(kafkaBusFeature.migrations ?? [])]);
    const relay = new OutboxRelay({ store, config, name: prefix, databaseUrl: t.db.url });
    await relay.start();
    try {
      const events = await store.readStream(registrationBookStreamId(consultationId));
      const messages = await readTopics(testKafka(config), [`${prefix}.convene.registration`], (m) => m.length >= events.length);
      expect(messages.length).toBeGreaterThanOrEqual(events.length);
      const clear = messages.filter((m) => traces.some((s) => m.value.includes(s)) || m.value.includes(`Berger${marker}`) || m.value.includes('Keller'));
      expect(clear).toEqual([]);
      // The ids are there: a consumer can join, never read.
      expect(messages.some((m) => m.value.includes(personId(messages)))).toBe(true);
    } finally {
      await relay.stop();
    }
  });
});

/** Any person id that appears in a ParticipantRegistered message. */
function personId(messages: Array<{ value: string }>): string {
  for (const m of messages) {
    const match = /"personId":"([0-9a-f-]{36})"/.exec(m.value);
    if (match) return match[1];
  }
  return 'none';
}
