/** The API's codes in words, and its named rules explained to the person who broke them. */
import type { ApiError, FieldError } from './api';

export const STAKEHOLDER_GROUPS = {
  'member-state': 'Member State delegation',
  'observer-state': 'Observer State delegation',
  'regional-organization': 'Regional organization',
  'un-entity': 'United Nations entity',
  'invited-expert': 'Invited expert',
  'private-sector': 'Private sector',
  'civil-society': 'Civil society',
  academia: 'Academia',
  'technical-community': 'Technical community',
  media: 'Media',
} as const;
export type StakeholderGroup = keyof typeof STAKEHOLDER_GROUPS;
export const STATE_GROUPS: readonly string[] = ['member-state', 'observer-state'];

export const ROLES = {
  'head-of-delegation': 'Head of delegation',
  delegate: 'Delegate',
  speaker: 'Speaker',
  moderator: 'Moderator',
  observer: 'Observer',
  support: 'Support staff',
} as const;

export const GENDERS = { woman: 'Woman', man: 'Man', 'non-binary': 'Non-binary', 'not-stated': 'Prefer not to say' } as const;

export const REGISTRATION_STATUSES = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
} as const;

export const SESSION_KINDS = {
  opening: 'Opening',
  briefing: 'Briefing',
  'closed-consultation': 'Closed consultation',
  'multi-stakeholder': 'Multi-stakeholder session',
  keynote: 'Keynote',
  panel: 'Panel',
  closing: 'Closing',
} as const;

export const LANGUAGES = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' } as const;

export const SUMMARY_STATUSES: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted to the Chair',
  'changes-requested': 'Changes requested',
  approved: 'Approved by the Chair',
  published: 'Published',
};

export const label = (table: Record<string, string>, code: string | null | undefined): string => (code ? (table[code] ?? code) : '');

/** What a rule means for the person in front of the form. */
const RULES: Record<string, string> = {
  ClosedSessionRequiresStateDelegate:
    'Closed sessions are only for delegates of the member States of the regional organisation (and the organisers). Untick the closed sessions, or register as a Member State delegation.',
  StateDelegationRepresentsAState: 'A State delegation must say which State it represents, and no organisation.',
  OnlyDelegationsRepresentStates: 'Only Member and Observer State delegations represent a State. Name your organisation instead.',
  OrganisationRequired: 'Name the organisation you represent.',
  SessionNotOnAgenda: 'One of the chosen sessions is no longer on the agenda. Reload the page and choose again.',
  RegistrationNotOpen: 'Registration for this consultation is not open.',
  RegistrationDeadlinePassed: 'The registration deadline has passed.',
  ConsultationCancelled: 'This consultation was cancelled.',
  FocalPointLimitedToOwnState: 'A focal point nominates delegates of their own State only.',
  SessionOutsideConsultationDates: 'The session must fall within the consultation’s dates.',
  SessionEndsBeforeItStarts: 'The session must end after it starts.',
  LocalTimeDoesNotExist: 'That time does not exist at the venue (the clocks change then). Choose another time.',
  RoomDoubleBooked: 'The room is already booked at that time.',
  PersonDoubleBooked: 'A person of this session is already booked in another session at that time.',
  ConsultationEndsBeforeItStarts: 'The last day must not be before the first day.',
  InvalidTimeZone: 'Choose a time zone from the list.',
  ChathamHouseAttribution:
    'Under the Chatham House rule the summary may not name participants or attribute a statement to a named State or person. Reword the highlighted words, or ask the Chair to waive the rule for this exact text.',
  KeyPointVersionConflict: 'Someone changed this key point since you opened it. Its current text is shown; make your change again.',
  IfMatchRequired: 'Reload the summary before changing it.',
  SummaryLockedForReview: 'The summary is with the Chair for review: it cannot change until the Chair sends it back.',
  OnlyApprovedVersionCanBePublished: 'Only a version the Chair approved can be published.',
  RoleNotAllowed: 'Your role may not do this.',
  InvalidToken: 'Your sign-in token is not valid any more. Sign in again.',
  MissingToken: 'Sign in to do this.',
  RegistrationNotYours: 'This registration belongs to someone else.',
  NotCheckedIn: 'This person is not checked in.',
  RouteNotFound: 'Not available on this server yet.',
};

/** Field-level words for class-validator's constraint names. */
const CONSTRAINTS: Record<string, string> = {
  isEmail: 'Enter an e-mail address, like name@example.org.',
  isNotEmpty: 'This field is required.',
  isString: 'This field is required.',
  isDefined: 'This field is required.',
  isIn: 'Choose one of the options.',
  isISO31661Alpha3: 'Choose a country from the list.',
  maxLength: 'This is too long.',
};

export function explainRule(error: ApiError): string {
  return (error.rule && RULES[error.rule]) || error.message;
}

export function explainField(error: FieldError): string {
  if (error.rule === 'maxLength') return error.message.replace(/^[\w.[\]]+ must/, 'Must');
  return CONSTRAINTS[error.rule] ?? error.message;
}
