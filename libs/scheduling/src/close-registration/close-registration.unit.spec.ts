import { describe, it } from '@jest/globals';
import { announced, CONSULTATION_ID, cancelled, consultationFold, scheduled } from '../consultation/consultation.fixture.js';
import { specification } from '../testing/given-when-then.js';
import { closeRegistration } from './close-registration.decide.js';

const spec = specification(consultationFold, closeRegistration);
const command = { consultationId: CONSULTATION_ID };
const opened = { type: 'RegistrationOpened' as const, data: { consultationId: CONSULTATION_ID, deadlineLocal: '2019-01-17T18:00', deadlineUtc: '2019-01-17T17:00:00Z' } };

describe('close registration', () => {
  it('closes open registration', () => {
    spec.given(scheduled(), announced(), opened).when(command).then([{ type: 'RegistrationClosed', data: { consultationId: CONSULTATION_ID } }]);
  });

  it('RegistrationNotOpen: never opened', () => {
    spec.given(scheduled(), announced()).when(command).thenRejects('RegistrationNotOpen', { registration: 'not-opened' });
  });

  it('RegistrationNotOpen: already closed', () => {
    spec
      .given(scheduled(), announced(), opened, { type: 'RegistrationClosed', data: { consultationId: CONSULTATION_ID } })
      .when(command)
      .thenRejects('RegistrationNotOpen', { registration: 'closed' });
  });

  it('ConsultationCancelled', () => {
    spec.given(scheduled(), announced(), opened, cancelled()).when(command).thenRejects('ConsultationCancelled');
  });
});
