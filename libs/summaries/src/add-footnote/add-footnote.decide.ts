import { RuleViolation } from '@convene/event-store';
import type { SummaryEvent } from '../summary/summary.events.js';
import { type AttributionContext, existingSection, mustBeEditable, refuseAttributions } from '../summary/summary.rules.js';
import { sectionUnderChathamHouse, type SummaryState } from '../summary/summary.state.js';
import type { AddFootnoteInput } from './add-footnote.command.js';

/**
 * UN document symbols: series letters, then "/"-separated parts ("A/RES/73/266", "A/70/174",
 * "A/68/98*", "A/C.1/73/L.27/Rev.1", "CCW/CONF.V/2"), optionally a year ("S/RES/2341 (2017)").
 */
export const UN_SYMBOL = /^[A-Z][A-Z0-9.]*(?:\/[A-Za-z0-9.*-]+)+(?: \(\d{4}\))?$/;

export function decideAddFootnote(cmd: AddFootnoteInput, state: SummaryState, ctx: AttributionContext): SummaryEvent[] {
  mustBeEditable(state, cmd.consultationId);
  if (!cmd.symbol && !cmd.text) {
    throw new RuleViolation('FootnoteNeedsSymbolOrText', 'A footnote cites a document symbol, says something, or both', 422);
  }
  if (cmd.symbol && !UN_SYMBOL.test(cmd.symbol)) {
    throw new RuleViolation('DocumentSymbolMalformed', `"${cmd.symbol}" is not a UN document symbol such as A/RES/73/266`, 422, {
      symbol: cmd.symbol,
    });
  }
  if (state.content.footnotes.some((f) => f.footnoteId === cmd.footnoteId)) return [];
  const section = cmd.sectionId === undefined ? undefined : existingSection(state, cmd.sectionId);
  const underRule = section ? sectionUnderChathamHouse(state, section) : state.chathamHouse;
  if (underRule && cmd.text) refuseAttributions(state, ctx, [{ field: 'text', text: cmd.text, footnoteId: cmd.footnoteId }]);
  return [
    {
      type: 'ChairSummaryFootnoteAdded',
      data: {
        footnoteId: cmd.footnoteId,
        symbol: cmd.symbol ?? null,
        text: cmd.text ?? null,
        url: cmd.url ?? null,
        sectionId: cmd.sectionId ?? null,
      },
    },
  ];
}
