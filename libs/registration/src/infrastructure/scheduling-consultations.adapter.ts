import { Injectable } from '@nestjs/common';
import { type Consultation, SchedulingReadModels } from '@convene/scheduling';
import type { ConsultationFacts, Consultations } from '../ports/consultations.js';

/**
 * Registration's view of a consultation, from scheduling's read model. Registration commands
 * are decided against the read model as it is: a change of schedule committed a moment before
 * (a deadline moved, a session closed) can be missed for the time the projection takes to apply
 * it, which the projection runner keeps to milliseconds (read-your-writes on every command).
 */
@Injectable()
export class SchedulingConsultations implements Consultations {
  constructor(private readonly scheduling: SchedulingReadModels) {}

  async find(consultationId: string): Promise<ConsultationFacts | undefined> {
    const c = (await this.scheduling.consultation(consultationId))?.doc.consultation;
    return c ? toConsultationFacts(c) : undefined;
  }
}

/** Registration's view of scheduling's consultation state: pure, for the read model's state and for one folded as of a past moment alike. */
export function toConsultationFacts(c: Consultation): ConsultationFacts {
  const registration = c.registration.status === 'not-opened' ? { status: 'not-opened' as const, deadlineUtc: null } : { status: c.registration.status, deadlineUtc: c.registration.deadlineUtc };
  return {
    consultationId: c.consultationId,
    seriesId: c.seriesId,
    title: c.title,
    regionalOrganisation: c.regionalOrganisation,
    startDate: c.startDate,
    endDate: c.endDate,
    timeZone: c.timeZone,
    capacity: c.capacity,
    cancelled: c.cancelled !== null,
    registration,
    sessions: c.sessions.map((s) => ({
      sessionId: s.sessionId,
      title: s.title,
      access: s.access,
      capacity: s.capacity ?? null,
      cancelled: s.cancelled !== null,
      day: s.startLocal.slice(0, 10),
    })),
  };
}
