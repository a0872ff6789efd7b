import { describe, it } from '@jest/globals';
import { announced, CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded } from '../consultation/consultation.fixture.js';
import { specification } from '../testing/given-when-then.js';
import { cancelConsultation } from './cancel-consultation.decide.js';

const spec = specification(consultationFold, cancelConsultation);
const command = { consultationId: CONSULTATION_ID, reason: 'Venue unavailable' };

describe('cancel a consultation', () => {
  it('records the cancellation with its reason, sessions and all', () => {
    spec.given(scheduled(), announced(), sessionAdded()).when(command).then([cancelled()]);
  });

  it('ConsultationCancelled: cancelling twice is refused, nothing changes after cancellation', () => {
    spec.given(scheduled(), cancelled()).when(command).thenRejects('ConsultationCancelled');
  });

  it('ConsultationNotFound', () => {
    spec.given().when(command).thenRejects('ConsultationNotFound');
  });
});
