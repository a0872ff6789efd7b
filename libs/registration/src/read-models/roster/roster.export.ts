import type { RosterEntry } from './roster.projection.js';

/** The columns of a roster export, in order, with how each is read from an entry. */
const COLUMNS: Array<{ header: string; key: string; width: number; value(e: RosterEntry, names: (code: string) => string): string | number | null }> = [
  { header: 'Registration', key: 'registrationId', width: 38, value: (e) => e.registrationId },
  { header: 'Status', key: 'status', width: 12, value: (e) => e.status },
  { header: 'Honorific', key: 'honorific', width: 10, value: (e) => e.person.honorific },
  { header: 'Given name', key: 'givenName', width: 20, value: (e) => e.person.givenName },
  { header: 'Family name', key: 'familyName', width: 20, value: (e) => e.person.familyName },
  { header: 'Email', key: 'email', width: 30, value: (e) => e.person.email },
  { header: 'Gender', key: 'gender', width: 12, value: (e) => e.person.gender },
  { header: 'Nationality', key: 'nationality', width: 20, value: (e, n) => (e.person.nationality ? n(e.person.nationality) : null) },
  { header: 'Job title', key: 'jobTitle', width: 24, value: (e) => e.person.jobTitle },
  { header: 'Affiliation', key: 'affiliation', width: 28, value: (e) => e.person.affiliation },
  { header: 'Stakeholder group', key: 'stakeholderGroup', width: 20, value: (e) => e.stakeholderGroup },
  { header: 'Represents (State)', key: 'state', width: 22, value: (e, n) => (e.represents.state ? n(e.represents.state) : null) },
  { header: 'Represents (organisation)', key: 'organisation', width: 28, value: (e) => e.represents.organisation },
  { header: 'Role', key: 'role', width: 18, value: (e) => e.role },
  { header: 'Nominated by', key: 'nominatedBy', width: 16, value: (e, n) => (e.nominatedBy ? n(e.nominatedBy) : null) },
  { header: 'Sessions', key: 'sessions', width: 10, value: (e) => e.sessionIds.length },
  { header: 'Access needs', key: 'accessNeeds', width: 28, value: (e) => e.accessNeeds },
  { header: 'Public listing', key: 'consent', width: 12, value: (e) => (e.publicListingConsent ? 'yes' : 'no') },
  { header: 'Registered at', key: 'registeredAt', width: 24, value: (e) => e.registeredAt },
  { header: 'Days attended', key: 'attended', width: 14, value: (e) => new Set(e.attendance.map((a) => a.day)).size },
];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe:
 * a participant's name must never become a command on a secretariat's computer (CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV with a header row, CRLF line ends and a UTF-8 byte order mark (Excel reads names right). */
export function rosterCsv(entries: RosterEntry[], stateName: (code: string) => string): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const e of entries) lines.push(COLUMNS.map((c) => csvCell(c.value(e, stateName))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * An XLSX workbook with one sheet, a frozen bold header row and an auto-filter, written by exceljs,
 * which is loaded with the first workbook (it was a fifth of the API's start-up CPU).
 */
export async function rosterXlsx(entries: RosterEntry[], stateName: (code: string) => string, title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Convene';
  const sheet = workbook.addWorksheet('Roster', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => {
      const v = c.value(e, stateName);
      return [c.key, typeof v === 'string' ? neutraliseFormula(v) : v];
    })));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
