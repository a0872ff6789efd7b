import type { EventDefinition, PersonalDataSpec } from '@convene/event-store';

export const STAKEHOLDER_GROUPS = [
  'member-state',
  'observer-state',
  'regional-organization',
  'un-entity',
  'invited-expert',
  'private-sector',
  'civil-society',
  'academia',
  'technical-community',
  'media',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** Groups that speak for a State: they represent one by its ISO code, never an organisation. */
export const STATE_GROUPS: readonly StakeholderGroup[] = ['member-state', 'observer-state'];

export const PARTICIPANT_ROLES = ['head-of-delegation', 'delegate', 'speaker', 'moderator', 'observer', 'support'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** As UN bodies report gender balance; optional for the person, "not-stated" when not given. */
export const GENDERS = ['woman', 'man', 'non-binary', 'not-stated'] as const;
export type Gender = (typeof GENDERS)[number];

export const REGISTRATION_CHANNELS = ['self', 'nomination', 'secretariat'] as const;
export type RegistrationChannel = (typeof REGISTRATION_CHANNELS)[number];

/** The person's own details: every field is sealed under the person's key (ADR 0005). */
export interface PersonDetails {
  honorific: string | null;
  givenName: string;
  familyName: string;
  email: string;
  gender: Gender;
  /** ISO 3166-1 alpha-3. */
  nationality: string | null;
  affiliation: string | null;
  jobTitle: string | null;
}

/** Whom the person speaks for: a State (alpha-3) or an organisation, by name. */
export interface Represents {
  state: string | null;
  organisation: string | null;
}

export interface RegistrationRequest {
  stakeholderGroup: StakeholderGroup;
  represents: Represents;
  role: ParticipantRole;
  sessionIds: string[];
  /** Written by the person (wheelchair access, interpretation, diet): personal. */
  accessNeeds: string | null;
}

interface About {
  consultationId: string;
  registrationId: string;
  /** The data subject: every personal field of the event is sealed under this person's key. */
  personId: string;
}

export type ParticipantRegistered = {
  type: 'ParticipantRegistered';
  data: About &
    RegistrationRequest & {
      person: PersonDetails;
      /** Consent to appear, with name and affiliation, in the public list of participants. */
      publicListingConsent: boolean;
      channel: RegistrationChannel;
      /** The State whose focal point nominated the person; null for the other channels. */
      nominatedBy: string | null;
    };
};

/** Only the fields that changed; what is absent stayed as it was. */
export type RegistrationDetailsChanged = {
  type: 'RegistrationDetailsChanged';
  data: About & {
    person?: Partial<PersonDetails>;
    publicListingConsent?: boolean;
    stakeholderGroup?: StakeholderGroup;
    represents?: Represents;
    role?: ParticipantRole;
    sessionIds?: string[];
    accessNeeds?: string | null;
  };
};

export type RegistrationConfirmed = { type: 'RegistrationConfirmed'; data: About };

/** What was full when the approval came: the consultation, and/or sessions with seats of their own. */
export type RegistrationWaitlisted = { type: 'RegistrationWaitlisted'; data: About & { consultationFull: boolean; fullSessionIds: string[] } };

/** A seat freed by `freedBy` went to the first waitlisted registration that fits. */
export type WaitlistedRegistrationPromoted = { type: 'WaitlistedRegistrationPromoted'; data: About & { freedBy: string } };

/** `reason` is null when the person's data had been erased: nothing can be sealed for them any more. */
export type RegistrationDeclined = { type: 'RegistrationDeclined'; data: About & { reason: string | null } };

export type RegistrationWithdrawn = { type: 'RegistrationWithdrawn'; data: About & { reason: string | null } };

export type RegistrationCancelled = { type: 'RegistrationCancelled'; data: About & { reason: string | null } };

/** `day` at the venue (YYYY-MM-DD); `sessionId` null: checked in for the day at the door. */
export type ParticipantCheckedIn = { type: 'ParticipantCheckedIn'; data: About & { day: string; sessionId: string | null } };

export type CheckInUndone = { type: 'CheckInUndone'; data: About & { day: string; sessionId: string | null; reason: string | null } };

/**
 * The person's data were erased (UN personal data protection principles), recorded once per
 * registration of theirs: their key is destroyed right after, so every sealed field of theirs
 * reads "[erased]" from then on. The reason is the secretariat's, about the request (a reference
 * to it, not its content), and holds no personal data.
 */
export type ParticipantDataErased = { type: 'ParticipantDataErased'; data: About & { reason: string } };

/**
 * The secretariat gave the participant a new personal link (the participant lost theirs): who
 * handed out access to someone's registration is on record. The link itself is not.
 */
export type ParticipantLinkReissued = { type: 'ParticipantLinkReissued'; data: About };

export type RegistrationEvent =
  | ParticipantRegistered
  | RegistrationDetailsChanged
  | RegistrationConfirmed
  | RegistrationWaitlisted
  | WaitlistedRegistrationPromoted
  | RegistrationDeclined
  | RegistrationWithdrawn
  | RegistrationCancelled
  | ParticipantCheckedIn
  | CheckInUndone
  | ParticipantDataErased
  | ParticipantLinkReissued;

export const REGISTRATION_EVENT_TYPES: Array<RegistrationEvent['type']> = [
  'ParticipantRegistered',
  'RegistrationDetailsChanged',
  'RegistrationConfirmed',
  'RegistrationWaitlisted',
  'WaitlistedRegistrationPromoted',
  'RegistrationDeclined',
  'RegistrationWithdrawn',
  'RegistrationCancelled',
  'ParticipantCheckedIn',
  'CheckInUndone',
  'ParticipantDataErased',
  'ParticipantLinkReissued',
];

/**
 * One stream per consultation holds every registration decision for it: capacity and the
 * waitlist are decided against one version, so no interleaving of requests can over-book
 * (docs/adr/0014).
 */
export const REGISTRATION_BOOK_STREAM_TYPE = 'registration-book';
export const registrationBookStreamId = (consultationId: string) => `registrations-${consultationId}`;

export const PERSON_FIELDS = ['honorific', 'givenName', 'familyName', 'email', 'gender', 'nationality', 'affiliation', 'jobTitle'] as const;

const sealed = (...fields: string[]): PersonalDataSpec[] => [{ subject: 'personId', fields }];
const personFields = PERSON_FIELDS.map((f) => `person.${f}`);

/** Which fields are personal, per event type: names, contact, gender, nationality, and what the person or the secretariat wrote about them. */
export const registrationEventDefinitions: EventDefinition[] = REGISTRATION_EVENT_TYPES.map((type) => {
  switch (type) {
    case 'ParticipantRegistered':
    case 'RegistrationDetailsChanged':
      return { type, personal: sealed(...personFields, 'accessNeeds') };
    case 'RegistrationDeclined':
    case 'RegistrationWithdrawn':
    case 'RegistrationCancelled':
    case 'CheckInUndone':
      return { type, personal: sealed('reason') };
    default:
      return { type };
  }
});
