import { Injectable } from '@nestjs/common';
import { RosterQueries } from '@convene/registration';
import { type Person, SchedulingReadModels } from '@convene/scheduling';
import type { ConsultationPeople } from '../ports/consultation-people.js';
import type { ConsultationFacts, Consultations } from '../ports/consultations.js';

/**
 * Both ports served from the read models: whether the consultation exists and which of its
 * sessions are closed (scheduling); who chairs, moderates and speaks in them (scheduling) and
 * who registered for it (registration). Cancelled sessions and registrations that ended count
 * too: their people were announced or came forward, and their closed doors promised.
 */
@Injectable()
export class SchedulingConsultations implements Consultations, ConsultationPeople {
  constructor(
    private readonly scheduling: SchedulingReadModels,
    private readonly roster: RosterQueries,
  ) {}

  private async consultation(consultationId: string) {
    return (await this.scheduling.consultation(consultationId))?.doc.consultation ?? undefined;
  }

  async find(consultationId: string): Promise<ConsultationFacts | undefined> {
    const consultation = await this.consultation(consultationId);
    if (!consultation) return undefined;
    const chairs = consultation.sessions.map((s) => s.chair?.personId).filter((id): id is string => typeof id === 'string');
    return {
      consultationId,
      sessions: consultation.sessions.map((s) => ({ sessionId: s.sessionId, closed: s.access === 'closed' })),
      chairs: [...new Set(chairs)],
    };
  }

  async namesFor(consultationId: string): Promise<string[]> {
    const sessions = (await this.consultation(consultationId))?.sessions ?? [];
    const people = sessions.flatMap((s) => [s.chair, s.moderator, ...s.speakers]).filter((p): p is Person => p !== null);
    const registered = (await this.roster.roster(consultationId)).map((e) => `${e.person.givenName} ${e.person.familyName}`);
    return [...new Set([...people.map((p) => p.name), ...registered])];
  }
}
