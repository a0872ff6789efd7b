import type { CommandMeta } from '@convene/event-store';

export interface CancelRegistrationInput {
  consultationId: string;
  registrationId: string;
  reason: string;
  meta: CommandMeta;
}

/** The secretariat cancels a registration (pending, waitlisted or confirmed), saying why. */
export class CancelRegistration {
  constructor(readonly input: CancelRegistrationInput) {}
}
