import { describe, it } from '@jest/globals';
import { announced, CONSULTATION_ID, cancelled, consultationFold, scheduled } from '../consultation/consultation.fixture.js';
import { specification } from '../testing/given-when-then.js';
import { announceConsultation } from './announce-consultation.decide.js';

const spec = specification(consultationFold, announceConsultation);
const command = { consultationId: CONSULTATION_ID };

describe('announce a consultation', () => {
  it('makes a draft public', () => {
    spec.given(scheduled()).when(command).then([announced()]);
  });

  it('ConsultationAlreadyAnnounced', () => {
    spec.given(scheduled(), announced()).when(command).thenRejects('ConsultationAlreadyAnnounced');
  });

  it('ConsultationCancelled: a cancelled consultation is not announced', () => {
    spec.given(scheduled(), cancelled()).when(command).thenRejects('ConsultationCancelled', { reason: 'Venue unavailable' });
  });

  it('ConsultationNotFound', () => {
    spec.given().when(command).thenRejects('ConsultationNotFound', { id: CONSULTATION_ID });
  });
});
