/** A session as registration sees it: who may attend, and how many. */
export interface SessionFacts {
  sessionId: string;
  title: string;
  /** closed: member-State delegates of the regional organisation and the organisers only. */
  access: 'closed' | 'open';
  /** Seats of its own; null: only the consultation's limit applies. */
  capacity: number | null;
  cancelled: boolean;
  /** Venue day (YYYY-MM-DD) the session is held on. */
  day: string;
}

/** What the registration rules need to know about a consultation (scheduling owns it). */
export interface ConsultationFacts {
  consultationId: string;
  seriesId: string;
  title: string;
  /** Code of the regional organisation (ASEAN, OSCE, ...); null for a cross-regional consultation. */
  regionalOrganisation: string | null;
  startDate: string;
  endDate: string;
  timeZone: string;
  capacity: number;
  cancelled: boolean;
  registration: { status: 'not-opened' | 'open' | 'closed'; deadlineUtc: string | null };
  sessions: SessionFacts[];
}

/** Port: the consultation a registration is for. */
export interface Consultations {
  find(consultationId: string): Promise<ConsultationFacts | undefined>;
}

export const REGISTRATION_CONSULTATIONS = Symbol('RegistrationConsultations');

/** Port: the member States of a regional organisation on a day (reference data). */
export interface Memberships {
  membersAsOf(organisation: string, day: string): string[];
}

export const MEMBERSHIPS = Symbol('Memberships');
