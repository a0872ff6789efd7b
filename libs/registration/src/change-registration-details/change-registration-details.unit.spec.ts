import { describe, it } from '@jest/globals';
import { CANCELLED, CLOSED, CONSULTATION, consultation, given, meta, OPEN, past, personOf, SMALL } from '../book/registration-book.fixture.js';
import type { BookContext } from '../book/registration-book.rules.js';
import type { Requester } from '../book/requester.js';
import type { RegistrationChanges } from './change-registration-details.command.js';
import { decideChangeRegistrationDetails } from './change-registration-details.decide.js';

interface As {
  requester?: Requester;
  expectedVersion?: number;
}

/** The participant changes her own registration, unless another requester is named. */
const change = (registrationId: string, changes: RegistrationChanges, { requester = { role: 'participant', sub: personOf(registrationId) }, expectedVersion }: As = {}) =>
  (ctx: BookContext) =>
    decideChangeRegistrationDetails(
      { consultationId: CONSULTATION, registrationId, changes, requester, ...(expectedVersion !== undefined && { expectedVersion }), meta: meta({ actor: requester.sub, actorRole: requester.role }) },
      ctx,
    );

const singapore: Requester = { role: 'focal-point', sub: 'fp-sgp', state: 'SGP' };
const civilSociety = { stakeholderGroup: 'civil-society' as const, represents: { state: null, organisation: 'ICT4Peace' } };

/** r1 holds the breakout's only seat; r2 waits for it; the consultation has a seat left. */
const breakoutTaken = () => [
  past.registered('r1', { sessionIds: [SMALL] }),
  past.registered('r2', { sessionIds: [SMALL] }),
  past.confirmed('r1'),
  past.waitlisted('r2', false, [SMALL]),
];

describe('change the details of a registration', () => {
  it('records only what changed', () => {
    given(past.registered('r1'))
      .when(change('r1', { person: { jobTitle: 'Minister-Counsellor' } }))
      .then([past.changed('r1', { person: { jobTitle: 'Minister-Counsellor' } })], { status: 'pending', promoted: [] });
  });

  it('consent, role and access needs; access needs may be cleared', () => {
    given(past.registered('r1', { accessNeeds: 'Step-free access' }))
      .when(change('r1', { publicListingConsent: false, role: 'head-of-delegation', accessNeeds: null }))
      .then([past.changed('r1', { publicListingConsent: false, role: 'head-of-delegation', accessNeeds: null })]);
  });

  it('the same sessions in another order, or one given twice, are no change of sessions', () => {
    given(past.registered('r1', { sessionIds: [CLOSED, OPEN] }))
      .when(change('r1', { sessionIds: [OPEN, CLOSED, OPEN], role: 'speaker' }))
      .then([past.changed('r1', { role: 'speaker' })]);
  });

  it('a pending registration changes sessions, even to a full one: no seat moves until approval', () => {
    given(...breakoutTaken(), past.registered('r3', { sessionIds: [OPEN] }))
      .when(change('r3', { sessionIds: [SMALL] }))
      .then([past.changed('r3', { sessionIds: [SMALL] })], { status: 'pending', promoted: [] });
  });

  it('a confirmed participant leaving a full session frees its seat for the first one waiting for it', () => {
    given(...breakoutTaken())
      .when(change('r1', { sessionIds: [OPEN] }))
      .then([past.changed('r1', { sessionIds: [OPEN] }), past.promoted('r2', 'r1')], { status: 'confirmed', promoted: ['r2'] });
  });

  it('a confirmed participant keeps a seat they hold in a full session while adding another', () => {
    given(...breakoutTaken())
      .when(change('r1', { sessionIds: [SMALL, OPEN] }))
      .then([past.changed('r1', { sessionIds: [SMALL, OPEN] })], { status: 'confirmed', promoted: [] });
  });

  it('SessionFull: a confirmed participant cannot take a seat in a full session', () => {
    given(...breakoutTaken(), past.registered('r3'), past.confirmed('r3'))
      .when(change('r3', { sessionIds: [OPEN, SMALL] }))
      .thenRefuses('SessionFull', 409, { field: 'sessionIds', sessionIds: [SMALL] });
  });

  it('RegistrationVersionMismatch: If-Match on the registration, which moves with its own events only', () => {
    const history = [past.registered('r1'), past.confirmed('r1'), past.registered('r2'), past.confirmed('r2')];
    given(...history)
      .when(change('r1', { role: 'speaker' }, { expectedVersion: 1 }))
      .thenRefuses('RegistrationVersionMismatch', 412, { registrationId: 'r1', currentVersion: 2 });
    given(...history).when(change('r1', { role: 'speaker' }, { expectedVersion: 2 })).then([past.changed('r1', { role: 'speaker' })]);
  });

  it("RegistrationNotYours: a participant changes their own registration only", () => {
    given(past.registered('r1'), past.registered('r2'))
      .when(change('r1', { role: 'speaker' }, { requester: { role: 'participant', sub: personOf('r2') } }))
      .thenRefuses('RegistrationNotYours', 403);
  });

  it("a focal point changes its own State's delegates, and the secretariat anyone's", () => {
    given(past.registered('r1')).when(change('r1', { role: 'head-of-delegation' }, { requester: singapore })).then([past.changed('r1', { role: 'head-of-delegation' })]);
    given(past.registered('r1', civilSociety))
      .when(change('r1', { role: 'speaker' }, { requester: { role: 'secretariat', sub: 'sec-amara' } }))
      .then([past.changed('r1', { role: 'speaker' })]);
  });

  it("FocalPointLimitedToOwnState: not another State's delegate, and not moving its own to another State", () => {
    given(past.registered('r1', { represents: { state: 'MYS', organisation: null } }))
      .when(change('r1', { role: 'speaker' }, { requester: singapore }))
      .thenRefuses('FocalPointLimitedToOwnState', 403, { registrationId: 'r1' });
    given(past.registered('r1'))
      .when(change('r1', { represents: { state: 'MYS', organisation: null } }, { requester: singapore }))
      .thenRefuses('FocalPointLimitedToOwnState', 403, { field: 'represents.state' });
  });

  it('StateDelegationRepresentsAState: a delegate goes on representing a State', () => {
    given(past.registered('r1'))
      .when(change('r1', { represents: { state: null, organisation: 'Ministry of Foreign Affairs' } }))
      .thenRefuses('StateDelegationRepresentsAState', 422);
  });

  it('OnlyDelegationsRepresentStates: the rules apply to the registration as it would be after the change', () => {
    given(past.registered('r1'))
      .when(change('r1', { stakeholderGroup: 'academia' }))
      .thenRefuses('OnlyDelegationsRepresentStates', 422);
  });

  it('OrganisationRequired', () => {
    given(past.registered('r1'))
      .when(change('r1', { stakeholderGroup: 'un-entity', represents: { state: null, organisation: null } }))
      .thenRefuses('OrganisationRequired', 422);
  });

  it('SessionNotOnAgenda and SessionCancelled', () => {
    given(past.registered('r1')).when(change('r1', { sessionIds: ['s-unknown'] })).thenRefuses('SessionNotOnAgenda', 422, { sessionIds: ['s-unknown'] });
    given(past.registered('r1')).when(change('r1', { sessionIds: [CANCELLED] })).thenRefuses('SessionCancelled', 409, { sessionIds: [CANCELLED] });
  });

  it('ClosedSessionRequiresStateDelegate: civil society cannot join the closed session, nor a delegate holding it become civil society', () => {
    given(past.registered('r1', civilSociety)).when(change('r1', { sessionIds: [CLOSED] })).thenRefuses('ClosedSessionRequiresStateDelegate', 422);
    given(past.registered('r1', { sessionIds: [CLOSED] })).when(change('r1', civilSociety)).thenRefuses('ClosedSessionRequiresStateDelegate', 422, { sessionIds: [CLOSED] });
  });

  it('RegistrationStatusForbids: a withdrawn, declined or cancelled registration is not changed', () => {
    given(past.registered('r1'), past.withdrawn('r1')).when(change('r1', { role: 'speaker' })).thenRefuses('RegistrationStatusForbids', 409, { status: 'withdrawn' });
    given(past.registered('r1'), past.declined('r1')).when(change('r1', { role: 'speaker' })).thenRefuses('RegistrationStatusForbids', 409, { status: 'declined' });
    given(past.registered('r1'), past.cancelled('r1')).when(change('r1', { role: 'speaker' })).thenRefuses('RegistrationStatusForbids', 409, { status: 'cancelled' });
  });

  it('RegistrationNotFound, ConsultationNotFound and ConsultationCancelled', () => {
    given(past.registered('r1')).when(change('r-unknown', { role: 'speaker' })).thenRefuses('RegistrationNotFound', 404);
    given(past.registered('r1')).on(undefined).when(change('r1', { role: 'speaker' })).thenRefuses('ConsultationNotFound', 404);
    given(past.registered('r1')).on(consultation({ cancelled: true })).when(change('r1', { role: 'speaker' })).thenRefuses('ConsultationCancelled', 409);
  });
});
