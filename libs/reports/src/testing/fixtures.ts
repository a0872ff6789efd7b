import type { Consultation, Series, SessionState } from '@convene/scheduling';
import type { Footnote, Section } from '@convene/summaries';
import type { ChairSummaryInputs } from '../model/chair-summary.model.js';
import type { SummaryText } from '../model/summary-text.js';

/** Plain state as the read models hold it, for the builders' unit tests. */

export const names = { countryName: (code: string) => ({ SVK: 'Slovakia', SGP: 'Singapore' })[code] ?? code, organisationName: (code: string) => code };

export function session(id: string, startLocal: string, endLocal: string, more: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: id,
    title: `Session ${id}`,
    kind: 'panel',
    access: 'open',
    room: null,
    chair: null,
    moderator: null,
    speakers: [],
    description: null,
    startLocal,
    endLocal,
    startUtc: `${startLocal}:00Z`,
    endUtc: `${endLocal}:00Z`,
    cancelled: null,
    revision: 0,
    ...more,
  };
}

export const consultation: Consultation = {
  consultationId: 'c-1',
  seriesId: 'series-1',
  title: 'Regional consultation with the OSCE participating States',
  regionalOrganisation: 'OSCE',
  hostMeeting: 'the OSCE Cyber/ICT Security Conference',
  venue: { city: 'Bratislava', country: 'SVK' },
  timeZone: 'Europe/Bratislava',
  startDate: '2019-06-17',
  endDate: '2019-06-18',
  capacity: 80,
  workingLanguages: ['en'],
  announced: true,
  cancelled: null,
  postponements: [],
  registration: { status: 'not-opened' },
  sessions: [
    session('b', '2019-06-18T09:30', '2019-06-18T11:00', { kind: 'closed-consultation', access: 'closed', title: 'Norms among the participating States' }),
    session('a', '2019-06-17T09:00', '2019-06-17T10:00', { kind: 'opening', title: 'Opening' }),
    session('x', '2019-06-17T14:00', '2019-06-17T15:00', { cancelled: { reason: 'Speaker unavailable' } }),
    session('c', '2019-06-18T12:00', '2019-06-18T13:00', { kind: 'briefing', access: 'closed', title: 'Briefing on the OEWG' }),
  ],
};

export const series: Series = {
  seriesId: 'series-1',
  title: 'International Security Cyber Workshop Series',
  mandate: null,
  organiser: 'UNIDIR',
  partners: ['CSIS'],
  description: null,
  consultationIds: ['c-1'],
};

export const section = (sectionId: string, kind: Section['kind'], title: string, text: string, keyPoints: string[] = []): Section => ({
  sectionId,
  kind,
  title,
  text,
  sessionId: null,
  chathamHouse: null,
  version: 1,
  keyPoints: keyPoints.map((t, i) => ({ keyPointId: `${sectionId}-${i + 1}`, text: t, version: 1 })),
});

export const footnote = (footnoteId: string, number: number, sectionId: string | null, symbol: string): Footnote => ({ footnoteId, number, sectionId, symbol, text: null, url: null });

export const text = (sections: Section[], footnotes: Footnote[] = [], more: Partial<SummaryText> = {}): SummaryText => ({
  status: 'published',
  edition: 1,
  version: 12,
  publishedAt: '2019-07-01T09:00:00.000Z',
  content: { sections, footnotes },
  ...more,
});

export const inputs = (t: SummaryText, more: Partial<ChairSummaryInputs> = {}): ChairSummaryInputs => ({ consultation, series, text: t, figures: null, asOf: null, ...more });
