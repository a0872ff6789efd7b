import type { CommandMeta } from '@convene/event-store';

export interface EraseParticipantDataInput {
  personId: string;
  /** Why (a reference to the request, e.g. "Data subject request DPR-2027-014"): no personal data. */
  reason: string;
  meta: CommandMeta;
}

/** The secretariat erases a person's data: the events stay, the data become unreadable everywhere. */
export class EraseParticipantData {
  constructor(readonly input: EraseParticipantDataInput) {}
}

export interface ErasureReply {
  personId: string;
  /** Consultations where the erasure was recorded, with the registrations it covered. */
  consultations: Array<{ consultationId: string; registrationIds: string[] }>;
  /** Consultations whose agenda named them (chair, moderator, speaker), where the erasure was recorded too. */
  agendas: string[];
}
