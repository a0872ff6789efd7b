import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@convene/reference-data';
import { AddSessionController } from './add-session/add-session.controller.js';
import { AddSessionHandler } from './add-session/add-session.handler.js';
import { AnnounceConsultationController } from './announce-consultation/announce-consultation.controller.js';
import { AnnounceConsultationHandler } from './announce-consultation/announce-consultation.handler.js';
import { CancelConsultationController } from './cancel-consultation/cancel-consultation.controller.js';
import { CancelConsultationHandler } from './cancel-consultation/cancel-consultation.handler.js';
import { CancelSessionController } from './cancel-session/cancel-session.controller.js';
import { CancelSessionHandler } from './cancel-session/cancel-session.handler.js';
import { CloseRegistrationController } from './close-registration/close-registration.controller.js';
import { CloseRegistrationHandler } from './close-registration/close-registration.handler.js';
import { EraseAgendaPersonHandler } from './erase-agenda-person/erase-agenda-person.handler.js';
import { DemoSeeder } from './demo/demo-seeder.js';
import { CommandResponder } from './http/command-responder.js';
import { SchedulingStreams } from './infrastructure/scheduling-streams.js';
import { MoveSessionController } from './move-session/move-session.controller.js';
import { MoveSessionHandler } from './move-session/move-session.handler.js';
import { OpenRegistrationController } from './open-registration/open-registration.controller.js';
import { OpenRegistrationHandler } from './open-registration/open-registration.handler.js';
import { PlanSeriesController } from './plan-series/plan-series.controller.js';
import { PlanSeriesHandler } from './plan-series/plan-series.handler.js';
import { PostponeConsultationController } from './postpone-consultation/postpone-consultation.controller.js';
import { PostponeConsultationHandler } from './postpone-consultation/postpone-consultation.handler.js';
import { ConsultationCalendarController } from './read-models/consultation-calendar/consultation-calendar.controller.js';
import { ListConsultationsHandler } from './read-models/consultation-calendar/list-consultations.handler.js';
import { ConsultationDetailsController } from './read-models/consultation-details/consultation-details.controller.js';
import { GetConsultationHandler } from './read-models/consultation-details/get-consultation.handler.js';
import { ICalendarController } from './read-models/icalendar/icalendar.controller.js';
import { GetConsultationAgendaICalendarHandler, GetSeriesICalendarHandler } from './read-models/icalendar/icalendar.handlers.js';
import { ReferenceNames } from './read-models/reference-names.js';
import { SchedulingReadModels } from './read-models/scheduling-read-models.js';
import { GetSeriesOverviewHandler } from './read-models/series-overview/get-series-overview.handler.js';
import { ListSeriesHandler } from './read-models/series-list/list-series.handler.js';
import { SeriesOverviewController } from './read-models/series-overview/series-overview.controller.js';
import { RescheduleSessionController } from './reschedule-session/reschedule-session.controller.js';
import { RescheduleSessionHandler } from './reschedule-session/reschedule-session.handler.js';
import { ScheduleConsultationController } from './schedule-consultation/schedule-consultation.controller.js';
import { ScheduleConsultationHandler } from './schedule-consultation/schedule-consultation.handler.js';

/**
 * Series, consultations, sessions and agenda. Needs CqrsModule.forRoot() and
 * EventStoreModule.forRoot() (global) with schedulingFeature among the features.
 */
@Module({
  imports: [ReferenceDataModule],
  controllers: [
    PlanSeriesController,
    ScheduleConsultationController,
    SeriesOverviewController,
    // The calendar before the details: GET api/consultations before api/consultations/:id.
    ConsultationCalendarController,
    ConsultationDetailsController,
    ICalendarController,
    AnnounceConsultationController,
    PostponeConsultationController,
    CancelConsultationController,
    OpenRegistrationController,
    CloseRegistrationController,
    AddSessionController,
    RescheduleSessionController,
    MoveSessionController,
    CancelSessionController,
  ],
  providers: [
    SchedulingStreams,
    SchedulingReadModels,
    ReferenceNames,
    CommandResponder,
    DemoSeeder,
    PlanSeriesHandler,
    ScheduleConsultationHandler,
    AnnounceConsultationHandler,
    PostponeConsultationHandler,
    CancelConsultationHandler,
    OpenRegistrationHandler,
    CloseRegistrationHandler,
    AddSessionHandler,
    RescheduleSessionHandler,
    MoveSessionHandler,
    CancelSessionHandler,
    EraseAgendaPersonHandler,
    GetConsultationHandler,
    ListConsultationsHandler,
    GetSeriesOverviewHandler,
    ListSeriesHandler,
    GetConsultationAgendaICalendarHandler,
    GetSeriesICalendarHandler,
  ],
  exports: [DemoSeeder, SchedulingReadModels],
})
export class SchedulingModule {}
