import { describe, it } from '@jest/globals';
import { CONSULTATION, confirmedRegistrations, given, meta, past, personOf, SMALL } from '../book/registration-book.fixture.js';
import type { BookContext } from '../book/registration-book.rules.js';
import type { Requester } from '../book/requester.js';
import { decideWithdrawRegistration } from './withdraw-registration.decide.js';

const REASON = 'Unable to travel';
/** The participant herself, unless another requester is named. */
const withdraw = (registrationId: string, requester: Requester = { role: 'participant', sub: personOf(registrationId) }) => (ctx: BookContext) =>
  decideWithdrawRegistration({ consultationId: CONSULTATION, registrationId, reason: REASON, requester, meta: meta({ actor: requester.sub, actorRole: requester.role }) }, ctx);

const withdrawn = (promoted: string[] = []) => ({ status: 'withdrawn', promoted });

/**
 * Three seats, all taken (r1 holds the breakout session's only seat); r4 waits for the breakout
 * and r5 for any seat, in that order.
 */
const fullWithWaitlist = () => [
  past.registered('r1', { sessionIds: [SMALL] }),
  ...['r2', 'r3'].map((id) => past.registered(id)),
  ...['r1', 'r2', 'r3'].map((id) => past.confirmed(id)),
  past.registered('r4', { sessionIds: [SMALL] }),
  past.registered('r5'),
  past.waitlisted('r4', true, [SMALL]),
  past.waitlisted('r5'),
];

describe('withdraw a registration', () => {
  it('a confirmed participant withdraws: the seat goes to the first on the waitlist, and only to them', () => {
    given(...confirmedRegistrations('r1', 'r2', 'r3'), past.registered('r4'), past.registered('r5'), past.waitlisted('r4'), past.waitlisted('r5'))
      .when(withdraw('r2'))
      .then([past.withdrawn('r2', REASON), past.promoted('r4', 'r2')], withdrawn(['r4']));
  });

  it('skips a waitlisted registration whose session is still full, for the next one that fits', () => {
    given(...fullWithWaitlist())
      .when(withdraw('r2'))
      .then([past.withdrawn('r2', REASON), past.promoted('r5', 'r2')], withdrawn(['r5']));
  });

  it('the one holding the session seat withdraws: the first in line gets both seats', () => {
    given(...fullWithWaitlist())
      .when(withdraw('r1'))
      .then([past.withdrawn('r1', REASON), past.promoted('r4', 'r1')], withdrawn(['r4']));
  });

  it('a seat freed in a session with seats of its own goes to the one waiting for that session', () => {
    given(past.registered('r1', { sessionIds: [SMALL] }), past.registered('r2', { sessionIds: [SMALL] }), past.confirmed('r1'), past.waitlisted('r2', false, [SMALL]))
      .when(withdraw('r1'))
      .then([past.withdrawn('r1', REASON), past.promoted('r2', 'r1')], withdrawn(['r2']));
  });

  it('a pending registration held no seat: its withdrawal promotes no one', () => {
    given(...fullWithWaitlist(), past.registered('r6')).when(withdraw('r6')).then([past.withdrawn('r6', REASON)], withdrawn());
  });

  it('a waitlisted registration leaves the waitlist and promotes no one', () => {
    given(...fullWithWaitlist()).when(withdraw('r4')).then([past.withdrawn('r4', REASON)], withdrawn());
  });

  it('withdrawing twice records it once', () => {
    given(past.registered('r1'), past.withdrawn('r1')).when(withdraw('r1')).then([], withdrawn());
  });

  it("the State's focal point and the secretariat may withdraw a delegate", () => {
    given(past.registered('r1')).when(withdraw('r1', { role: 'focal-point', sub: 'fp-sgp', state: 'SGP' })).then([past.withdrawn('r1', REASON)]);
    given(past.registered('r1')).when(withdraw('r1', { role: 'secretariat', sub: 'sec-amara' })).then([past.withdrawn('r1', REASON)]);
  });

  it('RegistrationNotYours: a participant withdraws their own registration only', () => {
    given(past.registered('r1'), past.registered('r2'))
      .when(withdraw('r1', { role: 'participant', sub: personOf('r2') }))
      .thenRefuses('RegistrationNotYours', 403, { registrationId: 'r1' });
  });

  it("FocalPointLimitedToOwnState: Malaysia's focal point cannot withdraw a Singapore delegate", () => {
    given(past.registered('r1'))
      .when(withdraw('r1', { role: 'focal-point', sub: 'fp-mys', state: 'MYS' }))
      .thenRefuses('FocalPointLimitedToOwnState', 403, { registrationId: 'r1' });
  });

  it('RegistrationStatusForbids: a declined or cancelled registration is over', () => {
    given(past.registered('r1'), past.declined('r1')).when(withdraw('r1')).thenRefuses('RegistrationStatusForbids', 409, { status: 'declined' });
    given(past.registered('r1'), past.cancelled('r1')).when(withdraw('r1')).thenRefuses('RegistrationStatusForbids', 409, { status: 'cancelled' });
  });

  it('RegistrationNotFound', () => {
    given().when(withdraw('r-unknown')).thenRefuses('RegistrationNotFound', 404);
  });

  it('ConsultationNotFound', () => {
    given(past.registered('r1')).on(undefined).when(withdraw('r1')).thenRefuses('ConsultationNotFound', 404);
  });
});
