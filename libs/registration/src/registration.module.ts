import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@convene/reference-data';
import { SchedulingModule } from '@convene/scheduling';
import { ApproveRegistrationsHandler } from './approve-registrations/approve-registrations.handler.js';
import { RegistrationBooks } from './book/registration-books.js';
import { CancelRegistrationHandler } from './cancel-registration/cancel-registration.handler.js';
import { ChangeRegistrationDetailsHandler } from './change-registration-details/change-registration-details.handler.js';
import { CheckInHandler, UndoCheckInHandler } from './check-in/check-in.handler.js';
import { ReissueParticipantLinkHandler } from './reissue-participant-link/reissue-participant-link.handler.js';
import { DeclineRegistrationHandler } from './decline-registration/decline-registration.handler.js';
import { RegistrationDemoSeeder } from './demo/registration-demo-seeder.js';
import { EraseParticipantDataHandler } from './erase-participant-data/erase-participant-data.handler.js';
import { PeopleController } from './http/people.controller.js';
import { RegistrationCommandsController } from './http/registration-commands.controller.js';
import { RegistrationQueriesController } from './http/registration-queries.controller.js';
import { PersonDirectory } from './infrastructure/person-directory.js';
import { ReferenceDataAdapter } from './infrastructure/reference-data.adapter.js';
import { SchedulingConsultations } from './infrastructure/scheduling-consultations.adapter.js';
import { MEMBERSHIPS, REGISTRATION_CONSULTATIONS } from './ports/consultations.js';
import { RosterQueries } from './read-models/roster/roster.queries.js';
import { RegisterParticipantHandler } from './register-participant/register-participant.handler.js';
import { WithdrawRegistrationHandler } from './withdraw-registration/withdraw-registration.handler.js';

/**
 * Registration of participants over HTTP. Needs the event store (with registrationFeature),
 * CQRS and platform modules of the app.
 */
@Module({
  imports: [SchedulingModule, ReferenceDataModule],
  controllers: [RegistrationCommandsController, RegistrationQueriesController, PeopleController],
  providers: [
    RegistrationBooks,
    PersonDirectory,
    RosterQueries,
    ReferenceDataAdapter,
    SchedulingConsultations,
    { provide: REGISTRATION_CONSULTATIONS, useExisting: SchedulingConsultations },
    { provide: MEMBERSHIPS, useExisting: ReferenceDataAdapter },
    RegisterParticipantHandler,
    ApproveRegistrationsHandler,
    DeclineRegistrationHandler,
    WithdrawRegistrationHandler,
    CancelRegistrationHandler,
    CheckInHandler,
    UndoCheckInHandler,
    ReissueParticipantLinkHandler,
    ChangeRegistrationDetailsHandler,
    RegistrationDemoSeeder,
    EraseParticipantDataHandler,
  ],
  exports: [RosterQueries, RegistrationBooks, PersonDirectory, ReferenceDataAdapter],
})
export class RegistrationModule {}
