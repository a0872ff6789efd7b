import { describe, it } from '@jest/globals';
import { alice, bob, carol, CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded, sibling } from '../consultation/consultation.fixture.js';
import type { Consultation, ConsultationState } from '../consultation/consultation.state.js';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { specification } from '../testing/given-when-then.js';
import type { AddSessionInput } from './add-session.command.js';
import { addSession } from './add-session.decide.js';

const withSiblings = (...siblings: Consultation[]) =>
  specification<AddSessionInput, ConsultationState, ConsultationEvent, ConsultationEvent[]>(consultationFold, (command, state) =>
    addSession(command, state, siblings),
  );
const spec = withSiblings();

const command: AddSessionInput = {
  consultationId: CONSULTATION_ID,
  sessionId: 's-1',
  title: 'Regional perspectives',
  kind: 'panel',
  access: 'open',
  start: '2019-01-24T09:30',
  end: '2019-01-24T11:00',
  room: 'Room XVIII',
  chair: alice,
  speakers: [bob],
};

/** A second session that does not overlap the first unless told to. */
const second = (overrides: Partial<AddSessionInput>): AddSessionInput => ({
  ...command,
  sessionId: 's-2',
  title: 'Next steps',
  room: 'Room XXI',
  chair: carol,
  speakers: [],
  start: '2019-01-24T10:00',
  end: '2019-01-24T12:00',
  ...overrides,
});

/** The Washington consultation of the same series: 09:00-10:30 there is 15:00-16:30 in Geneva. */
const washington = sibling(
  scheduled({ consultationId: 'c-washington', venue: { city: 'Washington', country: 'USA' }, timeZone: 'America/New_York', regionalOrganisation: 'OAS' }),
  sessionAdded({
    consultationId: 'c-washington',
    sessionId: 'w-1',
    startLocal: '2019-01-24T09:00',
    endLocal: '2019-01-24T10:30',
    startUtc: '2019-01-24T14:00:00Z',
    endUtc: '2019-01-24T15:30:00Z',
    room: 'Room XVIII',
    chair: null,
    speakers: [carol],
  }),
);

describe('add a session', () => {
  it('adds it with the venue wall-clock times and their UTC instants (Geneva is UTC+1 in January)', () => {
    spec.given(scheduled()).when(command).then([sessionAdded()]);
  });

  it('keeps the seats of a session smaller than the consultation (a breakout room)', () => {
    spec.given(scheduled()).when({ ...command, capacity: 30 }).then([sessionAdded({ capacity: 30 })]);
  });

  it('DST: 09:30 in Geneva in summer is 07:30 UTC', () => {
    spec
      .given(scheduled({ startDate: '2019-07-01', endDate: '2019-07-02' }))
      .when({ ...command, start: '2019-07-01T09:30', end: '2019-07-01T11:00' })
      .then([sessionAdded({ startLocal: '2019-07-01T09:30', endLocal: '2019-07-01T11:00', startUtc: '2019-07-01T07:30:00Z', endUtc: '2019-07-01T09:00:00Z' })]);
  });

  it('DST: a session across the night the clocks go back lasts an hour longer than the wall clock says', () => {
    spec
      .given(scheduled({ startDate: '2019-10-26', endDate: '2019-10-27' }))
      .when({ ...command, start: '2019-10-26T23:00', end: '2019-10-27T04:00' })
      .then([sessionAdded({ startLocal: '2019-10-26T23:00', endLocal: '2019-10-27T04:00', startUtc: '2019-10-26T21:00:00Z', endUtc: '2019-10-27T03:00:00Z' })]);
  });

  it('DST: a wall-clock time that happens twice (clocks go back) is its first occurrence, as RFC 5545 reads it', () => {
    spec
      .given(scheduled({ startDate: '2019-10-27', endDate: '2019-10-27' }))
      .when({ ...command, start: '2019-10-27T02:30', end: '2019-10-27T04:00' })
      .then([sessionAdded({ startLocal: '2019-10-27T02:30', endLocal: '2019-10-27T04:00', startUtc: '2019-10-27T00:30:00Z', endUtc: '2019-10-27T03:00:00Z' })]);
  });

  it('LocalTimeDoesNotExist: 02:30 on the night the clocks spring forward', () => {
    spec
      .given(scheduled({ startDate: '2019-03-31', endDate: '2019-03-31' }))
      .when({ ...command, start: '2019-03-31T02:30', end: '2019-03-31T04:00' })
      .thenRejects('LocalTimeDoesNotExist', { field: 'start', timeZone: 'Europe/Zurich' });
  });

  it('InvalidLocalDateTime: a time with an offset or seconds is not a venue wall-clock time', () => {
    spec.given(scheduled()).when({ ...command, start: '2019-01-24T09:30:00+01:00' }).thenRejects('InvalidLocalDateTime', { field: 'start' });
  });

  it('SessionEndsBeforeItStarts (and an empty session is refused as well)', () => {
    spec.given(scheduled()).when({ ...command, end: '2019-01-24T09:00' }).thenRejects('SessionEndsBeforeItStarts');
    spec.given(scheduled()).when({ ...command, end: command.start }).thenRejects('SessionEndsBeforeItStarts');
  });

  it('SessionOutsideConsultationDates: the day before the consultation', () => {
    spec
      .given(scheduled())
      .when({ ...command, start: '2019-01-23T09:30', end: '2019-01-23T11:00' })
      .thenRejects('SessionOutsideConsultationDates', { startDate: '2019-01-24', endDate: '2019-01-25' });
  });

  it('SessionOutsideConsultationDates: running past midnight after the last day', () => {
    spec.given(scheduled()).when({ ...command, start: '2019-01-25T23:00', end: '2019-01-26T00:30' }).thenRejects('SessionOutsideConsultationDates');
  });

  it('a session may end at midnight that closes the last day', () => {
    spec
      .given(scheduled())
      .when({ ...command, start: '2019-01-25T22:00', end: '2019-01-26T00:00' })
      .then([sessionAdded({ startLocal: '2019-01-25T22:00', endLocal: '2019-01-26T00:00', startUtc: '2019-01-25T21:00:00Z', endUtc: '2019-01-25T23:00:00Z' })]);
  });

  it('RoomDoubleBooked: a room holds one session at a time', () => {
    spec
      .given(scheduled(), sessionAdded())
      .when(second({ room: 'room xviii ' }))
      .thenRejects('RoomDoubleBooked', { sessionId: 's-2', conflict: { consultationId: CONSULTATION_ID, sessionId: 's-1' } });
  });

  it('back to back in one room is fine: a session ending at 11:00 leaves the room for one at 11:00', () => {
    const events = spec.given(scheduled(), sessionAdded()).when(second({ room: 'Room XVIII', start: '2019-01-24T11:00', end: '2019-01-24T12:00' }));
    events.then([
      sessionAdded({
        sessionId: 's-2',
        title: 'Next steps',
        chair: carol,
        speakers: [],
        startLocal: '2019-01-24T11:00',
        endLocal: '2019-01-24T12:00',
        startUtc: '2019-01-24T10:00:00Z',
        endUtc: '2019-01-24T11:00:00Z',
      }),
    ]);
  });

  it('PersonDoubleBooked: the chair of one session cannot speak in an overlapping one', () => {
    spec
      .given(scheduled(), sessionAdded())
      .when(second({ speakers: [alice] }))
      .thenRejects('PersonDoubleBooked', { personIds: ['p-alice'], conflict: { sessionId: 's-1' } });
  });

  it('PersonDoubleBooked: across consultations of the series, compared in UTC (15:00 Geneva = 09:00 Washington)', () => {
    withSiblings(washington)
      .given(scheduled())
      .when({ ...command, start: '2019-01-24T15:00', end: '2019-01-24T16:00', chair: carol, speakers: [] })
      .thenRejects('PersonDoubleBooked', { personIds: ['p-carol'], conflict: { consultationId: 'c-washington', sessionId: 'w-1' } });
  });

  it('a room of the same name in another city is another room', () => {
    withSiblings(washington)
      .given(scheduled())
      .when({ ...command, start: '2019-01-24T15:00', end: '2019-01-24T16:00' })
      .then([sessionAdded({ startLocal: '2019-01-24T15:00', endLocal: '2019-01-24T16:00', startUtc: '2019-01-24T14:00:00Z', endUtc: '2019-01-24T15:00:00Z' })]);
  });

  it('sessions of a cancelled sibling consultation hold nobody', () => {
    const cancelledWashington = sibling(
      scheduled({ consultationId: 'c-washington', timeZone: 'America/New_York' }),
      sessionAdded({ consultationId: 'c-washington', sessionId: 'w-1', startUtc: '2019-01-24T14:00:00Z', endUtc: '2019-01-24T15:30:00Z', chair: carol }),
      cancelled('c-washington'),
    );
    withSiblings(cancelledWashington)
      .given(scheduled())
      .when({ ...command, start: '2019-01-24T15:00', end: '2019-01-24T16:00', chair: carol, speakers: [] })
      .then([sessionAdded({ chair: carol, speakers: [], startLocal: '2019-01-24T15:00', endLocal: '2019-01-24T16:00', startUtc: '2019-01-24T14:00:00Z', endUtc: '2019-01-24T15:00:00Z' })]);
  });

  it('a cancelled session frees its room and its people', () => {
    spec
      .given(scheduled(), sessionAdded(), { type: 'SessionCancelled', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', reason: 'Speaker ill' } })
      .when(second({ room: 'Room XVIII', chair: alice }))
      .then([
        sessionAdded({
          sessionId: 's-2',
          title: 'Next steps',
          chair: alice,
          speakers: [],
          startLocal: '2019-01-24T10:00',
          endLocal: '2019-01-24T12:00',
          startUtc: '2019-01-24T09:00:00Z',
          endUtc: '2019-01-24T11:00:00Z',
        }),
      ]);
  });

  it('SessionAlreadyExists', () => {
    spec.given(scheduled(), sessionAdded()).when(second({ sessionId: 's-1' })).thenRejects('SessionAlreadyExists');
  });

  it('ClosedSessionNeedsRegionalOrganisation: closed means "for the member States", which a cross-regional consultation lacks', () => {
    spec.given(scheduled({ regionalOrganisation: null })).when({ ...command, access: 'closed' }).thenRejects('ClosedSessionNeedsRegionalOrganisation');
  });

  it('ConsultationCancelled: no session is added after cancellation', () => {
    spec.given(scheduled(), cancelled()).when(command).thenRejects('ConsultationCancelled');
  });

  it('ConsultationNotFound', () => {
    spec.given().when(command).thenRejects('ConsultationNotFound');
  });
});
