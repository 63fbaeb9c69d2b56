import { describe, expect, it } from 'vitest';
import { bgnbdModel } from '../../../src/analytics/btyd/bgnbd';
import {
  DAYS_PER_MONTH,
  conditionalExpectedByCustomer,
  discountedOccasionsByTriple,
  holdoutValidation,
  predictClv,
  trackingSeries,
  type BtydModel,
} from '../../../src/analytics/btyd/clv';
import { paretoNbdModel } from '../../../src/analytics/btyd/paretonbd';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';

const PARETO = { r: 1, alpha: 10, s: 2, beta: 20 };
const BGNBD = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

describe('predicted CLV', () => {
  it('hand-checkable Pareto/NBD case: s = 2, new customer, so E[X(t)] = 2t / (20 + t)', () => {
    // x = t_x = T = 0: P(alive) = 1 and E[X(t) | alive] = (r/α) · β · t/(β + t) = 2t/(20 + t) (weeks).
    const tr = compress([0], [0], [0]);
    const month = DAYS_PER_MONTH / 7;
    const g = (t: number) => (2 * t) / (20 + t);
    const byHand = 0.3 * 50 * (g(month) / 1.01 + (g(2 * month) - g(month)) / 1.01 ** 2);
    const clv = predictClv(paretoNbdModel, PARETO, tr, [50], {
      unitDays: 7,
      horizonMonths: 2,
      monthlyDiscount: 0.01,
      marginRate: 0.3,
    });
    expect(clv[0]).toBeCloseTo(byHand, 12);
    // In days the same customer gets the same CLV once α and β are rescaled to days.
    const inDays = predictClv(paretoNbdModel, { ...PARETO, alpha: 70, beta: 140 }, tr, [50], {
      unitDays: 1,
      horizonMonths: 2,
      monthlyDiscount: 0.01,
      marginRate: 0.3,
    });
    expect(inDays[0]).toBeCloseTo(byHand, 12);
  });

  /** With d = 0 the increments telescope: Σ_k (E[X(k mo)] − E[X((k−1) mo)]) = E[X(H mo)]. */
  function telescopes<P>(model: BtydModel<P>, params: P) {
    const x = [0, 2, 2, 7, 0];
    const tx = [0, 30.43, 10, 35, 0];
    const T = [38.86, 38.86, 38.86, 36, 12];
    const tr = compress(x, tx, T);
    const months = 36;
    const options = { unitDays: 7, horizonMonths: months, monthlyDiscount: 0 };
    const undiscounted = discountedOccasionsByTriple(model, params, tr, options);
    const direct = conditionalExpectedByCustomer(model, params, tr, (months * DAYS_PER_MONTH) / 7);
    for (let c = 0; c < x.length; c++) expect(undiscounted[tr.index[c]]).toBeCloseTo(direct[c], 12);
    // Discounting only lowers the value.
    const discounted = discountedOccasionsByTriple(model, params, tr, { ...options, monthlyDiscount: 0.01 });
    for (let k = 0; k < tr.count; k++) expect(discounted[k]).toBeLessThan(undiscounted[k]);
  }

  it('BG/NBD: with d = 0 the monthly increments sum to E[X(H months) | x, t_x, T]', () =>
    telescopes(bgnbdModel, BGNBD));
  it('Pareto/NBD: with d = 0 the monthly increments sum to E[X(H months) | x, t_x, T]', () =>
    telescopes(paretoNbdModel, PARETO));

  it('multiplies by each customer’s spend and the margin rate, per customer through the triple index', () => {
    const tr = compress([1, 1, 0], [5, 5, 0], [10, 10, 10]);
    const options = { unitDays: 7, horizonMonths: 12, monthlyDiscount: 0.01, marginRate: 0.5 };
    const clv = predictClv(bgnbdModel, BGNBD, tr, [10, 30, 20], options);
    const occ = discountedOccasionsByTriple(bgnbdModel, BGNBD, tr, options);
    expect(clv[0]).toBeCloseTo(0.5 * 10 * occ[0], 12);
    expect(clv[1]).toBeCloseTo(3 * clv[0], 12);
    expect(clv[2]).toBeCloseTo(0.5 * 20 * occ[1], 12);
  });
});

describe('holdout validation and tracking', () => {
  // Two customers, unit = 1 day, calibration ends on day 10, the data on day 19.
  const occ = {
    customer: Int32Array.from([1, 1, 1, 1, 2, 2]),
    day: Int32Array.from([0, 4, 8, 15, 3, 19]),
    value: null,
  };
  const summary = calibrationSummary(occ, 10, 1);
  const tr = compress(summary.x, summary.tx, summary.T);
  const params = { r: 1, alpha: 5, a: 1.5, b: 4 };

  it('compares predicted and actual holdout occasions', () => {
    const h = holdoutValidation(bgnbdModel, params, summary, tr)!;
    expect(h.length).toBe(9);
    expect(h.actualTotal).toBe(2);
    const p1 = bgnbdModel.conditionalExpected(params, 9, 2, 8, 10);
    const p2 = bgnbdModel.conditionalExpected(params, 9, 0, 0, 7);
    expect(h.predictedTotal).toBeCloseTo(p1 + p2, 12);
    expect(h.errorPercent).toBeCloseTo(((p1 + p2 - 2) / 2) * 100, 10);
    expect(h.mae).toBeCloseTo((Math.abs(p1 - 1) + Math.abs(p2 - 1)) / 2, 12);
    expect(h.byFrequency[2]).toMatchObject({ customers: 1, actualMean: 1 });
    expect(h.byFrequency[0].predictedMean).toBeCloseTo(p2, 12);
    expect(h.byFrequency[1].customers).toBe(0);
  });

  it('cumulates repeat occasions per period against Σ E[X(period end − first)]', () => {
    const t = trackingSeries(bgnbdModel, params, summary, occ, 5);
    expect(Array.from(t.periodEnd)).toEqual([4, 9, 14, 19]);
    expect(Array.from(t.actual)).toEqual([1, 2, 2, 4]);
    expect(t.calibrationEndPeriod).toBe(2);
    const e = (d: number) => bgnbdModel.unconditionalExpected(params, d);
    expect(t.predicted[0]).toBeCloseTo(e(4) + e(1), 12);
    expect(t.predicted[3]).toBeCloseTo(e(19) + e(16), 12);
  });
});
