import type { CommandMeta } from '@convene/event-store';

export interface ApproveRegistrationsInput {
  consultationId: string;
  /** In the order to decide them; with `allPending`, every pending registration in the order they came in. */
  registrationIds: string[];
  allPending?: boolean;
  meta: CommandMeta;
}

/** The secretariat approves one registration or many at once. */
export class ApproveRegistrations {
  constructor(readonly input: ApproveRegistrationsInput) {}
}

export interface ApprovalOutcome {
  registrationId: string;
  /** confirmed or waitlisted (and where on the waitlist). */
  status: string;
  waitlistPosition: number | null;
}
