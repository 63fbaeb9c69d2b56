/** Periods of marketing spend: a month on its own in the forms exports use, or a date under the sniffed format. */
import { describe, expect, it } from 'vitest';
import { parseMonth, parsePeriod } from '../../src/ingest/normalize';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

describe('parseMonth', () => {
  it('reads numeric months, year first or month first', () => {
    for (const m of ['2024-03', '03.2024', '3.2024', '03/2024', '2024/03', '03-2024', ' 2024.03 '])
      expect(parseMonth(m), m).toBe(day('2024-03-01'));
  });

  it('reads German and English month names, full or short, with two- or four-digit years', () => {
    for (const m of [
      'März 2024',
      'Mär 24',
      'Mrz 2024',
      'Maerz 2024',
      'Mar 2024',
      'March 2024',
      'mar. 2024',
      'MÄRZ-2024',
    ])
      expect(parseMonth(m), m).toBe(day('2024-03-01'));
    expect(parseMonth('Dez 23')).toBe(day('2023-12-01'));
    expect(parseMonth('Oktober 2022')).toBe(day('2022-10-01'));
    expect(parseMonth('May 2021')).toBe(day('2021-05-01'));
    expect(parseMonth('Mai 2021')).toBe(day('2021-05-01'));
  });

  it('refuses what is not a month', () => {
    for (const m of [
      '13.2024',
      '2024-13',
      '00/2024',
      'Mätz 2024',
      'März',
      '2024',
      '15.03.2024',
      'kaputt',
      '',
    ])
      expect(parseMonth(m), m).toBeNaN();
  });
});

describe('parsePeriod', () => {
  it('reads months as their first day and dates as themselves', () => {
    expect(parsePeriod('03.2024', 'iso')).toBe(day('2024-03-01'));
    expect(parsePeriod('2024-03-15', 'iso')).toBe(day('2024-03-15'));
    expect(parsePeriod('15.03.2024', 'dmy-dot')).toBe(day('2024-03-15'));
  });

  it('reads unambiguous dates whatever was sniffed, and slash dates only under their format', () => {
    expect(parsePeriod('15.03.2024', 'iso')).toBe(day('2024-03-15'));
    expect(parsePeriod('2024-03-15', 'dmy-dot')).toBe(day('2024-03-15'));
    expect(parsePeriod('03/04/2024', 'mdy-slash')).toBe(day('2024-03-04'));
    expect(parsePeriod('03/04/2024', 'dmy-slash')).toBe(day('2024-04-03'));
    expect(parsePeriod('03/04/2024', 'iso')).toBeNaN();
    expect(parsePeriod('31.02.2024', 'dmy-dot')).toBeNaN();
    expect(parsePeriod('Q1 2024', 'iso')).toBeNaN();
  });
});
