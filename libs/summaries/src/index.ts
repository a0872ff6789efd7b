/** The summaries module's public surface: the Nest module, its feature, ports, and what reports read. */
export { SummariesModule } from './summaries.module.js';
export { summariesFeature } from './summaries.feature.js';
export { SummariesDemoSeeder } from './demo/summaries-demo-seeder.js';
export { CONSULTATION_PEOPLE, type ConsultationPeople } from './ports/consultation-people.js';
export { CONSULTATIONS, type ConsultationFacts, type Consultations } from './ports/consultations.js';
export { ChairSummaryQueries } from './read-models/chair-summary/chair-summary.queries.js';
export { SummaryHistory, type SummaryVersion } from './read-models/summary-history/summary-history.js';
export { diffContent, type ContentDiff, type TextChange } from './read-models/summary-history/summary-diff.js';
export { CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS } from './read-models/chair-summary/chair-summaries.projection.js';
export { findAttributions, type OffendingSpan } from './summary/chatham-house.js';
export {
  SECTION_KINDS,
  SUMMARY_EVENT_TYPES,
  SUMMARY_STREAM_TYPE,
  summaryStreamId,
  type SectionKind,
  type SummaryEvent,
} from './summary/summary.events.js';
export type { Edition, Footnote, KeyPoint, Section, SummaryContent, SummaryState, SummaryStatus } from './summary/summary.state.js';
