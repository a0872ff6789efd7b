import { describe, it } from '@jest/globals';
import { CONSULTATION, given, meta, past, personOf } from '../book/registration-book.fixture.js';
import type { RegistrationEvent } from '../book/registration-book.events.js';
import type { BookContext } from '../book/registration-book.rules.js';
import { decideReissueParticipantLink } from './reissue-participant-link.decide.js';

const reissue = (registrationId: string) => (ctx: BookContext) => decideReissueParticipantLink({ consultationId: CONSULTATION, registrationId, meta: meta() }, ctx);
const reissued = (registrationId: string): RegistrationEvent => ({
  type: 'ParticipantLinkReissued',
  data: { consultationId: CONSULTATION, registrationId, personId: personOf(registrationId) },
});
const erased = (registrationId: string): RegistrationEvent => ({
  type: 'ParticipantDataErased',
  data: { consultationId: CONSULTATION, registrationId, personId: personOf(registrationId), reason: 'Data subject request' },
});

describe('reissue a participant link', () => {
  it('records who gave a new link to whom, each time it is given', () => {
    given(past.registered('r1')).when(reissue('r1')).then([reissued('r1')], { registrationId: 'r1', personId: personOf('r1') });
    given(past.registered('r1'), reissued('r1')).when(reissue('r1')).then([reissued('r1')]);
  });

  it('whatever the status: a withdrawn participant may still read their history', () => {
    given(past.registered('r1'), past.withdrawn('r1')).when(reissue('r1')).then([reissued('r1')]);
  });

  it('RegistrationNotFound', () => {
    given(past.registered('r1')).when(reissue('r2')).thenRefuses('RegistrationNotFound', 404);
  });

  it('SubjectDataErased: no link for a person whose data were erased', () => {
    given(past.registered('r1'), erased('r1')).when(reissue('r1')).thenRefuses('SubjectDataErased', 409);
  });
});
