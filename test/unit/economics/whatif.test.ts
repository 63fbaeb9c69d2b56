import { describe, expect, it } from 'vitest';
import { baseValue, scaleChurn, whatIf, type WhatIfModel } from '../../../src/analytics/economics/whatif';
import type { PurchaseModel } from '../../../src/analytics/economics/acquisition';
import { compress } from '../../../src/analytics/btyd/summary';
import type { CalculatorInputs } from '../../../src/shared/economics';
import { bgnbdConditionalExpected } from '../../../src/analytics/btyd/bgnbd';

const CALC: CalculatorInputs = {
  aov: 50,
  frequency: 2,
  lifespanYears: 4,
  cac: 100,
  cacSource: 'spend',
  marginRate: 0.5,
};
const BGP = { r: 0.25, alpha: 4, a: 0.8, b: 2.4 };
const BG: PurchaseModel = { model: 'bgnbd', params: BGP, unitDays: 7 };
const PARETO: PurchaseModel = {
  model: 'paretonbd',
  params: { r: 0.55, alpha: 10.5, s: 0.6, beta: 11.7 },
  unitDays: 7,
};
// Three customers: (x, t_x, T) in weeks, and their expected spend per purchase.
const triples = compress(
  Int32Array.from([0, 2, 5]),
  Float64Array.from([0, 10, 30]),
  Float64Array.from([40, 40, 40]),
);
const MODEL: WhatIfModel = { purchase: BG, triples, spend: Float64Array.from([20, 30, 40]) };
const zero = { aov: 0, frequency: 0, churn: 0, cac: 0 };

describe('the value of the base', () => {
  it('is Σ spend × Σ_k (E[X(k months)] − E[X((k−1) months)]) / (1 + d)^k, written out from METRICS', () => {
    // The three customers above, in weeks; one month is 365.25 / 12 days = 365.25 / 84 weeks.
    const customers = [
      { x: 0, tx: 0, T: 40, spend: 20 },
      { x: 2, tx: 10, T: 40, spend: 30 },
      { x: 5, tx: 30, T: 40, spend: 40 },
    ];
    const month = 365.25 / 12 / 7;
    const d = 0.01;
    let expected = 0;
    for (const c of customers) {
      const e = (k: number) => (k === 0 ? 0 : bgnbdConditionalExpected(BGP, k * month, c.x, c.tx, c.T));
      for (let k = 1; k <= 12; k++) expected += (c.spend * (e(k) - e(k - 1))) / (1 + d) ** k;
    }
    expect(baseValue(MODEL, BG, 12, d)).toBeCloseTo(expected, 9);
    // And with the churn lever: the same sum under b' = a (1 − p') / p', p' = 1.25 × a / (a + b).
    const p2 = (1.25 * 0.8) / 3.2;
    const churned = { ...BGP, b: (0.8 * (1 - p2)) / p2 };
    let after = 0;
    for (const c of customers) {
      const e = (k: number) => (k === 0 ? 0 : bgnbdConditionalExpected(churned, k * month, c.x, c.tx, c.T));
      for (let k = 1; k <= 12; k++) after += (c.spend * (e(k) - e(k - 1))) / (1 + d) ** k;
    }
    expect(baseValue(MODEL, scaleChurn(BG, 1.25), 12, d)).toBeCloseTo(after, 9);
    expect(after).toBeLessThan(expected);
  });
});

describe('what-if levers', () => {
  it('no lever: before = after; clvSimple = AOV × frequency × lifespan − CAC', () => {
    const r = whatIf(zero, CALC, MODEL, 12, 0.01);
    expect(r.before.clvSimple).toBe(50 * 2 * 4 - 100);
    expect(r.before.clvSimpleMargin).toBe(50 * 2 * 4 * 0.5 - 100);
    expect(r.after).toEqual(r.before);
    expect(r.before.baseValue).toBeCloseTo(0.5 * baseValue(MODEL, BG, 12, 0.01), 9);
    expect(r.before.clvPerCustomer).toBeCloseTo(r.before.baseValue! / 3, 9);
  });

  it('AOV +10 %: clvSimple’s revenue part and the base value × 1.1', () => {
    const r = whatIf({ ...zero, aov: 10 }, CALC, MODEL, 12, 0.01);
    expect(r.after.clvSimple).toBeCloseTo(400 * 1.1 - 100, 9);
    expect(r.after.clvSimpleMargin).toBeCloseTo(200 * 1.1 - 100, 9);
    expect(r.after.baseValue! / r.before.baseValue!).toBeCloseTo(1.1, 12);
  });

  it('frequency −20 % scales the expected purchases; CAC +50 % only the CAC', () => {
    const f = whatIf({ ...zero, frequency: -20 }, CALC, MODEL, 36, 0.01);
    expect(f.after.clvSimple).toBeCloseTo(400 * 0.8 - 100, 9);
    expect(f.after.baseValue! / f.before.baseValue!).toBeCloseTo(0.8, 12);
    const k = whatIf({ ...zero, cac: 50 }, CALC, MODEL, 36, 0.01);
    expect(k.after.clvSimple).toBe(400 - 150);
    expect(k.after.baseValue).toBe(k.before.baseValue);
  });

  it('churn +25 %: the mean dropout a / (a + b) × 1.25 with a fixed; lifespan / 1.25; value falls', () => {
    const scaled = scaleChurn(BG, 1.25);
    if (scaled.model !== 'bgnbd') throw new Error('model');
    expect(scaled.params.a).toBe(0.8);
    expect(scaled.params.a / (scaled.params.a + scaled.params.b)).toBeCloseTo((1.25 * 0.8) / 3.2, 12);
    const r = whatIf({ ...zero, churn: 25 }, CALC, MODEL, 36, 0.01);
    expect(r.after.clvSimple).toBeCloseTo(400 / 1.25 - 100, 9);
    expect(r.after.baseValue!).toBeLessThan(r.before.baseValue!);
    const lower = whatIf({ ...zero, churn: -25 }, CALC, MODEL, 36, 0.01);
    expect(lower.after.baseValue!).toBeGreaterThan(lower.before.baseValue!);
  });

  it('Pareto/NBD: s / β scaled through β', () => {
    const scaled = scaleChurn(PARETO, 2);
    if (scaled.model !== 'paretonbd') throw new Error('model');
    expect(scaled.params.s / scaled.params.beta).toBeCloseTo((2 * 0.6) / 11.7, 12);
    const m = { ...MODEL, purchase: PARETO };
    const r = whatIf({ ...zero, churn: 100 }, CALC, m, 36, 0.01);
    expect(r.after.baseValue!).toBeLessThan(r.before.baseValue!);
  });

  it('without a forecast: clvSimple only, reason noForecast', () => {
    const r = whatIf({ ...zero, aov: 10 }, { ...CALC, marginRate: null }, null, 12, 0.01);
    expect(r.reason).toBe('noForecast');
    expect(r.after.baseValue).toBeNull();
    expect(r.after.clvSimpleMargin).toBeNull();
    expect(r.onMargin).toBe(false);
  });
});
