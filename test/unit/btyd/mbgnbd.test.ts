// MBG/NBD (Batislam, Denizel & Filiztekin 2007): parameter recovery on simulated data, an independent
// log-likelihood on CDNOW, the closed forms against their limits, and the conditional expectation against simulated
// customers.
import { describe, expect, it } from 'vitest';
import { bgnbdUnconditionalExpected } from '../../../src/analytics/btyd/bgnbd';
import { fitForecast } from '../../../src/analytics/btyd/fit';
import { unconditionalExpected } from '../../../src/analytics/economics/acquisition';
import { forecastValueModel } from '../../../src/analytics/economics/compute';
import type { ForecastReport } from '../../../src/analytics/forecast';
import {
  fitMbgNbd,
  mbgnbdConditionalExpected,
  mbgnbdLogLikelihood,
  mbgnbdObjective,
  mbgnbdPAlive,
  mbgnbdUnconditionalExpected,
  type MbgNbdParams,
} from '../../../src/analytics/btyd/mbgnbd';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';
import { CDNOW_CALIBRATION_END, hasCdnow, loadCdnowOccasions } from './cdnow';
import { simulateMbgNbd } from './simulate';

const KEYS = ['r', 'alpha', 'a', 'b'] as const;

/** ln Γ by the Lanczos approximation (g = 7, 9 terms): the test's own, not the library's. */
function lgamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lgamma(1 - z);
  z -= 1;
  let s = c[0];
  for (let i = 1; i < 9; i++) s += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * The MBG/NBD log-likelihood straight from the paper's per-customer formula, summed customer by customer
 * (no compression, no library helper):
 * L = Γ(r+x) α^r / Γ(r) · B(a, b+x+1) / B(a, b) · [(α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x)].
 */
function directLogLikelihood(p: MbgNbdParams, x: Int32Array, tx: Float64Array, T: Float64Array): number {
  const lnBeta = (u: number, v: number) => lgamma(u) + lgamma(v) - lgamma(u + v);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const n = p.r + x[i];
    const bracket = Math.pow(p.alpha + T[i], -n) + (p.a / (p.b + x[i])) * Math.pow(p.alpha + tx[i], -n);
    sum +=
      lgamma(n) -
      lgamma(p.r) +
      p.r * Math.log(p.alpha) +
      lnBeta(p.a, p.b + x[i] + 1) -
      lnBeta(p.a, p.b) +
      Math.log(bracket);
  }
  return sum;
}

// Hour ticks keep same-day merges negligible (see recovery.test.ts).
const TICKS = 168;
const TRUE = { r: 0.8, alpha: 3, a: 1.2, b: 3.5, p: 6, q: 4, gamma: 15 };

describe('MBG/NBD recovery of known parameters from 20,000 simulated customers', () => {
  const occ = simulateMbgNbd({
    customers: 20_000,
    seed: 7,
    ...TRUE,
    startDay: 0,
    birthDays: 12 * TICKS,
    endDay: 78 * TICKS - 1,
    ticksPerWeek: TICKS,
  });
  const summary = calibrationSummary(occ, 52 * TICKS - 1, TICKS);
  const triples = compress(summary.x, summary.tx, summary.T);

  it('recovers r, α, a, b within 10 % (and 3 standard errors)', () => {
    const fit = fitMbgNbd(triples);
    expect(fit.converged).toBe(true);
    expect(fit.hessianOk).toBe(true);
    for (const k of KEYS) {
      expect(Math.abs(fit.params[k] / TRUE[k] - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(fit.params[k] - TRUE[k])).toBeLessThanOrEqual(3 * fit.stdErrors[k]);
    }
  });

  it('the facade forecasts with it end to end, CLV included; holdout total within 5 %', () => {
    const res = fitForecast({ summary, model: 'mbgnbd', spend: true });
    if (!res.ok) throw new Error(res.code);
    expect(res.transactions.model).toBe('mbgnbd');
    const h = res.holdout!;
    expect(Math.abs(h.predictedTotal / h.actualTotal - 1)).toBeLessThanOrEqual(0.05);
    for (const hz of res.horizons) expect(Number.isFinite(hz.clvTotal)).toBe(true);
    // A customer with x = 0 may be gone: P(alive) < 1.
    const zero = summary.x.indexOf(0);
    expect(res.pAlive[zero]).toBeLessThan(1);
  });
});

describe('MBG/NBD closed forms', () => {
  const p: MbgNbdParams = { r: 0.5, alpha: 6, a: 0.9, b: 1.6 };

  it('the analytic gradient agrees with central differences', () => {
    const tr = compress(Int32Array.from([0, 1, 3, 0, 7]), [0, 2, 10, 0, 30], [5, 6, 20, 40, 38]);
    const f = mbgnbdObjective(tr);
    const v = Float64Array.from(KEYS, (k) => p[k]);
    const g = new Float64Array(4);
    f(v, g);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6 * v[i];
      const up = Float64Array.from(v);
      const down = Float64Array.from(v);
      up[i] += h;
      down[i] -= h;
      const numeric = (f(up, null) - f(down, null)) / (2 * h);
      expect(Math.abs(g[i] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('x = 0, t_x = 0: the likelihood is a/(a+b) + b/(a+b)·(α/(α+T))^r and P(alive) is its second part share', () => {
    const T = 10;
    const tr = compress(Int32Array.from([0]), [0], [T]);
    const stay = (p.b / (p.a + p.b)) * Math.pow(p.alpha / (p.alpha + T), p.r);
    const L = p.a / (p.a + p.b) + stay;
    expect(mbgnbdLogLikelihood(p, tr)).toBeCloseTo(Math.log(L), 12);
    expect(mbgnbdPAlive(p, 0, 0, T)).toBeCloseTo(stay / L, 12);
  });

  it('E[X(t)]: slope b/(a+b)·r/α at 0; the limit b/(a−1) for a > 1', () => {
    const t = 1e-6;
    expect(mbgnbdUnconditionalExpected(p, t) / t).toBeCloseTo(((p.b / (p.a + p.b)) * p.r) / p.alpha, 4);
    // The limit is approached like t^−min(r, a−1): r = 3, a = 2.5 get there by t = 10⁵.
    const q = { ...p, r: 3, a: 2.5 };
    expect(mbgnbdUnconditionalExpected(q, 1e5)).toBeCloseTo(q.b / (q.a - 1), 3);
    // E[X(t) | x = 0, t_x = 0, T = 0] is the unconditional expectation.
    expect(mbgnbdConditionalExpected(p, 52, 0, 0, 0)).toBeCloseTo(mbgnbdUnconditionalExpected(p, 52), 12);
  });
});

// The conditional expectation against the simulator: 200,000 MBG/NBD customers all born at 0 (hourly ticks), 39 weeks
// of calibration and 39 of holdout. For every customer E[holdout purchases | x, t_x, T] is the formula's value, so per
// x the mean of (holdout count − formula) is 0 up to sampling error; checked within 4 standard errors for x = 0 … 3
// (x = 0: about 95,000 customers, all with t_x = 0, of whom the model says a share dropped out at the first purchase).
describe('MBG/NBD conditional expectation against simulated customers', () => {
  it('the mean holdout purchases per x match E[X(t) | x, t_x, T] at the generating parameters', () => {
    const truth: MbgNbdParams = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
    const ticks = 7 * 24;
    const weeks = 39;
    const occasions = simulateMbgNbd({
      customers: 200_000,
      seed: 11,
      ...truth,
      p: 6,
      q: 4,
      gamma: 15,
      startDay: 0,
      birthDays: 1,
      endDay: 2 * weeks * ticks - 1,
      ticksPerWeek: ticks,
    });
    const summary = calibrationSummary(occasions, weeks * ticks - 1, ticks);
    for (let x = 0; x <= 3; x++) {
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < summary.x.length; i++) {
        if (summary.x[i] !== x) continue;
        const d =
          summary.holdout[i] - mbgnbdConditionalExpected(truth, weeks, x, summary.tx[i], summary.T[i]);
        n++;
        sum += d;
        sumSq += d * d;
      }
      const mean = sum / n;
      const se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
      expect(n).toBeGreaterThan(5000);
      expect(Math.abs(mean)).toBeLessThanOrEqual(4 * se);
    }
  });
});

describe('MBG/NBD in the economics', () => {
  it("the forecast's MBG/NBD fit becomes an MBG/NBD value model; a new customer's E[X(t)] is MBG/NBD's", () => {
    const params = { r: 0.5, alpha: 6, a: 0.9, b: 1.6 };
    const report = {
      settings: { unit: 'week' },
      fit: { model: 'mbgnbd', params },
      spend: { fit: { params: { p: 6, q: 4, gamma: 15 } } },
    } as unknown as ForecastReport;
    const v = forecastValueModel(report)!;
    expect(v.purchase.model).toBe('mbgnbd');
    // 52 weeks in days: MBG/NBD's E[X(52)], not BG/NBD's at the same parameters.
    expect(unconditionalExpected(v.purchase, 52 * 7)).toBeCloseTo(
      mbgnbdUnconditionalExpected(params, 52),
      12,
    );
    expect(unconditionalExpected(v.purchase, 52 * 7)).not.toBeCloseTo(
      bgnbdUnconditionalExpected(params, 52),
      3,
    );
  });
});

// BTYDplus (R, Platzer) fits MBG/NBD on the CDNOW summary (2,357 customers, weeks, calibration to 1997-09-30) with
// r = 0.525, α = 6.183, a = 0.891, b = 1.614; the Python package lifetimes quotes these as its oracle for
// ModifiedBetaGeoFitter (tests/test_estimation.py, test_params_out_is_close_to_BTYDplus). Neither documents the
// log-likelihood value, so the test computes it independently from the paper's formula (directLogLikelihood
// above: per customer, no compression, its own ln Γ) and compares at the fitted and at the published parameters;
// and, below, from the model's definition by numerical integration (definitionLogLikelihood).
describe.skipIf(!hasCdnow)('MBG/NBD on CDNOW (weeks)', () => {
  const PUBLISHED = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

  it('matches the independent implementation (BTYDplus) within 1 % and an independent log-likelihood', () => {
    const summary = calibrationSummary(loadCdnowOccasions(), CDNOW_CALIBRATION_END, 7);
    const tr = compress(summary.x, summary.tx, summary.T);
    const fit = fitMbgNbd(tr);
    expect(fit.converged).toBe(true);
    for (const k of KEYS) expect(Math.abs(fit.params[k] / PUBLISHED[k] - 1)).toBeLessThanOrEqual(0.01);
    const direct = directLogLikelihood(fit.params, summary.x, summary.tx, summary.T);
    expect(Math.abs(fit.logLikelihood - direct)).toBeLessThanOrEqual(1e-6);
    const atPublished = directLogLikelihood(PUBLISHED, summary.x, summary.tx, summary.T);
    expect(Math.abs(mbgnbdLogLikelihood(PUBLISHED, tr) - atPublished)).toBeLessThanOrEqual(1e-6);
    // The maximum lies at the fit, and the published point is within rounding of it.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished);
    expect(fit.logLikelihood - atPublished).toBeLessThan(0.05);
    for (const k of KEYS) expect(fit.stdErrors[k]).toBeGreaterThan(0);
  });
});

/*
 * The MBG/NBD log-likelihood from the model's definition, integrated numerically (not the paper's closed form).
 *
 * Definition (Batislam et al. 2007): while alive, a customer buys by a Poisson process of rate λ; at time 0 (the
 * first purchase) and right after each repeat purchase it drops out with probability p. Given λ and p, a customer
 * with x repeat purchases, the last at t_x, observed up to T, either
 *   - is still alive at T: it survived the x + 1 decisions (at 0 and after each purchase), had its purchases at the
 *     observed times (density λ^x e^{−λ t_x}) and none in (t_x, T] (e^{−λ (T − t_x)}): (1 − p)^{x+1} λ^x e^{−λ T};
 *   - or dropped out at the decision right after its x-th purchase (for x = 0: at time 0), having survived the x
 *     before: (1 − p)^x p λ^x e^{−λ t_x} (no further purchase can follow a dropout, so nothing after t_x).
 *   L(λ, p | x, t_x, T) = (1 − p)^x λ^x [(1 − p) e^{−λ T} + p e^{−λ t_x}],   with t_x = 0 when x = 0.
 * With λ ~ Gamma(r, α) and p ~ Beta(a, b) independent (the model's heterogeneity), each term is a product of a
 * function of λ and a function of p, so
 *   E[L] = E[(1 − p)^{x+1}] · E[λ^x e^{−λ T}] + E[(1 − p)^x p] · E[λ^x e^{−λ t_x}],
 * and every expectation is a one-dimensional integral over the mixing density, done here by the trapezoidal rule:
 *   - over y = ln λ ∈ [−120, 12], step 0.02: ∫ λ^{r−1} e^{−αλ} g(λ) dλ = ∫ e^{r y − α e^y} g(e^y) dy;
 *   - over z = logit p ∈ [−200, 200], step 0.02: ∫ p^{a−1} (1−p)^{b−1} h(p) dp = ∫ p^a (1−p)^b h(p) dz.
 * The integrands are smooth and decay exponentially at both ends, where the trapezoidal rule converges
 * geometrically; the ranges leave less than e^{−30} of each integrand outside. Each expectation is divided by the
 * numerically integrated density itself, so no Γ or B function enters. Logs throughout (log-sum-exp).
 */
function logTrapezoid(logF: (u: number) => number, from: number, to: number, h: number): number {
  const values: number[] = [];
  for (let u = from; u <= to + 1e-12; u += h) values.push(logF(u));
  const m = Math.max(...values);
  let s = 0;
  for (let k = 0; k < values.length; k++)
    s += (k === 0 || k === values.length - 1 ? 0.5 : 1) * Math.exp(values[k] - m);
  return m + Math.log(s * h);
}

function definitionLogLikelihood(p: MbgNbdParams, x: Int32Array, tx: Float64Array, T: Float64Array): number {
  const H = 0.02;
  // ln E[λ^k e^{−λ s}] over Gamma(r, α); ln E[p^j (1 − p)^k] over Beta(a, b).
  const lamNorm = logTrapezoid((y) => p.r * y - p.alpha * Math.exp(y), -120, 12, H);
  const lam = new Map<string, number>();
  const lnLam = (k: number, s: number) => {
    const key = `${k}|${s}`;
    let v = lam.get(key);
    if (v === undefined) {
      v = logTrapezoid((y) => (p.r + k) * y - (p.alpha + s) * Math.exp(y), -120, 12, H) - lamNorm;
      lam.set(key, v);
    }
    return v;
  };
  // ln p = −ln(1 + e^{−z}), ln(1 − p) = −ln(1 + e^{z}), stably.
  const lnP = (z: number) => (z > 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z)));
  const ln1mP = (z: number) => lnP(-z);
  const pNorm = logTrapezoid((z) => p.a * lnP(z) + p.b * ln1mP(z), -200, 200, H);
  const beta = new Map<string, number>();
  const lnBetaMoment = (j: number, k: number) => {
    const key = `${j}|${k}`;
    let v = beta.get(key);
    if (v === undefined) {
      v = logTrapezoid((z) => (p.a + j) * lnP(z) + (p.b + k) * ln1mP(z), -200, 200, H) - pNorm;
      beta.set(key, v);
    }
    return v;
  };
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const alive = lnBetaMoment(0, x[i] + 1) + lnLam(x[i], T[i]);
    const dropped = lnBetaMoment(1, x[i]) + lnLam(x[i], x[i] === 0 ? 0 : tx[i]);
    const m = Math.max(alive, dropped);
    sum += m + Math.log(Math.exp(alive - m) + Math.exp(dropped - m));
  }
  return sum;
}

describe('the MBG/NBD likelihood against a numerical integration of the model definition', () => {
  it('hand-checked cases from the moments of Gamma(2, 3) and Beta(1, 3)', () => {
    // Gamma(r = 2, α = 3): E[e^{−λs}] = (α/(α+s))^r, E[λ e^{−λs}] = r α^r / (α+s)^{r+1}.
    // Beta(a = 1, b = 3): E[p] = 1/4, E[1 − p] = 3/4, E[(1 − p)²] = b(b+1)/((a+b)(a+b+1)) = 12/20,
    // E[p(1 − p)] = ab/((a+b)(a+b+1)) = 3/20.
    const p = { r: 2, alpha: 3, a: 1, b: 3 };
    // x = 0, T = 1: E[1 − p] · E[e^{−λ}] + E[p] = 3/4 · (3/4)² + 1/4 = 0.671875.
    const ll0 = definitionLogLikelihood(p, Int32Array.of(0), Float64Array.of(0), Float64Array.of(1));
    expect(ll0).toBeCloseTo(Math.log(0.671875), 10);
    // x = 1, t_x = 1, T = 2: 12/20 · 18/5³ + 3/20 · 18/4³ = 0.0864 + 0.0421875 = 0.1285875.
    const ll1 = definitionLogLikelihood(p, Int32Array.of(1), Float64Array.of(1), Float64Array.of(2));
    expect(ll1).toBeCloseTo(Math.log(0.1285875), 10);
  });

  it.skipIf(!hasCdnow)("CDNOW (weeks): the app's −9582.14 at the fitted parameters, within 1e-4", () => {
    const summary = calibrationSummary(loadCdnowOccasions(), CDNOW_CALIBRATION_END, 7);
    const fit = fitMbgNbd(compress(summary.x, summary.tx, summary.T));
    expect(fit.converged).toBe(true);
    const integrated = definitionLogLikelihood(fit.params, summary.x, summary.tx, summary.T);
    console.log(
      `[MBG/NBD on CDNOW] app ${fit.logLikelihood.toFixed(6)}, numerical integration ${integrated.toFixed(6)}`,
    );
    // The app's figure as shown (two decimals); the integration agrees to 1e-4 (observed: 6 decimals and more).
    expect(fit.logLikelihood.toFixed(2)).toBe('-9582.14');
    expect(Math.abs(integrated - fit.logLikelihood)).toBeLessThanOrEqual(1e-4);
  });
});
