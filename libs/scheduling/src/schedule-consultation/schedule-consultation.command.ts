import { SchedulingCommand } from '../infrastructure/scheduling-command.js';
import type { ConsultationScheduled } from '../consultation/consultation.events.js';

/** What gets scheduled, as the event records it; organisation and host meeting may be left out. */
export type ScheduleConsultationInput = Omit<ConsultationScheduled['data'], 'regionalOrganisation' | 'hostMeeting'> & {
  regionalOrganisation?: string | null;
  hostMeeting?: string | null;
};

/** If-Match, when given, is the series' version: the consultation is new. */
export class ScheduleConsultation extends SchedulingCommand<ScheduleConsultationInput> {}
