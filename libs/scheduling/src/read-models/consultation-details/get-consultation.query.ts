import { Query } from '@nestjs/cqrs';
import type { UnLanguage } from '@convene/reference-data';
import type { ConsultationDetailsDto } from '../scheduling-views.dto.js';
import type { Viewer } from '../scheduling-views.js';

/** A consultation with its agenda; drafts only for the secretariat. */
export class GetConsultation extends Query<ConsultationDetailsDto> {
  constructor(
    readonly consultationId: string,
    readonly viewer: Viewer,
    readonly language: UnLanguage,
  ) {
    super();
  }
}
