/** @convene/scheduling: series, consultations, sessions and agenda (issue 3). */
export { SchedulingModule } from './scheduling.module.js';
export { schedulingFeature } from './scheduling.feature.js';
export { DemoSeeder, type SeedResult } from './demo/demo-seeder.js';
export { SchedulingReadModels, type CalendarFilter } from './read-models/scheduling-read-models.js';
export { consultationsProjection, type ConsultationDocument } from './read-models/consultations.projection.js';
export { seriesProjection, type SeriesDocument } from './read-models/series.projection.js';
export type { CommandOutcome } from './infrastructure/scheduling-command.js';
export {
  type ConsultationEvent,
  consultationStreamId,
  type Person,
  SESSION_ACCESS,
  SESSION_KINDS,
  type SessionAccess,
  type SessionKind,
  type SessionTimes,
  type Venue,
} from './consultation/consultation.events.js';
export {
  type Consultation,
  type ConsultationState,
  type ConsultationStatus,
  evolveConsultation,
  initialConsultationState,
  type SessionState,
  statusOf,
} from './consultation/consultation.state.js';
export { type SeriesEvent, seriesStreamId } from './series/series.events.js';
export { evolveSeries, initialSeriesState, type Series, type SeriesState } from './series/series.state.js';
export { PlanSeries, type PlanSeriesInput } from './plan-series/plan-series.command.js';
export { ScheduleConsultation, type ScheduleConsultationInput } from './schedule-consultation/schedule-consultation.command.js';
export { AnnounceConsultation } from './announce-consultation/announce-consultation.command.js';
export { PostponeConsultation } from './postpone-consultation/postpone-consultation.command.js';
export { CancelConsultation } from './cancel-consultation/cancel-consultation.command.js';
export { OpenRegistration } from './open-registration/open-registration.command.js';
export { CloseRegistration } from './close-registration/close-registration.command.js';
export { AddSession, type AddSessionInput } from './add-session/add-session.command.js';
export { RescheduleSession } from './reschedule-session/reschedule-session.command.js';
export { MoveSession } from './move-session/move-session.command.js';
export { CancelSession } from './cancel-session/cancel-session.command.js';
export { EraseAgendaPerson, type EraseAgendaPersonInput } from './erase-agenda-person/erase-agenda-person.command.js';
