import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SchedulingReadModels } from '../scheduling-read-models.js';
import type { SeriesListDto } from '../scheduling-views.dto.js';
import { seriesListItem } from '../scheduling-views.js';
import { ListSeries } from './list-series.query.js';

@QueryHandler(ListSeries)
export class ListSeriesHandler implements IQueryHandler<ListSeries> {
  constructor(private readonly readModels: SchedulingReadModels) {}

  async execute({ viewer }: ListSeries): Promise<SeriesListDto> {
    return { items: (await this.readModels.seriesList(viewer)).map(seriesListItem) };
  }
}
