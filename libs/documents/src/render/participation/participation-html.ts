import { directionOf, type ParticipationReport } from '../../document-model.js';
import { datesAndVenue, formatDateRange, formatInstant, LANGUAGE_TAG } from '../../house-style/dates.js';
import { BASE_CSS, escapeHtml, htmlDocument } from '../html/escape.js';
import { type Figure, numberFormats, participationFigures } from './figures.js';
import { type Bar, barChart } from './svg-charts.js';

const CSS = `${BASE_CSS}
.totals{display:flex;gap:2rem}.totals dt{font-weight:600}.totals dd{margin:0;font-size:1.4rem}
table{border-collapse:collapse;margin-block:.5rem 1.5rem}th,td{padding:.2rem .6rem;border-block-end:1px solid #ccc;text-align:start}
td.number{text-align:end;font-variant-numeric:tabular-nums}svg.chart{max-width:100%;height:auto}`;

/**
 * The participation report as HTML: totals, then stakeholder groups, gender balance, regions,
 * States and the coverage of regional organisations, with an inline SVG bar chart for the first
 * two and for coverage, and every figure in a table as well.
 */
export function renderParticipationHtml(report: ParticipationReport): string {
  const f = participationFigures(report);
  const { labels, language } = f;
  const dir = directionOf(language);
  const n = numberFormats(language);
  const describe = (what: string, figures: readonly { label: string; count: number; percent: number | null }[]) =>
    labels.chartDescription(what, figures.map((x) => `${x.label} ${n.count(x.count)} (${n.share(x.percent)})`).join(labels.semicolon));
  const bars = (figures: readonly Figure[]): Bar[] => figures.map((x) => ({ label: x.label, value: x.count, text: `${n.count(x.count)} (${n.share(x.percent)})` }));
  const table = (caption: string, figures: readonly Figure[]) =>
    `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr><th scope="col"></th><th scope="col">${escapeHtml(labels.participants)}</th><th scope="col">${escapeHtml(labels.share)}</th></tr></thead>\n<tbody>\n` +
    figures.map((x) => `<tr><th scope="row">${escapeHtml(x.label)}</th><td class="number">${n.count(x.count)}</td><td class="number">${n.share(x.percent)}</td></tr>`).join('\n') +
    `\n</tbody>\n</table>`;
  const section = (id: string, heading: string, content: string) => `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(heading)}</h2>\n${content}\n</section>`;

  const { consultation } = report;
  const when = consultation.venue ? datesAndVenue(consultation.dates, consultation.venue, language) : formatDateRange(consultation.dates.startDate, consultation.dates.endDate, language);
  const header = [
    `<h1>${escapeHtml(labels.participationReport)}</h1>`,
    `<p class="subtitle">${escapeHtml(consultation.title)}</p>`,
    `<p class="subtitle">${escapeHtml(when)}</p>`,
    report.asOf ? `<p class="status">${escapeHtml(labels.asOf(formatInstant(report.asOf, language)))}</p>` : '',
    `<dl class="totals"><div><dt>${escapeHtml(labels.participants)}</dt><dd>${n.count(report.totals.participants)}</dd></div>` +
      `<div><dt>${escapeHtml(labels.statesRepresented)}</dt><dd>${n.count(report.totals.states)}</dd></div></dl>`,
  ].filter(Boolean);

  const coverageBars: Bar[] = f.coverage.map((c) => ({ label: c.organisation, value: c.represented.length, of: c.members, text: `${n.count(c.represented.length)} / ${n.count(c.members)}` }));
  const coverage = f.coverage.map(
    (c) =>
      `<div class="coverage">\n<h3>${escapeHtml(c.organisation)}</h3>\n<p>${escapeHtml(c.sentence)}</p>\n` +
      `<p><strong>${escapeHtml(labels.represented)}:</strong> ${escapeHtml(c.represented.join(labels.comma))}</p>\n` +
      (c.notRepresented.length > 0 ? `<p><strong>${escapeHtml(labels.notRepresented)}:</strong> ${escapeHtml(c.notRepresented.join(labels.comma))}</p>\n` : '') +
      `</div>`,
  );
  const sections = [
    section('stakeholder-groups', labels.stakeholderGroups, [barChart({ id: 'chart-stakeholder-groups', title: labels.stakeholderGroups, description: describe(labels.stakeholderGroups, f.stakeholderGroups), bars: bars(f.stakeholderGroups), dir }), table(labels.stakeholderGroups, f.stakeholderGroups)].join('\n')),
    section('gender-balance', labels.genderBalance, [barChart({ id: 'chart-gender-balance', title: labels.genderBalance, description: describe(labels.genderBalance, f.genders), bars: bars(f.genders), dir }), table(labels.genderBalance, f.genders)].join('\n')),
    section('regions', labels.regions, table(labels.regions, f.regions)),
    section('states', labels.states, table(labels.states, f.states)),
  ];
  if (f.coverage.length > 0) {
    const description = labels.chartDescription(labels.regionalCoverage, f.coverage.map((c) => c.sentence).join(' '));
    sections.push(section('regional-coverage', labels.regionalCoverage, [barChart({ id: 'chart-regional-coverage', title: labels.regionalCoverage, description, bars: coverageBars, dir }), ...coverage].join('\n')));
  }
  const body = `<main>\n<header>\n${header.join('\n')}\n</header>\n${sections.join('\n')}\n</main>`;
  return htmlDocument({ lang: LANGUAGE_TAG[language], dir, title: `${labels.participationReport}: ${consultation.title}`, css: CSS, body });
}
