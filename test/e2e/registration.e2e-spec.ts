/**
 * Registration over HTTP against real PostgreSQL: the journey of one participant, the rules
 * (closed sessions, deadline, focal points, duplicate e-mails), and the capacity proofs: a
 * thousand concurrent registrations and approvals for a hundred seats, and two hundred
 * concurrent withdrawals with their promotions.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStore, type StoredEvent } from '@convene/event-store';
import { registrationBookStreamId, RosterQueries } from '@convene/registration';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;
let baseUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-amara')}`;
  // The capacity proofs send a thousand requests at once: over real sockets, not supertest's one server per request.
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

interface Planned {
  id: string;
  closedSession: string;
  openSession: string;
  smallSession: string;
}

/** An ASEAN consultation in Singapore, registration open until `deadline` (venue time). */
async function consultation(options: { capacity?: number; start?: string; deadline?: string; open?: boolean } = {}): Promise<Planned> {
  const start = options.start ?? '2027-06-17';
  const auth = { Authorization: secretariat };
  const series = await t.http.post('/api/series').set(auth).send({ title: 'Regional consultations on ICT security', organiser: 'UNODA' }).expect(201);
  const scheduled = await t.http
    .post(`/api/series/${series.body.id}/consultations`)
    .set(auth)
    .send({
      title: 'Consultation with the ASEAN Member States',
      regionalOrganisation: 'ASEAN',
      venue: { city: 'Singapore', country: 'SGP' },
      timeZone: 'Asia/Singapore',
      startDate: start,
      endDate: start,
      capacity: options.capacity ?? 80,
      workingLanguages: ['en'],
    })
    .expect(201);
  const id: string = scheduled.body.id;
  const session = async (title: string, access: 'closed' | 'open', from: string, to: string, capacity?: number) =>
    (
      await t.http
        .post(`/api/consultations/${id}/sessions`)
        .set(auth)
        .send({ title, kind: access === 'closed' ? 'closed-consultation' : 'panel', access, start: `${start}T${from}`, end: `${start}T${to}`, capacity })
        .expect(201)
    ).body.sessionId as string;
  const closedSession = await session('Closed session of the Member States', 'closed', '09:00', '10:30');
  const openSession = await session('Multi-stakeholder session', 'open', '11:00', '12:30');
  const smallSession = await session('Technical breakout', 'open', '14:00', '15:00', 2);
  await t.http.post(`/api/consultations/${id}/announce`).set(auth).send({}).expect(200);
  if (options.open !== false) {
    await t.http
      .post(`/api/consultations/${id}/open-registration`)
      .set(auth)
      .send({ deadline: options.deadline ?? `${start}T08:00` })
      .expect(200);
  }
  return { id, closedSession, openSession, smallSession };
}

let people = 0;
const person = (overrides: Record<string, unknown> = {}) => {
  people += 1;
  return { givenName: `Given${people}`, familyName: `Family${people}`, email: `person${people}-${randomUUID()}@example.org`, gender: 'woman', nationality: 'SGP', ...overrides };
};

const delegate = (state: string, sessionIds: string[] = [], p = person({ nationality: state })) => ({
  person: p,
  stakeholderGroup: 'member-state',
  represents: { state },
  role: 'delegate',
  sessionIds,
  publicListingConsent: true,
});

const bookEvents = (consultationId: string): Promise<StoredEvent[]> => t.app.get(EventStore).readStream(registrationBookStreamId(consultationId));

describe('one participant from registration to attendance', () => {
  let c: Planned;
  let registrationId: string;
  let participant: string;
  const email = `Noor.Rahman-${randomUUID()}@Example.org`;

  beforeAll(async () => {
    c = await consultation();
  });

  it('registers while registration is open: pending, with a token of their own', async () => {
    const res = await t.http
      .post(`/api/consultations/${c.id}/registrations`)
      .send({
        person: { honorific: 'Ms.', givenName: 'Noor', familyName: 'Rahman', email, gender: 'woman', nationality: 'MYS', affiliation: 'Ministry of Foreign Affairs', jobTitle: 'Counsellor' },
        stakeholderGroup: 'member-state',
        represents: { state: 'MYS' },
        role: 'head-of-delegation',
        sessionIds: [c.closedSession, c.openSession],
        accessNeeds: 'Vegetarian meals',
        publicListingConsent: true,
      })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'pending', existing: false, nominated: false });
    expect(res.headers.location).toBe(`/api/registrations/${res.body.registrationId}`);
    registrationId = res.body.registrationId;
    participant = `Bearer ${res.body.participantToken}`;
  });

  it('the same e-mail (in other case) gets the same registration back, not a second seat', async () => {
    const again = await t.http
      .post(`/api/consultations/${c.id}/registrations`)
      .send({ ...delegate('MYS'), person: { givenName: 'Noor', familyName: 'Rahman', email: email.toLowerCase() } })
      .expect(200);
    expect(again.body).toEqual({ registrationId, status: 'pending', existing: true });
    expect((await bookEvents(c.id)).filter((e) => e.type === 'ParticipantRegistered')).toHaveLength(1);
  });

  it('the participant sees their registration; another participant may not', async () => {
    const own = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', participant).expect(200);
    expect(own.body).toMatchObject({ registrationId, status: 'pending', person: { givenName: 'Noor', email }, accessNeeds: 'Vegetarian meals' });
    const stranger = `Bearer ${await t.token('participant', randomUUID())}`;
    const refused = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', stranger).expect(403);
    expect(refused.body.rule).toBe('RegistrationNotYours');
  });

  it('the secretariat approves: confirmed while seats last', async () => {
    const res = await t.http.post(`/api/registrations/${registrationId}/approve`).set('Authorization', secretariat).expect(200);
    expect(res.body).toEqual({ registrationId, status: 'confirmed', waitlistPosition: null });
  });

  it('a change of details is kept with its history, and If-Match guards it', async () => {
    const before = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', secretariat).expect(200);
    const stale = Number(JSON.parse(before.headers.etag)) - 1;
    const refused = await t.http
      .patch(`/api/registrations/${registrationId}`)
      .set('Authorization', participant)
      .set('If-Match', `"${stale}"`)
      .send({ person: { jobTitle: 'Minister-Counsellor' } })
      .expect(412);
    expect(refused.body.rule).toBe('RegistrationVersionMismatch');
    await t.http
      .patch(`/api/registrations/${registrationId}`)
      .set('Authorization', participant)
      .set('If-Match', before.headers.etag)
      .send({ person: { jobTitle: 'Minister-Counsellor' } })
      .expect(200);
    const after = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', secretariat).expect(200);
    expect(after.body.person.jobTitle).toBe('Minister-Counsellor');
    expect(after.body.history.map((h: { type: string }) => h.type)).toEqual(['ParticipantRegistered', 'RegistrationConfirmed', 'RegistrationDetailsChanged']);
    expect(after.body.history[2]).toMatchObject({ actorRole: 'participant', details: { person: { jobTitle: 'Minister-Counsellor' } } });
    expect(after.body.history[0].details.person.jobTitle).toBe('Counsellor');
    // Found by the fuzz proof: null was taken as the new name, address and role instead of refused.
    const nulls = await t.http
      .patch(`/api/registrations/${registrationId}`)
      .set('Authorization', secretariat)
      .send({ person: { givenName: null, email: null, gender: null }, role: null, sessionIds: null })
      .expect(400);
    expect(nulls.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['person.givenName', 'person.email', 'person.gender', 'role', 'sessionIds']));
  });

  it('is checked in for the day and a session; a wrong check-in is undone', async () => {
    await t.http.post(`/api/registrations/${registrationId}/check-in`).set('Authorization', secretariat).send({ day: '2027-06-17' }).expect(200);
    const session = await t.http.post(`/api/registrations/${registrationId}/check-in`).set('Authorization', secretariat).send({ sessionId: c.openSession }).expect(200);
    expect(session.body).toEqual({ registrationId, day: '2027-06-17', sessionId: c.openSession, checkedIn: true });
    const wrongDay = await t.http.post(`/api/registrations/${registrationId}/check-in`).set('Authorization', secretariat).send({ day: '2027-06-19' }).expect(422);
    expect(wrongDay.body.rule).toBe('CheckInOutsideConsultationDates');
    await t.http.post(`/api/registrations/${registrationId}/undo-check-in`).set('Authorization', secretariat).send({ sessionId: c.openSession, reason: 'Wrong badge' }).expect(200);
    const notThere = await t.http.post(`/api/registrations/${registrationId}/undo-check-in`).set('Authorization', secretariat).send({ sessionId: c.openSession }).expect(409);
    expect(notThere.body.rule).toBe('NotCheckedIn');
    const figures = await t.http.get(`/api/consultations/${c.id}/participation`).set('Authorization', secretariat).expect(200);
    expect(figures.body).toMatchObject({ basis: 'attendance', participants: 1, attendanceByDay: [{ day: '2027-06-17', count: 1 }], attendanceBySession: [] });
  });

  it('the roster: personal data for the secretariat, consented names for the public; CSV and XLSX', async () => {
    const full = await t.http.get(`/api/consultations/${c.id}/roster`).set('Authorization', secretariat).expect(200);
    expect(full.body.view).toBe('secretariat');
    expect(full.body.registrations[0].person.email).toBe(email);
    const open = await t.http.get(`/api/consultations/${c.id}/roster?view=public`).expect(200);
    expect(open.body.participants).toEqual([
      { name: 'Ms. Noor Rahman', affiliation: 'Ministry of Foreign Affairs', jobTitle: 'Minister-Counsellor', stakeholderGroup: 'member-state', represents: { state: 'MYS', organisation: null } },
    ]);
    expect(JSON.stringify(open.body)).not.toContain(email);
    const csv = await t.http.get(`/api/consultations/${c.id}/roster.csv`).set('Authorization', secretariat).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Rahman');
    expect(lines[1]).toContain('Malaysia');
    const xlsx = await t.http
      .get(`/api/consultations/${c.id}/roster.xlsx`)
      .set('Authorization', secretariat)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = xlsx.body as Buffer;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Roster')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['Noor', 'Rahman', email, 'Malaysia']));
  });

  it('a participant who lost their link gets a new one from the secretariat; who gave it is on record', async () => {
    const asParticipant = await t.http.post(`/api/registrations/${registrationId}/participant-link`).set('Authorization', participant).expect(403);
    expect(asParticipant.body.rule).toBe('RoleNotAllowed');
    const res = await t.http.post(`/api/registrations/${registrationId}/participant-link`).set('Authorization', secretariat).expect(200);
    expect(res.body).toEqual({ registrationId, participantToken: expect.any(String), link: `/registrations/${registrationId}#token=${res.body.participantToken}`, expiresIn: '120d' });
    const own = await t.http.get(`/api/registrations/${registrationId}`).set('Authorization', `Bearer ${res.body.participantToken}`).expect(200);
    expect(own.body.history.at(-1)).toMatchObject({ type: 'ParticipantLinkReissued', actorRole: 'secretariat' });
    // The token itself is nowhere in the store.
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%' || $1 || '%'`, [res.body.participantToken.split('.')[2]]);
    expect(rows[0].n).toBe(0);
    await t.http.post(`/api/registrations/${randomUUID()}/participant-link`).set('Authorization', secretariat).expect(404);
  });

  it('the participant withdraws', async () => {
    const res = await t.http.post(`/api/registrations/${registrationId}/withdraw`).set('Authorization', participant).send({ reason: 'Unable to travel' }).expect(200);
    expect(res.body).toEqual({ registrationId, status: 'withdrawn', promoted: [] });
  });
});

describe('the rules of registration', () => {
  let c: Planned;
  beforeAll(async () => {
    c = await consultation();
  });

  const register = (body: object, auth?: string) => {
    const req = t.http.post(`/api/consultations/${c.id}/registrations`);
    return (auth ? req.set('Authorization', auth) : req).send(body);
  };

  it('a closed session admits only delegates of ASEAN Member States and the organisers; the refusal names the rule and appends nothing', async () => {
    const before = (await bookEvents(c.id)).length;
    const france = await register(delegate('FRA', [c.closedSession])).expect(422);
    expect(france.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(france.body).toMatchObject({ rule: 'ClosedSessionRequiresStateDelegate', sessionIds: [c.closedSession] });
    const ngo = await register({ person: person(), stakeholderGroup: 'civil-society', represents: { organisation: 'ICT4Peace' }, role: 'observer', sessionIds: [c.closedSession] }).expect(422);
    expect(ngo.body.rule).toBe('ClosedSessionRequiresStateDelegate');
    expect((await bookEvents(c.id)).length).toBe(before);
    await register(delegate('VNM', [c.closedSession])).expect(201);
    await register({ person: person(), stakeholderGroup: 'un-entity', represents: { organisation: 'UNODA' }, role: 'support', sessionIds: [c.closedSession] }).expect(201);
    await register({ person: person(), stakeholderGroup: 'civil-society', represents: { organisation: 'ICT4Peace' }, role: 'observer', sessionIds: [c.openSession] }).expect(201);
  });

  it('a delegation represents a State, and only delegations do', async () => {
    const noState = await register({ person: person(), stakeholderGroup: 'member-state', represents: { organisation: 'Ministry' }, role: 'delegate' }).expect(422);
    expect(noState.body.rule).toBe('StateDelegationRepresentsAState');
    const ngoState = await register({ person: person(), stakeholderGroup: 'academia', represents: { state: 'SGP' }, role: 'observer' }).expect(422);
    expect(ngoState.body.rule).toBe('OnlyDelegationsRepresentStates');
  });

  it('bad input is a problem+json naming the field, and appends nothing', async () => {
    const before = (await bookEvents(c.id)).length;
    const res = await register({ person: { givenName: ' ', familyName: 'X', email: 'not-an-email' }, stakeholderGroup: 'lobbyist', represents: { state: 'ZZZ' }, role: 'delegate', sessionIds: 'all' }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['person.givenName', 'person.email', 'stakeholderGroup', 'represents.state', 'sessionIds']));
    // Found by the fuzz proof: a nested object left out was a 500, one sent as an array was taken.
    const missing = await register({ person: [person()], stakeholderGroup: 'academia', role: 'observer' }).expect(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'person', rule: 'isObject' }), expect.objectContaining({ field: 'represents', rule: 'isObject' })]));
    const unknownSession = await register(delegate('SGP', ['no-such-session'])).expect(422);
    expect(unknownSession.body.rule).toBe('SessionNotOnAgenda');
    const unknownConsultation = await t.http.post(`/api/consultations/${randomUUID()}/registrations`).send(delegate('SGP')).expect(404);
    expect(unknownConsultation.body.rule).toBe('ConsultationNotFound');
    expect((await bookEvents(c.id)).length).toBe(before);
  });

  it("a focal point nominates its own State's delegates only", async () => {
    const singapore = `Bearer ${await t.token('focal-point', 'fp-sgp', { state: 'SGP' })}`;
    const nominated = await register(delegate('SGP', [c.closedSession]), singapore).expect(201);
    expect(nominated.body).toMatchObject({ status: 'pending', nominated: true });
    expect(nominated.body.participantToken).toBeUndefined();
    const other = await register(delegate('MYS'), singapore).expect(403);
    expect(other.body.rule).toBe('FocalPointLimitedToOwnState');
    const ngo = await register({ person: person(), stakeholderGroup: 'civil-society', represents: { organisation: 'X' }, role: 'observer' }, singapore).expect(403);
    expect(ngo.body.rule).toBe('FocalPointLimitedToOwnState');
    const entry = await t.http.get(`/api/registrations/${nominated.body.registrationId}`).set('Authorization', singapore).expect(200);
    expect(entry.body).toMatchObject({ channel: 'nomination', nominatedBy: 'SGP' });
    const malaysia = `Bearer ${await t.token('focal-point', 'fp-mys', { state: 'MYS' })}`;
    await t.http.get(`/api/registrations/${nominated.body.registrationId}`).set('Authorization', malaysia).expect(403);
  });

  it('a session with seats of its own waitlists when full, whatever the consultation has left', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await register(delegate('THA', [c.smallSession])).expect(201)).body.registrationId);
    const bulk = await t.http.post(`/api/consultations/${c.id}/registrations/approve`).set('Authorization', secretariat).send({ registrationIds: ids }).expect(200);
    expect(bulk.body.results.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    const waitlisted = bulk.body.results[2].registrationId;
    const cancelled = await t.http.post(`/api/registrations/${ids[0]}/cancel`).set('Authorization', secretariat).send({ reason: 'Duplicate delegation' }).expect(200);
    expect(cancelled.body).toEqual({ registrationId: ids[0], status: 'cancelled', promoted: [waitlisted] });
    const declined = await t.http.post(`/api/registrations/${ids[1]}/decline`).set('Authorization', secretariat).send({ reason: 'x' }).expect(409);
    expect(declined.body.rule).toBe('RegistrationStatusForbids');
  });
});

describe('the registration window', () => {
  it('refuses before registration opens and after its deadline; the secretariat may still add a late registration', async () => {
    const notOpen = await consultation({ open: false });
    const early = await t.http.post(`/api/consultations/${notOpen.id}/registrations`).send(delegate('SGP')).expect(409);
    expect(early.body.rule).toBe('RegistrationNotOpen');
    const past = await consultation({ start: '2026-11-10', deadline: '2026-11-01T18:00' });
    const late = await t.http.post(`/api/consultations/${past.id}/registrations`).send(delegate('SGP')).expect(409);
    expect(late.body).toMatchObject({ rule: 'RegistrationDeadlinePassed', deadlineUtc: '2026-11-01T10:00:00Z' });
    const added = await t.http.post(`/api/consultations/${past.id}/registrations`).set('Authorization', secretariat).send(delegate('SGP')).expect(201);
    expect(added.body.status).toBe('pending');
  });
});

/** fetch over the app's socket: many requests really in flight at once. */
/** At most this many requests on the wire at once: more would overflow the listen backlog, not test the app. */
const IN_FLIGHT = 200;
let inFlight = 0;
const waiting: Array<() => void> = [];

async function call(method: string, path: string, body?: object, auth?: string): Promise<{ status: number; body: any }> {
  if (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight += 1;
  try {
    return await send(method, path, body, auth);
  } finally {
    inFlight -= 1;
    waiting.shift()?.();
  }
}

async function send(method: string, path: string, body?: object, auth?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth && { authorization: auth }) },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('capacity under concurrency', () => {
  it('1,000 concurrent registrations and approvals for 100 seats: exactly 100 confirmed, the rest waitlisted in arrival order, nothing lost', async () => {
    const c = await consultation({ capacity: 100 });
    const answers = await Promise.all(
      Array.from({ length: 1000 }, async () => {
        const registered = await call('POST', `/api/consultations/${c.id}/registrations`, delegate('IDN', [c.openSession]));
        expect(registered.status).toBe(201);
        const approved = await call('POST', `/api/registrations/${registered.body.registrationId}/approve`, undefined, secretariat);
        expect(approved.status).toBe(200);
        return approved.body as { registrationId: string; status: string; waitlistPosition: number | null };
      }),
    );
    expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(100);
    expect(answers.filter((a) => a.status === 'waitlisted')).toHaveLength(900);

    const events = await bookEvents(c.id);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect([count('ParticipantRegistered'), count('RegistrationConfirmed'), count('RegistrationWaitlisted')]).toEqual([1000, 100, 900]);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));

    // Arrival order: the waitlist is the order the approvals were decided in, as the store holds them,
    // and every approval answered with its place in it.
    const arrival = events.filter((e) => e.type === 'RegistrationWaitlisted').map((e) => e.data.registrationId as string);
    const waitlist = await call('GET', `/api/consultations/${c.id}/waitlist`, undefined, secretariat);
    expect(waitlist.body.waitlist.map((w: { registrationId: string }) => w.registrationId)).toEqual(arrival);
    const positions = new Map(answers.filter((a) => a.waitlistPosition !== null).map((a) => [a.registrationId, a.waitlistPosition]));
    expect(arrival.map((id) => positions.get(id))).toEqual(arrival.map((_, i) => i + 1));
    // No seat went to a registration approved after the waitlist began.
    const firstWaitlisted = events.findIndex((e) => e.type === 'RegistrationWaitlisted');
    expect(events.slice(firstWaitlisted).some((e) => e.type === 'RegistrationConfirmed')).toBe(false);

    // The roster equals a replay of the events.
    await t.settle();
    const replayed = new Map<string, string>();
    const statusAfter: Record<string, string> = { ParticipantRegistered: 'pending', RegistrationConfirmed: 'confirmed', RegistrationWaitlisted: 'waitlisted' };
    for (const e of events) replayed.set(e.data.registrationId as string, statusAfter[e.type]);
    const roster = await t.app.get(RosterQueries).roster(c.id);
    expect(new Map(roster.map((r) => [r.registrationId, r.status]))).toEqual(replayed);
  });

  it('200 concurrent withdrawals and promotions keep the count exact', async () => {
    const c = await consultation({ capacity: 100 });
    const registered: Array<{ registrationId: string; token: string }> = [];
    for (let i = 0; i < 400; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => call('POST', `/api/consultations/${c.id}/registrations`, delegate('PHL'))));
      registered.push(...batch.map((r) => ({ registrationId: r.body.registrationId, token: `Bearer ${r.body.participantToken}` })));
    }
    const bulk = await call('POST', `/api/consultations/${c.id}/registrations/approve`, { allPending: true }, secretariat);
    const status = new Map<string, string>(bulk.body.results.map((r: { registrationId: string; status: string }) => [r.registrationId, r.status]));
    const confirmed = registered.filter((r) => status.get(r.registrationId) === 'confirmed');
    const waitlistBefore = (await call('GET', `/api/consultations/${c.id}/waitlist`, undefined, secretariat)).body.waitlist.map((w: { registrationId: string }) => w.registrationId);
    expect([confirmed.length, waitlistBefore.length]).toEqual([100, 300]);

    // Every confirmed participant and every other waitlisted one withdraws, all at once.
    const leaving = new Set([...confirmed.map((r) => r.registrationId), ...waitlistBefore.filter((_: string, i: number) => i % 3 === 0)]);
    const withdrawers = registered.filter((r) => leaving.has(r.registrationId)).slice(0, 200);
    expect(withdrawers).toHaveLength(200);
    const answers = await Promise.all(withdrawers.map((r) => call('POST', `/api/registrations/${r.registrationId}/withdraw`, { reason: null }, r.token)));
    expect(answers.every((a) => a.status === 200 && a.body.status === 'withdrawn')).toBe(true);

    await t.settle();
    const left = new Set(withdrawers.map((r) => r.registrationId));
    const remainingWaitlist = waitlistBefore.filter((id: string) => !left.has(id));
    const roster = await t.app.get(RosterQueries).roster(c.id);
    const nowConfirmed = roster.filter((r) => r.status === 'confirmed').map((r) => r.registrationId);
    const nowWaitlisted = (await call('GET', `/api/consultations/${c.id}/waitlist`, undefined, secretariat)).body.waitlist.map((w: { registrationId: string }) => w.registrationId);
    // 200 remain: the first 100 of the old waitlist (in order) got the 100 seats, the rest wait in the same order.
    expect(nowConfirmed.length).toBe(100);
    expect(new Set(nowConfirmed)).toEqual(new Set(remainingWaitlist.slice(0, 100)));
    expect(nowWaitlisted).toEqual(remainingWaitlist.slice(100));
    // Each withdrawal of a confirmed participant promoted exactly one (some promoted ones withdrew in turn).
    const events = await bookEvents(c.id);
    const replayed = new Map<string, string>();
    let seatsFreed = 0;
    for (const e of events) {
      const id = e.data.registrationId as string;
      if (e.type === 'RegistrationWithdrawn' && replayed.get(id) === 'confirmed') seatsFreed += 1;
      replayed.set(id, { RegistrationWithdrawn: 'withdrawn', RegistrationWaitlisted: 'waitlisted', ParticipantRegistered: 'pending' }[e.type as string] ?? 'confirmed');
    }
    const promotions = events.filter((e) => e.type === 'WaitlistedRegistrationPromoted').map((e) => e.data.registrationId);
    expect(promotions.length).toBe(seatsFreed);
    expect(answers.flatMap((a) => a.body.promoted).sort()).toEqual([...promotions].sort());
    expect(new Map(roster.map((r) => [r.registrationId, r.status]))).toEqual(replayed);
  });
});
