// Forecast intervals (METRICS.md, "Intervals"): the covariance of the log-parameters, the seeded draws, the percentile
// bands, the failure codes, the posterior predictives against the models' closed-form expectations, and the bands
// collapsing onto the point forecast when the parameters are (almost) certain.
import { describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpected,
  bgnbdExpectedIfAlive,
  bgnbdModel,
  bgnbdPAlive,
} from '../../../src/analytics/btyd/bgnbd';
import { predictClv } from '../../../src/analytics/btyd/clv';
import { expectedSpend } from '../../../src/analytics/btyd/gammagamma';
import {
  INTERVAL_MODELS,
  LINEARISATION_MAX_SD,
  band,
  intervals,
  largestSd,
} from '../../../src/analytics/btyd/intervals';
import { fitPositive, logCovariance } from '../../../src/analytics/btyd/optimize';
import {
  mbgnbdConditionalExpected,
  mbgnbdExpectedIfAlive,
  mbgnbdPAlive,
} from '../../../src/analytics/btyd/mbgnbd';
import {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdExpectedIfAlive,
} from '../../../src/analytics/btyd/paretonbd';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';
import { Random, choleskyFactor, normalDraws } from '../../../src/analytics/random';
import type { Band } from '../../../src/shared/intervals';
import { simulateParetoNbd } from './simulate';

describe('covariance of the log-parameters', () => {
  it('is D⁻¹ H⁻¹ D⁻¹ for hand-made Hessians', () => {
    // H = diag(4, 9) at p = (2, 3): Σ_θ = diag(1 / (4 · 2²), 1 / (9 · 3²)).
    const a = logCovariance(Float64Array.of(4, 0, 0, 9), [2, 3])!;
    expect(Array.from(a)).toEqual([1 / 16, 0, 0, 1 / 81].map((v) => expect.closeTo(v, 14)));
    // H = [[2, 1], [1, 2]] at p = (1, 1): H⁻¹ = [[2, −1], [−1, 2]] / 3.
    const b = logCovariance(Float64Array.of(2, 1, 1, 2), [1, 1])!;
    expect(Array.from(b)).toEqual([2 / 3, -1 / 3, -1 / 3, 2 / 3].map((v) => expect.closeTo(v, 14)));
    expect(logCovariance(Float64Array.of(1, 2, 2, 1), [1, 1])).toBeNull();
  });

  it('gives Var(ln λ̂) = 1/n for the exponential rate', () => {
    // n observations with sum S: −LL = −n ln λ + λ S, λ̂ = n / S, and −LL in θ = ln λ has curvature λ̂ S = n.
    const n = 50;
    const sum = 125;
    const fit = fitPositive(
      (p, g) => {
        if (g) g[0] = -n / p[0] + sum;
        return -n * Math.log(p[0]) + p[0] * sum;
      },
      [[1]],
      { analyticGradient: true },
    );
    expect(fit.params[0]).toBeCloseTo(n / sum, 6);
    expect(fit.logCovariance![0]).toBeCloseTo(1 / n, 6);
  });
});

describe('seeded draws', () => {
  it('reproduces a covariance and repeats with the seed', () => {
    const cov = [1, 0.6, 0.6, 2];
    const l = choleskyFactor(cov, 2)!;
    const d = normalDraws([3, -1], l, 40_000, new Random(7));
    let m0 = 0;
    let m1 = 0;
    for (let s = 0; s < 40_000; s++) {
      m0 += d[2 * s] / 40_000;
      m1 += d[2 * s + 1] / 40_000;
    }
    let c00 = 0;
    let c01 = 0;
    let c11 = 0;
    for (let s = 0; s < 40_000; s++) {
      c00 += (d[2 * s] - m0) ** 2 / 40_000;
      c01 += ((d[2 * s] - m0) * (d[2 * s + 1] - m1)) / 40_000;
      c11 += (d[2 * s + 1] - m1) ** 2 / 40_000;
    }
    expect(m0).toBeCloseTo(3, 1);
    expect(m1).toBeCloseTo(-1, 1);
    expect(c00).toBeCloseTo(1, 1);
    expect(c01).toBeCloseTo(0.6, 1);
    expect(c11).toBeCloseTo(2, 1);
    expect(normalDraws([0], Float64Array.of(1), 3, new Random(5))).toEqual(
      normalDraws([0], Float64Array.of(1), 3, new Random(5)),
    );
  });

  it('draws Poisson counts with their mean and variance', () => {
    const random = new Random(3);
    for (const mean of [0.4, 7, 60]) {
      let s1 = 0;
      let s2 = 0;
      const k = 40_000;
      for (let i = 0; i < k; i++) {
        const v = random.poisson(mean);
        s1 += v;
        s2 += v * v;
      }
      const m = s1 / k;
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / k));
      expect((s2 / k - m * m) / mean).toBeCloseTo(1, 1);
    }
  });
});

describe('bands', () => {
  it('are the 2.5, 5, 10, 50, 90, 95 and 97.5 % percentiles', () => {
    const b = band(Float64Array.from({ length: 101 }, (_, i) => 100 - i));
    expect(b).toEqual({ low95: 2.5, low90: 5, low80: 10, median: 50, high80: 90, high90: 95, high95: 97.5 });
  });
});

/** The mean of k draws and its standard error. */
function meanAndError(k: number, draw: () => number): { mean: number; se: number } {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < k; i++) {
    const v = draw();
    s1 += v;
    s2 += v * v;
  }
  return { mean: s1 / k, se: Math.sqrt((s2 / k - (s1 / k) ** 2) / k) };
}

describe('posterior predictive of a living customer', () => {
  // The simulated purchases of a customer alive at T average to the closed-form E[X(t) | alive at T, x, T].
  const cases = [
    { x: 0, T: 20, t: 39 },
    { x: 4, T: 30, t: 52 },
  ];
  it.each(cases)('BG/NBD at x = $x, T = $T, t = $t', ({ x, T, t }) => {
    const p = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
    const random = new Random(11);
    const { mean, se } = meanAndError(100_000, () =>
      INTERVAL_MODELS.bgnbd!.simulateAlive(p, x, T, t, random),
    );
    expect(Math.abs(mean - bgnbdExpectedIfAlive(p, t, x, T))).toBeLessThan(4 * se);
  });
  it.each(cases)('MBG/NBD at x = $x, T = $T, t = $t', ({ x, T, t }) => {
    const p = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
    const random = new Random(13);
    const { mean, se } = meanAndError(100_000, () =>
      INTERVAL_MODELS.mbgnbd!.simulateAlive(p, x, T, t, random),
    );
    const closed = mbgnbdExpectedIfAlive(p, t, x, T);
    expect(Math.abs(mean - closed)).toBeLessThan(4 * se);
    // It is not BG/NBD's: one more survived dropout chance lowers p and raises the expectation.
    expect(closed).toBeGreaterThan(bgnbdExpectedIfAlive(p, t, x, T));
  });
  it.each([
    ['bgnbd', { r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, bgnbdExpectedIfAlive],
    ['mbgnbd', { r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, mbgnbdExpectedIfAlive],
    ['paretonbd', { r: 0.5, alpha: 4, s: 0.7, beta: 12 }, paretoNbdExpectedIfAlive],
  ] as const)(
    '%s paths: nested counts whose means are the closed forms at each length',
    (name, p, closed) => {
      const random = new Random(17);
      const k = 60_000;
      const lengths = [13, 39, 52];
      const sums = [0, 0, 0];
      const squares = [0, 0, 0];
      const out = new Float64Array(3);
      for (let i = 0; i < k; i++) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        INTERVAL_MODELS[name]!.simulatePath(p as any, 2, 30, lengths, random, out);
        expect(out[0]).toBeLessThanOrEqual(out[1]);
        expect(out[1]).toBeLessThanOrEqual(out[2]);
        out.forEach((v, h) => {
          sums[h] += v;
          squares[h] += v * v;
        });
      }
      lengths.forEach((t, h) => {
        const se = Math.sqrt((squares[h] / k - (sums[h] / k) ** 2) / k);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        expect(Math.abs(sums[h] / k - closed(p as any, t, 2, 30))).toBeLessThan(4 * se);
      });
    },
  );
  it.each(cases)('Pareto/NBD at x = $x, T = $T, t = $t', ({ x, T, t }) => {
    const p = { r: 0.5, alpha: 4, s: 0.7, beta: 12 };
    const random = new Random(12);
    const { mean, se } = meanAndError(100_000, () =>
      INTERVAL_MODELS.paretonbd!.simulateAlive(p, x, T, t, random),
    );
    expect(Math.abs(mean - paretoNbdExpectedIfAlive(p, t, x, T))).toBeLessThan(4 * se);
  });
});

describe('intervals', () => {
  const x = [0, 0, 1, 3, 3, 7, 2, 0];
  const tx = [0, 0, 10, 20, 25, 30, 5, 0];
  const T = [30, 12, 30, 32, 40, 40, 35, 8];
  const m = [NaN, NaN, 20, 35, 15, 50, 25, NaN];
  const tr = compress(x, tx, T);
  const params = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
  const spendParams = { p: 6, q: 4, gamma: 15 };
  const tiny = (n: number) => Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1e-16 : 0));
  /** The eight customers' 10-period forecast with (almost) certain parameters. */
  const certain = { params, logCovariance: tiny(4), triples: tr, lengths: [10] };

  it('says why there are none', () => {
    const base = { ...certain, model: 'bgnbd' as const };
    expect(intervals({ ...base, logCovariance: null })).toEqual({
      ok: false,
      code: 'hessianNotPositiveDefinite',
    });
    expect(intervals({ ...base, model: 'other' as 'bgnbd' })).toEqual({
      ok: false,
      code: 'modelWithoutIntervals',
    });
    const noSpend = intervals({
      ...base,
      clv: {
        spend: { params: spendParams, logCovariance: null, x, m },
        marginRate: 1,
        monthlyDiscount: 0.01,
        unitDays: 7,
        months: [12],
      },
    });
    expect(noSpend.ok && noSpend.clvFailure).toBe('spendHessianNotPositiveDefinite');
    expect(noSpend.ok && noSpend.total.clv).toBeNull();
  });

  it('collapse per customer onto the point forecast when the parameters are certain', () => {
    const res = intervals({
      ...certain,
      model: 'bgnbd',
      clv: {
        spend: { params: spendParams, logCovariance: tiny(3), x, m },
        marginRate: 0.4,
        monthlyDiscount: 0.01,
        unitDays: 7,
        months: [12],
      },
      draws: 20,
    });
    if (!res.ok) throw new Error(res.code);
    const spend = x.map((xi, i) => expectedSpend(spendParams, xi, m[i]));
    const clv = predictClv(bgnbdModel, params, tr, spend, {
      unitDays: 7,
      horizonMonths: 12,
      monthlyDiscount: 0.01,
      marginRate: 0.4,
    });
    const bands = res.customerBands(x.map((_, i) => i));
    bands.forEach((b, i) => {
      expect(b.pAlive.low95).toBeCloseTo(bgnbdPAlive(params, x[i], tx[i], T[i]), 6);
      expect(b.pAlive.high95).toBeCloseTo(bgnbdPAlive(params, x[i], tx[i], T[i]), 6);
      expect(b.expected[0].median).toBeCloseTo(bgnbdConditionalExpected(params, 10, x[i], tx[i], T[i]), 6);
      expect(b.clv![0].median).toBeCloseTo(clv[i], 4);
    });
    // The total still varies: the purchases themselves are random. Its centre is the point forecast's total.
    const expectedTotal = x.reduce(
      (s, xi, i) => s + bgnbdConditionalExpected(params, 10, xi, tx[i], T[i]),
      0,
    );
    const total = res.total.expected[0];
    expect(total.low90).toBeLessThan(expectedTotal);
    expect(total.high90).toBeGreaterThan(expectedTotal);
    expect(res.total.meanPAlive.median).toBeCloseTo(
      x.reduce((s, xi, i) => s + bgnbdPAlive(params, xi, tx[i], T[i]), 0) / x.length,
      6,
    );
  });

  it('collapse per customer onto the MBG/NBD point forecast, with P(alive) below 1 at x = 0', () => {
    const res = intervals({ ...certain, model: 'mbgnbd', draws: 20 });
    if (!res.ok) throw new Error(res.code);
    res.customerBands(x.map((_, i) => i)).forEach((b, i) => {
      const pa = mbgnbdPAlive(params, x[i], tx[i], T[i]);
      expect(b.pAlive.low95).toBeCloseTo(pa, 6);
      expect(b.pAlive.high95).toBeCloseTo(pa, 6);
      expect(b.expected[0].median).toBeCloseTo(mbgnbdConditionalExpected(params, 10, x[i], tx[i], T[i]), 6);
      if (x[i] === 0) expect(pa).toBeLessThan(1);
    });
    expect(res.total.meanPAlive.median).toBeCloseTo(
      x.reduce((s, xi, i) => s + mbgnbdPAlive(params, xi, tx[i], T[i]), 0) / x.length,
      6,
    );
  });

  it('simulate small groups’ totals customer by customer: whole numbers, never below 0, the point forecast inside', () => {
    // Parameters certain: each draw's total is the sum of the customers' simulated holdout purchases, so the bands
    // are quantiles of a sum of counts around the point forecast's total.
    const res = intervals({ ...certain, model: 'bgnbd', draws: 4000 });
    if (!res.ok) throw new Error(res.code);
    expect(res.totals).toBe('simulated');
    const b = res.total.expected[0];
    for (const v of [b.low95, b.low80, b.high80, b.high95]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(v)).toBe(true);
    }
    const point = x.reduce((s, xi, i) => s + bgnbdConditionalExpected(params, 10, xi, tx[i], T[i]), 0);
    expect(b.low80).toBeLessThanOrEqual(point);
    expect(b.high80).toBeGreaterThanOrEqual(point);
    const normal = intervals({ ...certain, model: 'bgnbd', simulationBudget: 0 });
    expect(normal.ok && normal.totals).toBe('normal');
  });

  it('split into groups by the caller’s index, and repeat with the seed', () => {
    const input = {
      model: 'bgnbd' as const,
      params,
      logCovariance: Float64Array.of(0.04, 0, 0, 0, 0, 0.04, 0, 0, 0, 0, 0.09, 0, 0, 0, 0, 0.09),
      triples: tr,
      lengths: [10],
      groupOf: Int32Array.of(0, 0, 1, 1, 1, 1, -1, 0),
      groups: 2,
    };
    const a = intervals(input);
    const b = intervals(input);
    if (!a.ok || !b.ok) throw new Error('no intervals');
    expect(a.groups.map((g) => g.customers)).toEqual([3, 4]);
    expect(a.total.customers).toBe(8);
    expect(a.total).toEqual(b.total);
    // Group 0 holds only customers without repeat purchases: P(alive) = 1 under every BG/NBD draw.
    expect(a.groups[0].meanPAlive.low95).toBe(1);
    expect(a.groups[0].meanPAlive.high95).toBe(1);
    expect(a.total.expected[0].high95).toBeGreaterThan(a.total.expected[0].low95);
  });
});

// A Pareto/NBD fit that leaves the dropout unidentified (the coverage run's data set 70: 400 customers, sd of ln s and
// of ln β above 6): its draws of s and β spread over ten orders of magnitude either way, where P(alive) once needed
// the 2F1 series with up to a million terms per customer (196 s for this data set). Now by quadrature there.
describe('intervals of a Pareto/NBD fit with an unidentified dropout', () => {
  it('complete with finite, ordered bands that hold the point forecast', () => {
    const ticks = 7 * 24;
    const weeks = 39;
    const occasions = simulateParetoNbd({
      customers: 400,
      seed: 70,
      r: 0.5,
      alpha: 4,
      s: 0.7,
      beta: 12,
      startDay: 0,
      birthDays: 12 * ticks,
      endDay: (12 + 2 * weeks) * ticks - 1,
      ticksPerWeek: ticks,
    });
    const summary = calibrationSummary(occasions, (12 + weeks) * ticks - 1, ticks);
    const tr = compress(summary.x, summary.tx, summary.T);
    const fit = fitParetoNbd(tr);
    expect(fit.converged).toBe(true);
    const cov = fit.logCovariance!;
    expect(Math.sqrt(cov[2 * 5])).toBeGreaterThan(1); // sd of ln s: the weak-dropout case
    const res = intervals({
      model: 'paretonbd',
      params: { ...fit.params },
      logCovariance: cov,
      triples: tr,
      lengths: [weeks],
      seed: 70,
    });
    if (!res.ok) throw new Error(res.code);
    expect(res.totals).toBe('simulated');
    const point = Array.from(summary.x, (x, i) =>
      paretoNbdConditionalExpected(fit.params, weeks, x, summary.tx[i], summary.T[i]),
    );
    const total = res.total.expected[0];
    const sum = point.reduce((s, v) => s + v, 0);
    expect(total.low95).toBeLessThanOrEqual(sum);
    expect(total.high95).toBeGreaterThanOrEqual(sum);
    const all = Int32Array.from(summary.x, (_, i) => i);
    res.customerBands(all).forEach((b, i) => {
      const order = (v: Band) => [v.low95, v.low90, v.low80, v.median, v.high80, v.high90, v.high95];
      for (const band of [b.pAlive, b.expected[0]]) {
        const values = order(band);
        expect(values.every(Number.isFinite)).toBe(true);
        for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
      }
      expect(b.pAlive.low95).toBeGreaterThanOrEqual(0);
      expect(b.pAlive.high95).toBeLessThanOrEqual(1);
      expect(b.expected[0].low95).toBeLessThanOrEqual(point[i] * (1 + 1e-9));
      expect(b.expected[0].high95).toBeGreaterThanOrEqual(point[i] * (1 - 1e-9));
    });
  });
});

// The first-order expansion of the totals (bases beyond the exact budget) is only used where every log-parameter's
// standard error is at most LINEARISATION_MAX_SD (0.5); a weakly identified fit gets exact draws whatever the budget.
describe('the first-order expansion is not used for weakly identified parameters', () => {
  const ticks = 7 * 24;
  const weeks = 39;
  const summaryOf = (customers: number, seed: number) =>
    calibrationSummary(
      simulateParetoNbd({
        customers,
        seed,
        r: 0.5,
        alpha: 4,
        s: 0.7,
        beta: 12,
        startDay: 0,
        birthDays: 12 * ticks,
        endDay: (12 + 2 * weeks) * ticks - 1,
        ticksPerWeek: ticks,
      }),
      (12 + weeks) * ticks - 1,
      ticks,
    );
  const run = (customers: number, seed: number) => {
    const summary = summaryOf(customers, seed);
    const tr = compress(summary.x, summary.tx, summary.T);
    const fit = fitParetoNbd(tr);
    const cov = fit.logCovariance!;
    const res = intervals({
      model: 'paretonbd',
      params: { ...fit.params },
      logCovariance: cov,
      triples: tr,
      lengths: [weeks],
      seed,
      // Beyond both budgets: the normal approximation, and the first-order expansion unless the fit is weak.
      simulationBudget: 0,
      exactBudget: 0,
    });
    if (!res.ok) throw new Error(res.code);
    return { sd: largestSd(cov, 4), method: res.method };
  };

  it('Pareto/NBD on 400 customers (sd of ln s above 1): exact draws', () => {
    const { sd, method } = run(400, 70);
    expect(sd).toBeGreaterThan(LINEARISATION_MAX_SD);
    expect(method).toBe('exact');
  });

  it('Pareto/NBD on 20,000 customers (every sd below 0.5): the first-order expansion', () => {
    const { sd, method } = run(20_000, 1);
    expect(sd).toBeLessThanOrEqual(LINEARISATION_MAX_SD);
    expect(method).toBe('linearised');
  });

  it('largestSd reads the diagonal', () => {
    expect(largestSd(Float64Array.of(0.04, 0.01, 0.01, 0.36), 2)).toBeCloseTo(0.6, 14);
    expect(largestSd(null, 2)).toBe(0);
    expect(largestSd(Float64Array.of(NaN, 0, 0, 1), 2)).toBe(Infinity);
  });
});
