import { Query } from '@nestjs/cqrs';
import type { UnLanguage } from '@convene/reference-data';
import type { SeriesOverviewDto } from '../scheduling-views.dto.js';
import type { Viewer } from '../scheduling-views.js';

/** The series, its mandate and partners, and its consultations by date. */
export class GetSeriesOverview extends Query<SeriesOverviewDto> {
  constructor(
    readonly seriesId: string,
    readonly viewer: Viewer,
    readonly language: UnLanguage,
  ) {
    super();
  }
}
