import { describe, expect, it } from '@jest/globals';
import { renderChairSummaryHtml, renderChairSummaryMarkdown } from '@convene/documents';
import { consultation, footnote, inputs, names, section, text } from '../testing/fixtures.js';
import { chairSummaryDocument, components, sessionWhen } from './chair-summary.model.js';

describe('the Chair’s summary document of a consultation', () => {
  const sections = [
    section('intro', 'introduction', 'Introduction', 'First paragraph.\n\nSecond paragraph.'),
    section('s1', 'session', 'Implementing the norms', 'Participants exchanged experiences.', ['Point one.', 'Point two.']),
    section('s2', 'theme', 'Capacity-building', '', ['Only a key point.']),
    section('end', 'conclusions', 'Chair’s concluding summary', 'The Chair drew these points.', ['Conclusion one.']),
  ];
  const footnotes = [footnote('f-s1', 1, 's1', 'A/70/174'), footnote('f-doc', 2, null, 'A/RES/73/266'), footnote('f-s2', 3, 's2', 'A/65/201'), footnote('f-intro', 4, 'intro', 'A/68/98*')];
  const doc = chairSummaryDocument(inputs(text(sections, footnotes)), names);

  it('says what, when and where in the house style, with organisers and host meeting', () => {
    expect(doc).toMatchObject({
      title: 'Regional consultation with the OSCE participating States: Chair’s summary',
      organiserLine: 'UNIDIR–CSIS International Security Cyber Workshop Series',
      dates: { startDate: '2019-06-17', endDate: '2019-06-18' },
      venue: { city: 'Bratislava', country: 'Slovakia' },
      hostMeeting: 'the OSCE Cyber/ICT Security Conference',
      status: 'published',
      edition: 1,
      version: 12,
      publishedAt: '2019-07-01T09:00:00.000Z',
      asOf: null,
    });
    expect(renderChairSummaryMarkdown(doc)).toContain('*17–18 June 2019, Bratislava*');
  });

  it('lists the programme in time order at the venue’s local time, without cancelled sessions, closed ones marked', () => {
    expect(components(consultation)).toEqual([
      { title: 'Opening', kind: 'Opening', when: '17 June 2019, 09:00–10:00' },
      { title: 'Norms among the participating States', kind: 'Closed consultation', when: '18 June 2019, 09:30–11:00' },
      { title: 'Briefing on the OEWG', kind: 'Briefing (closed)', when: '18 June 2019, 12:00–13:00' },
    ]);
    expect(sessionWhen({ startLocal: '2019-06-17T22:00', endLocal: '2019-06-18T01:00' })).toBe('17 June 2019, 22:00–18 June 2019, 01:00');
  });

  it('opens with the introduction’s paragraphs, then every section under its own title, the conclusions last with their lead-in', () => {
    expect(doc.introduction).toEqual([{ text: 'First paragraph.' }, { text: 'Second paragraph.', footnoteIds: ['f-doc', 'f-intro'] }]);
    expect(doc.sections.map((s) => s.heading)).toEqual(['Implementing the norms', 'Capacity-building', 'Chair’s concluding summary']);
    expect(doc.sections[2]).toEqual({ heading: 'Chair’s concluding summary', paragraphs: [{ text: 'The Chair drew these points.' }], keyPoints: [{ text: 'Conclusion one.' }] });
    expect(doc.conclusions).toEqual([]);
  });

  it('references each footnote at the end of its section’s text, or its last key point; one of no section at the end of the introduction', () => {
    expect(doc.sections[0].paragraphs).toEqual([{ text: 'Participants exchanged experiences.', footnoteIds: ['f-s1'] }]);
    expect(doc.sections[1]).toEqual({ heading: 'Capacity-building', paragraphs: [], keyPoints: [{ text: 'Only a key point.', footnoteIds: ['f-s2'] }] });
    expect(doc.footnotes.map((f) => f.id)).toEqual(['f-s1', 'f-doc', 'f-s2', 'f-intro']);
    // Rendered, they are numbered in order of first reference: the introduction's first.
    const html = renderChairSummaryHtml(doc);
    expect([...html.matchAll(/<li id="fn-(\d)" value="\d">([^<]*)/g)].map((m) => [m[1], m[2].trim()])).toEqual([
      ['1', 'A/RES/73/266'],
      ['2', 'A/68/98*'],
      ['3', 'A/70/174'],
      ['4', 'A/65/201'],
    ]);
  });

  it('keeps an introduction with key points as a section of its own', () => {
    const withPoints = chairSummaryDocument(inputs(text([section('intro', 'introduction', 'Introduction', 'Context.', ['A point.'])])), names);
    expect(withPoints.introduction).toEqual([]);
    expect(withPoints.sections).toEqual([{ heading: 'Introduction', paragraphs: [{ text: 'Context.' }], keyPoints: [{ text: 'A point.' }] }]);
  });

  it('a draft is a draft; a footnote with no text to hang on in an empty draft is left out, not shown unreferenced', () => {
    const draft = chairSummaryDocument(inputs(text([], [footnote('lonely', 1, null, 'A/70/174')], { status: 'draft', publishedAt: null, version: 3 })), names);
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, version: 3, footnotes: [], sections: [], introduction: [] });
    expect(renderChairSummaryMarkdown(draft)).toContain('**DRAFT**');
  });

  it('without a series, has no organiser line; as of an instant, says so', () => {
    const past = chairSummaryDocument(inputs(text(sections, footnotes), { series: null, asOf: '2019-06-18T12:00:00.000Z' }), names);
    expect(past.organiserLine).toBeNull();
    expect(renderChairSummaryMarkdown(past)).toContain('as of 18 June 2019, 12:00 UTC');
  });
});
