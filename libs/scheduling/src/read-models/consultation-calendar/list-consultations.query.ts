import { Query } from '@nestjs/cqrs';
import type { UnLanguage } from '@convene/reference-data';
import type { CalendarFilter } from '../scheduling-read-models.js';
import type { CalendarDto } from '../scheduling-views.dto.js';

/** The calendar of all consultations, by start; the public sees announced ones only. */
export class ListConsultations extends Query<CalendarDto> {
  constructor(
    readonly filter: CalendarFilter,
    readonly language: UnLanguage,
  ) {
    super();
  }
}
