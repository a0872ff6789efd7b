import type { ParticipationReport } from '../../document-model.js';
import { participationFigures } from './figures.js';

/**
 * The participation figures as one CSV table (RFC 4180: CRLF line ends, fields quoted when they hold
 * a comma, a quote or a line break, quotes doubled), for spreadsheets. Machine-readable on purpose:
 * fixed English column and section names, plain numbers with a decimal point; labels stay in the
 * report's language. Starts with a byte order mark, without which Excel reads UTF-8 as ANSI.
 */
export const CSV_COLUMNS = ['section', 'label', 'count', 'total', 'percent', 'detail'] as const;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before one)
 * is prefixed with an apostrophe (OWASP's advice on CSV injection): labels come from registrations.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderParticipationCsv(report: ParticipationReport): string {
  const f = participationFigures(report);
  const total = report.totals.participants;
  const rows: (string | number | null)[][] = [
    ['participants', f.labels.participants, total, null, null, report.consultation.title],
    ['states-represented', f.labels.statesRepresented, report.totals.states, null, null, null],
    ...f.stakeholderGroups.map((x) => ['stakeholder-group', x.label, x.count, total, x.percent, null]),
    ...f.genders.map((x) => ['gender', x.key, x.count, total, x.percent, x.label]),
    ...f.regions.map((x) => ['region', x.label, x.count, total, x.percent, null]),
    ...f.states.map((x) => ['state', x.label, x.count, total, x.percent, null]),
    ...f.coverage.map((c) => ['regional-coverage', c.organisation, c.represented.length, c.members, c.percent, c.sentence]),
  ];
  return `\uFEFF${[CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
