import { Query } from '@nestjs/cqrs';
import type { SeriesListDto } from '../scheduling-views.dto.js';
import type { Viewer } from '../scheduling-views.js';

/** Every series the viewer may see, with how many consultations and over which dates. */
export class ListSeries extends Query<SeriesListDto> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
