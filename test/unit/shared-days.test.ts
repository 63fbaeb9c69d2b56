import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysInMonth,
  firstDayOfMonth,
  isoToDay,
  lastDayOfMonth,
  monthOfDay,
} from '../../src/shared/days';

describe('shared day helpers', () => {
  it('reads ISO dates into day numbers and refuses what is not a real day', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('2010-12-01')).toBe(14944);
    expect(isoToDay('2024-02-29')).toBe(19782);
    expect(isoToDay('2023-02-29')).toBeNaN();
    expect(isoToDay('2024-13-01')).toBeNaN();
    expect(isoToDay('2024-1-01')).toBeNaN();
    expect(isoToDay('01.01.2024')).toBeNaN();
    expect(isoToDay('')).toBeNaN();
  });

  it('splits a day into year, month and day', () => {
    expect(civilFromDays(19782)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(civilFromDays(-1)).toEqual({ y: 1969, m: 12, d: 31 });
  });

  it('counts months as year · 12 + month − 1 and finds their first and last days', () => {
    // 2024-02-29 is in February 2024: 2024 · 12 + 1.
    expect(monthOfDay(19782)).toBe(24289);
    expect(firstDayOfMonth(24289)).toBe(19754); // 2024-02-01
    expect(lastDayOfMonth(24289)).toBe(19782); // 2024-02-29
    expect(lastDayOfMonth(2023 * 12 + 1)).toBe(19416); // 2023-02-28
    expect(lastDayOfMonth(2023 * 12 + 11)).toBe(19722); // 2023-12-31, the day before 2024-01-01
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
  });
});
