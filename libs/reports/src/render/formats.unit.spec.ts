import { describe, expect, it } from '@jest/globals';
import type { ChairSummaryDocument } from '@convene/documents';
import { contentType, renderChairSummary } from './formats.js';

const doc = (url: string): ChairSummaryDocument => ({
  title: 'A consultation: Chair’s summary',
  organiserLine: null,
  dates: { startDate: '2019-01-24', endDate: '2019-01-24' },
  venue: { city: 'Geneva', country: 'Switzerland' },
  hostMeeting: null,
  status: 'published',
  edition: 1,
  version: 9,
  asOf: null,
  publishedAt: '2019-02-01T10:00:00.000Z',
  components: [],
  introduction: [{ text: 'Context.', footnoteIds: ['f'] }],
  participation: [],
  sections: [],
  conclusions: [],
  footnotes: [{ id: 'f', symbol: 'A/70/174', url }],
});

describe('rendering a report', () => {
  it('answers each format with its media type, text with its charset', () => {
    expect(['docx', 'pdf', 'html', 'md', 'csv'].map((f) => contentType(f as never))).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'text/html; charset=utf-8',
      'text/markdown; charset=utf-8',
      'text/csv; charset=utf-8',
    ]);
  });

  it('turns a model the renderers refuse into a 422 naming their rule', async () => {
    await expect(renderChairSummary(doc('javascript:alert(1)'), 'html')).rejects.toMatchObject({ rule: 'UnsafeFootnoteUrl', status: 422 });
    expect((await renderChairSummary(doc('https://undocs.org/A/70/174'), 'md')).toString('utf8')).toContain('<https://undocs.org/A/70/174>');
  });
});
