import { describe, expect, it } from '@jest/globals';
import { parse as parseCsv } from 'csv-parse/sync';
import { type HTMLElement, parse } from 'node-html-parser';
import { parse as parseStrictly } from 'parse5';
import { GENDERS } from '../../document-model.js';
import { sampleParticipation } from '../../testing/sample-documents.js';
import { csvCell, CSV_COLUMNS, renderParticipationCsv } from './participation-csv.js';
import { renderParticipationHtml } from './participation-html.js';

const report = sampleParticipation();
const total = report.totals.participants;

function parseErrors(html: string): string[] {
  const errors: string[] = [];
  parseStrictly(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) });
  return errors;
}

/** Rows of a table's body: the header cell, then the number cells. */
const tableRows = (table: HTMLElement) => table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.textContent));

describe('Participation report: HTML', () => {
  const html = renderParticipationHtml(report);
  const dom = parse(html);

  it('is a valid, complete document with the consultation and the totals', () => {
    expect(parseErrors(html)).toEqual([]);
    expect(dom.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(dom.querySelector('h1')?.textContent).toBe('Participation report');
    expect(dom.querySelectorAll('.subtitle').map((p) => p.textContent)).toEqual([report.consultation.title, '20–21 September 2017, Singapore']);
    expect(dom.querySelectorAll('.totals dd').map((d) => d.textContent)).toEqual(['84', '14']);
  });

  it('draws accessible SVG bar charts: a titled, described image with one bar per figure, sized by it', () => {
    const chart = dom.querySelector('svg#chart-stakeholder-groups')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-labelledby')).toBe('chart-stakeholder-groups-title chart-stakeholder-groups-desc');
    expect(chart.querySelector('title')?.textContent).toBe('Participants by stakeholder group');
    const desc = chart.querySelector('desc')!.textContent;
    for (const t of report.byStakeholderGroup) expect(desc).toContain(`${t.label} ${t.count} (`);
    const bars = chart.querySelectorAll('g.bar');
    expect(bars.map((g) => g.querySelector('text')?.textContent)).toEqual(report.byStakeholderGroup.map((t) => t.label));
    const widths = bars.map((g) => Number(g.querySelector('rect.value')!.getAttribute('width')));
    const largest = Math.max(...report.byStakeholderGroup.map((t) => t.count));
    report.byStakeholderGroup.forEach((t, i) => expect(widths[i] / widths[0]).toBeCloseTo(t.count / report.byStakeholderGroup[0].count, 2));
    expect(Math.max(...widths)).toBeCloseTo(widths[report.byStakeholderGroup.findIndex((t) => t.count === largest)], 5);

    const gender = dom.querySelector('svg#chart-gender-balance')!;
    expect(gender.querySelectorAll('g.bar text:first-child').map((t) => t.textContent)).toEqual(['Women', 'Men', 'Non-binary', 'Not stated']);
    expect(gender.querySelector('desc')?.textContent).toBe('Gender balance: Women 33 (39.3%); Men 47 (56%); Non-binary 1 (1.2%); Not stated 3 (3.6%).');
  });

  it('gives every figure in a table too, with shares of all participants', () => {
    const [groups, genders, regions, states] = dom.querySelectorAll('table');
    expect(tableRows(groups)).toEqual(report.byStakeholderGroup.map((t) => [t.label, String(t.count), `${Math.round((t.count / total) * 1000) / 10}%`]));
    expect(tableRows(genders).map((r) => Number(r[1]))).toEqual(GENDERS.map((g) => report.byGender[g]));
    expect(tableRows(regions).map((r) => r[0])).toEqual(report.byRegion.map((t) => t.label));
    expect(tableRows(states).map((r) => r[0])).toEqual(report.byState.map((t) => t.label));
  });

  it('shows the coverage of each regional organisation: chart, sentence and member lists', () => {
    const chart = dom.querySelector('svg#chart-regional-coverage')!;
    const [coverage] = report.regionalCoverage;
    expect(chart.querySelector('g.bar text:last-child')?.textContent).toBe('9 / 10');
    const of = Number(chart.querySelector('rect.of')!.getAttribute('width'));
    const value = Number(chart.querySelector('rect.value')!.getAttribute('width'));
    expect(value / of).toBeCloseTo(0.9, 5);
    const block = dom.querySelector('.coverage')!;
    expect(block.querySelector('p')?.textContent).toBe(coverage.sentence);
    expect(block.textContent).toContain('Not represented: Brunei Darussalam');
  });

  it('mirrors the charts for Arabic and writes the labels in Arabic', () => {
    const arabic = parse(renderParticipationHtml(sampleParticipation({ language: 'ar' })));
    expect(arabic.querySelector('html')?.getAttribute('dir')).toBe('rtl');
    expect(arabic.querySelector('h1')?.textContent).toBe('تقرير المشاركة');
    const label = arabic.querySelector('svg#chart-stakeholder-groups g.bar text')!;
    expect(label.getAttribute('text-anchor')).toBe('start');
    expect(Number(label.getAttribute('x'))).toBeGreaterThan(320);
  });
});

describe('Participation report: CSV', () => {
  const csv = renderParticipationCsv(report);
  const records: string[][] = parseCsv(csv, { bom: true, relax_column_count: false });

  it('is RFC 4180: CRLF line ends, a header, and the same number of fields on every row', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(records[0]).toEqual([...CSV_COLUMNS]);
  });

  it('holds every figure, parsed back', () => {
    const rows = records.slice(1);
    const section = (name: string) => rows.filter((r) => r[0] === name);
    expect(section('participants')).toEqual([['participants', 'Participants', '84', '', '', report.consultation.title]]);
    expect(section('stakeholder-group').map((r) => [r[1], Number(r[2]), Number(r[3])])).toEqual(report.byStakeholderGroup.map((t) => [t.label, t.count, total]));
    expect(section('gender').map((r) => [r[1], Number(r[2])])).toEqual(GENDERS.map((g) => [g, report.byGender[g]]));
    expect(section('gender').map((r) => Number(r[4]))).toEqual([39.3, 56, 1.2, 3.6]);
    expect(section('region')).toHaveLength(report.byRegion.length);
    expect(section('regional-coverage')).toEqual([['regional-coverage', 'ASEAN', '9', '10', '90', report.regionalCoverage[0].sentence]]);
    // A label with a comma and an ampersand survives quoting.
    expect(section('stakeholder-group').map((r) => r[1])).toContain('Civil society, NGOs & academia');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const state = records.find((r) => r[0] === 'state' && r[1].includes('HYPERLINK'))!;
    expect(state[1]).toBe('\'=HYPERLINK("http://x")');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1"]);
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(12.5)).toBe('12.5');
  });
});
