import type { CommandMeta } from '@convene/event-store';

export interface DeclineRegistrationInput {
  consultationId: string;
  registrationId: string;
  reason: string;
  meta: CommandMeta;
}

/** The secretariat declines a pending or waitlisted registration, saying why. */
export class DeclineRegistration {
  constructor(readonly input: DeclineRegistrationInput) {}
}
