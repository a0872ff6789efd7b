/** @convene/registration: participants, nominations, approval, capacity and waitlist, attendance (issue 4). */
export { RegistrationModule } from './registration.module.js';
export { registrationFeature } from './registration.feature.js';
export {
  GENDERS,
  type Gender,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  type PersonDetails,
  REGISTRATION_BOOK_STREAM_TYPE,
  REGISTRATION_EVENT_TYPES,
  registrationBookStreamId,
  type RegistrationEvent,
  type Represents,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from './book/registration-book.events.js';
export { REGISTRATION_STATUSES, type RegistrationStatus } from './book/registration-book.state.js';
export { RegistrationBooks } from './book/registration-books.js';
export { PersonDirectory, normaliseEmail } from './infrastructure/person-directory.js';
export { RosterQueries, type PublicRosterEntry, displayName } from './read-models/roster/roster.queries.js';
export { foldRoster, ROSTER_TABLE, rosterProjection, type RosterEntry } from './read-models/roster/roster.projection.js';
export {
  coverageSentence,
  participationFigures,
  type ParticipationFigures,
  type ParticipationReference,
  type RegionalCoverage,
} from './read-models/participation/participation.js';
export { ReferenceDataAdapter } from './infrastructure/reference-data.adapter.js';
export { toConsultationFacts } from './infrastructure/scheduling-consultations.adapter.js';
export type { ConsultationFacts } from './ports/consultations.js';
export { RegisterParticipant, type RegisterParticipantInput, type RegistrationReply } from './register-participant/register-participant.command.js';
export { ApproveRegistrations, type ApprovalOutcome } from './approve-registrations/approve-registrations.command.js';
export { CheckIn } from './check-in/check-in.command.js';
export { demoParticipants, demoRegistrations, RegistrationDemoSeeder } from './demo/registration-demo-seeder.js';
