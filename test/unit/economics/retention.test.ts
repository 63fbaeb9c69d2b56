import { describe, expect, it } from 'vitest';
import { retentionByCohortYear } from '../../../src/analytics/economics/retention';
import { computeKpis } from '../../../src/analytics/kpis';
import { day, makeLines, tableOf } from './fixture';

// D = 2024-12-31: the last year is (2024-01-01, 2024-12-31], the year before (2023-01-01, 2024-01-01].
const D = day('2024-12-31');
const LINES = makeLines([
  { c: 'P', d: day('2022-05-01'), a: 100 },
  { c: 'P', d: day('2023-06-01'), a: 200 },
  { c: 'P', d: day('2024-06-01'), a: 300 },
  { c: 'Q', d: day('2022-07-01'), a: 80 },
  { c: 'Q', d: day('2023-07-01'), a: 100 },
  { c: 'R', d: day('2023-03-01'), a: 50 },
  { c: 'R', d: day('2024-03-01'), a: 25 },
  { c: 'S', d: day('2023-12-01'), a: 40 },
  { c: 'T', d: day('2024-02-01'), a: 60 },
]);

describe('NRR and GRR per cohort year', () => {
  const rows = retentionByCohortYear(tableOf(LINES, D), true);

  it('one row per year of first purchase up to the year of D − 365d', () => {
    expect(rows.map((r) => r.year)).toEqual([2022, 2023, 2024]);
    expect(rows.map((r) => r.customers)).toEqual([2, 2, 0]);
  });

  it('2022: P grows 200 → 300, Q is lost: NRR 300 / 300, GRR 200 / 300', () => {
    expect(rows[0].nrr.value).toBeCloseTo(1, 12);
    expect(rows[0].grr.value).toBeCloseTo(200 / 300, 12);
  });

  it('2023: R shrinks 50 → 25, S is lost: NRR = GRR = 25 / 90', () => {
    expect(rows[1].nrr.value).toBeCloseTo(25 / 90, 12);
    expect(rows[1].grr.value).toBeCloseTo(25 / 90, 12);
  });

  it('a cohort without customers active in the year before: unavailable', () => {
    expect(rows[2].nrr).toEqual({ value: null, reason: 'noCustomers' });
  });

  it('the cohorts add up to the KPIs’ NRR and GRR', () => {
    const k = computeKpis(LINES, { asOf: D }).kpis;
    expect(k.nrr.value).toBeCloseTo(325 / 390, 12);
    expect(k.grr.value).toBeCloseTo(225 / 390, 12);
  });

  it('less than 730 days of data: shortHistory', () => {
    const short = retentionByCohortYear(tableOf(LINES, D), false);
    expect(short[0].nrr).toEqual({ value: null, reason: 'shortHistory' });
  });
});
