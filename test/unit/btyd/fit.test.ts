// The facade on degenerate data: each case gives its reason code; a success never carries NaN.
import { describe, expect, it } from 'vitest';
import { fitForecast, type ForecastResult } from '../../../src/analytics/btyd/fit';
import { calibrationSummary, type Occasions } from '../../../src/analytics/btyd/summary';
import { simulateBgNbd } from './simulate';

function occasions(rows: [number, number, number][], withValues = true): Occasions {
  const sorted = [...rows].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return {
    customer: Int32Array.from(sorted, (r) => r[0]),
    day: Int32Array.from(sorted, (r) => r[1]),
    value: withValues ? Float64Array.from(sorted, (r) => r[2]) : null,
  };
}

/** 600 simulated customers, births over 12 weeks, 78 weeks of data (day ticks). */
const HEALTHY = {
  customers: 600,
  r: 0.5,
  alpha: 4,
  a: 0.8,
  b: 2.5,
  p: 6,
  q: 4,
  gamma: 15,
  startDay: 0,
  birthDays: 84,
  endDay: 545,
};

const codeOf = (r: ForecastResult) => (r.ok ? 'ok' : r.code);

function expectNoNaN(r: ForecastResult) {
  if (!r.ok) return;
  for (const v of Object.values(r.transactions.fit.params)) expect(Number.isFinite(v)).toBe(true);
  expect(r.pAlive.every(Number.isFinite)).toBe(true);
  for (const h of r.horizons) expect(h.expectedOccasions.every(Number.isFinite)).toBe(true);
  if (r.spend?.ok) for (const v of Object.values(r.spend.fit.params)) expect(Number.isFinite(v)).toBe(true);
}

describe.each(['bgnbd', 'paretonbd'] as const)('fitForecast (%s) on degenerate data', (model) => {
  it('one customer: tooFewCustomers', () => {
    const s = calibrationSummary(
      occasions([
        [1, 0, 10],
        [1, 5, 20],
        [1, 9, 5],
      ]),
      10,
      1,
    );
    const r = fitForecast({ summary: s, model, spend: true });
    expect(r).toEqual({ ok: false, code: 'tooFewCustomers', details: { customers: 1, minimum: 10 } });
  });

  it('no repeat customers: noRepeatCustomers', () => {
    const rows = Array.from({ length: 40 }, (_, c): [number, number, number] => [c, c % 20, 10]);
    const r = fitForecast({ summary: calibrationSummary(occasions(rows), 30, 1), model, spend: true });
    expect(codeOf(r)).toBe('noRepeatCustomers');
  });

  it('all customers bought on one day (the calibration end): noTimeSpan', () => {
    const rows = Array.from({ length: 40 }, (_, c): [number, number, number] => [c, 100, 10]);
    const r = fitForecast({ summary: calibrationSummary(occasions(rows), 100, 1), model, spend: true });
    expect(codeOf(r)).toBe('noTimeSpan');
  });

  it('nobody ever churns (regular buyers up to the end): dropoutToZero', () => {
    const rows: [number, number, number][] = [];
    for (let c = 0; c < 50; c++) for (let d = c % 7; d <= 200; d += 7 + (c % 3)) rows.push([c, d, 10]);
    const r = fitForecast({ summary: calibrationSummary(occasions(rows), 200, 7), model, spend: false });
    expect(codeOf(r)).toBe('dropoutToZero');
  });

  it('a healthy fit without amounts succeeds and reports spendNoAmounts for the spend model', () => {
    const occ = simulateBgNbd({ ...HEALTHY, seed: 3 });
    const summary = calibrationSummary({ ...occ, value: null }, 272, 7);
    const r = fitForecast({ summary, model, spend: true, occasions: occ });
    expect(r.ok).toBe(true);
    expectNoNaN(r);
    if (!r.ok) return;
    expect(r.spend).toEqual({ ok: false, code: 'spendNoAmounts', details: undefined });
    expect(r.horizons.map((h) => h.months)).toEqual([12, 36]);
    expect(r.horizons[0].clv).toBeNull();
    expect(r.transactions.fit.converged).toBe(true);
    expect(r.holdout?.length).toBe((summary.endDay - 272) / 7);
    expect(r.tracking?.actual.length).toBe(78);
    // With amounts the same data give a spend model and a CLV.
    const withSpend = fitForecast({ summary: calibrationSummary(occ, 272, 7), model, spend: true });
    expectNoNaN(withSpend);
    if (withSpend.ok) {
      expect(withSpend.spend?.ok).toBe(true);
      const clv = withSpend.horizons[1].clv!;
      expect(clv.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      expect(withSpend.horizons[1].clvTotal).toBeGreaterThan(withSpend.horizons[0].clvTotal!);
    }
  });

  it('amounts on only a few repeat customers: spendTooFewRepeat, the transaction model still fits', () => {
    const occ = simulateBgNbd({ ...HEALTHY, seed: 4 });
    const value = occ.value!.map((v, i) => (occ.customer[i] < 10 ? v : 0));
    const summary = calibrationSummary({ ...occ, value }, 272, 7);
    const repeaters = summary.x.filter((x, i) => x > 0 && summary.m[i] > 0).length;
    expect(repeaters).toBeLessThan(10);
    const r = fitForecast({ summary, model, spend: true });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.spend).toEqual({
        ok: false,
        code: 'spendTooFewRepeat',
        details: { customers: repeaters, minimum: 10 },
      });
    expectNoNaN(r);
  });
});
