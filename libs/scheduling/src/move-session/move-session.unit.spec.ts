import { describe, it } from '@jest/globals';
import { CONSULTATION_ID, cancelled, consultationFold, scheduled, sessionAdded } from '../consultation/consultation.fixture.js';
import { specification } from '../testing/given-when-then.js';
import { moveSession } from './move-session.decide.js';

const spec = specification(consultationFold, (command: Parameters<typeof moveSession>[0], state) => moveSession(command, state, []));
const command = { consultationId: CONSULTATION_ID, sessionId: 's-1', room: 'Room XXI' };
const inRoomXXI = sessionAdded({ sessionId: 's-2', room: 'Room XXI', chair: null, speakers: [] });

describe('move a session to another room', () => {
  it('records the new room', () => {
    spec.given(scheduled(), sessionAdded()).when(command).then([{ type: 'SessionMoved', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', room: 'Room XXI' } }]);
  });

  it('a blank room takes the session out of any room', () => {
    spec.given(scheduled(), sessionAdded()).when({ ...command, room: '  ' }).then([{ type: 'SessionMoved', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', room: null } }]);
  });

  it('the room it is in already changes nothing', () => {
    spec.given(scheduled(), sessionAdded()).when({ ...command, room: 'Room XVIII' }).then([]);
  });

  it('RoomDoubleBooked: the new room is taken at that time', () => {
    spec.given(scheduled(), sessionAdded(), inRoomXXI).when(command).thenRejects('RoomDoubleBooked', { room: 'Room XXI', conflict: { sessionId: 's-2' } });
  });

  it('SessionCancelled', () => {
    spec
      .given(scheduled(), sessionAdded(), { type: 'SessionCancelled', data: { consultationId: CONSULTATION_ID, sessionId: 's-1', reason: 'Merged' } })
      .when(command)
      .thenRejects('SessionCancelled');
  });

  it('ConsultationCancelled', () => {
    spec.given(scheduled(), sessionAdded(), cancelled()).when(command).thenRejects('ConsultationCancelled');
  });
});
