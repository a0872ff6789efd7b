import { describe, expect, it } from '@jest/globals';
import { renderSeriesReportMarkdown } from '@convene/documents';
import { participationFigures, type RosterEntry, toConsultationFacts } from '@convene/registration';
import type { Consultation } from '@convene/scheduling';
import { consultation, inputs, names, section, series, text } from '../testing/fixtures.js';
import { type SeriesConsultation, seriesReportDocument } from './series-report.model.js';

const reference = {
  stateName: (code: string) => code,
  regionalGroup: () => 'Western European and other States',
  membersAsOf: () => ['AUT', 'SVK', 'CHE'],
  organisationName: (code: string) => code,
};

/** A delegate of `state` who attended, as the roster holds them; the same `personId` is the same person. */
const attended = (consultationId: string, personId: string, state: string): RosterEntry =>
  ({
    registrationId: `${consultationId}-${personId}`,
    consultationId,
    personId,
    status: 'confirmed',
    person: { gender: 'woman', nationality: state },
    stakeholderGroup: 'member-state',
    represents: { state, organisation: null },
    attendance: [{ day: '2019-06-17', sessionId: null, at: '2019-06-17T08:00:00Z' }],
  }) as unknown as RosterEntry;

function part(c: Consultation, roster: RosterEntry[]): SeriesConsultation {
  return { ...inputs(text([section('s', 'session', 'Norms', 'Text.', ['A point.'])])), consultation: c, figures: participationFigures(toConsultationFacts(c), roster, reference), roster };
}

describe('the series report', () => {
  const bratislava = consultation;
  const vienna: Consultation = { ...consultation, consultationId: 'c-2', title: 'Second consultation', venue: { city: 'Vienna', country: 'AUT' }, hostMeeting: null, startDate: '2019-10-01', endDate: '2019-10-01', sessions: [] };
  const withMandate = { ...series, mandate: { symbol: 'A/RES/73/266', title: 'Advancing responsible State behaviour in cyberspace' }, description: 'To hear every region.\n\nTo inform the OEWG.' };
  const report = seriesReportDocument(
    {
      series: withMandate,
      consultations: [
        part(bratislava, [attended('c-1', 'p1', 'SVK'), attended('c-1', 'p2', 'AUT')]),
        part(vienna, [attended('c-2', 'p1', 'SVK'), attended('c-2', 'p3', 'CHE'), attended('c-2', 'p4', 'AUT')]),
      ],
    },
    names,
  );

  it('opens with the mandate, cited in a footnote with its link', () => {
    expect(report.overview.mandate).toEqual([{ text: 'The series is held under A/RES/73/266, “Advancing responsible State behaviour in cyberspace”.', footnoteIds: ['mandate'] }]);
    expect(report.footnotes).toEqual([{ id: 'mandate', symbol: 'A/RES/73/266', text: null, url: 'https://undocs.org/A/RES/73/266' }]);
  });

  it('says how each consultation was held: where, alongside what, with whom, and how many closed sessions', () => {
    expect(report.overview.modalities).toEqual([
      'The series is organised by UNIDIR with CSIS. This report covers 2 consultations.',
      'Regional consultation with the OSCE participating States: 17–18 June 2019, Bratislava, on the margins of the OSCE Cyber/ICT Security Conference, with the member States of the OSCE; ' +
        '3 sessions, 2 of them closed to all but the delegations of member States and the organisers.',
      'Second consultation: 1 October 2019, Vienna, with the member States of the OSCE; no sessions on its programme.',
    ]);
    expect(report.overview.objectives).toEqual(['To hear every region.', 'To inform the OEWG.']);
  });

  it('counts participation across the series, once per person, and each consultation’s coverage', () => {
    expect(report.overview.participation).toEqual([
      '5 participants took part in the consultations of this report: 4 different people, some of whom attended more than one.',
      'Regional consultation with the OSCE participating States (17–18 June 2019, Bratislava): 2 participants. 2 of the 3 OSCE participating States were represented; CHE was not.',
      'Second consultation (1 October 2019, Vienna): 3 participants. All 3 OSCE participating States were represented.',
    ]);
  });

  it('follows with each consultation’s summary, as the single-summary builder makes it', () => {
    expect(report.title).toBe('International Security Cyber Workshop Series: report');
    expect(report.consultations.map((c) => c.title)).toEqual(['Regional consultation with the OSCE participating States: Chair’s summary', 'Second consultation: Chair’s summary']);
    expect(report.consultations[0].participation).toEqual(['2 participants took part: 2 representatives of Member States.', '2 of the 3 OSCE participating States were represented; CHE was not.']);
    expect(renderSeriesReportMarkdown(report)).toContain('### Participation across the series');
  });
});
