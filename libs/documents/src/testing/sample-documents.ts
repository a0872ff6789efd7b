/**
 * Models for the renderers' tests, written in our own words from the facts of the demo series
 * (Singapore 2017 with ASEAN, Geneva 2019). Not exported from the index: callers build models from
 * read models.
 */
import type { ChairSummaryDocument, ParticipationReport, SeriesReportDocument } from '../document-model.js';

/** Characters that each format must escape rather than interpret. */
export const AWKWARD_TEXT = 'Markup is text here: <script>alert("x")</script> & *stars* _under_ [^9] `code` # hash | pipe =SUM(A1)';

export function englishSummary(overrides: Partial<ChairSummaryDocument> = {}): ChairSummaryDocument {
  return {
    title: 'Regional consultation on responsible State behaviour in cyberspace: Chair’s summary',
    organiserLine: 'UNIDIR–CSIS International Security Cyber Workshop Series',
    dates: { startDate: '2017-09-20', endDate: '2017-09-21' },
    venue: { city: 'Singapore', country: 'Singapore' },
    hostMeeting: 'Singapore International Cyber Week',
    language: 'en',
    status: 'published',
    edition: 1,
    version: 42,
    asOf: null,
    publishedAt: '2017-10-16T09:00:00Z',
    components: [
      { title: 'Opening session', kind: 'Plenary', when: '20 September 2017, 09:00–09:45' },
      { title: 'Norms in a regional setting', kind: 'Closed session', when: '20 September 2017, 10:00–12:30' },
      { title: 'Industry and civil society perspectives', kind: 'Multi-stakeholder panel', when: '21 September 2017, 09:30–11:00' },
    ],
    introduction: [
      {
        text: 'The consultation was the first of a regional series on international security in the use of information and communications technologies.',
        footnoteIds: ['gge-reports'],
      },
      'It met the day after a ministerial meeting of the region on cybersecurity, and its host offered the venue and logistics.',
    ],
    participation: [
      'Some 80 participants attended, from governments, regional organisations, industry, civil society and academia.',
      '9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.',
    ],
    sections: [
      {
        heading: 'Applying agreed norms at the regional level',
        paragraphs: [{ text: 'Discussion opened with the norms recommended in 2015.', footnoteIds: ['gge-2015'] }],
        keyPoints: [
          { text: 'The agreed norms are flexible enough for the region; new regional norms were not seen as necessary.', footnoteIds: ['gge-2015'] },
          { text: 'Regional forums can turn the norms into practice through confidence-building measures.' },
          { text: AWKWARD_TEXT },
        ],
      },
      {
        heading: 'Capacity building',
        paragraphs: [],
        keyPoints: [
          { text: 'Capacity differs widely between States of the region, and so do their priorities.', footnoteIds: ['oewg'] },
          { text: 'Points of contact between national agencies should be listed and tested regularly.' },
        ],
      },
    ],
    conclusions: [
      { text: 'The Chair noted broad support for carrying the discussion into the open-ended working group.', footnoteIds: ['oewg', 'gge-reports'] },
      { text: 'A further consultation will be held with another regional organisation.' },
    ],
    footnotes: [
      { id: 'gge-2015', symbol: 'A/70/174', text: 'Report of the Group of Governmental Experts, 22 July 2015', url: 'https://undocs.org/A/70/174' },
      { id: 'gge-reports', symbol: null, text: 'The consensus reports are A/65/201, A/68/98 and A/70/174.', url: null },
      { id: 'oewg', symbol: 'A/RES/73/27', text: null, url: 'https://undocs.org/A/RES/73/27' },
    ],
    ...overrides,
  };
}

export function arabicSummary(overrides: Partial<ChairSummaryDocument> = {}): ChairSummaryDocument {
  return {
    title: 'موجز الرئيس للمشاورة الإقليمية',
    organiserLine: 'سلسلة حلقات العمل بشأن الأمن الدولي والفضاء الإلكتروني',
    dates: { startDate: '2019-01-24', endDate: '2019-01-24' },
    venue: { city: 'جنيف', country: 'سويسرا' },
    hostMeeting: null,
    language: 'ar',
    status: 'draft',
    edition: 1,
    version: 7,
    asOf: '2019-02-01T10:05:00Z',
    publishedAt: null,
    components: [{ title: 'الجلسة الافتتاحية', kind: 'جلسة عامة', when: '24 كانون الثاني/يناير 2019، 09:30–10:00' }],
    introduction: [{ text: 'ناقش المشاركون تنفيذ القرار A/RES/73/266 في المنطقة.', footnoteIds: ['res'] }],
    participation: ['شارك في المشاورة 45 مشاركا من 20 دولة.'],
    sections: [
      {
        heading: 'بناء القدرات',
        paragraphs: ['رأى المشاركون أن التعاون الإقليمي ضروري (ولا سيما في تبادل المعلومات).'],
        keyPoints: [{ text: 'ينبغي تعزيز نقاط الاتصال بين الدول.', footnoteIds: ['res'] }],
      },
    ],
    conclusions: [{ text: 'أشار الرئيس إلى اتفاق واسع على مواصلة الحوار.' }],
    footnotes: [{ id: 'res', symbol: 'A/RES/73/266', text: 'قرار الجمعية العامة 73/266', url: 'https://undocs.org/A/RES/73/266' }],
    ...overrides,
  };
}

export function chineseSummary(overrides: Partial<ChairSummaryDocument> = {}): ChairSummaryDocument {
  return {
    title: '区域磋商主席摘要',
    organiserLine: null,
    dates: { startDate: '2018-06-11', endDate: '2018-06-12' },
    venue: { city: '华盛顿', country: '美利坚合众国' },
    hostMeeting: null,
    language: 'zh',
    status: 'published',
    edition: 2,
    version: 31,
    asOf: null,
    publishedAt: '2018-07-02T08:00:00Z',
    components: [],
    introduction: ['与会者讨论了信息和通信技术领域的国际安全问题。'],
    participation: ['来自美洲国家组织成员国的代表出席了会议。'],
    sections: [
      {
        heading: '建立信任措施',
        paragraphs: [],
        keyPoints: [{ text: '区域组织可以推动建立信任措施的落实。', footnoteIds: ['cbm'] }],
      },
    ],
    conclusions: [],
    footnotes: [{ id: 'cbm', symbol: 'A/70/174', text: null, url: null }],
    ...overrides,
  };
}

export function sampleSeries(): SeriesReportDocument {
  return {
    title: 'International Security Cyber Workshop Series: report',
    organiserLine: 'UNIDIR–CSIS International Security Cyber Workshop Series',
    language: 'en',
    overview: {
      mandate: [{ text: 'The series supports States in preparing for the multilateral discussions.', footnoteIds: ['mandate'] }],
      modalities: ['Each workshop met in a region, alongside a meeting the region already held.'],
      objectives: ['To explain the agreed norms and hear how each region applies them.'],
      participation: ['Across the series, participants came from 3 regional organisations.'],
    },
    footnotes: [{ id: 'mandate', symbol: 'A/RES/73/266', text: null, url: 'https://undocs.org/A/RES/73/266' }],
    consultations: [englishSummary(), englishSummary({ title: 'Consultation with regional organisations: Chair’s summary', status: 'draft', publishedAt: null, edition: 2, version: 50 })],
  };
}

export function sampleParticipation(overrides: Partial<ParticipationReport> = {}): ParticipationReport {
  return {
    language: 'en',
    consultation: { title: 'Regional consultation with ASEAN', dates: { startDate: '2017-09-20', endDate: '2017-09-21' }, venue: { city: 'Singapore', country: 'Singapore' } },
    asOf: null,
    totals: { participants: 84, states: 14 },
    byStakeholderGroup: [
      { label: 'States', count: 41 },
      { label: 'Regional organisations', count: 6 },
      { label: 'Private sector', count: 15 },
      { label: 'Civil society, NGOs & academia', count: 22 },
    ],
    byGender: { woman: 33, man: 47, 'non-binary': 1, 'not-stated': 3 },
    byRegion: [
      { label: 'Asia-Pacific', count: 70 },
      { label: 'Western Europe and others', count: 14 },
    ],
    byState: [
      { label: 'Singapore', count: 9 },
      { label: 'Viet Nam', count: 4 },
      { label: '=HYPERLINK("http://x")', count: 1 },
    ],
    regionalCoverage: [
      {
        organisation: 'ASEAN',
        represented: ['Cambodia', 'Indonesia', 'Lao People’s Democratic Republic', 'Malaysia', 'Myanmar', 'Philippines', 'Singapore', 'Thailand', 'Viet Nam'],
        notRepresented: ['Brunei Darussalam'],
        sentence: '9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not.',
      },
    ],
    ...overrides,
  };
}
