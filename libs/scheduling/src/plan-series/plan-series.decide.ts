import { RuleViolation } from '@convene/event-store';
import type { SeriesEvent } from '../series/series.events.js';
import type { SeriesState } from '../series/series.state.js';
import type { PlanSeriesInput } from './plan-series.command.js';

export function planSeries(input: PlanSeriesInput, state: SeriesState): SeriesEvent[] {
  if (state) throw new RuleViolation('SeriesAlreadyPlanned', `Series ${input.seriesId} is already planned`, 409, { seriesId: input.seriesId });
  return [
    {
      type: 'SeriesPlanned',
      data: {
        seriesId: input.seriesId,
        title: input.title,
        mandate: input.mandate ?? null,
        organiser: input.organiser,
        partners: input.partners ?? [],
        description: input.description ?? null,
      },
    },
  ];
}
