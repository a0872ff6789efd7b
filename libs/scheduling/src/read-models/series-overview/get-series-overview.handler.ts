import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReferenceNames } from '../reference-names.js';
import { SchedulingReadModels } from '../scheduling-read-models.js';
import type { SeriesOverviewDto } from '../scheduling-views.dto.js';
import { seriesView, summaryView } from '../scheduling-views.js';
import { GetSeriesOverview } from './get-series-overview.query.js';

@QueryHandler(GetSeriesOverview)
export class GetSeriesOverviewHandler implements IQueryHandler<GetSeriesOverview> {
  constructor(
    private readonly readModels: SchedulingReadModels,
    private readonly names: ReferenceNames,
  ) {}

  async execute({ seriesId, viewer, language }: GetSeriesOverview): Promise<SeriesOverviewDto> {
    const { series, consultations } = await this.readModels.visibleSeries(seriesId, viewer);
    const names = this.names.in(language);
    return seriesView(series, consultations.map((row) => summaryView(row, names)));
  }
}
