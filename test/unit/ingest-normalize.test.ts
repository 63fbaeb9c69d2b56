import { describe, expect, it } from 'vitest';
import { isBlank, parseDate, parseNumber } from '../../src/ingest/normalize';
import { dayToIso, daysFromCivil } from '../../src/shared/days';
import type { DateFormat } from '../../src/shared/types';
import { seededInts } from './fixtures';

describe('parseNumber', () => {
  it.each([
    // input, decimal comma, decimal dot
    ['1.234,56', 1234.56, NaN],
    ['1,234.56', NaN, 1234.56],
    ['1.234.567,89', 1234567.89, NaN],
    ['1,234,567.89', NaN, 1234567.89],
    ['1.234', 1234, 1.234],
    ['1,234', 1.234, 1234],
    ['-12,50', -12.5, NaN],
    ['-12.50', NaN, -12.5],
    ['(12.50)', NaN, -12.5],
    ['(12,50)', -12.5, NaN],
    ['12,50-', -12.5, NaN],
    ['12.50-', NaN, -12.5],
    ['12,50 -', -12.5, NaN],
    ['1 234,56', 1234.56, NaN],
    ['1 234.56', NaN, 1234.56],
    ['1\u00a0234,56', 1234.56, NaN],
    ['1\u202f234\u202f567,5', 1234567.5, NaN],
    ["1'234.56", NaN, 1234.56],
    ['€ 1.234,56', 1234.56, NaN],
    ['€1.234,56', 1234.56, NaN],
    ['1.234,56 €', 1234.56, NaN],
    ['1.234,56 EUR', 1234.56, NaN],
    ['$1,234.56', NaN, 1234.56],
    ['USD 1,234.56', NaN, 1234.56],
    ['(€ 12,50)', -12.5, NaN],
    ['-€12.50', NaN, -12.5],
    ['€-12.50', NaN, -12.5],
    ['+12,50', 12.5, NaN],
    ['\u221212,50', -12.5, NaN],
    [' 12,50 ', 12.5, NaN],
    [' 12.50 ', NaN, 12.5],
    ['2.55', NaN, 2.55],
    ['12,5', 12.5, NaN],
    [',5', 0.5, NaN],
    ['.5', NaN, 0.5],
    ['12,', 12, NaN],
    ['12.', NaN, 12],
    ['0', 0, 0],
    ['-3', -3, -3],
    ['00042', 42, 42],
    ['1234567890123456', 1234567890123456, 1234567890123456],
    ['-1234567,89', -1234567.89, NaN],
    ['', NaN, NaN],
    ['   ', NaN, NaN],
    ['-', NaN, NaN],
    [',', NaN, NaN],
    ['.', NaN, NaN],
    ['()', NaN, NaN],
    ['€', NaN, NaN],
    ['EUR', NaN, NaN],
    ['n/a', NaN, NaN],
    ['NaN', NaN, NaN],
    ['Infinity', NaN, NaN],
    ['1e5', NaN, NaN],
    ['0x10', NaN, NaN],
    ['12,3,4', NaN, NaN],
    ['12.3.4', NaN, NaN],
    ['1.23.456,7', NaN, NaN],
    ['--5', NaN, NaN],
    ['12 Stück', NaN, NaN],
  ])('%j → %d with decimal comma, %d with decimal dot', (input, comma, dot) => {
    expect(parseNumber(input, ',')).toBe(comma);
    expect(parseNumber(input, '.')).toBe(dot);
  });

  it('reads plain decimals to the same double as Number() (20,000 random cases, both separators)', () => {
    const rnd = seededInts(12345);
    const digits = (k: number) => Array.from({ length: k }, () => String(rnd(10))).join('');
    for (let i = 0; i < 20000; i++) {
      const whole = digits(rnd(12));
      const frac = rnd(3) === 0 ? '' : digits(1 + rnd(8));
      const sign = rnd(4) === 0 ? '-' : '';
      const dot = `${sign}${whole}${frac ? '.' + frac : ''}`;
      if (!/\d/.test(dot)) continue;
      const expected = Number(dot);
      expect(parseNumber(dot, '.')).toBe(expected);
      expect(parseNumber(dot.replace('.', ','), ',')).toBe(expected);
    }
    // Values that a naive digit-by-digit sum rounds wrongly.
    expect(parseNumber('0.1', '.')).toBe(0.1);
    expect(parseNumber('9007199254.740993', '.')).toBe(9007199254.740993);
    expect(parseNumber('-0', '.')).toBe(-0);
  });
});

describe('daysFromCivil / dayToIso', () => {
  it.each([
    [1970, 1, 1, 0, '1970-01-01'],
    [1969, 12, 31, -1, '1969-12-31'],
    [1970, 12, 1, 334, '1970-12-01'],
    [1900, 3, 1, -25508, '1900-03-01'],
    [1997, 1, 1, 9862, '1997-01-01'],
    [2000, 1, 1, 10957, '2000-01-01'],
    [2000, 2, 29, 11016, '2000-02-29'],
    [2000, 3, 1, 11017, '2000-03-01'],
    [2010, 12, 1, 14944, '2010-12-01'],
    [2024, 1, 1, 19723, '2024-01-01'],
    [2024, 2, 29, 19782, '2024-02-29'],
    [2024, 3, 1, 19783, '2024-03-01'],
    [2038, 1, 19, 24855, '2038-01-19'],
  ])('%i-%i-%i is day %i', (y, m, d, day, iso) => {
    expect(daysFromCivil(y, m, d)).toBe(day);
    expect(dayToIso(day)).toBe(iso);
  });

  it('agrees with Date.UTC and round-trips every day from 1899 to 2101', () => {
    const first = daysFromCivil(1899, 1, 1);
    const last = daysFromCivil(2101, 12, 31);
    expect(first).toBe(Date.UTC(1899, 0, 1) / 86400000);
    expect(last - first + 1).toBe(74144); // 203 years with 49 leap days (1900 and 2100 are not leap years)
    for (let day = first; day <= last; day++) {
      const iso = dayToIso(day);
      const [y, m, d] = iso.split('-').map(Number);
      expect(daysFromCivil(y, m, d)).toBe(day);
      expect(Date.UTC(y, m - 1, d) / 86400000).toBe(day);
    }
  });
});

describe('parseDate', () => {
  const iso = (input: string, format: DateFormat) => {
    const day = parseDate(input, format);
    return Number.isNaN(day) ? null : dayToIso(day);
  };

  it('returns the day number since 1970-01-01', () => {
    expect(parseDate('2010-12-01', 'iso')).toBe(14944);
    expect(parseDate('01.12.2010', 'dmy-dot')).toBe(14944);
    expect(parseDate('19700101', 'ymd-compact')).toBe(0);
    expect(parseDate('31.12.1969', 'dmy-dot')).toBe(-1);
  });

  it.each<[string, DateFormat, string | null]>([
    // ISO, with and without a time
    ['2024-02-29', 'iso', '2024-02-29'],
    ['2023-02-29', 'iso', null],
    ['2000-02-29', 'iso', '2000-02-29'],
    ['1900-02-29', 'iso', null],
    ['2010-12-01T08:26:00Z', 'iso', '2010-12-01'],
    ['2010-12-01T08:26:00.123Z', 'iso', '2010-12-01'],
    ['2010-12-01T08:26:00+01:00', 'iso', '2010-12-01'],
    ['2010-12-01T08:26:00-0500', 'iso', '2010-12-01'],
    ['2010-12-01 08:26', 'iso', '2010-12-01'],
    ['2010-12-01 08:26:59', 'iso', '2010-12-01'],
    ['  2010-12-01  ', 'iso', '2010-12-01'],
    ['2010-1-5', 'iso', '2010-01-05'],
    ['2010-12-32', 'iso', null],
    ['2010-13-01', 'iso', null],
    ['2010-00-10', 'iso', null],
    ['2010-12-00', 'iso', null],
    ['0999-12-01', 'iso', null],
    ['10-12-01', 'iso', null],
    ['2010/12/01', 'iso', null],
    ['2010-12-01x', 'iso', null],
    ['2010-12-01T', 'iso', null],
    ['2010-12-01 8', 'iso', null],
    ['', 'iso', null],
    // German dd.mm.yyyy, with and without a time
    ['29.02.2024', 'dmy-dot', '2024-02-29'],
    ['29.02.2023', 'dmy-dot', null],
    ['31.02.2024', 'dmy-dot', null],
    ['31.04.2024', 'dmy-dot', null],
    ['31.12.2024', 'dmy-dot', '2024-12-31'],
    ['1.2.2024', 'dmy-dot', '2024-02-01'],
    ['01.12.2010 08:26', 'dmy-dot', '2010-12-01'],
    ['01.12.2010 8:26', 'dmy-dot', '2010-12-01'],
    ['01.12.2010 23:59:59', 'dmy-dot', '2010-12-01'],
    ['01.12.2010 00:00', 'dmy-dot', '2010-12-01'],
    ['01.12.2010 25:00', 'dmy-dot', null],
    ['01.12.2010 12:60', 'dmy-dot', null],
    ['01.12.2010 08:26:61', 'dmy-dot', null],
    ['01.12.2010 Uhr', 'dmy-dot', null],
    ['01.12.10', 'dmy-dot', null],
    ['01.12.2010', 'dmy-dot-short', null],
    ['01-12-2010', 'dmy-dot', null],
    ['12.50', 'dmy-dot', null],
    // two-digit years: 00–69 are 20xx, 70–99 are 19xx
    ['01.12.10', 'dmy-dot-short', '2010-12-01'],
    ['01.12.10 08:26', 'dmy-dot-short', '2010-12-01'],
    ['31.12.69', 'dmy-dot-short', '2069-12-31'],
    ['01.01.70', 'dmy-dot-short', '1970-01-01'],
    ['29.02.00', 'dmy-dot-short', '2000-02-29'],
    ['29.02.01', 'dmy-dot-short', null],
    ['12/1/10', 'mdy-slash', '2010-12-01'],
    ['12/31/99', 'mdy-slash', '1999-12-31'],
    ['31/12/99', 'dmy-slash', '1999-12-31'],
    ['1/1/70', 'mdy-slash', '1970-01-01'],
    ['1/1/69', 'dmy-slash', '2069-01-01'],
    // US month first, single digits, with a time
    ['12/1/2010 8:26', 'mdy-slash', '2010-12-01'],
    ['12/1/2010 8:26', 'dmy-slash', '2010-01-12'],
    ['12/1/2010 8:26 AM', 'mdy-slash', '2010-12-01'],
    ['12/1/2010 8:26PM', 'mdy-slash', '2010-12-01'],
    ['2/29/2024', 'mdy-slash', '2024-02-29'],
    ['2/29/2023', 'mdy-slash', null],
    ['13/1/2010', 'mdy-slash', null],
    ['13/1/2010', 'dmy-slash', '2010-01-13'],
    ['12/13/2010', 'dmy-slash', null],
    ['12/13/2010', 'mdy-slash', '2010-12-13'],
    ['12/1/201', 'mdy-slash', null],
    ['12-1-2010', 'mdy-slash', null],
    // YYYYMMDD
    ['19970101', 'ymd-compact', '1997-01-01'],
    ['20240229', 'ymd-compact', '2024-02-29'],
    ['19970229', 'ymd-compact', null],
    ['19971301', 'ymd-compact', null],
    ['19970100', 'ymd-compact', null],
    ['1997011', 'ymd-compact', null],
    ['199701011', 'ymd-compact', null],
    ['00001', 'ymd-compact', null],
    [' 19970101 ', 'ymd-compact', '1997-01-01'],
    ['19970101 08:00', 'ymd-compact', '1997-01-01'],
  ])('%j as %s → %s', (input, format, expected) => {
    expect(iso(input, format)).toBe(expected);
  });
});

describe('isBlank', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['   ', true],
    ['\t', true],
    ['\u00a0', true],
    [' x ', false],
    ['0', false],
    ['-', false],
  ])('%j → %s', (input, expected) => {
    expect(isBlank(input)).toBe(expected);
  });
});
