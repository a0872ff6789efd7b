import type { CommandMeta } from '@convene/event-store';
import type { PersonDetails, RegistrationChannel, RegistrationRequest } from '../book/registration-book.events.js';

export interface RegisterParticipantInput extends RegistrationRequest {
  consultationId: string;
  /** Id for a new registration (the handler makes it); unused when the person is already registered. */
  registrationId: string;
  person: PersonDetails;
  publicListingConsent: boolean;
  channel: RegistrationChannel;
  /** The focal point's State, for a nomination. */
  nominatingState: string | null;
  meta: CommandMeta;
}

/** A person registers (self), is nominated by their State's focal point, or is added by the secretariat. */
export class RegisterParticipant {
  constructor(readonly input: RegisterParticipantInput) {}
}

export interface RegistrationReply {
  registrationId: string;
  personId: string;
  status: string;
  /** true: the person already had a registration for the consultation; it is returned, nothing new was made. */
  existing: boolean;
}
