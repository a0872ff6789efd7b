import { describe, it } from '@jest/globals';
import type { SeriesEvent } from '../series/series.events.js';
import { evolveSeries, initialSeriesState } from '../series/series.state.js';
import { specification } from '../testing/given-when-then.js';
import { planSeries } from './plan-series.decide.js';

const spec = specification<Parameters<typeof planSeries>[0], ReturnType<typeof initialSeriesState>, SeriesEvent, SeriesEvent[]>(
  { initial: initialSeriesState, evolve: evolveSeries },
  planSeries,
);

const command = {
  seriesId: 'series-1',
  title: 'International Security Cyber Workshop Series',
  mandate: { symbol: 'A/RES/73/266', title: 'Advancing responsible State behaviour in cyberspace in the context of international security' },
  organiser: 'UNIDIR',
  partners: ['CSIS'],
};

describe('plan a series', () => {
  it('records the series with its mandate, organiser and partners', () => {
    spec
      .given()
      .when(command)
      .then([{ type: 'SeriesPlanned', data: { ...command, description: null } }]);
  });

  it('leaves out what was not given: no mandate, no partners, no description', () => {
    spec
      .given()
      .when({ seriesId: 'series-2', title: 'Briefings', organiser: 'UNODA' })
      .then([{ type: 'SeriesPlanned', data: { seriesId: 'series-2', title: 'Briefings', mandate: null, organiser: 'UNODA', partners: [], description: null } }]);
  });

  it('SeriesAlreadyPlanned: the same id cannot be planned twice', () => {
    spec
      .given({ type: 'SeriesPlanned', data: { ...command, description: null } })
      .when(command)
      .thenRejects('SeriesAlreadyPlanned', { seriesId: 'series-1' });
  });
});
