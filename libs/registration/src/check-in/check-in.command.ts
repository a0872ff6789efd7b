import type { CommandMeta } from '@convene/event-store';

export interface CheckInInput {
  consultationId: string;
  registrationId: string;
  /** Venue day (YYYY-MM-DD); absent: the session's day, or today at the venue. */
  day?: string;
  /** Absent or null: at the door for the day. */
  sessionId?: string | null;
  meta: CommandMeta;
}

/** The secretariat records that a confirmed participant is here (for the day, or for one session). */
export class CheckIn {
  constructor(readonly input: CheckInInput) {}
}

export interface UndoCheckInInput extends CheckInInput {
  reason: string | null;
}

/** A wrong check-in (the wrong person, the wrong session) is undone, never deleted. */
export class UndoCheckIn {
  constructor(readonly input: UndoCheckInInput) {}
}

export interface CheckInReply {
  registrationId: string;
  day: string;
  sessionId: string | null;
  checkedIn: boolean;
}
