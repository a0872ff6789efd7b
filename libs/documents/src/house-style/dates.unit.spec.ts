import { describe, expect, it } from '@jest/globals';
import { DocumentModelError } from '../document-model.js';
import { datesAndVenue, formatDateRange, formatInstant } from './dates.js';

describe('House style: date ranges', () => {
  it.each([
    ['2019-06-17', '2019-06-18', '17–18 June 2019'],
    ['2019-09-30', '2019-10-01', '30 September–1 October 2019'],
    ['2019-12-31', '2020-01-02', '31 December 2019–2 January 2020'],
    ['2019-01-24', '2019-01-24', '24 January 2019'],
  ])('%s to %s is "%s" in English', (start, end, expected) => {
    expect(formatDateRange(start, end)).toBe(expected);
  });

  it.each([
    ['fr', '17–18 juin 2019', '30 septembre–1 octobre 2019'],
    ['es', '17–18 de junio de 2019', '30 de septiembre–1 de octubre de 2019'],
    ['ru', '17–18 июня 2019 г.', '30 сентября–1 октября 2019 г.'],
    ['ar', '17–18 يونيو 2019', '30 سبتمبر–1 أكتوبر 2019'],
    ['zh', '2019年6月17日至18日', '2019年9月30日至10月1日'],
  ] as const)('writes ranges in %s with the shared month and year once, and Latin digits', (locale, sameMonth, acrossMonths) => {
    expect(formatDateRange('2019-06-17', '2019-06-18', locale)).toBe(sameMonth);
    expect(formatDateRange('2019-09-30', '2019-10-01', locale)).toBe(acrossMonths);
  });

  it('adds the city after the dates: "17–18 June 2019, Bratislava"', () => {
    const dates = { startDate: '2019-06-17', endDate: '2019-06-18' };
    expect(datesAndVenue(dates, { city: 'Bratislava' })).toBe('17–18 June 2019, Bratislava');
    expect(datesAndVenue(dates, { city: 'براتيسلافا' }, 'ar')).toBe('17–18 يونيو 2019، براتيسلافا');
    expect(datesAndVenue(dates, { city: '布拉迪斯拉发' }, 'zh')).toBe('2019年6月17日至18日，布拉迪斯拉发');
  });

  it('writes an instant in UTC: "1 October 2017, 12:30 UTC"', () => {
    expect(formatInstant('2017-10-01T14:30:00+02:00')).toBe('1 October 2017, 12:30 UTC');
  });

  it.each([
    ['2019-02-30', '2019-03-01', 'InvalidDate'],
    ['17/06/2019', '2019-06-18', 'InvalidDate'],
    ['2019-06-18', '2019-06-17', 'DateRangeReversed'],
  ])('refuses %s to %s (%s)', (start, end, rule) => {
    expect(() => formatDateRange(start, end)).toThrow(expect.objectContaining({ rule }) as unknown as DocumentModelError);
  });

  it('refuses a language that is not a UN language', () => {
    expect(() => formatDateRange('2019-06-17', '2019-06-18', 'de' as never)).toThrow(DocumentModelError);
  });
});
