import { type ChairSummaryDocument, datesAndVenue, type Footnote, type Passage, type SeriesReportDocument } from '@convene/documents';
import type { ParticipationFigures, RosterEntry } from '@convene/registration';
import type { Consultation, Series } from '@convene/scheduling';
import { chairSummaryDocument, type ChairSummaryInputs, organiserLine, paragraphsOf, type ReportNames } from './chair-summary.model.js';
import { listInWords } from './participation-paragraph.js';

/** One consultation of the series report: its summary's inputs and the roster they were counted from. */
export interface SeriesConsultation extends ChairSummaryInputs {
  roster: readonly RosterEntry[];
}

export interface SeriesReportInputs {
  series: Series;
  /** In the order the report shows them. */
  consultations: readonly SeriesConsultation[];
}

const number = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, several: string) => `${number(n)} ${n === 1 ? one : several}`;

/** Who the figures count: those who attended once anyone was checked in, else the confirmed registrations. */
const counted = (roster: readonly RosterEntry[], figures: ParticipationFigures): RosterEntry[] =>
  roster.filter((e) => (figures.basis === 'attendance' ? e.attendance.length > 0 : e.status === 'confirmed'));

const where = (c: Consultation) => datesAndVenue({ startDate: c.startDate, endDate: c.endDate }, c.venue);

function mandate(series: Series): { passages: Passage[]; footnotes: Footnote[] } {
  if (!series.mandate) return { passages: [], footnotes: [] };
  const { symbol, title } = series.mandate;
  return {
    passages: [{ text: `The series is held under ${symbol}, “${title}”.`, footnoteIds: ['mandate'] }],
    footnotes: [{ id: 'mandate', symbol, text: null, url: `https://undocs.org/${encodeURI(symbol)}` }],
  };
}

function modalities(series: Series, consultations: readonly SeriesConsultation[], names: ReportNames): Passage[] {
  const partners = series.partners.length > 0 ? ` with ${listInWords(series.partners)}` : '';
  const passages: Passage[] = [`The series is organised by ${series.organiser}${partners}. This report covers ${plural(consultations.length, 'consultation', 'consultations')}.`];
  for (const { consultation: c } of consultations) {
    const sessions = c.sessions.filter((s) => !s.cancelled);
    const closed = sessions.filter((s) => s.access === 'closed').length;
    const parts = [
      `${c.title}: ${where(c)}`,
      c.hostMeeting ? `on the margins of ${c.hostMeeting}` : null,
      c.regionalOrganisation ? `with the member States of the ${names.organisationName(c.regionalOrganisation)}` : 'across regions',
    ].filter((p): p is string => p !== null);
    const closedText = closed === 0 ? '' : `, ${closed === 1 ? 'one' : number(closed)} of them closed to all but the delegations of member States and the organisers`;
    const programme = sessions.length === 0 ? 'no sessions on its programme' : plural(sessions.length, 'session', 'sessions');
    passages.push(`${parts.join(', ')}; ${programme}${closedText}.`);
  }
  return passages;
}

function participation(consultations: readonly SeriesConsultation[]): Passage[] {
  const withFigures = consultations.filter((c): c is SeriesConsultation & { figures: ParticipationFigures } => c.figures !== null);
  if (withFigures.length === 0) return [];
  const entries = withFigures.flatMap((c) => counted(c.roster, c.figures));
  const people = new Set(entries.map((e) => e.personId)).size;
  const total = entries.length;
  const overall =
    people === total
      ? `${plural(total, 'participant', 'participants')} took part in the consultations of this report.`
      : `${plural(total, 'participant', 'participants')} took part in the consultations of this report: ${plural(people, 'person', 'different people')}, some of whom attended more than one.`;
  const each = withFigures.map(({ consultation: c, figures }) => {
    const count = `${plural(figures.participants, 'participant', 'participants')}${figures.basis === 'attendance' ? '' : ' registered'}`;
    return [`${c.title} (${where(c)}): ${count}.`, figures.regionalCoverage?.sentence].filter(Boolean).join(' ');
  });
  return [overall, ...each];
}

/**
 * The series report: an overview (mandate, modalities, objectives, participation across the
 * series, with totals and each consultation's coverage) and then each consultation's summary,
 * built by the same builder as a single summary.
 */
export function seriesReportDocument(inputs: SeriesReportInputs, names: ReportNames): SeriesReportDocument {
  const { series, consultations } = inputs;
  const m = mandate(series);
  const summaries: ChairSummaryDocument[] = consultations.map((c) => chairSummaryDocument(c, names));
  return {
    title: `${series.title}: report`,
    organiserLine: organiserLine(series),
    language: 'en',
    overview: {
      mandate: m.passages,
      modalities: modalities(series, consultations, names),
      objectives: series.description ? paragraphsOf(series.description) : [],
      participation: participation(consultations),
    },
    footnotes: m.footnotes,
    consultations: summaries,
  };
}
