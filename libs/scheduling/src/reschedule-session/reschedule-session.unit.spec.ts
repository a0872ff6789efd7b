import { describe, it } from '@jest/globals';
import { alice, CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded } from '../consultation/consultation.fixture.js';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { specification } from '../testing/given-when-then.js';
import { rescheduleSession } from './reschedule-session.decide.js';

const spec = specification(consultationFold, (command: Parameters<typeof rescheduleSession>[0], state) => rescheduleSession(command, state, []));
const command = { consultationId: CONSULTATION_ID, sessionId: 's-1', start: '2019-01-25T14:00', end: '2019-01-25T15:30' };
const other = sessionAdded({
  sessionId: 's-2',
  room: 'Room XXI',
  chair: null,
  speakers: [alice],
  startLocal: '2019-01-25T15:00',
  endLocal: '2019-01-25T16:00',
  startUtc: '2019-01-25T14:00:00Z',
  endUtc: '2019-01-25T15:00:00Z',
});
const sessionCancelled: ConsultationEvent = { type: 'SessionCancelled', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', reason: 'Merged' } };

describe('reschedule a session', () => {
  it('moves it in time, in venue wall-clock and UTC', () => {
    spec
      .given(scheduled(), sessionAdded())
      .when(command)
      .then([
        {
          type: 'SessionRescheduled',
          data: {
            consultationId: CONSULTATION_ID,
            sessionId: 's-1',
            startLocal: '2019-01-25T14:00',
            endLocal: '2019-01-25T15:30',
            startUtc: '2019-01-25T13:00:00Z',
            endUtc: '2019-01-25T14:30:00Z',
          },
        },
      ]);
  });

  it('may overlap its own old time (a session is never in conflict with itself)', () => {
    spec
      .given(scheduled(), sessionAdded())
      .when({ ...command, start: '2019-01-24T10:00', end: '2019-01-24T11:30' })
      .then([expectRescheduled('2019-01-24T10:00', '2019-01-24T11:30', '2019-01-24T09:00:00Z', '2019-01-24T10:30:00Z')]);
  });

  it('the same times again change nothing', () => {
    spec.given(scheduled(), sessionAdded()).when({ ...command, start: '2019-01-24T09:30', end: '2019-01-24T11:00' }).then([]);
  });

  it('PersonDoubleBooked: the chair would now overlap a session where she speaks', () => {
    spec.given(scheduled(), sessionAdded(), other).when(command).thenRejects('PersonDoubleBooked', { personIds: ['p-alice'] });
  });

  it('SessionOutsideConsultationDates', () => {
    spec.given(scheduled(), sessionAdded()).when({ ...command, start: '2019-01-26T09:00', end: '2019-01-26T10:00' }).thenRejects('SessionOutsideConsultationDates');
  });

  it('SessionEndsBeforeItStarts', () => {
    spec.given(scheduled(), sessionAdded()).when({ ...command, end: '2019-01-25T13:00' }).thenRejects('SessionEndsBeforeItStarts');
  });

  it('SessionNotFound', () => {
    spec.given(scheduled()).when(command).thenRejects('SessionNotFound', { id: 's-1' });
  });

  it('SessionCancelled: a cancelled session stays where it was', () => {
    spec.given(scheduled(), sessionAdded(), sessionCancelled).when(command).thenRejects('SessionCancelled');
  });

  it('ConsultationCancelled', () => {
    spec.given(scheduled(), sessionAdded(), cancelled()).when(command).thenRejects('ConsultationCancelled');
  });
});

function expectRescheduled(startLocal: string, endLocal: string, startUtc: string, endUtc: string): ConsultationEvent {
  return { type: 'SessionRescheduled', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', startLocal, endLocal, startUtc, endUtc } };
}
