import { describe, it } from '@jest/globals';
import { CONSULTATION, confirmedRegistrations, given, meta, past } from '../book/registration-book.fixture.js';
import type { BookContext } from '../book/registration-book.rules.js';
import { decideCancelRegistration } from './cancel-registration.decide.js';

const REASON = 'Duplicate delegation';
const cancel = (registrationId: string) => (ctx: BookContext) => decideCancelRegistration({ consultationId: CONSULTATION, registrationId, reason: REASON, meta: meta() }, ctx);

/** Three seats taken by r1-r3; r4 waits. */
const full = () => [...confirmedRegistrations('r1', 'r2', 'r3'), past.registered('r4'), past.waitlisted('r4')];

describe('cancel a registration', () => {
  it('the secretariat cancels a confirmed registration: the seat goes to the first waitlisted', () => {
    given(...full()).when(cancel('r3')).then([past.cancelled('r3', REASON), past.promoted('r4', 'r3')], { status: 'cancelled', promoted: ['r4'] });
  });

  it('cancelling a pending or waitlisted registration frees no seat and promotes no one', () => {
    given(...full(), past.registered('r5')).when(cancel('r5')).then([past.cancelled('r5', REASON)], { status: 'cancelled', promoted: [] });
    given(...full()).when(cancel('r4')).then([past.cancelled('r4', REASON)], { status: 'cancelled', promoted: [] });
  });

  it('cancelling twice records it once', () => {
    given(past.registered('r1'), past.cancelled('r1')).when(cancel('r1')).then([], { status: 'cancelled', promoted: [] });
  });

  it('RegistrationStatusForbids: a declined or withdrawn registration is over', () => {
    given(past.registered('r1'), past.declined('r1')).when(cancel('r1')).thenRefuses('RegistrationStatusForbids', 409, { status: 'declined' });
    given(past.registered('r1'), past.withdrawn('r1')).when(cancel('r1')).thenRefuses('RegistrationStatusForbids', 409, { status: 'withdrawn' });
  });

  it('RegistrationNotFound', () => {
    given(...full()).when(cancel('r-unknown')).thenRefuses('RegistrationNotFound', 404);
  });

  it('ConsultationNotFound', () => {
    given(...full()).on(undefined).when(cancel('r1')).thenRefuses('ConsultationNotFound', 404);
  });
});
