import type { CommandMeta } from '@convene/event-store';

export interface ReissueParticipantLinkInput {
  consultationId: string;
  registrationId: string;
  meta: CommandMeta;
}

/** The secretariat gives a participant who lost their personal link a new one. */
export class ReissueParticipantLink {
  constructor(readonly input: ReissueParticipantLinkInput) {}
}
