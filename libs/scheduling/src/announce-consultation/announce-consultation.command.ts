import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface AnnounceConsultationInput {
  consultationId: string;
}

/** Makes the consultation public: its details, agenda and calendar can be read without a token. */
export class AnnounceConsultation extends SchedulingCommand<AnnounceConsultationInput> {}
