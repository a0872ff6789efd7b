import { Module } from '@nestjs/common';
import { RegistrationModule } from '@convene/registration';
import { SchedulingModule } from '@convene/scheduling';
import { AddFootnoteHandler } from './add-footnote/add-footnote.handler.js';
import { AddKeyPointHandler } from './add-key-point/add-key-point.handler.js';
import { ApproveSummaryHandler } from './approve-summary/approve-summary.handler.js';
import { SummariesDemoSeeder } from './demo/summaries-demo-seeder.js';
import { SummaryCommandsController } from './http/summary-commands.controller.js';
import { SummaryQueriesController } from './http/summary-queries.controller.js';
import { SchedulingConsultations } from './infrastructure/scheduling-consultations.adapter.js';
import { IssueCorrectionHandler } from './issue-correction/issue-correction.handler.js';
import { CONSULTATION_PEOPLE } from './ports/consultation-people.js';
import { CONSULTATIONS } from './ports/consultations.js';
import { PublishSummaryHandler } from './publish-summary/publish-summary.handler.js';
import { ChairSummaryQueries } from './read-models/chair-summary/chair-summary.queries.js';
import { SummaryHistory } from './read-models/summary-history/summary-history.js';
import { RequestChangesHandler } from './request-changes/request-changes.handler.js';
import { ReviseKeyPointHandler } from './revise-key-point/revise-key-point.handler.js';
import { SetSectionHandler } from './set-section/set-section.handler.js';
import { StartSummaryHandler } from './start-summary/start-summary.handler.js';
import { SubmitSummaryHandler } from './submit-summary/submit-summary.handler.js';
import { CheckedSummaryUpdates } from './summary/checked-updates.js';
import { SummaryRepository } from './summary/summary.repository.js';
import { WaiveAttributionHandler } from './waive-attribution/waive-attribution.handler.js';
import { WithdrawKeyPointHandler } from './withdraw-key-point/withdraw-key-point.handler.js';

/**
 * Chair's summaries over HTTP. Needs the event store, CQRS and platform modules of the app.
 * The ports are served from scheduling's and registration's read models.
 */
@Module({
  imports: [SchedulingModule, RegistrationModule],
  controllers: [SummaryCommandsController, SummaryQueriesController],
  providers: [
    SummaryRepository,
    CheckedSummaryUpdates,
    ChairSummaryQueries,
    SummaryHistory,
    StartSummaryHandler,
    SetSectionHandler,
    AddKeyPointHandler,
    ReviseKeyPointHandler,
    WithdrawKeyPointHandler,
    AddFootnoteHandler,
    SubmitSummaryHandler,
    RequestChangesHandler,
    ApproveSummaryHandler,
    PublishSummaryHandler,
    IssueCorrectionHandler,
    WaiveAttributionHandler,
    SummariesDemoSeeder,
    SchedulingConsultations,
    { provide: CONSULTATIONS, useExisting: SchedulingConsultations },
    { provide: CONSULTATION_PEOPLE, useExisting: SchedulingConsultations },
  ],
  exports: [ChairSummaryQueries, SummaryHistory],
})
export class SummariesModule {}
