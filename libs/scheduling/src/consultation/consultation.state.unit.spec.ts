import { describe, expect, it } from '@jest/globals';
import { foldAll } from '../testing/given-when-then.js';
import { CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded } from './consultation.fixture.js';
import { statusOf } from './consultation.state.js';

describe('consultation state', () => {
  it('counts each change of a session as a revision (the iCalendar SEQUENCE)', () => {
    const state = foldAll(consultationFold, [
      scheduled(),
      sessionAdded(),
      sessionAdded({ sessionId: 's-2' }),
      { type: 'SessionMoved', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', room: 'Room XXI' } },
      { type: 'SessionRescheduled', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', startLocal: 'a', endLocal: 'b', startUtc: 'c', endUtc: 'd' } },
      { type: 'ConsultationPostponed', data: { consultationId: CONSULTATION_ID, reason: 'r', previous: { startDate: '', endDate: '' }, startDate: 'x', endDate: 'y', sessions: [{ sessionId: 's-1', startLocal: 'e', endLocal: 'f', startUtc: 'g', endUtc: 'h' }] } },
      { type: 'SessionCancelled', data: { consultationId: CONSULTATION_ID, sessionId: 's-2', reason: 'Merged' } },
      cancelled(),
    ])!;
    // s-1: moved, rescheduled, postponed, then cancelled with the consultation. s-2: cancelled once, not again.
    expect(state.sessions.map((s) => [s.sessionId, s.revision, s.cancelled?.reason])).toEqual([
      ['s-1', 4, 'Venue unavailable'],
      ['s-2', 1, 'Merged'],
    ]);
    expect(statusOf(state)).toBe('cancelled');
    expect(state.postponements).toEqual([{ reason: 'r', from: { startDate: '', endDate: '' }, to: { startDate: 'x', endDate: 'y' } }]);
  });
});
