import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { type AttributionContext, existingSection, mustBeEditable, refuseAttributions } from '../summary/summary.rules.js';
import { findKeyPoint, sectionUnderChathamHouse, type SummaryState } from '../summary/summary.state.js';
import type { AddKeyPointInput } from './add-key-point.command.js';

export function decideAddKeyPoint(cmd: AddKeyPointInput, state: SummaryState, ctx: AttributionContext): SummaryEvent[] {
  mustBeEditable(state, cmd.consultationId);
  const section = existingSection(state, cmd.sectionId);
  const existing = findKeyPoint(state, cmd.keyPointId);
  if (existing || state.withdrawn[cmd.keyPointId] !== undefined) {
    // Same id and text: a client retrying its own request. Anything else reuses an id.
    if (existing?.keyPoint.text === cmd.text && existing.section.sectionId === cmd.sectionId) return [];
    throw new RuleViolation('KeyPointIdTaken', `Key point ${cmd.keyPointId} already exists`, 409, { keyPointId: cmd.keyPointId });
  }
  if (sectionUnderChathamHouse(state, section)) {
    refuseAttributions(state, ctx, [{ field: 'text', text: cmd.text, sectionId: section.sectionId, keyPointId: cmd.keyPointId }]);
  }
  const position = Math.min(cmd.position ?? section.keyPoints.length, section.keyPoints.length);
  return [{ type: 'ChairSummaryKeyPointAdded', data: { keyPointId: cmd.keyPointId, sectionId: section.sectionId, text: cmd.text, position } }];
}
