/**
 * Chair's summaries over HTTP: the journey from a first draft to a corrected second edition,
 * two editors revising one key point at once, and every past version read back by replay.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStore } from '@convene/event-store';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;
let chair: string;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-amara')}`;
  chair = `Bearer ${await t.token('chair', 'chair-lindqvist')}`;
});
afterAll(async () => t?.close());

/** The third workshop of the demo series (Geneva, 24 January 2019), with people in its sessions. */
const CHAIR_NAME = 'Ingrid Lindqvist';
const SPEAKER_NAME = 'Kwame Mensah';

/** A consultation scheduled through scheduling's API, with sessions of the given access; their ids in `sessionsOf`. */
const sessionsOf = new Map<string, string[]>();
async function consultation(access: Array<'closed' | 'open'> = ['closed', 'open']): Promise<string> {
  const series = await t.http
    .post('/api/series')
    .set('Authorization', secretariat)
    .send({ title: 'International Security Cyber Workshop Series', organiser: 'UNODA', partners: ['UNIDIR'] })
    .expect(201);
  const scheduled = await t.http
    .post(`/api/series/${series.body.id}/consultations`)
    .set('Authorization', secretariat)
    .send({
      title: 'Regional organisations and cyber stability',
      regionalOrganisation: 'OSCE',
      venue: { city: 'Geneva', country: 'CHE' },
      timeZone: 'Europe/Zurich',
      startDate: '2019-01-24',
      endDate: '2019-01-24',
      capacity: 80,
      workingLanguages: ['en'],
    })
    .expect(201);
  const id: string = scheduled.body.id;
  sessionsOf.set(id, []);
  for (const [i, a] of access.entries()) {
    const session = await t.http
      .post(`/api/consultations/${id}/sessions`)
      .set('Authorization', secretariat)
      .send({
        title: `Session ${i + 1}`,
        kind: a === 'closed' ? 'closed-consultation' : 'panel',
        access: a,
        start: `2019-01-24T${10 + 2 * i}:00`,
        end: `2019-01-24T${11 + 2 * i}:00`,
        room: 'Room XVIII',
        chair: i === 0 ? { personId: 'chair-lindqvist', name: CHAIR_NAME } : null,
        speakers: [{ personId: randomUUID(), name: SPEAKER_NAME }].slice(0, i === 0 ? 1 : 0),
      })
      .expect(201);
    sessionsOf.get(id)!.push(session.body.sessionId);
  }
  return id;
}

const base = (id: string) => `/api/consultations/${id}/summary`;
const etag = (res: { headers: Record<string, string> }) => Number(JSON.parse(res.headers.etag));

describe("a Chair's summary from first draft to corrected second edition", () => {
  let id: string;
  let keyPointId: string;
  let firstEditionVersion: number;
  const CLAUSE = 'Brazil said that the eleven norms of 2015 needed no regional additions.';

  beforeAll(async () => {
    id = await consultation();
  });

  it('the secretariat starts the summary, under the Chatham House rule by default', async () => {
    const res = await t.http.post(base(id)).set('Authorization', secretariat).send({}).expect(201);
    expect(res.body).toMatchObject({ consultationId: id, version: 1, status: 'draft', edition: 1, chathamHouse: true });
    expect(res.headers.etag).toBe('"1"');
    const again = await t.http.post(base(id)).set('Authorization', secretariat).send({}).expect(409);
    expect(again.body.rule).toBe('SummaryAlreadyStarted');
  });

  it('writes the introduction, a session section and its key points', async () => {
    await t.http
      .post(`${base(id)}/sections`)
      .set('Authorization', secretariat)
      .send({ kind: 'introduction', text: 'The consultation brought together the regional organisations to discuss the norms of responsible State behaviour.' })
      .expect(201);
    const section = await t.http
      .post(`${base(id)}/sections`)
      .set('Authorization', secretariat)
      .send({ kind: 'session', sectionId: 'session-1', title: 'Session 1: Implementing the norms', text: 'Participants exchanged national experiences.' })
      .expect(201);
    expect(section.body.section).toMatchObject({ sectionId: 'session-1', kind: 'session', chathamHouse: null });
    const kp = await t.http
      .post(`${base(id)}/key-points`)
      .set('Authorization', secretariat)
      .send({ sectionId: 'session-1', text: 'Regional forums can serve as platforms for putting the existing norms into practice.' })
      .expect(201);
    keyPointId = kp.body.keyPoint.keyPointId;
    expect(kp.body.keyPoint).toMatchObject({ sectionId: 'session-1', position: 0, version: 4 });
  });

  it('refuses a summary for a consultation that does not exist', async () => {
    const res = await t.http.post(base(randomUUID())).set('Authorization', secretariat).send({}).expect(404);
    expect(res.body.rule).toBe('ConsultationNotFound');
  });

  it('refuses text naming a person of the consultation (from its sessions), with the span', async () => {
    const text = `A proposal circulated by ${SPEAKER_NAME} framed the debate.`;
    const res = await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'session-1', text }).expect(422);
    expect(res.body.spans).toEqual([
      expect.objectContaining({ start: 25, end: 37, text: SPEAKER_NAME, reason: 'names a participant of this consultation' }),
    ]);
  });

  it('refuses text naming a registered participant of the consultation, by family name too', async () => {
    await t.http
      .post(`/api/consultations/${id}/registrations`)
      .set('Authorization', secretariat)
      .send({
        person: { givenName: 'Farida', familyName: 'Okonkwo', email: `farida-${randomUUID()}@example.org` },
        stakeholderGroup: 'academia',
        represents: { organisation: 'University of Lagos' },
        role: 'observer',
      })
      .expect(201);
    const text = 'The paper by Okonkwo shaped the discussion.';
    const res = await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'session-1', text }).expect(422);
    expect(res.body).toMatchObject({ rule: 'ChathamHouseAttribution', spans: [expect.objectContaining({ text: 'Okonkwo', reason: 'names a participant of this consultation' })] });
  });

  it('refuses an attributed statement naming the rule and the offending spans', async () => {
    const res = await t.http
      .post(`${base(id)}/key-points`)
      .set('Authorization', secretariat)
      .send({ sectionId: 'session-1', text: CLAUSE })
      .expect(422)
      .expect('Content-Type', /application\/problem\+json/);
    expect(res.body).toMatchObject({
      rule: 'ChathamHouseAttribution',
      status: 422,
      spans: [{ start: 0, end: 11, text: 'Brazil said', reason: 'attributes a statement to a named State (Brazil)', field: 'text', sectionId: 'session-1' }],
    });
  });

  it('checks a text before it is saved: the same spans a save would refuse, appending nothing', async () => {
    const events = async () => (await t.db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const before = await events();
    const check = (text: string, auth = secretariat) => t.http.post(`${base(id)}/attribution-check`).set('Authorization', auth).send({ text });
    const found = await check(CLAUSE).expect(200);
    expect(found.body).toEqual({ consultationId: id, attributions: [{ start: 0, end: 11, text: 'Brazil said', reason: 'attributes a statement to a named State (Brazil)' }], waived: false });
    expect((await check('Several delegations stressed the need for capacity-building.', chair).expect(200)).body.attributions).toEqual([]);
    expect(await events()).toBe(before);
    await t.http.post(`${base(randomUUID())}/attribution-check`).set('Authorization', secretariat).send({ text: CLAUSE }).expect(404);
    const invalid = await t.http.post(`${base(id)}/attribution-check`).set('Authorization', secretariat).send({ text: 42 }).expect(400);
    expect([...new Set(invalid.body.errors.map((e: { field: string }) => e.field))]).toEqual(['text']);
    await t.http.post(`${base(id)}/attribution-check`).send({ text: CLAUSE }).expect(401);
  });

  it('only the Chair waives the rule for that exact text; then it is accepted', async () => {
    const denied = await t.http.post(`${base(id)}/waivers`).set('Authorization', secretariat).send({ text: CLAUSE, reason: 'Public statement' }).expect(403);
    expect(denied.body.rule).toBe('RoleNotAllowed');
    const waiver = await t.http
      .post(`${base(id)}/waivers`)
      .set('Authorization', chair)
      .send({ text: CLAUSE, reason: 'Brazil published this position in its national statement.' })
      .expect(201);
    expect(waiver.body.waiverId).toEqual(expect.any(String));
    await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'session-1', text: CLAUSE }).expect(201);
    // Another wording is another text: the waiver does not cover it.
    await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'session-1', text: `${CLAUSE} Japan agreed.` }).expect(422);
    const checked = await t.http.post(`${base(id)}/attribution-check`).set('Authorization', chair).send({ text: CLAUSE }).expect(200);
    expect(checked.body).toMatchObject({ attributions: [], waived: true });
  });

  it('adds a footnote citing a UN document and the Chair’s concluding key points', async () => {
    const fn = await t.http
      .post(`${base(id)}/footnotes`)
      .set('Authorization', secretariat)
      .send({ symbol: 'A/RES/73/266', url: 'https://undocs.org/A/RES/73/266', sectionId: 'session-1' })
      .expect(201);
    expect(fn.body.footnote).toMatchObject({ number: 1, symbol: 'A/RES/73/266' });
    const bad = await t.http.post(`${base(id)}/footnotes`).set('Authorization', secretariat).send({ symbol: 'resolution 73/266' }).expect(422);
    expect(bad.body.rule).toBe('DocumentSymbolMalformed');
    await t.http.post(`${base(id)}/sections`).set('Authorization', secretariat).send({ kind: 'conclusions' }).expect(201);
    await t.http
      .post(`${base(id)}/key-points`)
      .set('Authorization', secretariat)
      .send({ sectionId: 'conclusions', text: 'Capacity building remains the first need of the region.' })
      .expect(201);
  });

  it('the public sees nothing of a draft', async () => {
    const res = await t.http.get(base(id)).expect(404);
    expect(res.body.rule).toBe('PublishedSummaryNotFound');
    await t.http.get(`${base(id)}/versions`).expect(404);
  });

  it('submit, request changes with a comment, revise, submit again', async () => {
    const submitted = await t.http.post(`${base(id)}/submit`).set('Authorization', secretariat).expect(200);
    expect(submitted.body.status).toBe('submitted');
    const locked = await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'conclusions', text: 'Late.' }).expect(409);
    expect(locked.body.rule).toBe('SummaryLockedForReview');
    await t.http.post(`${base(id)}/request-changes`).set('Authorization', chair).send({ comment: 'Name the forums concretely.' }).expect(200);
    const draft = await t.http.get(base(id)).set('Authorization', secretariat).expect(200);
    expect(draft.body).toMatchObject({ status: 'changes-requested', changeRequests: [{ comment: 'Name the forums concretely.', by: 'chair-lindqvist' }] });
    await t.http
      .put(`${base(id)}/key-points/${keyPointId}`)
      .set('Authorization', secretariat)
      .set('If-Match', draft.headers.etag)
      .send({ text: 'Regional forums such as the ARF can serve as platforms for putting the existing norms into practice.' })
      .expect(200);
    await t.http.post(`${base(id)}/submit`).set('Authorization', secretariat).expect(200);
  });

  it('only the Chair approves, and only an approved version is published', async () => {
    const denied = await t.http.post(`${base(id)}/approve`).set('Authorization', secretariat).expect(403);
    expect(denied.body.rule).toBe('RoleNotAllowed');
    const early = await t.http.post(`${base(id)}/publish`).set('Authorization', secretariat).expect(409);
    expect(early.body.rule).toBe('OnlyApprovedVersionCanBePublished');
    const approved = await t.http.post(`${base(id)}/approve`).set('Authorization', chair).expect(200);
    expect(approved.body.status).toBe('approved');
    const published = await t.http.post(`${base(id)}/publish`).set('Authorization', secretariat).expect(200);
    expect(published.body).toMatchObject({ status: 'published', edition: 1 });
    firstEditionVersion = published.body.version;
  });

  it('the public reads the published edition, without drafts, comments or account ids', async () => {
    const res = await t.http.get(base(id)).expect(200);
    expect(res.headers.etag).toBe(`"${firstEditionVersion}"`);
    expect(res.body).toMatchObject({ status: 'published', edition: 1, version: firstEditionVersion, correctionReason: null });
    expect(res.body.sections.map((s: { kind: string }) => s.kind)).toEqual(['introduction', 'session', 'conclusions']);
    expect(res.body.footnotes).toEqual([{ number: 1, symbol: 'A/RES/73/266', text: null, url: 'https://undocs.org/A/RES/73/266' }]);
    const text = JSON.stringify(res.body);
    for (const hidden of ['changeRequests', 'chair-lindqvist', 'sec-amara', 'Name the forums']) expect(text).not.toContain(hidden);
  });

  it('a published edition is immutable; a correction opens edition 2 while edition 1 stays readable', async () => {
    const current = await t.http.get(base(id)).set('Authorization', secretariat).expect(200);
    const immutable = await t.http
      .put(`${base(id)}/key-points/${keyPointId}`)
      .set('Authorization', secretariat)
      .set('If-Match', current.headers.etag)
      .send({ text: 'Changed after publication.' })
      .expect(409);
    expect(immutable.body.rule).toBe('PublishedVersionIsImmutable');

    const reason = 'The ARF is a forum of ASEAN and its partners, not of ASEAN alone: the key point is clarified.';
    const correction = await t.http.post(`${base(id)}/corrections`).set('Authorization', secretariat).send({ reason }).expect(201);
    expect(correction.body).toMatchObject({ status: 'draft', edition: 2, correctionReason: reason });
    const corrected = 'Regional forums such as the ASEAN Regional Forum can serve as platforms for putting the existing norms into practice.';
    await t.http
      .put(`${base(id)}/key-points/${keyPointId}`)
      .set('Authorization', secretariat)
      .set('If-Match', `"${etag(correction)}"`)
      .send({ text: corrected })
      .expect(200);
    // The public still reads edition 1 while edition 2 is drafted.
    expect((await t.http.get(base(id)).expect(200)).body.edition).toBe(1);

    await t.http.post(`${base(id)}/submit`).set('Authorization', secretariat).expect(200);
    await t.http.post(`${base(id)}/approve`).set('Authorization', chair).expect(200);
    const second = await t.http.post(`${base(id)}/publish`).set('Authorization', secretariat).expect(200);
    expect(second.body).toMatchObject({ status: 'published', edition: 2 });

    const latest = await t.http.get(base(id)).expect(200);
    expect(latest.body).toMatchObject({ edition: 2, correctionReason: reason });
    expect(latest.body.editions.map((e: { edition: number }) => e.edition)).toEqual([1, 2]);
    expect(JSON.stringify(latest.body.sections)).toContain(corrected);

    const first = await t.http.get(`${base(id)}?version=${firstEditionVersion}`).expect(200);
    expect(first.body).toMatchObject({ edition: 1, version: firstEditionVersion });
    expect(JSON.stringify(first.body.sections)).not.toContain(corrected);

    const diff = await t.http.get(`${base(id)}/diff?from=${firstEditionVersion}&to=${second.body.version}`).expect(200);
    expect(diff.body.keyPoints.changed).toEqual([
      expect.objectContaining({
        keyPointId,
        text: expect.arrayContaining([{ op: 'insert', text: expect.stringContaining('ASEAN Regional Forum') }]),
      }),
    ]);
    // The public compares published editions only.
    await t.http.get(`${base(id)}/diff?from=1&to=${second.body.version}`).expect(404);
  });

  it('lists every version with its status, who and when; the public sees the editions', async () => {
    const staff = await t.http.get(`${base(id)}/versions`).set('Authorization', chair).expect(200);
    const versions = staff.body.versions as Array<{ version: number; event: string; status: string; actor: string; actorRole: string; at: string }>;
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    expect(versions.find((v) => v.event === 'ChairSummaryApproved')).toMatchObject({ status: 'approved', actor: 'chair-lindqvist', actorRole: 'chair' });
    expect(versions.find((v) => v.event === 'ChairSummaryAttributionWaived')).toMatchObject({ actor: 'chair-lindqvist' });
    expect(staff.body.editions.map((e: { edition: number }) => e.edition)).toEqual([1, 2]);
    const pub = await t.http.get(`${base(id)}/versions`).expect(200);
    expect(pub.body.editions).toEqual([
      expect.objectContaining({ edition: 1, version: firstEditionVersion, correctionReason: null }),
      expect.objectContaining({ edition: 2, correctionReason: expect.any(String) }),
    ]);
    expect(JSON.stringify(pub.body)).not.toContain('chair-lindqvist');
  });
});

describe('two editors revise the same key point from the same version', () => {
  it('one wins, the other gets 409 with the current version and text; nothing is overwritten', async () => {
    const id = await consultation();
    await t.http.post(base(id)).set('Authorization', secretariat).send({}).expect(201);
    await t.http.post(`${base(id)}/sections`).set('Authorization', secretariat).send({ kind: 'conclusions' }).expect(201);
    const a = await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'conclusions', keyPointId: 'kp-a', text: 'Original A.' }).expect(201);
    await t.http.post(`${base(id)}/key-points`).set('Authorization', secretariat).send({ sectionId: 'conclusions', keyPointId: 'kp-b', text: 'Original B.' }).expect(201);
    const seen = (await t.http.get(base(id)).set('Authorization', secretariat).expect(200)).headers.etag;
    const editor1 = `Bearer ${await t.token('secretariat', 'editor-1')}`;
    const editor2 = `Bearer ${await t.token('secretariat', 'editor-2')}`;
    const texts = { [editor1]: 'Wording of editor 1.', [editor2]: 'Wording of editor 2.' };

    const [r1, r2, other] = await Promise.all([
      t.http.put(`${base(id)}/key-points/kp-a`).set('Authorization', editor1).set('If-Match', seen).send({ text: texts[editor1] }),
      t.http.put(`${base(id)}/key-points/kp-a`).set('Authorization', editor2).set('If-Match', seen).send({ text: texts[editor2] }),
      // A third editor on another key point from the same version is no conflict at all.
      t.http.put(`${base(id)}/key-points/kp-b`).set('Authorization', secretariat).set('If-Match', seen).send({ text: 'B reworded.' }),
    ]);
    expect(other.status).toBe(200);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const [winner, loser] = r1.status === 200 ? [r1, r2] : [r2, r1];
    const winnerText = r1.status === 200 ? texts[editor1] : texts[editor2];
    const loserText = r1.status === 200 ? texts[editor2] : texts[editor1];
    expect(loser.body).toMatchObject({
      rule: 'KeyPointVersionConflict',
      status: 409,
      keyPointId: 'kp-a',
      basedOnVersion: Number(JSON.parse(seen)),
      currentVersion: winner.body.keyPoint.version,
      currentText: winnerText,
    });

    const after = await t.http.get(base(id)).set('Authorization', secretariat).expect(200);
    const points = after.body.sections[0].keyPoints;
    expect(points.map((k: { text: string }) => k.text)).toEqual([winnerText, 'B reworded.']);
    expect(JSON.stringify(after.body)).not.toContain(loserText);
    const events = await t.app.get(EventStore).readStream(`summary-${id}`);
    expect(events.filter((e) => e.type === 'ChairSummaryKeyPointRevised').map((e) => e.data.text).sort()).toEqual(['B reworded.', winnerText].sort());

    // The loser retries from what the conflict told them: now it goes through.
    await t.http
      .put(`${base(id)}/key-points/kp-a`)
      .set('Authorization', secretariat)
      .set('If-Match', `"${loser.body.currentVersion}"`)
      .send({ text: loserText })
      .expect(200);
    expect(a.body.keyPoint.version).toBeLessThan(loser.body.currentVersion);
  });

  it('a consultation whose sessions are all open starts without the Chatham House rule', async () => {
    const id = await consultation(['open']);
    const res = await t.http.post(base(id)).set('Authorization', secretariat).send({}).expect(201);
    expect(res.body.chathamHouse).toBe(false);
  });

  it('the Chair may lift the rule for the summary; a section on a closed session stays under it', async () => {
    const id = await consultation(['closed', 'open']);
    const lifted = await t.http.post(base(id)).set('Authorization', secretariat).send({ chathamHouse: false }).expect(403);
    expect(lifted.body.rule).toBe('ChathamHouseLiftedOnlyByChair');
    await t.http.post(base(id)).set('Authorization', chair).send({ chathamHouse: false }).expect(201);
    const [closedSession, openSession] = sessionsOf.get(id)!;
    const open = await t.http
      .post(`${base(id)}/sections`)
      .set('Authorization', secretariat)
      .send({ kind: 'session', sectionId: 'open', sessionId: openSession, title: 'Panel', text: 'Japan stressed resilience.' })
      .expect(201);
    expect(open.body.section).toMatchObject({ chathamHouse: null });
    const closed = await t.http
      .post(`${base(id)}/sections`)
      .set('Authorization', secretariat)
      .send({ kind: 'session', sectionId: 'closed', sessionId: closedSession, title: 'Closed consultation', text: 'Japan stressed resilience.' })
      .expect(422);
    expect(closed.body).toMatchObject({ rule: 'ChathamHouseAttribution', spans: [expect.objectContaining({ text: 'Japan stressed' })] });
  });

  it('a revision without If-Match is refused: it would overwrite blindly', async () => {
    const id = await consultation();
    await t.http.post(base(id)).set('Authorization', secretariat).send({}).expect(201);
    const res = await t.http.put(`${base(id)}/key-points/any`).set('Authorization', secretariat).send({ text: 'x' }).expect(428);
    expect(res.body.rule).toBe('IfMatchRequired');
  });
});

describe('history: every past version, by replay, reads as it was', () => {
  it('GET ?version=N and ?asOf=T equal what GET returned right after version N was written', async () => {
    const id = await consultation();
    const live = new Map<number, unknown>();
    const snapshot = async () => {
      const res = await t.http.get(base(id)).set('Authorization', secretariat).expect(200);
      live.set(etag(res), res.body);
    };
    const as = (who: string) => ({ Authorization: who });
    const steps: Array<() => Promise<unknown>> = [
      () => t.http.post(base(id)).set(as(secretariat)).send({}).expect(201),
      () => t.http.post(`${base(id)}/sections`).set(as(secretariat)).send({ kind: 'introduction', text: 'Context and mandate.' }).expect(201),
      () => t.http.post(`${base(id)}/sections`).set(as(secretariat)).send({ kind: 'theme', sectionId: 'th-1', title: 'Capacity building', text: 'Needs.' }).expect(201),
      () => t.http.post(`${base(id)}/key-points`).set(as(secretariat)).send({ sectionId: 'th-1', keyPointId: 'h1', text: 'First.' }).expect(201),
      () => t.http.post(`${base(id)}/key-points`).set(as(secretariat)).send({ sectionId: 'th-1', keyPointId: 'h2', text: 'Second.' }).expect(201),
      async () => {
        const v = (await t.http.get(base(id)).set(as(secretariat))).headers.etag;
        return t.http.put(`${base(id)}/key-points/h2`).set(as(secretariat)).set('If-Match', v).send({ position: 0, text: 'Second, moved up.' }).expect(200);
      },
      () => t.http.post(`${base(id)}/sections`).set(as(secretariat)).send({ kind: 'theme', sectionId: 'th-1', text: 'Needs, revised.' }).expect(200),
      () => t.http.post(`${base(id)}/footnotes`).set(as(secretariat)).send({ symbol: 'A/70/174' }).expect(201),
      async () => {
        const v = (await t.http.get(base(id)).set(as(secretariat))).headers.etag;
        return t.http.delete(`${base(id)}/key-points/h1`).set(as(secretariat)).set('If-Match', v).expect(200);
      },
      () => t.http.post(`${base(id)}/submit`).set(as(secretariat)).expect(200),
      () => t.http.post(`${base(id)}/approve`).set(as(chair)).expect(200),
      () => t.http.post(`${base(id)}/publish`).set(as(secretariat)).expect(200),
      () => t.http.post(`${base(id)}/corrections`).set(as(secretariat)).send({ reason: 'Typo.' }).expect(201),
    ];
    for (const step of steps) {
      await step();
      await snapshot();
    }
    const versions = (await t.http.get(`${base(id)}/versions`).set(as(chair)).expect(200)).body.versions as Array<{ version: number; at: string }>;
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    // One command may append several events (a reworded and moved key point): the versions in
    // between have no live snapshot, but must still replay.
    expect(versions.map((v) => v.version)).toEqual(expect.arrayContaining([...live.keys()]));
    expect(live.size).toBeGreaterThan(versions.length - 3);

    const store = t.app.get(EventStore);
    for (const [i, { version, at }] of versions.entries()) {
      expect((await store.readStream(`summary-${id}`, 1, { toVersion: version })).length).toBe(version);
      const replayed = await t.http.get(`${base(id)}?version=${version}`).set(as(secretariat)).expect(200);
      expect(replayed.headers.etag).toBe(`"${version}"`);
      expect(replayed.body.version).toBe(version);
      if (!live.has(version)) continue;
      expect(replayed.body).toEqual(live.get(version));
      // An instant separates this version from the next only if the next was written later.
      if (versions[i + 1]?.at !== at) {
        expect((await t.http.get(`${base(id)}?asOf=${encodeURIComponent(at)}`).set(as(secretariat)).expect(200)).body).toEqual(live.get(version));
      }
    }
    const beyond = await t.http.get(`${base(id)}?version=${versions.length + 1}`).set(as(secretariat)).expect(404);
    expect(beyond.body).toMatchObject({ rule: 'SummaryVersionNotFound', currentVersion: versions.length });
    await t.http.get(`${base(id)}?asOf=2000-01-01T00:00:00Z`).set(as(secretariat)).expect(404);
    // Found by the fuzz proof: ISO 8601's basic format, which Date cannot read, was a 500.
    const basic = await t.http.get(`${base(id)}?asOf=20190124`).set(as(secretariat)).expect(400);
    expect(basic.body.errors).toEqual([expect.objectContaining({ field: 'asOf', rule: 'matches' })]);
    // Found by the fuzz proof: a version past what the store's integer holds was a 500.
    const huge = await t.http.get(`${base(id)}?version=99999999999`).set(as(secretariat)).expect(400);
    expect(huge.body.errors).toEqual([expect.objectContaining({ field: 'version', rule: 'max' })]);
    await t.http.get(`${base(id)}/diff?from=1&to=99999999999`).set(as(secretariat)).expect(400);

    const diff = await t.http.get(`${base(id)}/diff?from=5&to=10`).set(as(chair)).expect(200);
    expect(diff.body.keyPoints.removed).toEqual([expect.objectContaining({ keyPointId: 'h1' })]);
    expect(diff.body.keyPoints.changed).toEqual([expect.objectContaining({ keyPointId: 'h2', moved: { from: { sectionId: 'th-1', position: 1 }, to: { sectionId: 'th-1', position: 0 } } })]);
    expect(diff.body.sections.changed).toEqual([{ sectionId: 'th-1', text: expect.any(Array) }]);
    expect(diff.body.footnotes.added).toEqual([expect.objectContaining({ symbol: 'A/70/174' })]);
  });
});
