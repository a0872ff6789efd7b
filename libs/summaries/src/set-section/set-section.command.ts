import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '@convene/event-store';
import type { SectionKind } from '../summary/summary.events.js';
import type { SummaryChange } from '../summary/summary.repository.js';

export interface SetSectionInput {
  consultationId: string;
  /** "introduction" and "conclusions" are the ids of the two sections of those kinds. */
  sectionId: string;
  kind: SectionKind;
  title?: string;
  text?: string;
  sessionId?: string;
  /** Omitted: unchanged (a new section follows its session, else the summary). null: follow the summary. */
  chathamHouse?: boolean | null;
  /** From If-Match: the version the author edited from; a later change to the section is a conflict. */
  basedOnVersion?: number;
  meta: CommandMeta;
}

export class SetSection extends Command<SummaryChange> {
  constructor(readonly input: SetSectionInput) {
    super();
  }
}
