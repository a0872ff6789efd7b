import { describe, it } from '@jest/globals';
import { CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded } from '../consultation/consultation.fixture.js';
import { specification } from '../testing/given-when-then.js';
import { cancelSession } from './cancel-session.decide.js';

const spec = specification(consultationFold, cancelSession);
const command = { consultationId: CONSULTATION_ID, sessionId: 's-1', reason: 'Speaker unable to travel' };
const sessionCancelled = { type: 'SessionCancelled' as const, data: command };

describe('cancel a session', () => {
  it('records the cancellation with its reason', () => {
    spec.given(scheduled(), sessionAdded()).when(command).then([sessionCancelled]);
  });

  it('SessionCancelled: a session is cancelled once', () => {
    spec.given(scheduled(), sessionAdded(), sessionCancelled).when(command).thenRejects('SessionCancelled', { reason: 'Speaker unable to travel' });
  });

  it('SessionNotFound', () => {
    spec.given(scheduled()).when(command).thenRejects('SessionNotFound');
  });

  it('ConsultationCancelled', () => {
    spec.given(scheduled(), sessionAdded(), cancelled()).when(command).thenRejects('ConsultationCancelled');
  });
});
