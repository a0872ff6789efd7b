import { describe, expect, it } from '@jest/globals';
import { CONSULTATION, ctx, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import type { AddFootnoteInput } from './add-footnote.command.js';
import { decideAddFootnote, UN_SYMBOL } from './add-footnote.decide.js';

const add = (over: Partial<AddFootnoteInput> = {}): AddFootnoteInput => ({
  consultationId: CONSULTATION,
  footnoteId: 'f1',
  symbol: 'A/RES/73/266',
  meta: meta(),
  ...over,
});

describe('add a footnote', () => {
  it('cites a UN document, with an optional link', () => {
    given(past.started())
      .when((s) => decideAddFootnote(add({ url: 'https://undocs.org/A/RES/73/266' }), s, ctx()))
      .then([
        {
          type: 'ChairSummaryFootnoteAdded',
          data: { footnoteId: 'f1', symbol: 'A/RES/73/266', text: null, url: 'https://undocs.org/A/RES/73/266', sectionId: null },
        },
      ]);
  });

  it.each(['A/RES/73/266', 'A/70/174', 'A/68/98*', 'A/C.1/73/L.27/Rev.1', 'CCW/CONF.V/2', 'S/RES/2341 (2017)'])('knows %s as a symbol', (symbol) => {
    expect(UN_SYMBOL.test(symbol)).toBe(true);
  });

  it('DocumentSymbolMalformed and FootnoteNeedsSymbolOrText', () => {
    given(past.started()).when((s) => decideAddFootnote(add({ symbol: 'resolution 73/266' }), s, ctx())).thenRefuses('DocumentSymbolMalformed', 422);
    given(past.started()).when((s) => decideAddFootnote(add({ symbol: undefined }), s, ctx())).thenRefuses('FootnoteNeedsSymbolOrText', 422);
  });

  it('ChathamHouseAttribution: a footnote may not attribute either', () => {
    given(past.started())
      .when((s) => decideAddFootnote(add({ symbol: undefined, text: 'Singapore noted this in its national statement.' }), s, ctx()))
      .thenRefuses('ChathamHouseAttribution', 422, { spans: [expect.objectContaining({ footnoteId: 'f1', text: 'Singapore noted' })] });
  });

  it('a footnote stating a fact without attribution passes', () => {
    given(past.started())
      .when((s) => decideAddFootnote(add({ symbol: undefined, text: 'Brunei Darussalam did not attend.' }), s, ctx()))
      .then([expect.objectContaining({ type: 'ChairSummaryFootnoteAdded' })]);
  });

  it('PublishedVersionIsImmutable', () => {
    given(...publishedSummary()).when((s) => decideAddFootnote(add(), s, ctx())).thenRefuses('PublishedVersionIsImmutable', 409);
  });
});
