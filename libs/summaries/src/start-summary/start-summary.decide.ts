import { NotFound, RuleViolation } from '@convene/event-store';
import type { ConsultationFacts } from '../ports/consultations.js';
import type { SummaryEvent } from '../summary/summary.events.js';
import type { SummaryState } from '../summary/summary.state.js';
import type { StartSummaryInput } from './start-summary.command.js';

/**
 * The Chatham House default: on when any session is closed, and when no session is known yet:
 * refusing too much costs a waiver, too little breaks a promise made to the participants.
 */
export const chathamHouseByDefault = (facts: ConsultationFacts): boolean =>
  facts.sessions.length === 0 || facts.sessions.some((s) => s.closed);

export function decideStartSummary(cmd: StartSummaryInput, state: SummaryState, consultation: ConsultationFacts | undefined): SummaryEvent[] {
  if (state.started) {
    throw new RuleViolation('SummaryAlreadyStarted', `The summary of consultation ${cmd.consultationId} was already started`, 409, {
      consultationId: cmd.consultationId,
      version: state.version,
    });
  }
  if (!consultation) throw new NotFound('Consultation', cmd.consultationId);
  const byDefault = chathamHouseByDefault(consultation);
  const chathamHouse = cmd.chathamHouse ?? byDefault;
  if (byDefault && !chathamHouse && cmd.meta.actorRole !== 'chair') {
    throw new RuleViolation(
      'ChathamHouseLiftedOnlyByChair',
      'This consultation has closed sessions: only the Chair may start its summary without the Chatham House rule',
      403,
    );
  }
  return [{ type: 'ChairSummaryStarted', data: { consultationId: cmd.consultationId, chathamHouse, edition: 1 } }];
}
