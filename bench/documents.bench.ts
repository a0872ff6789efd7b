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
}
