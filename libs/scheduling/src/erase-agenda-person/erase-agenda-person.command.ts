import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface EraseAgendaPersonInput {
  consultationId: string;
  personId: string;
  /** A reference to the request (e.g. "Data subject request DPR-2027-014"): no personal data. */
  reason: string;
}

/** Records, on one consultation's agenda, that a chair, moderator or speaker's data are erased. */
export class EraseAgendaPerson extends SchedulingCommand<EraseAgendaPersonInput> {}
