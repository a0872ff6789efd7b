/** Consultations and registrations made through the API for the browser journeys to start from. */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/app.js';

export interface Planned {
  id: string;
  seriesId: string;
  closedSession: string;
  openSession: string;
}

/** An ASEAN consultation in Singapore on 17 June 2027, two sessions, announced, registration open. */
export async function plannedConsultation(t: TestApp, secretariat: string, options: { capacity?: number; chairSub?: string; speaker?: string } = {}): Promise<Planned> {
  const auth = { Authorization: `Bearer ${secretariat}` };
  const series = await t.http.post('/api/series').set(auth).send({ title: 'Regional consultations on ICT security', organiser: 'UNODA' }).expect(201);
  const scheduled = await t.http
    .post(`/api/series/${series.body.id}/consultations`)
    .set(auth)
    .send({
      title: `Consultation with the ASEAN Member States ${randomUUID().slice(0, 8)}`,
      regionalOrganisation: 'ASEAN',
      venue: { city: 'Singapore', country: 'SGP' },
      timeZone: 'Asia/Singapore',
      startDate: '2027-06-17',
      endDate: '2027-06-17',
      capacity: options.capacity ?? 80,
      workingLanguages: ['en'],
    })
    .expect(201);
  const id: string = scheduled.body.id;
  const session = async (title: string, access: 'closed' | 'open', from: string, to: string, extra: object = {}) =>
    (
      await t.http
        .post(`/api/consultations/${id}/sessions`)
        .set(auth)
        .send({ title, kind: access === 'closed' ? 'closed-consultation' : 'panel', access, start: `2027-06-17T${from}`, end: `2027-06-17T${to}`, room: 'Room 1', ...extra })
        .expect(201)
    ).body.sessionId as string;
  const closedSession = await session('Closed session of the Member States', 'closed', '09:00', '10:30', {
    ...(options.chairSub && { chair: { personId: options.chairSub, name: 'Ingrid Lindqvist' } }),
  });
  const openSession = await session('Multi-stakeholder panel', 'open', '11:00', '12:30', {
    ...(options.speaker && { speakers: [{ personId: randomUUID(), name: options.speaker }] }),
  });
  await t.http.post(`/api/consultations/${id}/announce`).set(auth).send({}).expect(200);
  await t.http.post(`/api/consultations/${id}/open-registration`).set(auth).send({ deadline: '2027-06-10T18:00' }).expect(200);
  return { id, seriesId: series.body.id, closedSession, openSession };
}

export interface Person {
  givenName: string;
  familyName: string;
  group: 'member-state' | 'civil-society' | 'academia';
  state?: string;
  organisation?: string;
}

/** Registers each person (as they would themselves) and returns their registration ids, in order. */
export async function register(t: TestApp, consultationId: string, people: Person[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of people) {
    const res = await t.http
      .post(`/api/consultations/${consultationId}/registrations`)
      .send({
        person: { givenName: p.givenName, familyName: p.familyName, email: `${p.givenName}.${p.familyName}-${randomUUID()}@example.org`.toLowerCase() },
        stakeholderGroup: p.group,
        represents: p.state ? { state: p.state } : { organisation: p.organisation ?? null },
        role: p.group === 'member-state' ? 'delegate' : 'observer',
        publicListingConsent: true,
      })
      .expect(201);
    ids.push(res.body.registrationId);
  }
  return ids;
}
