import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReferenceNames } from '../reference-names.js';
import { SchedulingReadModels } from '../scheduling-read-models.js';
import type { ConsultationDetailsDto } from '../scheduling-views.dto.js';
import { detailsView } from '../scheduling-views.js';
import { GetConsultation } from './get-consultation.query.js';

@QueryHandler(GetConsultation)
export class GetConsultationHandler implements IQueryHandler<GetConsultation> {
  constructor(
    private readonly readModels: SchedulingReadModels,
    private readonly names: ReferenceNames,
  ) {}

  async execute({ consultationId, viewer, language }: GetConsultation): Promise<ConsultationDetailsDto> {
    return detailsView(await this.readModels.visibleConsultation(consultationId, viewer), this.names.in(language));
  }
}
