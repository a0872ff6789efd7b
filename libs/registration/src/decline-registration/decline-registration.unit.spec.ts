import { describe, it } from '@jest/globals';
import { CONSULTATION, confirmedRegistrations, given, meta, past } from '../book/registration-book.fixture.js';
import type { BookContext } from '../book/registration-book.rules.js';
import { decideDeclineRegistration } from './decline-registration.decide.js';

const REASON = 'Not an invited organisation';
const decline = (registrationId: string) => (ctx: BookContext) => decideDeclineRegistration({ consultationId: CONSULTATION, registrationId, reason: REASON, meta: meta() }, ctx);

describe('decline a registration', () => {
  it('declines a pending registration, with the reason', () => {
    given(past.registered('r1')).when(decline('r1')).then([past.declined('r1', REASON)], { status: 'declined' });
  });

  it('declines a waitlisted registration; it held no seat, so no one is promoted', () => {
    given(...confirmedRegistrations('r1', 'r2', 'r3'), past.registered('r4'), past.registered('r5'), past.waitlisted('r4'), past.waitlisted('r5'))
      .when(decline('r4'))
      .then([past.declined('r4', REASON)], { status: 'declined' });
  });

  it('declining twice records it once', () => {
    given(past.registered('r1'), past.declined('r1')).when(decline('r1')).then([], { status: 'declined' });
  });

  it('RegistrationStatusForbids: a confirmed registration is cancelled, not declined', () => {
    given(...confirmedRegistrations('r1'))
      .when(decline('r1'))
      .thenRefuses('RegistrationStatusForbids', 409, { registrationId: 'r1', status: 'confirmed' });
  });

  it('RegistrationStatusForbids: a withdrawn or cancelled registration is over', () => {
    given(past.registered('r1'), past.withdrawn('r1')).when(decline('r1')).thenRefuses('RegistrationStatusForbids', 409, { status: 'withdrawn' });
    given(past.registered('r1'), past.cancelled('r1')).when(decline('r1')).thenRefuses('RegistrationStatusForbids', 409, { status: 'cancelled' });
  });

  it('RegistrationNotFound', () => {
    given(past.registered('r1')).when(decline('r-unknown')).thenRefuses('RegistrationNotFound', 404, { id: 'r-unknown' });
  });

  it('ConsultationNotFound', () => {
    given(past.registered('r1')).on(undefined).when(decline('r1')).thenRefuses('ConsultationNotFound', 404);
  });
});
