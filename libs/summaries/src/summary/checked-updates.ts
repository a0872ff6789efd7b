import { Inject, Injectable } from '@nestjs/common';
import { type CommandMeta, NotFound } from '@convene/event-store';
import { CONSULTATION_PEOPLE, type ConsultationPeople } from '../ports/consultation-people.js';
import { CONSULTATIONS, type Consultations } from '../ports/consultations.js';
import type { SummaryEvent } from './summary.events.js';
import { type SummaryChange, SummaryRepository } from './summary.repository.js';
import { type AttributionContext, attributionFindings, type LocatedSpan } from './summary.rules.js';
import type { SummaryState } from './summary.state.js';
import { textHash } from './text-hash.js';

/**
 * SummaryRepository.update for decisions that apply the Chatham House check: it hands them the
 * consultation's people, looked up once per command, and the hash waivers are bound to.
 */
@Injectable()
export class CheckedSummaryUpdates {
  constructor(
    private readonly summaries: SummaryRepository,
    @Inject(CONSULTATION_PEOPLE) private readonly people: ConsultationPeople,
    @Inject(CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  async update(
    consultationId: string,
    meta: CommandMeta,
    decide: (state: SummaryState, ctx: AttributionContext) => SummaryEvent[],
    options: { expectedVersion?: number } = {},
  ): Promise<SummaryChange> {
    const ctx: AttributionContext = { people: await this.people.namesFor(consultationId), hash: textHash };
    return this.summaries.update(consultationId, meta, (state) => decide(state, ctx), options);
  }

  /**
   * What the rule would refuse in a text, before it is saved: the same check against the same
   * people and waivers as a command, appending nothing.
   */
  async check(consultationId: string, text: string): Promise<{ spans: LocatedSpan[]; waived: boolean }> {
    if (!(await this.consultations.find(consultationId))) throw new NotFound('Consultation', consultationId);
    const ctx: AttributionContext = { people: await this.people.namesFor(consultationId), hash: textHash };
    const state = await this.summaries.load(consultationId);
    const waived = state.waivers.includes(textHash(text.trim()));
    return { spans: attributionFindings(state, ctx, [{ field: 'text', text: text.trim() }]), waived };
  }
}
