import { describe, it } from '@jest/globals';
import { announced, CONSULTATION_ID, cancelled, consultationFold, scheduled } from '../consultation/consultation.fixture.js';
import { specification } from '../testing/given-when-then.js';
import { openRegistration } from './open-registration.decide.js';

const spec = specification(consultationFold, openRegistration);
const command = { consultationId: CONSULTATION_ID, deadline: '2019-01-17T18:00' };
const opened = { type: 'RegistrationOpened' as const, data: { consultationId: CONSULTATION_ID, deadlineLocal: '2019-01-17T18:00', deadlineUtc: '2019-01-17T17:00:00Z' } };
const closed = { type: 'RegistrationClosed' as const, data: { consultationId: CONSULTATION_ID } };

describe('open registration', () => {
  it('opens with a deadline at the venue clock, kept in UTC as well', () => {
    spec.given(scheduled(), announced()).when(command).then([opened]);
  });

  it('may open again after closing, with a new deadline', () => {
    spec
      .given(scheduled(), announced(), opened, closed)
      .when({ ...command, deadline: '2019-01-20T12:00' })
      .then([{ type: 'RegistrationOpened', data: { consultationId: CONSULTATION_ID, deadlineLocal: '2019-01-20T12:00', deadlineUtc: '2019-01-20T11:00:00Z' } }]);
  });

  it('RegistrationRequiresAnnouncement: a draft takes no registrations', () => {
    spec.given(scheduled()).when(command).thenRejects('RegistrationRequiresAnnouncement');
  });

  it('RegistrationAlreadyOpen', () => {
    spec.given(scheduled(), announced(), opened).when(command).thenRejects('RegistrationAlreadyOpen');
  });

  it('RegistrationDeadlineAfterConsultationEnd: the deadline falls on or before the last day', () => {
    spec.given(scheduled(), announced()).when({ ...command, deadline: '2019-01-26T00:00' }).thenRejects('RegistrationDeadlineAfterConsultationEnd');
  });

  it('LocalTimeDoesNotExist: the deadline is a time the venue clock shows', () => {
    spec
      .given(scheduled({ startDate: '2019-04-01', endDate: '2019-04-02' }), announced())
      .when({ ...command, deadline: '2019-03-31T02:30' })
      .thenRejects('LocalTimeDoesNotExist', { field: 'deadline' });
  });

  it('ConsultationCancelled', () => {
    spec.given(scheduled(), announced(), cancelled()).when(command).thenRejects('ConsultationCancelled');
  });
});
