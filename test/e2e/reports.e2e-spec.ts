/**
 * Reports over HTTP against real PostgreSQL: the demo series' documents in every format, parsed
 * back and checked against its events, and against the golden files under test/golden/; drafts
 * only for the secretariat and the Chair; content negotiation; the participation report; and
 * documents as of a past instant, which differ from later ones exactly by the events in between.
 *
 * Golden files: `UPDATE_GOLDEN=1 npx jest test/e2e/reports.e2e-spec.ts` rewrites them from what the
 * demo renders now (review the diff before committing). The day of publication, which is the day
 * the demo was seeded, is replaced by a placeholder in both the files and the comparison.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { parse as parse5 } from 'parse5';
import type { Response } from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';
import { EventStore, type StoredEvent } from '@convene/event-store';
import { coverageSentence, foldRoster, ReferenceDataAdapter, registrationBookStreamId, RegistrationDemoSeeder, RosterQueries } from '@convene/registration';
import { Reports } from '@convene/reports';
import { consultationStreamId, DemoSeeder } from '@convene/scheduling';
import { SummariesDemoSeeder, summaryStreamId } from '@convene/summaries';
import demoSeries from '../../seeds/demo/unidir-csis-cyber-workshops.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let secretariat: string;
let chair: string;
let participant: string;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = `Bearer ${await t.token('secretariat', 'sec-amara')}`;
  chair = `Bearer ${await t.token('chair', 'chair-lindqvist')}`;
  participant = `Bearer ${await t.token('participant', 'someone')}`;
});
afterAll(async () => t?.close());

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SINGAPORE = demoSeries.consultations[0].id;
const SERIES = demoSeries.series.id;

/** The response body as bytes, whatever its type (supertest only buffers the types it knows). */
function bytes(res: Response): Buffer {
  return res.body instanceof Buffer ? res.body : Buffer.from(res.text ?? '', 'utf8');
}

/** GET a document, its body kept as bytes. */
function download(path: string, auth?: string, accept?: string) {
  let req = t.http.get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (auth) req = req.set('Authorization', auth);
  if (accept) req = req.set('Accept', accept);
  return req;
}

const documentPath = (id: string, query = '') => `/api/consultations/${id}/summary/document${query}`;

/** Every whitespace run as one space: renderers break lines anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const squeeze = (text: string) => text.replace(/\s+/g, '');

// --- Parsers: each format back to text ------------------------------------------------------

const all = (el: Element, tag: string): Element[] => Array.from(el.getElementsByTagName(tag));
const xmlOf = (files: Record<string, Uint8Array>, path: string) => new DOMParser().parseFromString(strFromU8(files[path]), 'text/xml').documentElement!;

interface DocxText {
  /** Paragraph texts of word/document.xml, with the style of each. */
  paragraphs: Array<{ style: string; text: string }>;
  footnotes: string[];
  watermarks: string[];
}

function readDocx(buffer: Buffer): DocxText {
  const files = unzipSync(new Uint8Array(buffer));
  const paragraphs = all(xmlOf(files, 'word/document.xml'), 'w:p').map((p) => ({
    style: all(p, 'w:pStyle')[0]?.getAttribute('w:val') ?? 'Normal',
    text: all(p, 'w:t')
      .map((x) => x.textContent)
      .join(''),
  }));
  const footnotes = all(xmlOf(files, 'word/footnotes.xml'), 'w:footnote')
    .filter((f) => Number(f.getAttribute('w:id')) > 0)
    .map((f) => flat(all(f, 'w:t').map((x) => x.textContent).join('')));
  const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
  const watermarks = headers.flatMap((h) => all(xmlOf(files, h), 'v:textpath').map((x) => x.getAttribute('string'))).filter((s): s is string => !!s);
  return { paragraphs, footnotes, watermarks };
}

/** The text of each page. */
async function readPdf(buffer: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: false });
  return text;
}

/**
 * Whether the PDF shows `text`: on one page, or run over from one page to the next (where the first
 * page's footnotes and the next one's number come in between). Whitespace is ignored: lines break anywhere.
 */
function pdfShows(pages: readonly string[], text: string): boolean {
  const squeezed = pages.map(squeeze);
  const wanted = squeeze(text);
  if (squeezed.some((p) => p.includes(wanted))) return true;
  return squeezed.slice(0, -1).some((page, p) => [...wanted].some((_, i) => i > 0 && page.includes(wanted.slice(0, i)) && squeezed[p + 1].includes(wanted.slice(i))));
}

function readHtml(html: string): HTMLElement {
  // The WHATWG parser reports what a browser would silently repair.
  const errors: string[] = [];
  parse5(html, { onParseError: (e) => errors.push(e.code) });
  expect(errors).toEqual([]);
  return parseHtml(html);
}

const markdownAsHtml = (md: string) => parseHtml(micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }));

// --- What the events said ------------------------------------------------------------------

interface Said {
  title: string;
  city: string;
  hostMeeting: string | null;
  sections: Array<{ title: string; text: string; keyPoints: string[] }>;
  footnoteSymbols: string[];
  /** Registrations checked in at least once (none undone in the demo). */
  attended: number;
  /** Of them, delegates of States. */
  delegates: number;
}

/** Read straight from the streams, without the read models or the report builders. */
async function whatTheEventsSaid(consultationId: string): Promise<Said> {
  const store = t.app.get(EventStore);
  const data = <D>(events: StoredEvent[], type: string): D[] => events.filter((e) => e.type === type).map((e) => e.data as unknown as D);
  const consultation = await store.readStream(consultationStreamId(consultationId));
  const summary = await store.readStream(summaryStreamId(consultationId));
  const book = await store.readStream(registrationBookStreamId(consultationId));
  const scheduled = data<{ title: string; venue: { city: string }; hostMeeting: string | null }>(consultation, 'ConsultationScheduled')[0];
  const points = data<{ sectionId: string; text: string; position: number }>(summary, 'ChairSummaryKeyPointAdded');
  const sections = data<{ sectionId: string; title: string; text: string }>(summary, 'ChairSummarySectionAdded').map((s) => ({
    title: s.title,
    text: s.text,
    keyPoints: points.filter((k) => k.sectionId === s.sectionId).map((k) => k.text),
  }));
  const checkedIn = new Set(data<{ registrationId: string }>(book, 'ParticipantCheckedIn').map((d) => d.registrationId));
  const registered = data<{ registrationId: string; stakeholderGroup: string }>(book, 'ParticipantRegistered');
  return {
    title: scheduled.title,
    city: scheduled.venue.city,
    hostMeeting: scheduled.hostMeeting,
    sections,
    footnoteSymbols: data<{ symbol: string | null }>(summary, 'ChairSummaryFootnoteAdded')
      .map((f) => f.symbol)
      .filter((s): s is string => s !== null),
    attended: checkedIn.size,
    delegates: registered.filter((r) => checkedIn.has(r.registrationId) && r.stakeholderGroup === 'member-state').length,
  };
}

// --- Golden files -----------------------------------------------------------------------------

const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));
/** The day the demo was seeded is the day its summaries were published: not part of the golden text. */
const withoutPublicationDay = (text: string) => text.replace(/published \d{1,2} [A-Z][a-z]+ \d{4}/g, 'published [day of publication]');

function golden(name: string, actual: string): void {
  const file = `${GOLDEN}${name}`;
  const text = withoutPublicationDay(actual);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`No golden file ${name}: run with UPDATE_GOLDEN=1 to write it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe("the demo series' documents", () => {
  beforeAll(async () => {
    await t.app.get(DemoSeeder).seed();
    await t.app.get(RegistrationDemoSeeder).seed();
    await t.app.get(SummariesDemoSeeder).seed();
    await t.settle();
  });

  it('the demo registers and checks in its placeholder participants; a second seeding appends nothing', async () => {
    const head = await t.app.get(EventStore).headPosition();
    const again = await t.app.get(RegistrationDemoSeeder).seed();
    expect(again.appended).toBe(0);
    expect(await t.app.get(EventStore).headPosition()).toBe(head);
    const said = await whatTheEventsSaid(SINGAPORE);
    // The Singapore report: over 80 participants, delegations of 9 of the 10 ASEAN Member States.
    expect(said.attended).toBeGreaterThan(80);
    const roster = await t.http.get(`/api/consultations/${SINGAPORE}/roster`).set('Authorization', secretariat).expect(200);
    const names = roster.body.registrations.map((r: { person: { givenName: string; familyName: string } }) => `${r.person.givenName} ${r.person.familyName}`);
    expect(names).toContain('Delegate 1 of Viet Nam (demo)');
    expect(roster.body.registrations.some((r: { represents: { state: string } }) => r.represents.state === 'BRN')).toBe(false);
    // The as-of path's roster, folded from the book with the projection's own apply, is the read model's.
    const book = await t.app.get(EventStore).readStream(registrationBookStreamId(SINGAPORE));
    expect(foldRoster(book)).toEqual(await t.app.get(RosterQueries).roster(SINGAPORE));
  });

  describe('the Singapore summary in each format says what the events said', () => {
    let said: Said;
    const participation = () => `${said.attended} participants took part: ${said.delegates} representatives of Member States`;
    const coverage = '9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.';
    beforeAll(async () => {
      said = await whatTheEventsSaid(SINGAPORE);
    });

    it('DOCX: Word styles for title, headings and key points; real footnotes; no DRAFT watermark', async () => {
      const res = await download(documentPath(SINGAPORE, '?format=docx')).expect(200);
      expect(res.headers['content-type']).toBe(DOCX_TYPE);
      const docx = readDocx(bytes(res));
      const styled = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
      expect(styled('Title')).toEqual([`${said.title}: Chair’s summary`]);
      expect(styled('Subtitle')).toEqual([
        'UNIDIR–CSIS International Security Cyber Workshop Series',
        `20–21 September 2017, ${said.city}`,
        `Held on the margins of ${said.hostMeeting}`,
      ]);
      const substantive = said.sections.filter((s) => s.title !== 'Introduction');
      expect(styled('Heading1')).toEqual(['Introduction', 'Programme', 'Participation', ...substantive.map((s) => s.title)]);
      expect(styled('ListBullet')).toEqual(expect.arrayContaining(substantive.flatMap((s) => s.keyPoints)));
      const body = docx.paragraphs.map((p) => p.text).join('\n');
      expect(body).toContain(participation());
      expect(body).toContain(coverage);
      for (const symbol of said.footnoteSymbols) expect(docx.footnotes.some((f) => f.includes(symbol))).toBe(true);
      expect(docx.watermarks).toEqual([]);
    });

    it('PDF: selectable text with every section, key point and footnote; no DRAFT', async () => {
      const res = await download(documentPath(SINGAPORE, '?format=pdf')).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pages = await readPdf(bytes(res));
      const missing = [...said.sections.flatMap((s) => [s.title, ...s.keyPoints]), ...said.footnoteSymbols, participation(), coverage].filter((x) => !pdfShows(pages, x));
      expect(missing).toEqual([]);
      expect(pages.join('\n')).not.toContain('DRAFT');
    });

    it('HTML: a valid document with the sections as headings and the key points as lists', async () => {
      const res = await download(documentPath(SINGAPORE, '?format=html')).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = readHtml(bytes(res).toString('utf8'));
      expect(html.querySelector('h1')!.text).toBe(`${said.title}: Chair’s summary`);
      expect(html.querySelectorAll('h2').map((h) => h.text)).toEqual(expect.arrayContaining(said.sections.filter((s) => s.title !== 'Introduction').map((s) => s.title)));
      const keyPoints = html.querySelectorAll('ul.key-points li').map((li) => flat(li.text.replace(/\d+$/, '')));
      expect(keyPoints).toEqual(said.sections.flatMap((s) => s.keyPoints));
      expect(html.querySelectorAll('p').map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining(participation()), coverage]));
      expect(html.querySelector('.draft-banner')).toBeNull();
      expect(html.querySelector('article')!.getAttribute('class')).toBe('published');
    });

    it('Markdown: GitHub-flavoured, with footnotes, every key point a list item', async () => {
      const res = await download(documentPath(SINGAPORE, '?format=md')).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      const md = bytes(res).toString('utf8');
      const html = markdownAsHtml(md);
      expect(html.querySelector('h1')!.text).toBe(`${said.title}: Chair’s summary`);
      const items = html.querySelectorAll('li').map((li) => flat(li.text.replace(/\d+$/, '')));
      for (const k of said.sections.flatMap((s) => s.keyPoints)) expect(items).toContain(k);
      expect(html.querySelectorAll('section.footnotes li')).toHaveLength(said.footnoteSymbols.length + 1);
      expect(md).toContain(coverage);
      expect(md).not.toContain('DRAFT');
    });

    it('names the file after the title: an ASCII filename and an RFC 6266 filename*', async () => {
      const res = await download(documentPath(SINGAPORE, '?format=pdf')).expect(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="regional-perspectives-on-international-security-in-cyberspace-asean-chair-s-summary.pdf"; ' +
          "filename*=UTF-8''Regional%20perspectives%20on%20international%20security%20in%20cyberspace%20ASEAN%20Chair%E2%80%99s%20summary.pdf",
      );
    });
  });

  it('matches the golden files: each workshop’s summary and the series report, as Markdown and HTML', async () => {
    for (const c of demoSeries.consultations) {
      for (const format of ['md', 'html']) {
        const res = await download(documentPath(c.id, `?format=${format}`)).expect(200);
        const name = /filename="([^"]+)"/.exec(res.headers['content-disposition'])![1];
        golden(name, bytes(res).toString('utf8'));
      }
    }
    for (const format of ['md', 'html']) {
      const res = await download(`/api/series/${SERIES}/report?format=${format}`).expect(200);
      golden(`series-report.${format}`, bytes(res).toString('utf8'));
    }
  });

  it('the series report: the overview with participation across the series, then each summary in date order', async () => {
    const res = await download(`/api/series/${SERIES}/report?format=md`).expect(200);
    const md = bytes(res).toString('utf8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="international-security-cyber-workshop-series-report\.md"/);
    const parts = md.split('\n---\n');
    expect(parts).toHaveLength(1 + demoSeries.consultations.length);
    expect(parts[0]).toContain('### Mandate');
    expect(parts[0]).toContain('A/RES/73/266');
    const said = await Promise.all(demoSeries.consultations.map((c) => whatTheEventsSaid(c.id)));
    expect(parts[0]).toContain(`${said.reduce((n, s) => n + s.attended, 0)} participants took part in the consultations of this report.`);
    expect(parts[0]).toContain('9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.');
    expect(parts.slice(1).map((p) => /^## (.*): Chair’s summary$/m.exec(p)![1])).toEqual(said.map((s) => s.title));
    for (const format of ['docx', 'pdf']) {
      const doc = await download(`/api/series/${SERIES}/report?format=${format}`).expect(200);
      expect(bytes(doc).length).toBeGreaterThan(10_000);
    }
    const pdf = await readPdf(bytes(await download(`/api/series/${SERIES}/report?format=pdf`).expect(200)));
    for (const s of said) expect(pdfShows(pdf, s.sections.at(-1)!.keyPoints.at(-1)!)).toBe(true);
  });

  it('negotiates the format by Accept; anything else is 406 problem+json', async () => {
    const cases: Array<[string, string]> = [
      [DOCX_TYPE, DOCX_TYPE],
      ['application/pdf', 'application/pdf'],
      ['text/markdown', 'text/markdown; charset=utf-8'],
      ['text/html', 'text/html; charset=utf-8'],
      ['*/*', 'text/html; charset=utf-8'],
    ];
    for (const [accept, type] of cases) {
      const res = await download(documentPath(SINGAPORE), undefined, accept).expect(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers.vary).toMatch(/Accept/);
    }
    const refused = await t.http.get(documentPath(SINGAPORE)).set('Accept', 'application/json').expect(406);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 406, rule: 'NotAcceptable' });
    const unknown = await t.http.get(documentPath(SINGAPORE, '?format=xlsx')).expect(406);
    expect(unknown.body.rule).toBe('UnsupportedDocumentFormat');
    const series = await t.http.get(`/api/series/${SERIES}/report`).set('Accept', 'image/png').expect(406);
    expect(series.body.rule).toBe('NotAcceptable');
  });

  it('the participation report: HTML with SVG charts and CSV, for the secretariat and the Chair only', async () => {
    const path = `/api/consultations/${SINGAPORE}/participation/report`;
    const said = await whatTheEventsSaid(SINGAPORE);
    const html = await download(`${path}?format=html`, chair).expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = readHtml(bytes(html).toString('utf8'));
    expect(page.querySelectorAll('svg').length).toBeGreaterThanOrEqual(3);
    expect(page.text).toContain('9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.');
    const csv = await download(path, secretariat, 'text/csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/filename="regional-perspectives-on-international-security-in-cyberspace-asean-participation-report\.csv"/);
    const rows = parseCsv(bytes(csv).toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.section === 'participants')!.count).toBe(String(said.attended));
    expect(rows.find((r) => r.section === 'stakeholder-group' && r.label === 'Member States')!.count).toBe(String(said.delegates));
    expect(rows.find((r) => r.section === 'regional-coverage')).toMatchObject({ count: '9', total: '10' });
    await t.http.get(path).expect(401);
    await t.http.get(path).set('Authorization', participant).expect(403);
  });
});

// --- A consultation of our own: drafts, editions, as-of -----------------------------------------

const auth = () => ({ Authorization: secretariat });

/** A consultation with ASEAN in Singapore (announced, with an open and a closed session), and its id. */
async function consultation(title: string): Promise<{ id: string; seriesId: string }> {
  const series = await t.http.post('/api/series').set(auth()).send({ title: `Series for ${title}`, organiser: 'UNODA', partners: ['UNIDIR'] }).expect(201);
  const scheduled = await t.http
    .post(`/api/series/${series.body.id}/consultations`)
    .set(auth())
    .send({
      title,
      regionalOrganisation: 'ASEAN',
      hostMeeting: 'a regional cyber week',
      venue: { city: 'Singapore', country: 'SGP' },
      timeZone: 'Asia/Singapore',
      startDate: '2027-06-17',
      endDate: '2027-06-18',
      capacity: 50,
      workingLanguages: ['en'],
    })
    .expect(201);
  const id: string = scheduled.body.id;
  for (const [i, access] of (['open', 'closed'] as const).entries()) {
    await t.http
      .post(`/api/consultations/${id}/sessions`)
      .set(auth())
      .send({ title: `Session ${i + 1}`, kind: access === 'closed' ? 'closed-consultation' : 'panel', access, start: `2027-06-17T${10 + 2 * i}:00`, end: `2027-06-17T${11 + 2 * i}:00` })
      .expect(201);
  }
  await t.http.post(`/api/consultations/${id}/announce`).set(auth()).send({}).expect(200);
  return { id, seriesId: series.body.id };
}

const summary = (id: string) => `/api/consultations/${id}/summary`;

async function keyPoint(id: string, sectionId: string, text: string): Promise<string> {
  const res = await t.http.post(`${summary(id)}/key-points`).set(auth()).send({ sectionId, text }).expect(201);
  return res.body.keyPoint.keyPointId;
}

/** A delegate of a State registered by the secretariat, approved and checked in on the first day. */
async function attendingDelegate(id: string, state: string): Promise<string> {
  const n = randomUUID().slice(0, 8);
  const registered = await t.http
    .post(`/api/consultations/${id}/registrations`)
    .set(auth())
    .send({
      person: { givenName: `Given${n}`, familyName: `Family${n}`, email: `${n}@example.org`, gender: 'woman', nationality: state },
      stakeholderGroup: 'member-state',
      represents: { state },
      role: 'delegate',
      sessionIds: [],
      publicListingConsent: false,
    })
    .expect(201);
  const rid: string = registered.body.registrationId;
  await t.http.post(`/api/registrations/${rid}/approve`).set(auth()).expect(200);
  await t.http.post(`/api/registrations/${rid}/check-in`).set(auth()).send({ day: '2027-06-17' }).expect(200);
  return rid;
}

async function publish(id: string): Promise<void> {
  await t.http.post(`${summary(id)}/submit`).set(auth()).expect(200);
  await t.http.post(`${summary(id)}/approve`).set('Authorization', chair).expect(200);
  await t.http.post(`${summary(id)}/publish`).set(auth()).expect(200);
}

describe('drafts are for the secretariat and the Chair; the public gets published editions only', () => {
  let id: string;
  let seriesId: string;
  const FIRST = 'Regional forums can serve as platforms for putting the existing norms into practice.';
  const CORRECTED = 'Regional forums can serve as platforms for implementing the agreed norms.';

  beforeAll(async () => {
    ({ id, seriesId } = await consultation('Consultation on drafts and editions'));
    await t.http.post(summary(id)).set(auth()).send({}).expect(201);
    await t.http.post(`${summary(id)}/sections`).set(auth()).send({ kind: 'session', sectionId: 'norms', title: 'Implementing the norms', text: 'Participants exchanged national experiences.' }).expect(201);
    await keyPoint(id, 'norms', FIRST);
    await t.settle();
  });

  it('a draft: 404 PublishedSummaryNotFound for the public and other roles, marked DRAFT in every format for staff', async () => {
    for (const who of [undefined, participant]) {
      const res = await t.http.get(documentPath(id, '?format=pdf')).set(who ? { Authorization: who } : {}).expect(404);
      expect(res.body.rule).toBe('PublishedSummaryNotFound');
    }
    // Not even as of now, nor by asking for the series report.
    expect((await t.http.get(documentPath(id, `?asOf=${new Date().toISOString()}`)).expect(404)).body.rule).toBe('PublishedSummaryNotFound');
    expect((await t.http.get(`/api/series/${seriesId}/report`).expect(404)).body).toMatchObject({ rule: 'PublishedSummaryNotFound', seriesId });
    const seriesDraft = bytes(await download(`/api/series/${seriesId}/report?format=md`, chair).expect(200)).toString('utf8');
    expect(seriesDraft.startsWith('> **DRAFT**')).toBe(true);
    expect(seriesDraft).toContain(FIRST);
    const md = bytes(await download(documentPath(id, '?format=md'), secretariat).expect(200)).toString('utf8');
    expect(md).toMatch(/^> \*\*DRAFT\*\*: Draft: not an agreed or published text$/m);
    expect(md).toMatch(/^Edition 1, version \d+$/m);
    const html = readHtml(bytes(await download(documentPath(id, '?format=html'), chair).expect(200)).toString('utf8'));
    expect(html.querySelector('.draft-banner')!.text).toContain('DRAFT');
    expect(html.querySelector('title')!.text).toMatch(/^DRAFT: /);
    const docxRes = await download(documentPath(id, '?format=docx'), secretariat).expect(200);
    expect(docxRes.headers['cache-control']).toBe('private, no-store');
    expect(readDocx(bytes(docxRes)).watermarks).toEqual(['DRAFT']);
    const pdf = await readPdf(bytes(await download(documentPath(id, '?format=pdf'), secretariat).expect(200)));
    for (const page of pdf) expect(page).toContain('DRAFT');
    expect(pdfShows(pdf, FIRST)).toBe(true);
  });

  it('published: the same document for everyone, without DRAFT; a correction in progress stays with staff', async () => {
    const beforePublication = new Date();
    await sleep(5);
    await publish(id);
    await t.settle();
    const forPublic = bytes(await download(documentPath(id, '?format=md')).expect(200)).toString('utf8');
    expect(forPublic).not.toContain('DRAFT');
    expect(forPublic).toContain(FIRST);
    // As of before its publication there was nothing the public could read.
    const earlier = await t.http.get(documentPath(id, `?asOf=${beforePublication.toISOString()}`)).set('Authorization', participant).expect(404);
    expect(earlier.body.rule).toBe('PublishedSummaryNotFound');
    expect(bytes(await download(documentPath(id, '?format=md'), secretariat).expect(200)).toString('utf8')).toBe(forPublic);

    await t.http.post(`${summary(id)}/corrections`).set(auth()).send({ reason: 'A key point was worded too narrowly.' }).expect(201);
    const current = await t.http.get(summary(id)).set(auth()).expect(200);
    const kid = current.body.sections[0].keyPoints[0].keyPointId;
    await t.http.put(`${summary(id)}/key-points/${kid}`).set(auth()).set('If-Match', current.headers.etag).send({ text: CORRECTED }).expect(200);
    await t.settle();

    const working = bytes(await download(documentPath(id, '?format=md'), secretariat).expect(200)).toString('utf8');
    expect(working).toContain('**DRAFT**');
    expect(working).toMatch(/^Edition 2, version \d+$/m);
    expect(working).toContain(CORRECTED);
    const stillPublic = bytes(await download(documentPath(id, '?format=md')).expect(200)).toString('utf8');
    expect(stillPublic).toBe(forPublic);
    expect(stillPublic).not.toContain(CORRECTED);
    const publicNow = bytes(await download(documentPath(id, `?format=md&asOf=${new Date().toISOString()}`)).expect(200)).toString('utf8');
    expect(publicNow.replace(/, as of [^\n]*/, '')).toBe(forPublic);
    // Staff may ask for the published text too.
    expect(bytes(await download(documentPath(id, '?format=md&edition=1'), chair).expect(200)).toString('utf8')).toBe(forPublic);
    expect(bytes(await download(documentPath(id, '?format=md&edition=published'), chair).expect(200)).toString('utf8')).toBe(forPublic);
    const missing = await t.http.get(documentPath(id, '?edition=2')).expect(404);
    expect(missing.body).toMatchObject({ rule: 'SummaryEditionNotFound', publishedEditions: [1] });
  });

  it('names the rule for what is not there, and for a malformed request', async () => {
    const nobody = randomUUID();
    expect((await t.http.get(documentPath(nobody)).set(auth()).expect(404)).body.rule).toBe('ConsultationNotFound');
    expect((await t.http.get(documentPath(nobody)).expect(404)).body.rule).toBe('PublishedSummaryNotFound');
    const { id: fresh } = await consultation('Consultation without a summary');
    await t.settle();
    expect((await t.http.get(documentPath(fresh)).set(auth()).expect(404)).body.rule).toBe('SummaryNotStarted');
    expect((await t.http.get(`/api/series/${nobody}/report`).set(auth()).expect(404)).body.rule).toBe('SeriesNotFound');
    expect((await t.http.get(documentPath(id, '?asOf=2027-06-17T10:00')).set(auth()).expect(400)).body.rule).toBe('ValidationFailed');
    expect((await t.http.get(`/api/series/${SERIES}/report?edition=2`).set(auth()).expect(400)).body.rule).toBe('EditionNumberForSeries');
  });
});

describe('documents as of an instant', () => {
  let id: string;
  let seriesId: string;
  let t1: Date;
  let t2: Date;
  const EARLY = 'Confidence-building measures work best when they are implemented rather than only agreed.';
  const LATE = 'Points of contact should be tested in regular exercises.';

  beforeAll(async () => {
    ({ id, seriesId } = await consultation('Consultation read as of two instants'));
    await t.http.post(summary(id)).set(auth()).send({}).expect(201);
    await t.http.post(`${summary(id)}/sections`).set(auth()).send({ kind: 'session', sectionId: 'cbms', title: 'Confidence-building measures', text: 'The session reviewed regional measures.' }).expect(201);
    await keyPoint(id, 'cbms', EARLY);
    await attendingDelegate(id, 'MYS');
    await attendingDelegate(id, 'SGP');
    await sleep(5);
    t1 = new Date();
    await sleep(5);
    // After T1, exactly: a key point added, and a delegate of a third State checked in.
    await keyPoint(id, 'cbms', LATE);
    await attendingDelegate(id, 'THA');
    await sleep(5);
    t2 = new Date();
    await t.settle();
  });

  const staff = { viewer: { staff: true } };

  it('the document as of T1 differs from the one as of T2 exactly by the events in between', async () => {
    const reports = t.app.get(Reports);
    const atT1 = await reports.chairSummary(id, { ...staff, asOf: t1 });
    const atT2 = await reports.chairSummary(id, { ...staff, asOf: t2 });
    const events = await t.app.get(EventStore).readStream(summaryStreamId(id));
    const versionAt = (at: Date) => events.filter((e) => Date.parse(e.metadata.occurredAt) <= at.getTime()).at(-1)!.version;
    expect(atT1.version).toBe(versionAt(t1));
    expect(atT2.version).toBe(atT1.version + 1);
    // ASEAN's members on the consultation's first day, less those whose delegates had come.
    const ref = t.app.get(ReferenceDataAdapter);
    const members = ref.membersAsOf('ASEAN', '2027-06-17');
    const coverage = (present: string[]) => coverageSentence('ASEAN', members.length, members.filter((m) => !present.includes(m)).map((m) => ref.stateName(m)));
    expect(atT1.participation).toEqual(['2 participants took part: 2 representatives of Member States.', coverage(['MYS', 'SGP'])]);
    expect(atT1.participation[1]).toMatch(/^2 of the \d+ ASEAN Member States were represented; .*Thailand/);
    // T2 is T1 with the later key point and the third delegate; nothing else moved.
    const expected = {
      ...atT1,
      asOf: t2.toISOString(),
      version: atT1.version + 1,
      participation: ['3 participants took part: 3 representatives of Member States.', coverage(['MYS', 'SGP', 'THA'])],
      sections: [{ ...atT1.sections[0], keyPoints: [...atT1.sections[0].keyPoints, { text: LATE }] }],
    };
    expect(atT2).toEqual(expected);
  });

  it('over HTTP: ?asOf= rebuilds each format from the events up to the instant', async () => {
    const at = (when: Date) => download(documentPath(id, `?format=md&asOf=${when.toISOString()}`), secretariat).expect(200);
    const [md1, md2] = [bytes(await at(t1)).toString('utf8'), bytes(await at(t2)).toString('utf8')];
    expect(md1).toContain(EARLY);
    expect(md1).not.toContain(LATE);
    expect(md2).toContain(LATE);
    const lines = (md: string) => md.split('\n');
    const onlyIn = (a: string, b: string) => lines(a).filter((l) => !lines(b).includes(l));
    // Besides the status line (version, as of), the later document has the key point and the new figures.
    expect(onlyIn(md2, md1)).toEqual([
      expect.stringMatching(/^Edition 1, version \d+, as of /),
      '3 participants took part: 3 representatives of Member States.',
      expect.stringMatching(/^3 of the \d+ ASEAN Member States were represented; /),
      `- ${LATE}`,
    ]);
    const pdf1 = await readPdf(bytes(await download(documentPath(id, `?format=pdf&asOf=${t1.toISOString()}`), chair).expect(200)));
    expect(pdfShows(pdf1, EARLY)).toBe(true);
    expect(pdfShows(pdf1, LATE)).toBe(false);
    const csv = await download(`/api/consultations/${id}/participation/report?format=csv&asOf=${t1.toISOString()}`, secretariat).expect(200);
    const rows = parseCsv(bytes(csv).toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.section === 'participants')!.count).toBe('2');
  });

  it('as of now is the current document, from the read models', async () => {
    const reports = t.app.get(Reports);
    const current = await reports.chairSummary(id, staff);
    const now = await reports.chairSummary(id, { ...staff, asOf: new Date() });
    expect({ ...now, asOf: null }).toEqual(current);
    const currentSeries = await reports.seriesReport(seriesId, staff);
    const nowSeries = await reports.seriesReport(seriesId, { ...staff, asOf: new Date() });
    expect({ ...nowSeries, consultations: nowSeries.consultations.map((c) => ({ ...c, asOf: null })) }).toEqual(currentSeries);
    const participation = await reports.participationReport(id, {});
    expect({ ...(await reports.participationReport(id, { asOf: new Date() })), asOf: null }).toEqual(participation);
    // And for the demo series, published editions as the public reads them.
    const publicView = { viewer: { staff: false } };
    const demoNow = await reports.seriesReport(SERIES, { ...publicView, asOf: new Date() });
    expect({ ...demoNow, consultations: demoNow.consultations.map((c) => ({ ...c, asOf: null })) }).toEqual(await reports.seriesReport(SERIES, publicView));
  });

  it('before the summary existed there is nothing to show; before the consultation, no consultation', async () => {
    const scheduledAt = new Date(Date.parse((await t.app.get(EventStore).readStream(consultationStreamId(id)))[0].metadata.occurredAt) - 1);
    const before = await t.http.get(documentPath(id, `?asOf=${scheduledAt.toISOString()}`)).set(auth()).expect(404);
    expect(before.body.rule).toBe('ConsultationNotFound');
    const startedAt = Date.parse((await t.app.get(EventStore).readStream(summaryStreamId(id)))[0].metadata.occurredAt);
    const unstarted = await t.http.get(documentPath(id, `?asOf=${new Date(startedAt - 1).toISOString()}`)).set(auth()).expect(404);
    expect(unstarted.body.rule).toBe('SummaryNotStarted');
    // The participation figures existed before the summary did.
    await download(`/api/consultations/${id}/participation/report?asOf=${new Date(startedAt - 1).toISOString()}`, secretariat).expect(200);
  });
});
