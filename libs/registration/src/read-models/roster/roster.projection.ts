import { ERASED, type StoredEvent, streamDocumentProjection } from '@convene/event-store';
import type {
  ParticipantRole,
  PersonDetails,
  RegistrationChannel,
  RegistrationEvent,
  Represents,
  StakeholderGroup,
} from '../../book/registration-book.events.js';
import { REGISTRATION_EVENT_TYPES, registrationEventDefinitions } from '../../book/registration-book.events.js';
import type { RegistrationStatus } from '../../book/registration-book.state.js';

export interface AttendanceEntry {
  day: string;
  sessionId: string | null;
  at: string;
}

/** One thing that happened to the registration: by whom, when, and what changed. */
export interface HistoryEntry {
  type: RegistrationEvent['type'];
  version: number;
  at: string;
  actor: string;
  actorRole: string | null;
  /** The event's own fields, without the ids every event repeats. */
  details: Record<string, unknown>;
}

/** A registration as the secretariat sees it: the person's details, its status, attendance and history. */
export interface RosterEntry {
  registrationId: string;
  consultationId: string;
  personId: string;
  status: RegistrationStatus;
  channel: RegistrationChannel;
  nominatedBy: string | null;
  person: PersonDetails;
  publicListingConsent: boolean;
  stakeholderGroup: StakeholderGroup;
  represents: Represents;
  role: ParticipantRole;
  sessionIds: string[];
  accessNeeds: string | null;
  registeredAt: string;
  /** Book version of the registration: the order registrations came in. */
  registeredSeq: number;
  /** Book version of the event that put it on the waitlist; null when not waitlisted. */
  waitlistSeq: number | null;
  statusChangedAt: string;
  attendance: AttendanceEntry[];
  history: HistoryEntry[];
  /** The person's data were erased: every personal field reads "[erased]", also in the history. */
  erased: boolean;
}

export const ROSTER_TABLE = 'registration_roster';

const IDS = new Set(['consultationId', 'registrationId', 'personId']);
const withoutIds = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([k]) => !IDS.has(k)));

/** The personal fields of events besides the person's own details: read from the event definitions, never listed twice. */
const PERSONAL_DETAILS = [
  ...new Set(registrationEventDefinitions.flatMap((d) => d.personal ?? []).flatMap((spec) => spec.fields).filter((f) => !f.startsWith('person.'))),
];

/** Every personal field of the entry and of its history, as "[erased]"; what is not personal stays. */
function erase(entry: RosterEntry): RosterEntry {
  const person = Object.fromEntries(Object.keys(entry.person).map((k) => [k, ERASED])) as unknown as RosterEntry['person'];
  const history = entry.history.map((h) => {
    const details: Record<string, unknown> = { ...h.details };
    if (details.person && typeof details.person === 'object') details.person = Object.fromEntries(Object.keys(details.person).map((k) => [k, ERASED]));
    for (const k of PERSONAL_DETAILS) if (typeof details[k] === 'string') details[k] = ERASED;
    return { ...h, details };
  });
  return { ...entry, person, accessNeeds: entry.accessNeeds === null ? null : ERASED, publicListingConsent: false, history, erased: true };
}

const STATUS_AFTER: Partial<Record<RegistrationEvent['type'], RegistrationStatus>> = {
  RegistrationConfirmed: 'confirmed',
  WaitlistedRegistrationPromoted: 'confirmed',
  RegistrationWaitlisted: 'waitlisted',
  RegistrationDeclined: 'declined',
  RegistrationWithdrawn: 'withdrawn',
  RegistrationCancelled: 'cancelled',
};

function apply(entry: RosterEntry | null, stored: StoredEvent): RosterEntry | null {
  const event = { type: stored.type, data: stored.data } as unknown as RegistrationEvent;
  const at = stored.metadata.occurredAt;
  const history: HistoryEntry = {
    type: event.type,
    version: stored.version,
    at,
    actor: stored.metadata.actor,
    actorRole: stored.metadata.actorRole ?? null,
    details: withoutIds(stored.data),
  };
  if (event.type === 'ParticipantRegistered') {
    const d = event.data;
    return {
      registrationId: d.registrationId,
      consultationId: d.consultationId,
      personId: d.personId,
      status: 'pending',
      channel: d.channel,
      nominatedBy: d.nominatedBy,
      person: d.person,
      publicListingConsent: d.publicListingConsent,
      stakeholderGroup: d.stakeholderGroup,
      represents: d.represents,
      role: d.role,
      sessionIds: d.sessionIds,
      accessNeeds: d.accessNeeds,
      registeredAt: at,
      registeredSeq: stored.version,
      waitlistSeq: null,
      statusChangedAt: at,
      attendance: [],
      history: [history],
      erased: false,
    };
  }
  if (!entry) return entry;
  if (event.type === 'ParticipantDataErased') return erase({ ...entry, history: [...entry.history, history] });
  const next: RosterEntry = { ...entry, history: [...entry.history, history] };
  const status = STATUS_AFTER[event.type];
  if (status) {
    next.status = status;
    next.statusChangedAt = at;
    next.waitlistSeq = status === 'waitlisted' ? stored.version : null;
  }
  switch (event.type) {
    case 'RegistrationDetailsChanged': {
      const { person, publicListingConsent, stakeholderGroup, represents, role, sessionIds, accessNeeds } = event.data;
      // Read back before the key was gone, a change recorded after the erasure must not bring data back.
      if (next.erased) return erase(next);
      if (person) next.person = { ...next.person, ...person };
      if (publicListingConsent !== undefined) next.publicListingConsent = publicListingConsent;
      if (stakeholderGroup) next.stakeholderGroup = stakeholderGroup;
      if (represents) next.represents = represents;
      if (role) next.role = role;
      if (sessionIds) next.sessionIds = sessionIds;
      if (accessNeeds !== undefined) next.accessNeeds = accessNeeds;
      break;
    }
    case 'ParticipantCheckedIn':
      next.attendance = [...next.attendance, { day: event.data.day, sessionId: event.data.sessionId, at }];
      break;
    case 'CheckInUndone':
      next.attendance = next.attendance.filter((a) => !(a.day === event.data.day && a.sessionId === event.data.sessionId));
      break;
    default:
      break;
  }
  return next;
}

/**
 * The roster of one book as the projection would make it from these events (a book stream read
 * up to some version or instant): the same `apply`, one entry per registration, in the order
 * the registrations came in. For documents "as of" a past moment.
 */
export function foldRoster(events: StoredEvent[]): RosterEntry[] {
  const entries = new Map<string, RosterEntry | null>();
  for (const e of [...events].sort((a, b) => a.version - b.version)) {
    const id = (e.data as { registrationId: string }).registrationId;
    entries.set(id, apply(entries.get(id) ?? null, e));
  }
  return [...entries.values()].filter((e): e is RosterEntry => e !== null).sort((a, b) => a.registeredSeq - b.registeredSeq);
}

/**
 * The roster: one row per registration, folded from the consultation's book stream. Each row
 * keeps the book version it reflects; a registration's events rise in version within the book,
 * so redelivered or per-partition-ordered events (Kafka) give the same rows.
 */
export const rosterProjection = streamDocumentProjection<RosterEntry | null>({
  name: 'registration.roster',
  version: 2,
  table: ROSTER_TABLE,
  eventTypes: REGISTRATION_EVENT_TYPES,
  rowId: (e) => (e.data as { registrationId: string }).registrationId,
  initial: () => null,
  apply,
  exists: (doc) => doc !== null,
  columns: [
    { name: 'consultation_id', type: 'text', value: (d) => d!.consultationId },
    { name: 'person_id', type: 'text', value: (d) => d!.personId },
    { name: 'status', type: 'text', value: (d) => d!.status },
    { name: 'stakeholder_group', type: 'text', value: (d) => d!.stakeholderGroup },
    { name: 'represented_state', type: 'text', value: (d) => d!.represents.state },
    { name: 'registered_seq', type: 'integer', value: (d) => d!.registeredSeq },
    { name: 'waitlist_seq', type: 'integer', value: (d) => d!.waitlistSeq },
    { name: 'attended', type: 'boolean', value: (d) => d!.attendance.length > 0 },
  ],
  indexes: ['consultation_id, registered_seq', 'person_id'],
});
