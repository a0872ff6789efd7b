import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../scheduling-views.js';

/** An iCalendar document and the tag that identifies its content. */
export interface ICalendarDocument {
  ics: string;
  /** A stream version (one consultation) or a weak collection tag (a series). */
  etag: number | string;
}

export class GetConsultationAgendaICalendar extends Query<ICalendarDocument> {
  constructor(
    readonly consultationId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

export class GetSeriesICalendar extends Query<ICalendarDocument> {
  constructor(
    readonly seriesId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}
