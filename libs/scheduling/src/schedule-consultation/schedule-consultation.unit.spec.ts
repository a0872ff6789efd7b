import { describe, it } from '@jest/globals';
import { CONSULTATION_ID, consultationFold, SERIES_ID, scheduled } from '../consultation/consultation.fixture.js';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import type { Series } from '../series/series.state.js';
import { specification } from '../testing/given-when-then.js';
import type { ScheduleConsultationInput } from './schedule-consultation.command.js';
import { type ReferenceCodes, scheduleConsultation, type ScheduleConsultationDecision } from './schedule-consultation.decide.js';

const reference: ReferenceCodes = { organisations: new Set(['ASEAN', 'OSCE', 'AU']), countries: new Set(['CHE', 'SGP', 'USA']) };
const series: Series = { seriesId: SERIES_ID, title: 'Cyber workshops', mandate: null, organiser: 'UNIDIR', partners: [], description: null, consultationIds: [] };

const inSeries = (s: Series | null) =>
  specification<ScheduleConsultationInput, ConsultationState, ConsultationEvent, ScheduleConsultationDecision>(consultationFold, (command, state) =>
    scheduleConsultation(command, state, { series: s, reference }),
  );

const { consultationId: _, seriesId: __, ...details } = scheduled().data;
const command: ScheduleConsultationInput = { consultationId: CONSULTATION_ID, seriesId: SERIES_ID, ...details };

describe('schedule a consultation in a series', () => {
  it('creates the consultation and records it in the series', () => {
    inSeries(series)
      .given()
      .when(command)
      .then({
        series: [{ type: 'ConsultationAddedToSeries', data: { seriesId: SERIES_ID, consultationId: CONSULTATION_ID } }],
        consultation: [scheduled()],
      });
  });

  it('on a retry after the series recorded it but the consultation was not written, only the consultation is created', () => {
    inSeries({ ...series, consultationIds: [CONSULTATION_ID] })
      .given()
      .when(command)
      .then({ series: [], consultation: [scheduled()] });
  });

  it('a cross-regional consultation has no regional organisation', () => {
    inSeries(series)
      .given()
      .when({ ...command, regionalOrganisation: undefined })
      .then({
        series: [{ type: 'ConsultationAddedToSeries', data: { seriesId: SERIES_ID, consultationId: CONSULTATION_ID } }],
        consultation: [scheduled({ regionalOrganisation: null })],
      });
  });

  it('SeriesNotFound: a consultation belongs to a planned series', () => {
    inSeries(null).given().when(command).thenRejects('SeriesNotFound', { id: SERIES_ID });
  });

  it('ConsultationAlreadyScheduled: the same id cannot be scheduled twice', () => {
    inSeries(series).given(scheduled()).when(command).thenRejects('ConsultationAlreadyScheduled');
  });

  it.each(['Europe/Geneva', 'CET', 'EST', 'GMT+1', 'Mars/Olympus_Mons'])('InvalidTimeZone: %s is not an IANA region/city zone', (timeZone) => {
    inSeries(series).given().when({ ...command, timeZone }).thenRejects('InvalidTimeZone', { timeZone });
  });

  it('ConsultationEndsBeforeItStarts', () => {
    inSeries(series).given().when({ ...command, startDate: '2019-01-25', endDate: '2019-01-24' }).thenRejects('ConsultationEndsBeforeItStarts');
  });

  it('InvalidDate: 30 February does not exist', () => {
    inSeries(series).given().when({ ...command, startDate: '2019-02-30', endDate: '2019-03-01' }).thenRejects('InvalidDate', { field: 'startDate' });
  });

  it('UnknownRegionalOrganisation: the code must be in the reference data', () => {
    inSeries(series).given().when({ ...command, regionalOrganisation: 'NATO' }).thenRejects('UnknownRegionalOrganisation', { regionalOrganisation: 'NATO' });
  });

  it('UnknownCountry: the venue is in an ISO 3166-1 alpha-3 country', () => {
    inSeries(series)
      .given()
      .when({ ...command, venue: { city: 'Geneva', country: 'SUI' } })
      .thenRejects('UnknownCountry', { country: 'SUI' });
  });
});
