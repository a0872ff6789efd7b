import { describe, it } from '@jest/globals';
import { carol, CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded, sibling } from '../consultation/consultation.fixture.js';
import type { ConsultationEvent, SessionTimes } from '../consultation/consultation.events.js';
import type { Consultation, ConsultationState } from '../consultation/consultation.state.js';
import { specification } from '../testing/given-when-then.js';
import type { PostponeConsultationInput } from './postpone-consultation.command.js';
import { postponeConsultation } from './postpone-consultation.decide.js';

const withSiblings = (...siblings: Consultation[]) =>
  specification<PostponeConsultationInput, ConsultationState, ConsultationEvent, ConsultationEvent[]>(consultationFold, (command, state) =>
    postponeConsultation(command, state, siblings),
  );
const spec = withSiblings();

/** Two days in March, before Europe moves its clocks (UTC+1): 09:30 is 08:30 UTC. */
const march = scheduled({ startDate: '2019-03-21', endDate: '2019-03-22' });
const day1 = sessionAdded({ startLocal: '2019-03-21T09:30', endLocal: '2019-03-21T11:00', startUtc: '2019-03-21T08:30:00Z', endUtc: '2019-03-21T10:00:00Z' });
const day2 = sessionAdded({
  sessionId: 's-2',
  room: 'Room XXI',
  chair: carol,
  speakers: [],
  startLocal: '2019-03-22T14:00',
  endLocal: '2019-03-22T15:00',
  startUtc: '2019-03-22T13:00:00Z',
  endUtc: '2019-03-22T14:00:00Z',
});
const movedDay1 = { sessionId: 's-1', startLocal: '2019-04-04T09:30', endLocal: '2019-04-04T11:00', startUtc: '2019-04-04T07:30:00Z', endUtc: '2019-04-04T09:00:00Z' };
const movedDay2 = { sessionId: 's-2', startLocal: '2019-04-05T14:00', endLocal: '2019-04-05T15:00', startUtc: '2019-04-05T12:00:00Z', endUtc: '2019-04-05T13:00:00Z' };
const command: PostponeConsultationInput = { consultationId: CONSULTATION_ID, startDate: '2019-04-04', endDate: '2019-04-05', reason: 'Host country elections' };

describe('postpone a consultation', () => {
  it('moves the dates and every session by the same days; sessions keep their local time across the DST change (now UTC+2)', () => {
    spec
      .given(march, day1, day2)
      .when(command)
      .then([postponed([movedDay1, movedDay2])]);
  });

  it('cancelled sessions stay where they were', () => {
    spec
      .given(march, day1, day2, { type: 'SessionCancelled', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', reason: 'Merged' } })
      .when(command)
      .then([postponed([movedDay2])]);
  });

  it('PostponementMustBeLater: the new start is after the current one', () => {
    spec.given(march).when({ ...command, startDate: '2019-03-21', endDate: '2019-03-23' }).thenRejects('PostponementMustBeLater');
    spec.given(march).when({ ...command, startDate: '2019-03-01', endDate: '2019-03-02' }).thenRejects('PostponementMustBeLater');
  });

  it('SessionOutsideConsultationDates: fewer days than the agenda needs', () => {
    spec
      .given(march, day1, day2)
      .when({ ...command, endDate: '2019-04-04' })
      .thenRejects('SessionOutsideConsultationDates', { sessionId: 's-2', startDate: '2019-04-04', endDate: '2019-04-04' });
  });

  it('PersonDoubleBooked: a moved session now overlaps one of the same person in another consultation of the series', () => {
    const washington = sibling(
      scheduled({ consultationId: 'c-washington', venue: { city: 'Washington', country: 'USA' }, timeZone: 'America/New_York', startDate: '2019-04-05', endDate: '2019-04-05' }),
      sessionAdded({ consultationId: 'c-washington', sessionId: 'w-1', chair: carol, speakers: [], startUtc: '2019-04-05T12:30:00Z', endUtc: '2019-04-05T13:30:00Z' }),
    );
    withSiblings(washington).given(march, day1, day2).when(command).thenRejects('PersonDoubleBooked', { personIds: ['p-carol'], conflict: { consultationId: 'c-washington' } });
  });

  it('LocalTimeDoesNotExist: a session moved onto the hour the clocks skip', () => {
    const nyc = scheduled({ timeZone: 'America/New_York', startDate: '2019-03-03', endDate: '2019-03-03' });
    const night = sessionAdded({ startLocal: '2019-03-03T02:30', endLocal: '2019-03-03T04:00', startUtc: '2019-03-03T07:30:00Z', endUtc: '2019-03-03T09:00:00Z' });
    spec.given(nyc, night).when({ ...command, startDate: '2019-03-10', endDate: '2019-03-10' }).thenRejects('LocalTimeDoesNotExist');
  });

  it('ConsultationEndsBeforeItStarts', () => {
    spec.given(march).when({ ...command, endDate: '2019-04-03' }).thenRejects('ConsultationEndsBeforeItStarts');
  });

  it('ConsultationCancelled: a cancelled consultation is not postponed', () => {
    spec.given(march, cancelled()).when(command).thenRejects('ConsultationCancelled');
  });
});

function postponed(sessions: Array<{ sessionId: string } & SessionTimes>): ConsultationEvent {
  const { consultationId, startDate, endDate, reason } = command;
  return { type: 'ConsultationPostponed', data: { consultationId, reason, previous: { startDate: '2019-03-21', endDate: '2019-03-22' }, startDate, endDate, sessions } };
}
