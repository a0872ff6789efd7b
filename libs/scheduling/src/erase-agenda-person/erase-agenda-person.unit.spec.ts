import { describe, expect, it } from '@jest/globals';
import { ERASED } from '@convene/event-store';
import { CONSULTATION_ID, alice, bob, cancelled, carol, consultationFold, scheduled, sessionAdded } from '../consultation/consultation.fixture.js';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { specification } from '../testing/given-when-then.js';
import { eraseAgendaPerson } from './erase-agenda-person.decide.js';

const spec = specification(consultationFold, eraseAgendaPerson);
const reason = 'Data subject request DPR-2027-014';
const command = { consultationId: CONSULTATION_ID, personId: alice.personId, reason };
const erased = (sessionIds: string[]): ConsultationEvent => ({ type: 'AgendaPersonDataErased', data: { ...command, sessionIds } });

describe('erase a person from the agenda', () => {
  it('records one erasure naming every session where the person chairs, moderates or speaks', () => {
    spec
      .given(
        scheduled(),
        sessionAdded({ sessionId: 's-1', chair: alice, moderator: null, speakers: [bob] }),
        sessionAdded({ sessionId: 's-2', chair: bob, moderator: null, speakers: [carol] }),
        sessionAdded({ sessionId: 's-3', chair: null, moderator: bob, speakers: [carol, alice] }),
      )
      .when(command)
      .then([erased(['s-1', 's-3'])]);
  });

  it('records nothing for a person the agenda does not name, or names no more', () => {
    spec.given(scheduled(), sessionAdded({ sessionId: 's-1', chair: bob, moderator: null, speakers: [carol] })).when(command).then([]);
    spec.given(scheduled(), sessionAdded({ sessionId: 's-1', chair: alice, moderator: null, speakers: [] }), erased(['s-1'])).when(command).then([]);
  });

  it('is never refused by a cancellation: a cancelled consultation keeps its agenda, erased too', () => {
    spec.given(scheduled(), sessionAdded({ sessionId: 's-1', chair: alice, moderator: null, speakers: [] }), cancelled()).when(command).then([erased(['s-1'])]);
  });

  it('ConsultationNotFound', () => {
    spec.given().when(command).thenRejects('ConsultationNotFound');
  });

  it('the agenda keeps the person and their roles, with "[erased]" for name and affiliation, and others untouched', () => {
    const state = [
      scheduled(),
      sessionAdded({ sessionId: 's-1', chair: alice, moderator: bob, speakers: [alice, carol] }),
      erased(['s-1']),
    ].reduce(consultationFold.evolve, consultationFold.initial());
    const session = state!.sessions[0];
    expect(session.chair).toEqual({ personId: alice.personId, name: ERASED, affiliation: ERASED });
    expect(session.speakers).toEqual([{ personId: alice.personId, name: ERASED, affiliation: ERASED }, carol]);
    expect(session.moderator).toEqual(bob);
    expect(session.revision).toBe(1);
  });
});
