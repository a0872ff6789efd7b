import type { CommandMeta } from '@convene/event-store';
import type { Requester } from '../book/requester.js';

export interface WithdrawRegistrationInput {
  consultationId: string;
  registrationId: string;
  reason: string | null;
  requester: Requester;
  meta: CommandMeta;
}

/** The participant (or their State's focal point) withdraws: the seat goes to the waitlist. */
export class WithdrawRegistration {
  constructor(readonly input: WithdrawRegistrationInput) {}
}
