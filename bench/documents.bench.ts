/**
 * Document rendering benchmark (issue #6): a Chair's summary of a consultation with 1,000
 * participants (the participation paragraphs and figures that come from them) and 60 key points,
 * rendered as DOCX and PDF; and the series report of 6 such consultations. No database: the models
 * are built here, as the report builders will build them from read models.
 *
 * Figures, one JSON line each on stdout ({"bench":"documents","metric":...,"value":...,"unit":...}):
 *   summary_docx_p50_ms, summary_docx_p95_ms   target p50 < 150 ms
 *   summary_pdf_p50_ms, summary_pdf_p95_ms     target p50 < 150 ms
 *   summary_html_p50_ms, summary_md_p50_ms
 *   series_docx_p50_ms, series_pdf_p50_ms      6 consultations, target < 1 s
 *   participation_html_p50_ms, participation_csv_p50_ms   the 1,000 participants' figures
 *   first_pdf_ms                               the first PDF of the process (fonts loaded and parsed)
 *   summary_pdf_kb, summary_docx_kb            output sizes
 * And the whole path of a report from the read models' documents (the consultation, the series,
 * the summary's state and a roster of 1,000 registrations, as the queries return them; the reads
 * themselves are not timed): participation figures, the @convene/reports builder, the renderer.
 *   report_build_p50_ms                        figures + model of one summary
 *   report_summary_docx_p50_ms, report_summary_pdf_p50_ms   target p50 < 150 ms
 *   report_series_docx_p50_ms, report_series_pdf_p50_ms     6 consultations, target < 1 s
 * Notes (iterations, pages) go to stderr. Knob: BENCH_DOCUMENT_RUNS (default 30; the series 1/3 of it).
 */
import { performance } from 'node:perf_hooks';
import {
  type ChairSummaryDocument,
  type Gender,
  GENDERS,
  type ParticipationReport,
  renderChairSummaryDocx,
  renderChairSummaryHtml,
  renderChairSummaryMarkdown,
  renderChairSummaryPdf,
  renderParticipationCsv,
  renderParticipationHtml,
  renderSeriesReportDocx,
  renderSeriesReportPdf,
  type SeriesReportDocument,
  type Tally,
} from '@convene/documents';
import { Countries, RegionalOrganisations } from '@convene/reference-data';
import { participationFigures, ReferenceDataAdapter, type RosterEntry, STAKEHOLDER_GROUPS, toConsultationFacts } from '@convene/registration';
import { chairSummaryDocument, type ChairSummaryInputs, chooseText, type ReportNames, seriesReportDocument } from '@convene/reports';
import type { Consultation, Series, SessionState } from '@convene/scheduling';
import type { Footnote as SummaryFootnote, Section, SummaryState } from '@convene/summaries';
import { percentile } from './append-loop.js';

const BENCH = 'documents';
const RUNS = Number(process.env.BENCH_DOCUMENT_RUNS ?? 30);
const PARTICIPANTS = 1_000;
const KEY_POINTS = 60;
const CONSULTATIONS = 6;
const TARGET_SUMMARY_MS = 150;
const TARGET_SERIES_MS = 1_000;

function emit(metric: string, value: number, unit: 'ms' | 'kB'): void {
  process.stdout.write(`${JSON.stringify({ bench: BENCH, metric, value: Math.round(value * 100) / 100, unit })}\n`);
}
const note = (msg: string) => process.stderr.write(`  ${msg}\n`);
const warn = (msg: string) => {
  process.stderr.write(`  WARNING: ${msg}\n`);
  process.exitCode = 1;
};

/** A deterministic pseudo-random sequence, so that every run renders the same documents. */
function* sequence(seed: number): Generator<number, never> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x / 2 ** 31;
  }
}

const GROUPS = ['States', 'Regional organisations', 'United Nations entities', 'Private sector', 'Technical community', 'Civil society', 'Academia'];
const REGIONS = ['Africa', 'Asia-Pacific', 'Eastern Europe', 'Latin America and the Caribbean', 'Western Europe and others'];
const PHRASES = [
  'participants stressed that existing norms remain the common reference for responsible behaviour',
  'several speakers called for regional points of contact to be tested in regular exercises',
  'capacity-building programmes should be driven by the needs identified by recipient States',
  'the private sector holds much of the infrastructure and should be heard early',
  'confidence-building measures work best when they are implemented rather than only agreed',
  'the applicability of international law to cyberspace was reaffirmed by many participants',
  'transparency about national doctrines can reduce the risk of misperception and escalation',
];

/** The participants' figures: counts by group, gender, region and State. */
function participation(seed: number): ParticipationReport {
  const random = sequence(seed);
  const count = <K extends string>(keys: readonly K[]) => {
    const counts = new Map<K, number>(keys.map((k) => [k, 0]));
    for (let i = 0; i < PARTICIPANTS; i++) {
      const k = keys[Math.floor(random.next().value * keys.length)];
      counts.set(k, counts.get(k)! + 1);
    }
    return counts;
  };
  const tallies = (m: Map<string, number>): Tally[] => [...m].map(([label, n]) => ({ label, count: n }));
  const states = Array.from({ length: 120 }, (_, i) => `Member State ${String(i + 1).padStart(3, '0')}`);
  const members = states.slice(0, 10);
  return {
    language: 'en',
    consultation: { title: `Regional consultation ${seed}`, dates: { startDate: '2019-06-17', endDate: '2019-06-18' }, venue: { city: 'Bratislava', country: 'Slovakia' } },
    asOf: null,
    totals: { participants: PARTICIPANTS, states: states.length },
    byStakeholderGroup: tallies(count(GROUPS)),
    byGender: Object.fromEntries(count(GENDERS)) as Record<Gender, number>,
    byRegion: tallies(count(REGIONS)),
    byState: tallies(count(states)),
    regionalCoverage: [
      {
        organisation: 'Regional organisation A',
        represented: members.slice(1),
        notRepresented: members.slice(0, 1),
        sentence: `9 of the 10 Member States of Regional organisation A were represented; ${members[0]} was not.`,
      },
    ],
  };
}

function summary(seed: number, figures: ParticipationReport): ChairSummaryDocument {
  const random = sequence(seed);
  const sentence = () => {
    const words = Array.from({ length: 3 }, () => PHRASES[Math.floor(random.next().value * PHRASES.length)]).join(', and ');
    return `${words[0].toUpperCase()}${words.slice(1)}.`;
  };
  const footnotes = Array.from({ length: 20 }, (_, i) => ({ id: `fn-${i}`, symbol: `A/${70 + (i % 8)}/${100 + i}`, text: `Report ${i + 1} of the Secretary-General`, url: `https://undocs.org/A/${70 + (i % 8)}/${100 + i}` }));
  let nextNote = 0;
  const keyPoint = () => ({ text: `${sentence()} ${sentence()}`, footnoteIds: random.next().value < 0.3 ? [`fn-${nextNote++ % footnotes.length}`] : [] });
  const perSection = (KEY_POINTS - 6) / 6;
  const sections = Array.from({ length: 6 }, (_, s) => ({
    heading: `Theme ${s + 1}: ${PHRASES[s].split(' ').slice(1, 5).join(' ')}`,
    paragraphs: [sentence(), sentence()],
    keyPoints: Array.from({ length: perSection }, keyPoint),
  }));
  const conclusions = Array.from({ length: 6 }, keyPoint);
  // Every footnote is referenced at least once.
  conclusions[0] = { ...conclusions[0], footnoteIds: footnotes.map((f) => f.id) };
  const groups = figures.byStakeholderGroup.map((t) => `${t.count} from ${t.label.toLowerCase()}`).join(', ');
  return {
    title: `Regional consultation ${seed} on international security in cyberspace: Chair’s summary`,
    organiserLine: 'Regional Consultation Series',
    dates: figures.consultation.dates,
    venue: figures.consultation.venue!,
    hostMeeting: 'a regional security conference',
    language: 'en',
    status: 'published',
    edition: 1,
    version: 500 + seed,
    asOf: null,
    publishedAt: '2019-07-01T09:00:00Z',
    components: Array.from({ length: 8 }, (_, i) => ({ title: `Session ${i + 1}`, kind: i % 2 ? 'Closed session' : 'Panel', when: `17 June 2019, ${9 + i}:00–${10 + i}:00` })),
    introduction: [sentence(), sentence(), sentence()],
    participation: [
      `${figures.totals.participants} participants attended: ${groups}.`,
      `Representatives of the following ${figures.byState.length} States took part: ${figures.byState.map((t) => t.label).join(', ')}.`,
      ...figures.regionalCoverage.map((c) => c.sentence),
    ],
    sections,
    conclusions,
    footnotes,
  };
}

// --- The report path from the read models' documents ---------------------------------------------

const OSCE_STATES = ['AUT', 'BEL', 'CAN', 'CHE', 'DEU', 'ESP', 'FRA', 'GBR', 'ITA', 'NLD', 'POL', 'SVK', 'SWE', 'TUR', 'UKR', 'USA', 'KAZ', 'GEO'];
const OTHER_STATES = ['BRA', 'CHN', 'EGY', 'IND', 'JPN', 'KEN', 'MEX', 'NGA', 'SGP', 'ZAF'];

/** A consultation as scheduling's read model holds it: two days in Bratislava with the OSCE, eight sessions. */
function consultationDocument(seed: number): Consultation {
  const session = (i: number): SessionState => {
    const day = i < 4 ? '2019-06-17' : '2019-06-18';
    const hour = String(9 + 2 * (i % 4)).padStart(2, '0');
    return {
      sessionId: `s-${seed}-${i}`,
      title: `Session ${i + 1}`,
      kind: i % 2 ? 'closed-consultation' : 'panel',
      access: i % 2 ? 'closed' : 'open',
      room: null,
      chair: null,
      moderator: null,
      speakers: [],
      description: null,
      startLocal: `${day}T${hour}:00`,
      endLocal: `${day}T${hour}:45`,
      startUtc: `${day}T${hour}:00:00Z`,
      endUtc: `${day}T${hour}:45:00Z`,
      cancelled: null,
      revision: 0,
    };
  };
  return {
    consultationId: `c-${seed}`,
    seriesId: 'series-bench',
    title: `Regional consultation ${seed} with the OSCE participating States`,
    regionalOrganisation: 'OSCE',
    hostMeeting: 'the OSCE Cyber/ICT Security Conference',
    venue: { city: 'Bratislava', country: 'SVK' },
    timeZone: 'Europe/Bratislava',
    startDate: '2019-06-17',
    endDate: '2019-06-18',
    capacity: 1200,
    workingLanguages: ['en'],
    announced: true,
    cancelled: null,
    postponements: [],
    registration: { status: 'closed', deadlineLocal: '2019-06-10T18:00', deadlineUtc: '2019-06-10T16:00:00Z' },
    sessions: Array.from({ length: 8 }, (_, i) => session(i)),
  };
}

/** A published summary's state: an introduction, six sessions of nine key points, six concluding points, 20 footnotes. */
function summaryState(seed: number): SummaryState {
  const random = sequence(seed);
  const sentence = () => {
    const words = Array.from({ length: 3 }, () => PHRASES[Math.floor(random.next().value * PHRASES.length)]).join(', and ');
    return `${words[0].toUpperCase()}${words.slice(1)}.`;
  };
  const section = (sectionId: string, kind: Section['kind'], title: string, points: number): Section => ({
    sectionId,
    kind,
    title,
    text: `${sentence()} ${sentence()}\n\n${sentence()}`,
    sessionId: null,
    chathamHouse: null,
    version: 1,
    keyPoints: Array.from({ length: points }, (_, i) => ({ keyPointId: `${sectionId}-${i + 1}`, text: `${sentence()} ${sentence()}`, version: 1 })),
  });
  const sections = [
    section('intro', 'introduction', 'Introduction', 0),
    ...Array.from({ length: 6 }, (_, i) => section(`session-${i + 1}`, 'session', `Theme ${i + 1}: ${PHRASES[i].split(' ').slice(1, 5).join(' ')}`, (KEY_POINTS - 6) / 6)),
    section('conclusions', 'conclusions', 'Chair’s concluding summary', 6),
  ];
  const footnotes: SummaryFootnote[] = Array.from({ length: 20 }, (_, i) => ({
    footnoteId: `fn-${i}`,
    number: i + 1,
    symbol: `A/${70 + (i % 8)}/${100 + i}`,
    text: `Report ${i + 1} of the Secretary-General`,
    url: `https://undocs.org/A/${70 + (i % 8)}/${100 + i}`,
    sectionId: i % 4 === 0 ? null : sections[1 + (i % 7)].sectionId,
  }));
  const content = { sections, footnotes };
  const edition = { edition: 1, version: 500 + seed, publishedAt: '2019-07-01T09:00:00.000Z', publishedBy: 'sec', approvedBy: 'chair', approvedVersion: 499 + seed, correctionReason: null, content };
  return {
    started: true,
    consultationId: `c-${seed}`,
    version: 500 + seed,
    status: 'published',
    edition: 1,
    chathamHouse: true,
    content,
    waivers: [],
    approval: { by: 'chair', at: '2019-06-30T09:00:00.000Z', version: 499 + seed },
    changeRequests: [],
    correctionReason: null,
    editions: [edition],
    withdrawn: {},
    lastChange: { by: 'sec', at: edition.publishedAt },
  };
}

/** The roster as its read model holds it: 1,000 confirmed registrations, all checked in. */
function rosterDocuments(seed: number): RosterEntry[] {
  const random = sequence(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next().value * items.length)];
  return Array.from({ length: PARTICIPANTS }, (_, i): RosterEntry => {
    const group = pick(STAKEHOLDER_GROUPS);
    const state = pick([...OSCE_STATES, ...OSCE_STATES, ...OTHER_STATES]);
    const delegate = group === 'member-state' || group === 'observer-state';
    return {
      registrationId: `r-${seed}-${i}`,
      consultationId: `c-${seed}`,
      personId: `p-${i}`,
      status: 'confirmed',
      channel: 'self',
      nominatedBy: null,
      person: { honorific: null, givenName: `Given${i}`, familyName: `Family${i}`, email: `p${i}@example.org`, gender: pick(GENDERS), nationality: state, affiliation: null, jobTitle: null },
      publicListingConsent: false,
      stakeholderGroup: group,
      represents: { state: delegate ? state : null, organisation: delegate ? null : 'Organisation' },
      role: 'delegate',
      sessionIds: [],
      accessNeeds: null,
      registeredAt: '2019-06-01T09:00:00.000Z',
      registeredSeq: i + 1,
      waitlistSeq: null,
      statusChangedAt: '2019-06-02T09:00:00.000Z',
      attendance: [{ day: '2019-06-17', sessionId: null, at: '2019-06-17T08:30:00.000Z' }],
      history: [],
      erased: false,
    } as RosterEntry;
  });
}

/** The read models of one consultation, and the builder's work on them (what the report service does after its reads). */
function reportPath(seed: number, reference: ReferenceDataAdapter, series: Series) {
  const consultation = consultationDocument(seed);
  const state = summaryState(seed);
  const roster = rosterDocuments(seed);
  return (): ChairSummaryInputs & { roster: RosterEntry[] } => ({
    consultation,
    series,
    text: chooseText(consultation.consultationId, { kind: 'working' }, state, state.editions),
    figures: participationFigures(toConsultationFacts(consultation), roster, reference),
    roster,
    asOf: null,
  });
}

/** Milliseconds per call, `runs` times after two warm-up calls. */
async function time(runs: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

export async function run(): Promise<void> {
  const figures = participation(1);
  const doc = summary(1, figures);
  const series: SeriesReportDocument = {
    title: 'Regional Consultation Series: report',
    organiserLine: 'Regional Consultation Series',
    overview: { mandate: ['The series was mandated to hear every region.'], modalities: ['One consultation per region.'], objectives: ['To inform the multilateral discussions.'], participation: ['6,000 participants in all.'] },
    consultations: Array.from({ length: CONSULTATIONS }, (_, i) => summary(i + 1, participation(i + 1))),
  };
  note(`summary: ${KEY_POINTS} key points, ${doc.footnotes.length} footnotes, ${PARTICIPANTS} participants from ${figures.byState.length} States; ${RUNS} runs each`);

  const first = performance.now();
  const pdf = await renderChairSummaryPdf(doc);
  emit('first_pdf_ms', performance.now() - first, 'ms');
  const docx = await renderChairSummaryDocx(doc);
  emit('summary_pdf_kb', pdf.length / 1024, 'kB');
  emit('summary_docx_kb', docx.length / 1024, 'kB');

  const check = (metric: string, times: number[], target?: number) => {
    const p50 = percentile(times, 50);
    emit(`${metric}_p50_ms`, p50, 'ms');
    if (target !== undefined) {
      emit(`${metric}_p95_ms`, percentile(times, 95), 'ms');
      if (p50 > target) warn(`${metric} p50 ${p50.toFixed(1)} ms is over its target of ${target} ms`);
    }
  };
  check('summary_docx', await time(RUNS, () => renderChairSummaryDocx(doc)), TARGET_SUMMARY_MS);
  check('summary_pdf', await time(RUNS, () => renderChairSummaryPdf(doc)), TARGET_SUMMARY_MS);
  check('summary_html', await time(RUNS, () => renderChairSummaryHtml(doc)));
  check('summary_md', await time(RUNS, () => renderChairSummaryMarkdown(doc)));
  const seriesRuns = Math.max(3, Math.round(RUNS / 3));
  check('series_docx', await time(seriesRuns, () => renderSeriesReportDocx(series)), TARGET_SERIES_MS);
  check('series_pdf', await time(seriesRuns, () => renderSeriesReportPdf(series)), TARGET_SERIES_MS);
  check('participation_html', await time(RUNS, () => renderParticipationHtml(figures)));
  check('participation_csv', await time(RUNS, () => renderParticipationCsv(figures)));

  const countries = new Countries();
  const reference = new ReferenceDataAdapter(countries, new RegionalOrganisations(countries));
  const names: ReportNames = { countryName: (c) => reference.stateName(c), organisationName: (c) => reference.organisationName(c) };
  const benchSeries: Series = {
    seriesId: 'series-bench',
    title: 'Regional Consultation Series',
    mandate: { symbol: 'A/RES/73/266', title: 'Advancing responsible State behaviour in cyberspace in the context of international security' },
    organiser: 'UNODA',
    partners: ['UNIDIR'],
    description: 'One consultation per region, to inform the multilateral discussions.',
    consultationIds: Array.from({ length: CONSULTATIONS }, (_, i) => `c-${i + 1}`),
  };
  const paths = Array.from({ length: CONSULTATIONS }, (_, i) => reportPath(i + 1, reference, benchSeries));
  const one = () => chairSummaryDocument(paths[0](), names);
  const built = one();
  note(`report path: ${built.sections.reduce((n, x) => n + x.keyPoints.length, 0)} key points, ${built.footnotes.length} footnotes; participation: ${built.participation.join(' ')}`);
  check('report_build', await time(RUNS, one));
  check('report_summary_docx', await time(RUNS, () => renderChairSummaryDocx(one())), TARGET_SUMMARY_MS);
  check('report_summary_pdf', await time(RUNS, () => renderChairSummaryPdf(one())), TARGET_SUMMARY_MS);
  const seriesReport = () => seriesReportDocument({ series: benchSeries, consultations: paths.map((p) => p()) }, names);
  check('report_series_docx', await time(seriesRuns, () => renderSeriesReportDocx(seriesReport())), TARGET_SERIES_MS);
  check('report_series_pdf', await time(seriesRuns, () => renderSeriesReportPdf(seriesReport())), TARGET_SERIES_MS);
}
