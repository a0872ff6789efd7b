import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReferenceNames } from '../reference-names.js';
import { SchedulingReadModels } from '../scheduling-read-models.js';
import type { CalendarDto } from '../scheduling-views.dto.js';
import { summaryView } from '../scheduling-views.js';
import { ListConsultations } from './list-consultations.query.js';

@QueryHandler(ListConsultations)
export class ListConsultationsHandler implements IQueryHandler<ListConsultations> {
  constructor(
    private readonly readModels: SchedulingReadModels,
    private readonly names: ReferenceNames,
  ) {}

  async execute({ filter, language }: ListConsultations): Promise<CalendarDto> {
    const names = this.names.in(language);
    return { items: (await this.readModels.consultations(filter)).map((row) => summaryView(row, names)) };
  }
}
