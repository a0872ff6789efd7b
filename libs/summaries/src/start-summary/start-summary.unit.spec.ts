import { describe, it } from '@jest/globals';
import { CONSULTATION, given, meta, past } from '../summary/summary.fixture.js';
import { decideStartSummary } from './start-summary.decide.js';

const closed = { consultationId: CONSULTATION, sessions: [{ sessionId: 'x1', closed: true }, { sessionId: 'x2', closed: false }], chairs: [] };
const open = { consultationId: CONSULTATION, sessions: [{ sessionId: 'x2', closed: false }], chairs: [] };

describe('start a summary', () => {
  it('starts edition 1 under the Chatham House rule when a session is closed', () => {
    given()
      .when((s) => decideStartSummary({ consultationId: CONSULTATION, meta: meta() }, s, closed))
      .then([{ type: 'ChairSummaryStarted', data: { consultationId: CONSULTATION, chathamHouse: true, edition: 1 } }]);
  });

  it('starts without the rule when every session is open', () => {
    given()
      .when((s) => decideStartSummary({ consultationId: CONSULTATION, meta: meta() }, s, open))
      .then([{ type: 'ChairSummaryStarted', data: { consultationId: CONSULTATION, chathamHouse: false, edition: 1 } }]);
  });

  it('ChathamHouseLiftedOnlyByChair: the secretariat cannot lift the rule where sessions are closed', () => {
    given()
      .when((s) => decideStartSummary({ consultationId: CONSULTATION, chathamHouse: false, meta: meta('secretariat') }, s, closed))
      .thenRefuses('ChathamHouseLiftedOnlyByChair', 403);
  });

  it('the Chair can lift it', () => {
    given()
      .when((s) => decideStartSummary({ consultationId: CONSULTATION, chathamHouse: false, meta: meta('chair') }, s, closed))
      .then([{ type: 'ChairSummaryStarted', data: { consultationId: CONSULTATION, chathamHouse: false, edition: 1 } }]);
  });

  it('ConsultationNotFound: no summary for a consultation that does not exist', () => {
    given()
      .when((s) => decideStartSummary({ consultationId: CONSULTATION, meta: meta() }, s, undefined))
      .thenRefuses('ConsultationNotFound', 404);
  });

  it('SummaryAlreadyStarted: a second start is refused', () => {
    given(past.started())
      .when((s) => decideStartSummary({ consultationId: CONSULTATION, meta: meta() }, s, open))
      .thenRefuses('SummaryAlreadyStarted', 409);
  });
});
