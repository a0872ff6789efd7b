import { describe, expect, it } from '@jest/globals';
import { CONSULTATION, ctx, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import type { SetSectionInput } from './set-section.command.js';
import { decideSetSection } from './set-section.decide.js';

const set = (over: Partial<SetSectionInput> = {}): SetSectionInput => ({
  consultationId: CONSULTATION,
  sectionId: 's1',
  kind: 'session',
  title: 'Session 1: Norms',
  text: 'The session reviewed how the eleven norms of 2015 are being put into practice.',
  meta: meta(),
  ...over,
});

describe('set a section', () => {
  it('adds a section the first time, following the summary on Chatham House', () => {
    given(past.started())
      .when((s) => decideSetSection(set(), s, ctx()))
      .then([
        {
          type: 'ChairSummarySectionAdded',
          data: { sectionId: 's1', kind: 'session', title: 'Session 1: Norms', text: set().text!, sessionId: null, chathamHouse: null },
        },
      ]);
  });

  it('a section on a closed session is under the rule even where the summary is not', () => {
    given(past.started({ chathamHouse: false }))
      .when((s) => decideSetSection(set({ sessionId: 'x1' }), s, { ...ctx(), session: { closed: true } }))
      .then([expect.objectContaining({ data: expect.objectContaining({ sessionId: 'x1', chathamHouse: true }) })]);
  });

  it('gives the introduction and the conclusions their titles', () => {
    given(past.started())
      .when((s) => decideSetSection(set({ sectionId: 'introduction', kind: 'introduction', title: undefined, text: 'Context.' }), s, ctx()))
      .then([
        {
          type: 'ChairSummarySectionAdded',
          data: { sectionId: 'introduction', kind: 'introduction', title: 'Introduction', text: 'Context.', sessionId: null, chathamHouse: null },
        },
      ]);
  });

  it('revises an existing section, and a repeat of the same text changes nothing', () => {
    const g = given(past.started(), past.section('s1', { text: 'Old.' }));
    g.when((s) => decideSetSection(set({ text: 'New.' }), s, ctx())).then([
      { type: 'ChairSummarySectionRevised', data: { sectionId: 's1', title: 'Session 1: Norms', text: 'New.', chathamHouse: null } },
    ]);
    g.when((s) => decideSetSection(set({ text: 'Old.' }), s, ctx())).then([]);
  });

  it('ChathamHouseAttribution: refuses text naming who said what, with the offending spans', () => {
    const text = 'Discussion was lively. Brazil said that norms were enough, and Ms Diallo agreed.';
    given(past.started())
      .when((s) => decideSetSection(set({ text }), s, ctx(['Amina Diallo'])))
      .thenRefuses('ChathamHouseAttribution', 422, {
        spans: [
          { field: 'text', sectionId: 's1', start: 23, end: 34, text: 'Brazil said', reason: 'attributes a statement to a named State (Brazil)' },
          { field: 'text', sectionId: 's1', start: 63, end: 79, text: 'Ms Diallo agreed', reason: expect.stringContaining('names a participant') },
        ],
      });
  });

  it('accepts the same text once the Chair waived it', () => {
    const text = 'Brazil said that its national statement was public.';
    given(past.started(), past.waived(text))
      .when((s) => decideSetSection(set({ text }), s, ctx()))
      .then([expect.objectContaining({ type: 'ChairSummarySectionAdded' })]);
  });

  it('lets attributions through where the rule is lifted', () => {
    given(past.started({ chathamHouse: false }))
      .when((s) => decideSetSection(set({ text: 'Brazil said so.' }), s, ctx()))
      .then([expect.objectContaining({ type: 'ChairSummarySectionAdded' })]);
  });

  it('ChathamHouseAttribution: putting a section under the rule checks its key points too', () => {
    given(past.started({ chathamHouse: false }), past.section(), past.keyPoint('k1', 'Japan stressed resilience.'))
      .when((s) => decideSetSection(set({ chathamHouse: true }), s, ctx()))
      .thenRefuses('ChathamHouseAttribution', 422, { spans: [expect.objectContaining({ keyPointId: 'k1', text: 'Japan stressed' })] });
  });

  it('ChathamHouseLiftedOnlyByChair: the secretariat cannot lift the rule for a section; the Chair can', () => {
    const g = given(past.started(), past.section());
    g.when((s) => decideSetSection(set({ chathamHouse: false }), s, ctx())).thenRefuses('ChathamHouseLiftedOnlyByChair', 403);
    g.when((s) => decideSetSection(set({ chathamHouse: false, meta: meta('chair') }), s, ctx())).then([
      { type: 'ChairSummarySectionRevised', data: { sectionId: 's1', title: 'Session 1: Norms', text: set().text!, chathamHouse: false } },
    ]);
  });

  it('SectionVersionConflict: an edit from before the last change of the section is refused with the current text', () => {
    const revised = { type: 'ChairSummarySectionRevised', data: { sectionId: 's1', title: 'T', text: 'Second.', chathamHouse: null } } as const;
    given(past.started(), past.section('s1', { text: 'First.' }), revised)
      .when((s) => decideSetSection(set({ text: 'Mine.', basedOnVersion: 2 }), s, ctx()))
      .thenRefuses('SectionVersionConflict', 409, { currentVersion: 3, currentText: 'Second.' });
  });

  it('SectionKindMismatch and SectionTitleRequired', () => {
    given(past.started(), past.section()).when((s) => decideSetSection(set({ kind: 'theme' }), s, ctx())).thenRefuses('SectionKindMismatch', 422);
    given(past.started()).when((s) => decideSetSection(set({ title: undefined }), s, ctx())).thenRefuses('SectionTitleRequired', 422);
  });

  it('SummaryNotStarted, SummaryLockedForReview and PublishedVersionIsImmutable', () => {
    given().when((s) => decideSetSection(set(), s, ctx())).thenRefuses('SummaryNotStarted', 404);
    given(past.started(), past.section(), past.submitted()).when((s) => decideSetSection(set(), s, ctx())).thenRefuses('SummaryLockedForReview', 409);
    given(...publishedSummary()).when((s) => decideSetSection(set(), s, ctx())).thenRefuses('PublishedVersionIsImmutable', 409);
  });
});
