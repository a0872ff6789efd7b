import { SchedulingCommand } from '../infrastructure/scheduling-command.js';

export interface CloseRegistrationInput {
  consultationId: string;
}

export class CloseRegistration extends SchedulingCommand<CloseRegistrationInput> {}
