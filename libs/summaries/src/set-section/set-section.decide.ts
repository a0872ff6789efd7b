import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { type AttributionContext, mustBeEditable, refuseAttributions } from '../summary/summary.rules.js';
import { findSection, type Section, sectionUnderChathamHouse, type SummaryState } from '../summary/summary.state.js';
import type { SetSectionInput } from './set-section.command.js';

export interface SetSectionContext extends AttributionContext {
  /** The session the section reports on, when known: a closed one puts the section under the rule. */
  session?: { closed: boolean };
}

const DEFAULT_TITLES: Partial<Record<Section['kind'], string>> = {
  introduction: 'Introduction',
  conclusions: "Chair's concluding summary",
};

export function decideSetSection(cmd: SetSectionInput, state: SummaryState, ctx: SetSectionContext): SummaryEvent[] {
  mustBeEditable(state, cmd.consultationId);
  const existing = findSection(state, cmd.sectionId);
  if (existing && existing.kind !== cmd.kind) {
    throw new RuleViolation('SectionKindMismatch', `Section ${cmd.sectionId} is a ${existing.kind} section, not a ${cmd.kind} one`, 422, {
      sectionId: cmd.sectionId,
      kind: existing.kind,
    });
  }
  if (existing && cmd.basedOnVersion !== undefined && existing.version > cmd.basedOnVersion) {
    throw new RuleViolation('SectionVersionConflict', `Section ${cmd.sectionId} changed after version ${cmd.basedOnVersion}`, 409, {
      sectionId: cmd.sectionId,
      basedOnVersion: cmd.basedOnVersion,
      currentVersion: existing.version,
      currentTitle: existing.title,
      currentText: existing.text,
    });
  }
  const title = cmd.title ?? existing?.title ?? DEFAULT_TITLES[cmd.kind];
  if (!title) {
    throw new RuleViolation('SectionTitleRequired', `A ${cmd.kind} section needs a title`, 422, { sectionId: cmd.sectionId });
  }
  const text = cmd.text ?? existing?.text ?? '';
  const sessionDefault = ctx.session?.closed ? true : null;
  const chathamHouse = cmd.chathamHouse !== undefined ? cmd.chathamHouse : existing ? existing.chathamHouse : sessionDefault;

  // Lifting the rule where it would apply is as strong as a waiver of every text in the section.
  const wouldApply = existing ? sectionUnderChathamHouse(state, existing) : (sessionDefault ?? state.chathamHouse);
  if (wouldApply && chathamHouse === false && cmd.meta.actorRole !== 'chair') {
    throw new RuleViolation('ChathamHouseLiftedOnlyByChair', 'Only the Chair may lift the Chatham House rule for a section', 403, {
      sectionId: cmd.sectionId,
    });
  }
  if (sectionUnderChathamHouse(state, { chathamHouse })) {
    // Key points too: putting an existing section under the rule must not leave attributions in it.
    refuseAttributions(state, ctx, [
      { field: 'title', text: title, sectionId: cmd.sectionId },
      { field: 'text', text, sectionId: cmd.sectionId },
      ...(existing?.keyPoints ?? []).map((k) => ({ field: 'text' as const, text: k.text, sectionId: cmd.sectionId, keyPointId: k.keyPointId })),
    ]);
  }

  if (!existing) {
    return [
      {
        type: 'ChairSummarySectionAdded',
        data: { sectionId: cmd.sectionId, kind: cmd.kind, title, text, sessionId: cmd.sessionId ?? null, chathamHouse },
      },
    ];
  }
  if (existing.title === title && existing.text === text && existing.chathamHouse === chathamHouse) return [];
  return [{ type: 'ChairSummarySectionRevised', data: { sectionId: cmd.sectionId, title, text, chathamHouse } }];
}
