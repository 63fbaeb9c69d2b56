import { describe, expect, it } from 'vitest';
import { inactiveCustomers, MONTH_DAYS } from '../../../src/analytics/actions/inactive';
import { code, day, makeLines, tableOf } from '../economics/fixture';

// D = 2024-12-31; N = 12 months = 365.25 days, so the window is (D − 365.25, D]: 2024-01-01 (D − 365) is inside,
// 2023-12-31 (D − 366) is not.
const D = day('2024-12-31');
const LINES = makeLines([
  { c: 'A', d: day('2022-01-01'), a: 100, m: 30 },
  { c: 'A', d: day('2023-01-01'), a: 200, m: 60 },
  { c: 'B', d: day('2021-01-01'), a: 100, m: 10 },
  { c: 'B', d: day('2023-01-01'), a: 500, m: 10 },
  { c: 'C', d: day('2024-06-01'), a: 50, m: 5 },
  { c: 'E', d: day('2024-01-01'), a: 70, m: 7 },
  { c: 'F', d: day('2023-12-31'), a: 40, m: 4 },
]);
const T = tableOf(LINES, D);
const A = code(LINES, 'A');
const B = code(LINES, 'B');
const F = code(LINES, 'F');

describe('inactive customers and value at stake', () => {
  it('one month is 365.25 / 12 days', () => {
    expect(MONTH_DAYS).toBeCloseTo(30.4375, 12);
  });

  it('revenue per year × P(alive), ranked', () => {
    const pAlive = new Float64Array(T.size).fill(NaN);
    pAlive[A] = 0.5;
    pAlive[B] = 0.2;
    const res = inactiveCustomers(T, { hasMargin: false, pAlive });
    // C (2024-06-01) and E (D − 365 days) are active; A, B, F are not.
    // A: 300 over 365 days → divisor max(1, 365/365.25) = 1 → 300 × 0.5 = 150.
    // B: 600 over 730 days → 600 / (730/365.25) = 300.2054…, × 0.2 = 60.0411….
    // F: one occasion → 40 / 1 = 40, no P(alive) → 40 alone.
    expect(res.rows.map((r) => r.code)).toEqual([A, B, F]);
    expect(res.rows[0].valueAtStake).toBeCloseTo(150, 9);
    expect(res.rows[1].yearlyValue).toBeCloseTo((600 * 365.25) / 730, 9);
    expect(res.rows[1].valueAtStake).toBeCloseTo((0.2 * 600 * 365.25) / 730, 9);
    expect(res.rows[2]).toMatchObject({ pAlive: null, valueAtStake: 40, daysSincePurchase: 366 });
    expect(res).toMatchObject({ valueBasis: 'revenue', withPAlive: true, withoutPAlive: 1 });
    expect(res.rows[0].reasons).toEqual(['noPurchase']);
  });

  it('without a forecast: the yearly value alone, and the result says so', () => {
    const res = inactiveCustomers(T, { hasMargin: false });
    // B 300.205 > A 300 > F 40.
    expect(res.rows.map((r) => r.code)).toEqual([B, A, F]);
    expect(res.withPAlive).toBe(false);
  });

  it('with a margin: margin per year (A: 90 / 1, B: 20 / 1.9986 = 10.007, F: 4)', () => {
    const res = inactiveCustomers(T, { hasMargin: true });
    expect(res.valueBasis).toBe('margin');
    expect(res.rows.map((r) => r.code)).toEqual([A, B, F]);
    expect(res.rows[0].valueAtStake).toBeCloseTo(90, 9);
    expect(res.rows[1].valueAtStake).toBeCloseTo((20 * 365.25) / 730, 9);
  });

  it('N = 6 months: window (D − 182.625, D]: C (D − 213) and E (D − 365) become inactive too', () => {
    const res = inactiveCustomers(T, { hasMargin: false, months: 6 });
    const all = [A, B, code(LINES, 'C'), code(LINES, 'E'), F];
    expect(res.rows.map((r) => r.code).sort()).toEqual(all.sort());
  });

  it('last contact: contacted within M = 6 months (182.625 days) leaves the list', () => {
    const lastContact = new Float64Array(T.size).fill(NaN);
    lastContact[A] = D - 100; // contacted recently: not on the list
    lastContact[B] = D - 200; // 200 > 182.625: still on the list
    const res = inactiveCustomers(T, { hasMargin: false, lastContact });
    expect(res.rows.map((r) => r.code)).toEqual([B, F]);
    expect(res.rows[0]).toMatchObject({ lastContact: D - 200, reasons: ['noPurchase', 'noContact'] });
    // F has no known contact: it meets the criterion.
    expect(res.rows[1]).toMatchObject({ lastContact: null, reasons: ['noPurchase', 'noContact'] });
  });
});
