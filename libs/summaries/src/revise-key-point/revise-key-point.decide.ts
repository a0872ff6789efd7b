import type { SummaryEvent } from '../summary/summary.events.js';
import { type AttributionContext, existingSection, keyPointAsSeen, mustBeEditable, refuseAttributions } from '../summary/summary.rules.js';
import { sectionUnderChathamHouse, type SummaryState } from '../summary/summary.state.js';
import type { ReviseKeyPointInput } from './revise-key-point.command.js';

/** Rewords and/or moves a key point. Reordering a section is moving its key points one by one. */
export function decideReviseKeyPoint(cmd: ReviseKeyPointInput, state: SummaryState, ctx: AttributionContext): SummaryEvent[] {
  mustBeEditable(state, cmd.consultationId);
  const { section, keyPoint } = keyPointAsSeen(state, cmd.keyPointId, cmd.basedOnVersion);
  const target = cmd.sectionId === undefined ? section : existingSection(state, cmd.sectionId);
  const text = cmd.text ?? keyPoint.text;
  const events: SummaryEvent[] = [];

  if (text !== keyPoint.text || target.sectionId !== section.sectionId) {
    if (sectionUnderChathamHouse(state, target)) {
      refuseAttributions(state, ctx, [{ field: 'text', text, sectionId: target.sectionId, keyPointId: keyPoint.keyPointId }]);
    }
  }
  if (text !== keyPoint.text) {
    events.push({ type: 'ChairSummaryKeyPointRevised', data: { keyPointId: keyPoint.keyPointId, text, basedOnVersion: cmd.basedOnVersion } });
  }
  const from = section.keyPoints.findIndex((k) => k.keyPointId === keyPoint.keyPointId);
  const moving = target.sectionId !== section.sectionId || (cmd.position !== undefined && cmd.position !== from);
  if (moving) {
    // Places are counted without the key point itself, as it leaves its place before taking the new one.
    const room = target.sectionId === section.sectionId ? section.keyPoints.length - 1 : target.keyPoints.length;
    const position = Math.min(cmd.position ?? room, room);
    events.push({
      type: 'ChairSummaryKeyPointMoved',
      data: { keyPointId: keyPoint.keyPointId, sectionId: target.sectionId, position, basedOnVersion: cmd.basedOnVersion },
    });
  }
  return events;
}
