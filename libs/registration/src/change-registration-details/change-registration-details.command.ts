import type { CommandMeta } from '@convene/event-store';
import type { RegistrationDetailsChanged } from '../book/registration-book.events.js';
import type { Requester } from '../book/requester.js';

/** Only what changes; absent fields stay as they are (the event records exactly these). */
export type RegistrationChanges = Omit<RegistrationDetailsChanged['data'], 'consultationId' | 'registrationId' | 'personId'>;

export interface ChangeRegistrationDetailsInput {
  consultationId: string;
  registrationId: string;
  changes: RegistrationChanges;
  requester: Requester;
  /** If-Match: the registration version the change was made on. */
  expectedVersion?: number;
  meta: CommandMeta;
}

/** The person, their focal point or the secretariat corrects a registration; every change is kept. */
export class ChangeRegistrationDetails {
  constructor(readonly input: ChangeRegistrationDetailsInput) {}
}
