import type { ParticipantRole, RegistrationEvent, Represents, StakeholderGroup } from './registration-book.events.js';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'declined', 'withdrawn', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration still in the running: it holds, or may come to hold, a seat. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

export interface CheckIn {
  day: string;
  sessionId: string | null;
}

/**
 * What decisions need to know about one registration. Personal details are not kept here:
 * no rule looks at a name, and the book stays small however many people register.
 */
export interface RegistrationRecord {
  registrationId: string;
  personId: string;
  status: RegistrationStatus;
  nominatedBy: string | null;
  stakeholderGroup: StakeholderGroup;
  represents: Represents;
  role: ParticipantRole;
  sessionIds: string[];
  checkIns: CheckIn[];
  /** Book version of the last event about this registration: its ETag. */
  version: number;
}

/**
 * The registrations of one consultation, folded from its book stream.
 *
 * Mutable on purpose: a consultation may hold thousands of registrations and a batch of
 * commands is decided one after another against it, so `evolve` changes it in place in O(1)
 * per event. Decide functions only read it; the book (registration-books.ts) discards a state
 * whose append failed and folds it again from the store.
 */
export class RegistrationBook {
  version = 0;
  readonly registrations = new Map<string, RegistrationRecord>();
  /** person -> their registration that is still active (one per person: a second one returns this). */
  readonly activeByPerson = new Map<string, string>();
  confirmed = 0;
  readonly confirmedBySession = new Map<string, number>();
  /** Registration ids in the order they joined the waitlist. */
  waitlist: string[] = [];
  /** People whose data were erased: the fact is kept, their data are unreadable. */
  readonly erased = new Set<string>();

  constructor(readonly consultationId: string) {}

  get(registrationId: string): RegistrationRecord | undefined {
    return this.registrations.get(registrationId);
  }

  confirmedIn(sessionId: string): number {
    return this.confirmedBySession.get(sessionId) ?? 0;
  }

  private seat(r: RegistrationRecord, delta: 1 | -1): void {
    this.confirmed += delta;
    for (const s of r.sessionIds) this.confirmedBySession.set(s, this.confirmedIn(s) + delta);
  }

  private setStatus(r: RegistrationRecord, status: RegistrationStatus): void {
    if (r.status === 'confirmed') this.seat(r, -1);
    if (r.status === 'waitlisted') this.waitlist = this.waitlist.filter((id) => id !== r.registrationId);
    r.status = status;
    if (status === 'confirmed') this.seat(r, 1);
    if (status === 'waitlisted') this.waitlist.push(r.registrationId);
    if (!ACTIVE_STATUSES.includes(status) && this.activeByPerson.get(r.personId) === r.registrationId) this.activeByPerson.delete(r.personId);
  }

  /** Applies one event at the given stream version. */
  evolve(event: RegistrationEvent, version: number): this {
    this.version = version;
    if (event.type === 'ParticipantRegistered') {
      const d = event.data;
      const record: RegistrationRecord = {
        registrationId: d.registrationId,
        personId: d.personId,
        status: 'pending',
        nominatedBy: d.nominatedBy,
        stakeholderGroup: d.stakeholderGroup,
        represents: d.represents,
        role: d.role,
        sessionIds: [...d.sessionIds],
        checkIns: [],
        version,
      };
      this.registrations.set(d.registrationId, record);
      this.activeByPerson.set(d.personId, d.registrationId);
      return this;
    }
    const r = this.registrations.get(event.data.registrationId);
    // A stream only holds events decided against a registration it holds; tolerate, never throw in a fold.
    if (!r) return this;
    r.version = version;
    switch (event.type) {
      case 'RegistrationDetailsChanged': {
        const d = event.data;
        if (d.sessionIds && r.status === 'confirmed') {
          this.seat(r, -1);
          r.sessionIds = [...d.sessionIds];
          this.seat(r, 1);
        } else if (d.sessionIds) r.sessionIds = [...d.sessionIds];
        if (d.stakeholderGroup) r.stakeholderGroup = d.stakeholderGroup;
        if (d.represents) r.represents = d.represents;
        if (d.role) r.role = d.role;
        return this;
      }
      case 'RegistrationConfirmed':
      case 'WaitlistedRegistrationPromoted':
        this.setStatus(r, 'confirmed');
        return this;
      case 'RegistrationWaitlisted':
        this.setStatus(r, 'waitlisted');
        return this;
      case 'RegistrationDeclined':
        this.setStatus(r, 'declined');
        return this;
      case 'RegistrationWithdrawn':
        this.setStatus(r, 'withdrawn');
        return this;
      case 'RegistrationCancelled':
        this.setStatus(r, 'cancelled');
        return this;
      case 'ParticipantCheckedIn':
        r.checkIns.push({ day: event.data.day, sessionId: event.data.sessionId });
        return this;
      case 'ParticipantDataErased':
        this.erased.add(event.data.personId);
        return this;
      case 'ParticipantLinkReissued':
        return this;
      case 'CheckInUndone': {
        const { day, sessionId } = event.data;
        r.checkIns = r.checkIns.filter((c) => !(c.day === day && c.sessionId === sessionId));
        return this;
      }
    }
  }
}

export const isCheckedIn = (r: RegistrationRecord, day: string, sessionId: string | null) =>
  r.checkIns.some((c) => c.day === day && c.sessionId === sessionId);
