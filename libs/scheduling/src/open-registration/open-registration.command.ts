import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface OpenRegistrationInput {
  consultationId: string;
  /** Last moment to register, at the venue's clock (YYYY-MM-DDTHH:mm). */
  deadline: string;
}

export class OpenRegistration extends SchedulingCommand<OpenRegistrationInput> {}
