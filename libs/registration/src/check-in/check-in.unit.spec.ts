import { describe, it } from '@jest/globals';
import { CANCELLED, CLOSED, CONSULTATION, confirmedRegistrations, DAY_1, DAY_2, given, meta, OPEN, past, SMALL } from '../book/registration-book.fixture.js';
import type { BookContext } from '../book/registration-book.rules.js';
import type { CheckInInput } from './check-in.command.js';
import { decideCheckIn, decideUndoCheckIn } from './check-in.decide.js';

/** 09:00 on the first day in Singapore (UTC+8). */
const MORNING_OF_DAY_1 = '2025-06-17T01:00:00.000Z';

type Where = Partial<Pick<CheckInInput, 'day' | 'sessionId'>> & { occurredAt?: string };
const input = (registrationId: string, { occurredAt = MORNING_OF_DAY_1, ...where }: Where) => ({
  consultationId: CONSULTATION,
  registrationId,
  ...where,
  meta: meta({ occurredAt }),
});
const checkIn = (registrationId: string, where: Where = {}) => (ctx: BookContext) => decideCheckIn(input(registrationId, where), ctx);
const undo = (registrationId: string, where: Where = {}, reason: string | null = 'Wrong badge') => (ctx: BookContext) =>
  decideUndoCheckIn({ ...input(registrationId, where), reason }, ctx);

const reply = (day: string, sessionId: string | null = null, checkedIn = true) => ({ registrationId: 'r1', day, sessionId, checkedIn });
const here = () => confirmedRegistrations('r1');

describe('check in', () => {
  it('checks a confirmed participant in at the door for the day', () => {
    given(...here()).when(checkIn('r1', { day: DAY_1 })).then([past.checkedIn('r1', DAY_1)], reply(DAY_1));
  });

  it('without a day, a session check-in is for the day the session is held (not the day it is recorded)', () => {
    given(...here()).when(checkIn('r1', { sessionId: SMALL })).then([past.checkedIn('r1', DAY_2, SMALL)], reply(DAY_2, SMALL));
  });

  it('without a day or a session: today at the venue, in its time zone', () => {
    // 01:30 on 17 June in Singapore, though still 16 June in UTC (the day before the consultation).
    given(...here()).when(checkIn('r1', { occurredAt: '2025-06-16T17:30:00.000Z' })).then([past.checkedIn('r1', DAY_1)], reply(DAY_1));
    // 23:59 on 18 June in Singapore: the second day still.
    given(...here()).when(checkIn('r1', { occurredAt: '2025-06-18T15:59:00.000Z' })).then([past.checkedIn('r1', DAY_2)], reply(DAY_2));
  });

  it('checking in twice records it once', () => {
    given(...here(), past.checkedIn('r1', DAY_1)).when(checkIn('r1', { day: DAY_1 })).then([], reply(DAY_1));
    given(...here(), past.checkedIn('r1', DAY_1, OPEN)).when(checkIn('r1', { sessionId: OPEN })).then([], reply(DAY_1, OPEN));
  });

  it('the day at the door and each session are separate check-ins', () => {
    given(...here(), past.checkedIn('r1', DAY_1)).when(checkIn('r1', { sessionId: OPEN })).then([past.checkedIn('r1', DAY_1, OPEN)]);
    given(...here(), past.checkedIn('r1', DAY_1)).when(checkIn('r1', { day: DAY_2 })).then([past.checkedIn('r1', DAY_2)]);
  });

  it('a check-in that was undone may be made again', () => {
    given(...here(), past.checkedIn('r1', DAY_1), past.checkInUndone('r1', DAY_1)).when(checkIn('r1', { day: DAY_1 })).then([past.checkedIn('r1', DAY_1)]);
  });

  it('a closed session admits the delegate of a member State', () => {
    given(...here()).when(checkIn('r1', { sessionId: CLOSED })).then([past.checkedIn('r1', DAY_1, CLOSED)]);
  });

  it('ClosedSessionRequiresStateDelegate: a confirmed civil-society participant is not checked in to the closed session', () => {
    given(past.registered('r1', { stakeholderGroup: 'civil-society', represents: { state: null, organisation: 'ICT4Peace' }, sessionIds: [OPEN] }), past.confirmed('r1'))
      .when(checkIn('r1', { sessionId: CLOSED }))
      .thenRefuses('ClosedSessionRequiresStateDelegate', 422, { sessionIds: [CLOSED] });
  });

  it('CheckInRequiresConfirmedRegistration: not pending, waitlisted or withdrawn', () => {
    given(past.registered('r1')).when(checkIn('r1')).thenRefuses('CheckInRequiresConfirmedRegistration', 409, { status: 'pending' });
    given(past.registered('r1'), past.waitlisted('r1')).when(checkIn('r1')).thenRefuses('CheckInRequiresConfirmedRegistration', 409, { status: 'waitlisted' });
    given(...here(), past.withdrawn('r1')).when(checkIn('r1')).thenRefuses('CheckInRequiresConfirmedRegistration', 409, { status: 'withdrawn' });
  });

  it('CheckInOutsideConsultationDates: the day before, the day after, and midnight after the last day at the venue', () => {
    given(...here()).when(checkIn('r1', { day: '2025-06-16' })).thenRefuses('CheckInOutsideConsultationDates', 422, { field: 'day', day: '2025-06-16' });
    given(...here()).when(checkIn('r1', { day: '2025-06-19' })).thenRefuses('CheckInOutsideConsultationDates', 422, { day: '2025-06-19' });
    given(...here())
      .when(checkIn('r1', { occurredAt: '2025-06-18T16:00:00.000Z' }))
      .thenRefuses('CheckInOutsideConsultationDates', 422, { day: '2025-06-19' });
  });

  it('SessionNotOnThatDay: the breakout is on the second day', () => {
    given(...here()).when(checkIn('r1', { day: DAY_1, sessionId: SMALL })).thenRefuses('SessionNotOnThatDay', 422, { sessionId: SMALL, day: DAY_2 });
  });

  it('SessionNotOnAgenda and SessionCancelled', () => {
    given(...here()).when(checkIn('r1', { sessionId: 's-unknown' })).thenRefuses('SessionNotOnAgenda', 422, { sessionIds: ['s-unknown'] });
    given(...here()).when(checkIn('r1', { sessionId: CANCELLED })).thenRefuses('SessionCancelled', 409, { sessionIds: [CANCELLED] });
  });

  it('RegistrationNotFound and ConsultationNotFound', () => {
    given(...here()).when(checkIn('r-unknown')).thenRefuses('RegistrationNotFound', 404);
    given(...here()).on(undefined).when(checkIn('r1')).thenRefuses('ConsultationNotFound', 404);
  });
});

describe('undo a check-in', () => {
  it('undoes the check-in for the day, with the reason', () => {
    given(...here(), past.checkedIn('r1', DAY_1))
      .when(undo('r1', { day: DAY_1 }))
      .then([past.checkInUndone('r1', DAY_1, null, 'Wrong badge')], reply(DAY_1, null, false));
  });

  it('a session check-in without a day: the day the session is held', () => {
    given(...here(), past.checkedIn('r1', DAY_2, SMALL))
      .when(undo('r1', { sessionId: SMALL }, null))
      .then([past.checkInUndone('r1', DAY_2, SMALL, null)], reply(DAY_2, SMALL, false));
  });

  it('without a day or a session: today at the venue', () => {
    given(...here(), past.checkedIn('r1', DAY_1))
      .when(undo('r1', { occurredAt: '2025-06-16T17:30:00.000Z' }))
      .then([past.checkInUndone('r1', DAY_1, null, 'Wrong badge')]);
  });

  it('NotCheckedIn: never checked in, undone already, or checked in at the door but not for the session', () => {
    given(...here()).when(undo('r1', { day: DAY_1 })).thenRefuses('NotCheckedIn', 409, { registrationId: 'r1', day: DAY_1, sessionId: null });
    given(...here(), past.checkedIn('r1', DAY_1), past.checkInUndone('r1', DAY_1)).when(undo('r1', { day: DAY_1 })).thenRefuses('NotCheckedIn', 409);
    given(...here(), past.checkedIn('r1', DAY_1)).when(undo('r1', { sessionId: OPEN })).thenRefuses('NotCheckedIn', 409, { sessionId: OPEN, day: DAY_1 });
  });

  it('RegistrationNotFound and ConsultationNotFound', () => {
    given(...here()).when(undo('r-unknown', { day: DAY_1 })).thenRefuses('RegistrationNotFound', 404);
    given(...here()).on(undefined).when(undo('r1', { day: DAY_1 })).thenRefuses('ConsultationNotFound', 404);
  });
});
