/**
 * The state the fuzzer aims at, so that its requests get past "not found" into the deep code: the
 * demo series (published summaries, past consultations with their participants) and consultations
 * of its own planned through the real HTTP endpoints (sessions, registration open, registrations,
 * a draft summary with sections, key points and a footnote).
 */
import { RegistrationDemoSeeder } from '@convene/registration';
import { DemoSeeder } from '@convene/scheduling';
import { SummariesDemoSeeder } from '@convene/summaries';
import type { TestApp } from '../../support/app.js';
import type { Context } from './openapi.js';

export interface World {
  /** Consultations to aim at; the last planned is aimed at most. */
  contexts: Context[];
  /** Bearer tokens by role; the participant's is that of a self-registered person of the latest consultation. */
  tokens: Record<'secretariat' | 'chair' | 'focal-point' | 'participant', string>;
}

/** Every value of members called `key`, anywhere in a JSON answer. */
function collect(value: unknown, key: string, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, key, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string' && !into.includes(v)) into.push(v);
      else collect(v, key, into);
    }
  }
  return into;
}

async function expectOk<T extends { status: number; body: unknown }>(what: string, request: PromiseLike<T>): Promise<T> {
  const res = await request;
  if (res.status >= 300) throw new Error(`seeding the fuzz world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** What the API tells the secretariat about a consultation: its sessions, registrations, people, summary sections and key points. */
async function harvest(t: TestApp, secretariat: string, seriesId: string, consultationId: string, organisationCodes: string[]): Promise<Context> {
  const auth = { Authorization: secretariat };
  const details = await expectOk('consultation details', t.http.get(`/api/consultations/${consultationId}`).set(auth));
  const roster = await t.http.get(`/api/consultations/${consultationId}/roster`).set(auth);
  const summary = await t.http.get(`/api/consultations/${consultationId}/summary`).set(auth);
  const agenda = (details.body as { agenda?: unknown }).agenda;
  return {
    seriesId,
    consultationId,
    startDate: (details.body as { startDate: string }).startDate,
    sessionIds: collect(agenda, 'id'),
    registrationIds: collect(roster.body, 'registrationId'),
    personIds: collect(roster.body, 'personId'),
    sectionIds: collect(summary.body, 'sectionId'),
    keyPointIds: collect(summary.body, 'keyPointId'),
    organisationCodes,
  };
}

/**
 * A consultation of the fuzzer's own in Singapore, in a series of its own, registration open, five
 * registrations, a draft summary. The n-th is n weeks later, with rooms of its own: people and
 * rooms are booked across consultations, and the fuzzer moves the earlier ones about.
 */
export async function planConsultation(t: TestApp, world: World, n: number): Promise<Context> {
  const auth = { Authorization: world.tokens.secretariat };
  const series = await expectOk('plan series', t.http.post('/api/series').set(auth).send({ title: `Fuzz series ${n}`, organiser: 'UNODA' }));
  const seriesId: string = series.body.id;
  const day = (offset: number) => new Date(Date.UTC(2031, 0, 24 + 7 * n + offset)).toISOString().slice(0, 10);
  const startDate = day(0);
  const scheduled = await expectOk(
    'schedule',
    t.http
      .post(`/api/series/${seriesId}/consultations`)
      .set(auth)
      .send({
        title: `Fuzz consultation ${n}`,
        regionalOrganisation: 'ASEAN',
        venue: { city: 'Singapore', country: 'SGP' },
        timeZone: 'Asia/Singapore',
        startDate,
        endDate: day(1),
        capacity: 3,
        workingLanguages: ['en'],
      }),
  );
  const id: string = scheduled.body.id;
  const session = async (title: string, access: 'closed' | 'open', start: string, end: string, room: string) =>
    expectOk(
      'add session',
      t.http
        .post(`/api/consultations/${id}/sessions`)
        .set(auth)
        .send({ title, kind: access === 'closed' ? 'closed-consultation' : 'panel', access, start, end, room, chair: { personId: 'fuzz-chair', name: 'Ingrid Lindqvist' } }),
    );
  await session('Closed session of the Member States', 'closed', `${startDate}T09:00`, `${startDate}T10:30`, `Room A${n}`);
  await session('Multi-stakeholder session', 'open', `${startDate}T11:00`, `${startDate}T12:30`, `Room B${n}`);
  await expectOk('announce', t.http.post(`/api/consultations/${id}/announce`).set(auth).send({}));
  await expectOk('open registration', t.http.post(`/api/consultations/${id}/open-registration`).set(auth).send({ deadline: `${day(-7)}T18:00` }));
  const details = await expectOk('details', t.http.get(`/api/consultations/${id}`).set(auth));
  const sessionIds = collect(details.body.agenda, 'id');
  const person = (i: number) => ({ givenName: `Given${n}x${i}`, familyName: `Family${n}x${i}`, email: `fuzz-world-${n}-${i}@example.org`, gender: 'woman', nationality: 'SGP' });
  const registrationIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const delegate = { person: person(i), stakeholderGroup: 'member-state', represents: { state: 'SGP' }, role: 'delegate', sessionIds, publicListingConsent: true };
    const res = await expectOk('register', t.http.post(`/api/consultations/${id}/registrations`).set(auth).send(delegate));
    registrationIds.push(res.body.registrationId);
  }
  const self = await expectOk(
    'self-register',
    t.http.post(`/api/consultations/${id}/registrations`).send({ person: person(9), stakeholderGroup: 'civil-society', represents: { organisation: 'Fuzz Institute' }, role: 'observer', sessionIds: sessionIds.slice(1) }),
  );
  world.tokens.participant = `Bearer ${self.body.participantToken}`;
  await expectOk('approve', t.http.post(`/api/consultations/${id}/registrations/approve`).set(auth).send({ registrationIds }));
  const summary = `/api/consultations/${id}/summary`;
  await expectOk('start summary', t.http.post(summary).set(auth).send({}));
  await expectOk('introduction', t.http.post(`${summary}/sections`).set(auth).send({ kind: 'introduction', text: 'The consultation met to discuss the norms.' }));
  await expectOk(
    'section',
    t.http.post(`${summary}/sections`).set(auth).send({ kind: 'session', sectionId: 'session-1', sessionId: sessionIds[0], title: 'Session 1', text: 'Participants exchanged experiences.' }),
  );
  await expectOk('key point', t.http.post(`${summary}/key-points`).set(auth).send({ sectionId: 'session-1', text: 'Regional forums help implement the norms.' }));
  await expectOk('footnote', t.http.post(`${summary}/footnotes`).set(auth).send({ symbol: 'A/RES/73/266', text: 'See the resolution.', sectionId: 'session-1' }));
  await t.settle();
  const ctx = await harvest(t, world.tokens.secretariat, seriesId, id, world.contexts[0]?.organisationCodes ?? []);
  world.contexts.push(ctx);
  return ctx;
}

/** The demo series and a first consultation of the fuzzer's own. */
export async function seedWorld(t: TestApp): Promise<World> {
  const token = async (role: 'secretariat' | 'chair' | 'focal-point', sub: string, state?: string) => `Bearer ${await t.token(role, sub, state ? { state } : {})}`;
  const world: World = {
    contexts: [],
    tokens: { secretariat: await token('secretariat', 'fuzz-secretariat'), chair: await token('chair', 'fuzz-chair'), 'focal-point': await token('focal-point', 'fuzz-focal-point', 'SGP'), participant: '' },
  };
  await t.app.get(DemoSeeder).seed();
  await t.app.get(RegistrationDemoSeeder).seed();
  await t.app.get(SummariesDemoSeeder).seed();
  await t.settle();
  const organisations = await expectOk('regional organisations', t.http.get('/api/regional-organisations'));
  const codes = collect(organisations.body, 'code');
  const calendar = await expectOk('calendar', t.http.get('/api/consultations').set({ Authorization: world.tokens.secretariat }));
  for (const c of (calendar.body as { items: Array<{ id: string; seriesId: string }> }).items) {
    world.contexts.push(await harvest(t, world.tokens.secretariat, c.seriesId, c.id, codes));
  }
  await planConsultation(t, world, 0);
  return world;
}
