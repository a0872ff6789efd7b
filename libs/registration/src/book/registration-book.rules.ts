import { NotFound, RuleViolation } from '@convene/event-store';
import type { ConsultationFacts, Memberships, SessionFacts } from '../ports/consultations.js';
import { type RegistrationEvent, type RegistrationRequest, STATE_GROUPS } from './registration-book.events.js';
import type { RegistrationBook, RegistrationRecord, RegistrationStatus } from './registration-book.state.js';

/** What every decision is made against: the book, and the consultation as scheduling has it. */
export interface BookContext {
  book: RegistrationBook;
  consultation: ConsultationFacts | undefined;
  memberships: Memberships;
  /** The person id of an e-mail address a command asked for (see RegistrationBooks.decide). */
  personOf(email: string): string;
}

export function requireConsultation(ctx: BookContext): ConsultationFacts {
  if (!ctx.consultation) throw new NotFound('Consultation', ctx.book.consultationId);
  return ctx.consultation;
}

export function requireNotCancelled(consultation: ConsultationFacts): void {
  if (consultation.cancelled) {
    throw new RuleViolation('ConsultationCancelled', 'The consultation was cancelled: its registrations cannot change', 409, {
      consultationId: consultation.consultationId,
    });
  }
}

export function requireRegistration(book: RegistrationBook, registrationId: string): RegistrationRecord {
  const r = book.get(registrationId);
  if (!r) throw new NotFound('Registration', registrationId);
  return r;
}

/** If-Match on a registration: the caller decided on a version of it; refuse when it has moved on. */
export function requireRegistrationVersion(r: RegistrationRecord, expected: number | undefined): void {
  if (expected !== undefined && expected !== r.version) {
    throw new RuleViolation('RegistrationVersionMismatch', `The registration is at version ${r.version}, not at ${expected}`, 412, {
      registrationId: r.registrationId,
      currentVersion: r.version,
    });
  }
}

/**
 * Text written about a person is sealed under their key; once their data were erased there is no
 * key to seal it with, and the text is not recorded (the decision still is).
 */
export const aboutPerson = (book: RegistrationBook, personId: string, text: string | null): string | null => (book.erased.has(personId) ? null : text);

/** A change of a person's own details cannot be recorded once their data were erased. */
export function requireNotErased(book: RegistrationBook, r: RegistrationRecord): void {
  if (book.erased.has(r.personId)) {
    throw new RuleViolation('SubjectDataErased', 'The personal data of this registration were erased; its details cannot be changed', 409, {
      registrationId: r.registrationId,
    });
  }
}

/** A transition that the registration's status does not allow. */
export function statusForbids(r: RegistrationRecord, action: string, rule = 'RegistrationStatusForbids'): never {
  throw new RuleViolation(rule, `A ${r.status} registration cannot be ${action}`, 409, { registrationId: r.registrationId, status: r.status });
}

export const isOneOf = (status: RegistrationStatus, ...statuses: RegistrationStatus[]) => statuses.includes(status);

/**
 * Who the request says the person speaks for must fit the stakeholder group: delegations speak
 * for a State, UN entities and regional organisations for an organisation; the others may name
 * their organisation or come in their own capacity.
 */
export function checkRepresentation(request: Pick<RegistrationRequest, 'stakeholderGroup' | 'represents'>): void {
  const { stakeholderGroup, represents } = request;
  if (STATE_GROUPS.includes(stakeholderGroup)) {
    if (!represents.state || represents.organisation) {
      throw new RuleViolation('StateDelegationRepresentsAState', `A ${stakeholderGroup} registration represents a State (represents.state) and no organisation`, 422, {
        field: 'represents',
      });
    }
    return;
  }
  if (represents.state) {
    throw new RuleViolation('OnlyDelegationsRepresentStates', `Only member-state and observer-state registrations represent a State; a ${stakeholderGroup} registration names its organisation`, 422, {
      field: 'represents.state',
    });
  }
  if ((stakeholderGroup === 'un-entity' || stakeholderGroup === 'regional-organization') && !represents.organisation) {
    throw new RuleViolation('OrganisationRequired', `A ${stakeholderGroup} registration names the organisation it represents`, 422, { field: 'represents.organisation' });
  }
}

/** The sessions asked for, each on the agenda and not cancelled; duplicates dropped. */
export function chosenSessions(consultation: ConsultationFacts, sessionIds: string[]): SessionFacts[] {
  const unique = [...new Set(sessionIds)];
  const byId = new Map(consultation.sessions.map((s) => [s.sessionId, s]));
  const unknown = unique.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new RuleViolation('SessionNotOnAgenda', 'Some sessions asked for are not on the consultation’s agenda', 422, { field: 'sessionIds', sessionIds: unknown });
  }
  const cancelled = unique.filter((id) => byId.get(id)!.cancelled);
  if (cancelled.length > 0) {
    throw new RuleViolation('SessionCancelled', 'Some sessions asked for were cancelled', 409, { field: 'sessionIds', sessionIds: cancelled });
  }
  return unique.map((id) => byId.get(id)!);
}

/**
 * Closed sessions admit the member-State delegates of the consultation's regional organisation,
 * as its membership stood on the consultation's first day, and the organisers (UN entities and
 * regional organisations' staff).
 */
export function mayAttendClosed(
  request: Pick<RegistrationRequest, 'stakeholderGroup' | 'represents'>,
  consultation: ConsultationFacts,
  memberships: Memberships,
): boolean {
  if (request.stakeholderGroup === 'un-entity' || request.stakeholderGroup === 'regional-organization') return true;
  if (request.stakeholderGroup !== 'member-state' || !request.represents.state) return false;
  if (consultation.regionalOrganisation === null) return true;
  return memberships.membersAsOf(consultation.regionalOrganisation, consultation.startDate).includes(request.represents.state);
}

export function checkClosedSessions(
  request: Pick<RegistrationRequest, 'stakeholderGroup' | 'represents'>,
  sessions: SessionFacts[],
  consultation: ConsultationFacts,
  memberships: Memberships,
): void {
  const closed = sessions.filter((s) => s.access === 'closed');
  if (closed.length === 0 || mayAttendClosed(request, consultation, memberships)) return;
  const organisation = consultation.regionalOrganisation ?? 'any regional organisation';
  throw new RuleViolation(
    'ClosedSessionRequiresStateDelegate',
    `Closed sessions are for the delegates of the member States of ${organisation} (as of ${consultation.startDate}) and the organisers`,
    422,
    { field: 'sessionIds', sessionIds: closed.map((s) => s.sessionId) },
  );
}

/** Seats taken, as counted while a decision is being made (promotions take seats one by one). */
export interface SeatCount {
  confirmed: number;
  bySession: Map<string, number>;
}

export const seatCount = (book: RegistrationBook): SeatCount => ({ confirmed: book.confirmed, bySession: new Map(book.confirmedBySession) });

export function release(count: SeatCount, sessionIds: string[]): void {
  count.confirmed -= 1;
  for (const s of sessionIds) count.bySession.set(s, (count.bySession.get(s) ?? 0) - 1);
}

export function take(count: SeatCount, sessionIds: string[]): void {
  count.confirmed += 1;
  for (const s of sessionIds) count.bySession.set(s, (count.bySession.get(s) ?? 0) + 1);
}

/** What is full for this registration: the consultation, and the sessions with seats of their own. */
export function fullFor(count: SeatCount, sessionIds: string[], consultation: ConsultationFacts): { consultationFull: boolean; fullSessionIds: string[] } {
  const capacities = new Map(consultation.sessions.map((s) => [s.sessionId, s.capacity]));
  const fullSessionIds = sessionIds.filter((s) => {
    const capacity = capacities.get(s);
    return capacity !== null && capacity !== undefined && (count.bySession.get(s) ?? 0) >= capacity;
  });
  return { consultationFull: count.confirmed >= consultation.capacity, fullSessionIds };
}

/**
 * After seats were freed: the waitlisted registrations, in the order they joined, each promoted
 * if everything it asked for has a seat now. One freed seat promotes at most one registration
 * for the consultation's limit; a registration held back by a full session lets the next one
 * that fits go first rather than leave the seat empty.
 */
export function promotions(
  book: RegistrationBook,
  consultation: ConsultationFacts,
  count: SeatCount,
  freedBy: string,
  /** Sessions a registration asks for as of the decision being made (a change not yet in the book). */
  sessionsNow: ReadonlyMap<string, string[]> = new Map(),
): RegistrationEvent[] {
  const events: RegistrationEvent[] = [];
  for (const id of book.waitlist) {
    const r = book.get(id);
    if (!r || (r.registrationId === freedBy && !sessionsNow.has(id)) || r.status !== 'waitlisted') continue;
    const sessionIds = sessionsNow.get(id) ?? r.sessionIds;
    const full = fullFor(count, sessionIds, consultation);
    if (full.consultationFull) break;
    if (full.fullSessionIds.length > 0) continue;
    take(count, sessionIds);
    events.push({ type: 'WaitlistedRegistrationPromoted', data: { consultationId: book.consultationId, registrationId: id, personId: r.personId, freedBy } });
  }
  return events;
}

/** A decision: the events to append, and what to answer. */
export interface Decision<R> {
  events: RegistrationEvent[];
  reply: R;
}
