import { SchedulingCommand } from '../infrastructure/scheduling-command.js';
import type { Person, SessionAccess, SessionKind } from '../consultation/consultation.events.js';

export interface AddSessionInput {
  consultationId: string;
  sessionId: string;
  title: string;
  kind: SessionKind;
  access: SessionAccess;
  /** Wall-clock time at the venue, YYYY-MM-DDTHH:mm, in the consultation's time zone. */
  start: string;
  end: string;
  room?: string | null;
  chair?: Person | null;
  moderator?: Person | null;
  speakers?: Person[];
  description?: string | null;
  capacity?: number | null;
}

export class AddSession extends SchedulingCommand<AddSessionInput> {}
