import { describe, it } from '@jest/globals';
import {
  CANCELLED,
  CLOSED,
  CONSULTATION,
  consultation,
  DEADLINE,
  given,
  meta,
  OPEN,
  past,
  person,
  personOf,
  SMALL,
} from '../book/registration-book.fixture.js';
import type { RegisterParticipantInput } from './register-participant.command.js';
import { decideRegisterParticipant } from './register-participant.decide.js';

type Command = RegisterParticipantInput & { personId: string };

/** Noor Rahman registers herself as a Singapore delegate for the open session. */
const command = (overrides: Partial<Command> = {}): Command => ({
  consultationId: CONSULTATION,
  registrationId: 'r-new',
  personId: 'person-noor',
  person: person(),
  publicListingConsent: true,
  stakeholderGroup: 'member-state',
  represents: { state: 'SGP', organisation: null },
  role: 'head-of-delegation',
  sessionIds: [OPEN],
  accessNeeds: 'Vegetarian meals',
  channel: 'self',
  nominatingState: null,
  meta: meta({ actor: 'anonymous', actorRole: 'public' }),
  ...overrides,
});

const register = (overrides: Partial<Command> = {}) => (ctx: Parameters<typeof decideRegisterParticipant>[1]) => decideRegisterParticipant(command(overrides), ctx);

/** The event a registration of `command(overrides)` records. */
const registeredEvent = (overrides: Partial<Command> = {}, data: Record<string, unknown> = {}) => {
  const c = command(overrides);
  return {
    type: 'ParticipantRegistered',
    data: {
      consultationId: CONSULTATION,
      registrationId: c.registrationId,
      personId: c.personId,
      person: c.person,
      publicListingConsent: c.publicListingConsent,
      stakeholderGroup: c.stakeholderGroup,
      represents: c.represents,
      role: c.role,
      sessionIds: c.sessionIds,
      accessNeeds: c.accessNeeds,
      channel: c.channel,
      nominatedBy: null,
      ...data,
    },
  };
};

/** A civil-society observer in her own capacity, for the sessions given. */
const ngo = (sessionIds: string[]): Partial<Command> => ({ stakeholderGroup: 'civil-society', represents: { state: null, organisation: 'ICT4Peace' }, role: 'observer', sessionIds });

describe('register a participant', () => {
  it('self-registration while registration is open: pending, with every detail the person gave', () => {
    given()
      .when(register())
      .then([registeredEvent()], { registrationId: 'r-new', personId: 'person-noor', status: 'pending', existing: false });
  });

  it('a session asked for twice is recorded once', () => {
    given()
      .when(register({ sessionIds: [OPEN, SMALL, OPEN] }))
      .then([registeredEvent({ sessionIds: [OPEN, SMALL] })]);
  });

  it('the same person (same e-mail, so the same person id) gets the registration they have, with its status, and nothing is recorded', () => {
    given(past.registered('r-1'), past.confirmed('r-1'))
      .when(register({ personId: personOf('r-1') }))
      .then([], { registrationId: 'r-1', personId: personOf('r-1'), status: 'confirmed', existing: true });
  });

  it('a retry of the request that made the registration (same id: same Idempotency-Key) gets the first answer, and nothing is recorded', () => {
    given(past.registered('r-1'), past.confirmed('r-1'))
      .when(register({ registrationId: 'r-1', personId: personOf('r-1') }))
      .then([], { registrationId: 'r-1', personId: personOf('r-1'), status: 'confirmed', existing: false });
  });

  it('the existing registration is returned even once registration has closed', () => {
    given(past.registered('r-1'))
      .on(consultation({ registration: { status: 'closed', deadlineUtc: DEADLINE } }))
      .when(register({ personId: personOf('r-1') }))
      .then([], { registrationId: 'r-1', personId: personOf('r-1'), status: 'pending', existing: true });
  });

  it('a person whose registration was withdrawn may register again', () => {
    given(past.registered('r-1'), past.withdrawn('r-1'))
      .when(register({ personId: personOf('r-1') }))
      .then([registeredEvent({ personId: personOf('r-1') })], { registrationId: 'r-new', personId: personOf('r-1'), status: 'pending', existing: false });
  });

  it('ConsultationNotFound: scheduling does not know the consultation', () => {
    given().on(undefined).when(register()).thenRefuses('ConsultationNotFound', 404);
  });

  it('ConsultationCancelled', () => {
    given().on(consultation({ cancelled: true })).when(register()).thenRefuses('ConsultationCancelled', 409);
  });

  it('RegistrationNotOpen: before registration opens, and once it has closed', () => {
    given()
      .on(consultation({ registration: { status: 'not-opened', deadlineUtc: null } }))
      .when(register())
      .thenRefuses('RegistrationNotOpen', 409, { status: 'not-opened' });
    given()
      .on(consultation({ registration: { status: 'closed', deadlineUtc: DEADLINE } }))
      .when(register())
      .thenRefuses('RegistrationNotOpen', 409, { status: 'closed' });
  });

  it('RegistrationDeadlinePassed: a minute after the deadline; a nomination is held to it as well', () => {
    const late = meta({ occurredAt: '2025-06-10T10:01:00.000Z' });
    given().when(register({ meta: late })).thenRefuses('RegistrationDeadlinePassed', 409, { deadlineUtc: DEADLINE });
    given()
      .when(register({ meta: late, channel: 'nomination', nominatingState: 'SGP' }))
      .thenRefuses('RegistrationDeadlinePassed', 409);
  });

  it('the last millisecond before the deadline is in time', () => {
    given()
      .when(register({ meta: meta({ occurredAt: '2025-06-10T09:59:59.999Z' }) }))
      .then([registeredEvent()]);
  });

  // Deadlines are stored without milliseconds ("2025-06-10T10:00:00Z"), commands are stamped with
  // them ("2025-06-10T10:00:00.500Z"): compared as text, '.' sorts before 'Z' and the late one passes.
  it('RegistrationDeadlinePassed: half a second after the deadline is late', () => {
    given()
      .when(register({ meta: meta({ occurredAt: '2025-06-10T10:00:00.500Z' }) }))
      .thenRefuses('RegistrationDeadlinePassed', 409);
  });

  it('the secretariat records a registration outside the window: before it opens, after it closes, after the deadline', () => {
    const bySecretariat = { channel: 'secretariat' as const, meta: meta({ occurredAt: '2025-06-16T01:00:00.000Z' }) };
    for (const registration of [
      { status: 'not-opened' as const, deadlineUtc: null },
      { status: 'closed' as const, deadlineUtc: DEADLINE },
      { status: 'open' as const, deadlineUtc: DEADLINE },
    ]) {
      given()
        .on(consultation({ registration }))
        .when(register(bySecretariat))
        .then([registeredEvent(bySecretariat)]);
    }
  });

  it("a focal point nominates its own State's delegate: marked as nominated by that State", () => {
    given()
      .when(register({ channel: 'nomination', nominatingState: 'SGP' }))
      .then([registeredEvent({ channel: 'nomination' }, { nominatedBy: 'SGP' })]);
  });

  it('FocalPointLimitedToOwnState: not for another State, and not for anyone who is not a delegate', () => {
    const bySingapore = { channel: 'nomination' as const, nominatingState: 'SGP' };
    given()
      .when(register({ ...bySingapore, represents: { state: 'MYS', organisation: null } }))
      .thenRefuses('FocalPointLimitedToOwnState', 403, { field: 'represents.state' });
    given()
      .when(register({ ...bySingapore, ...ngo([]) }))
      .thenRefuses('FocalPointLimitedToOwnState', 403);
  });

  it('StateDelegationRepresentsAState: a member-State or observer-State registration names a State and no organisation', () => {
    given()
      .when(register({ represents: { state: null, organisation: 'Ministry of Foreign Affairs' } }))
      .thenRefuses('StateDelegationRepresentsAState', 422, { field: 'represents' });
    given()
      .when(register({ represents: { state: 'SGP', organisation: 'Ministry of Foreign Affairs' } }))
      .thenRefuses('StateDelegationRepresentsAState', 422);
    given()
      .when(register({ stakeholderGroup: 'observer-state', represents: { state: null, organisation: null } }))
      .thenRefuses('StateDelegationRepresentsAState', 422);
  });

  it('OnlyDelegationsRepresentStates: an academic does not represent a State', () => {
    given()
      .when(register({ stakeholderGroup: 'academia', represents: { state: 'SGP', organisation: 'NUS' } }))
      .thenRefuses('OnlyDelegationsRepresentStates', 422, { field: 'represents.state' });
  });

  it('OrganisationRequired: a UN entity or a regional organisation names the organisation it represents', () => {
    given()
      .when(register({ stakeholderGroup: 'un-entity', represents: { state: null, organisation: null } }))
      .thenRefuses('OrganisationRequired', 422, { field: 'represents.organisation' });
    given()
      .when(register({ stakeholderGroup: 'regional-organization', represents: { state: null, organisation: '' } }))
      .thenRefuses('OrganisationRequired', 422);
  });

  it('an invited expert may come in her own capacity', () => {
    const expert = { stakeholderGroup: 'invited-expert' as const, represents: { state: null, organisation: null } };
    given().when(register(expert)).then([registeredEvent(expert)]);
  });

  it('SessionNotOnAgenda: names the sessions that are not', () => {
    given()
      .when(register({ sessionIds: [OPEN, 's-unknown'] }))
      .thenRefuses('SessionNotOnAgenda', 422, { field: 'sessionIds', sessionIds: ['s-unknown'] });
  });

  it('SessionCancelled', () => {
    given()
      .when(register({ sessionIds: [OPEN, CANCELLED] }))
      .thenRefuses('SessionCancelled', 409, { sessionIds: [CANCELLED] });
  });

  describe('ClosedSessionRequiresStateDelegate', () => {
    it('refuses the delegate of a State that is not an ASEAN member, naming the closed sessions', () => {
      given()
        .when(register({ represents: { state: 'FRA', organisation: null }, sessionIds: [CLOSED, OPEN] }))
        .thenRefuses('ClosedSessionRequiresStateDelegate', 422, { field: 'sessionIds', sessionIds: [CLOSED] });
    });

    it('refuses civil society, and an observer State even when it is a member', () => {
      given().when(register(ngo([CLOSED]))).thenRefuses('ClosedSessionRequiresStateDelegate', 422);
      given()
        .when(register({ stakeholderGroup: 'observer-state', sessionIds: [CLOSED] }))
        .thenRefuses('ClosedSessionRequiresStateDelegate', 422);
    });

    it('admits the delegates of the member States and the organisers (UN entities, regional organisations)', () => {
      given().when(register({ sessionIds: [CLOSED] })).then([registeredEvent({ sessionIds: [CLOSED] })]);
      for (const organiser of [
        { stakeholderGroup: 'un-entity' as const, represents: { state: null, organisation: 'UNODA' } },
        { stakeholderGroup: 'regional-organization' as const, represents: { state: null, organisation: 'ASEAN Secretariat' } },
      ]) {
        given()
          .when(register({ ...organiser, sessionIds: [CLOSED] }))
          .then([registeredEvent({ ...organiser, sessionIds: [CLOSED] })]);
      }
    });

    it('takes membership as it stood on the first day: Timor-Leste, admitted to ASEAN on 26 October 2025, is refused for June 2025', () => {
      const timorLeste = { represents: { state: 'TLS', organisation: null }, sessionIds: [CLOSED] };
      given().when(register(timorLeste)).thenRefuses('ClosedSessionRequiresStateDelegate', 422);
      const november = consultation({
        startDate: '2025-11-04',
        endDate: '2025-11-05',
        sessions: consultation().sessions.map((s) => ({ ...s, day: '2025-11-04' })),
      });
      given().on(november).when(register(timorLeste)).then([registeredEvent(timorLeste)]);
    });

    it('a cross-regional consultation admits the delegate of any State, but still no one else', () => {
      const crossRegional = consultation({ regionalOrganisation: null });
      const france = { represents: { state: 'FRA', organisation: null }, sessionIds: [CLOSED] };
      given().on(crossRegional).when(register(france)).then([registeredEvent(france)]);
      given().on(crossRegional).when(register(ngo([CLOSED]))).thenRefuses('ClosedSessionRequiresStateDelegate', 422);
    });

    it('an open session admits anyone', () => {
      given().when(register(ngo([OPEN]))).then([registeredEvent(ngo([OPEN]))]);
    });
  });
});
