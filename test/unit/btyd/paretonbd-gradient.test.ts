// The analytic gradient of the Pareto/NBD log-likelihood against central differences, its values against the
// closed form with ln 2F1 (Fader & Hardie 2005), and parameter recovery on simulated Pareto/NBD customers.
import { describe, expect, it } from 'vitest';
import {
  fitParetoNbd,
  paretoNbdObjective,
  type ParetoNbdParams,
} from '../../../src/analytics/btyd/paretonbd';
import { fitPositive } from '../../../src/analytics/btyd/optimize';
import { lnGamma, lnHyp2f1, log1mExp, logSumExp } from '../../../src/analytics/btyd/special';
import { compress, type Triples } from '../../../src/analytics/btyd/summary';
import { mulberry32, Sampler } from './simulate';

/** The likelihood written out as in Fader & Hardie (2005), eq. for ln L with the two 2F1 forms of A₀. */
function closedFormLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const n = p.r + p.s + x;
  const term = (t: number) =>
    p.alpha >= p.beta
      ? lnHyp2f1(n, p.s + 1, n + 1, (p.alpha - p.beta) / (p.alpha + t)) - n * Math.log(p.alpha + t)
      : lnHyp2f1(n, p.r + x, n + 1, (p.beta - p.alpha) / (p.beta + t)) - n * Math.log(p.beta + t);
  const a = term(tx);
  const d = term(T) - a;
  const lnDead = d < 0 ? Math.log(p.s / n) + a + log1mExp(d) : -Infinity;
  const lnAlive = -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
  return (
    lnGamma(p.r + x) -
    lnGamma(p.r) +
    p.r * Math.log(p.alpha) +
    p.s * Math.log(p.beta) +
    logSumExp(lnAlive, lnDead)
  );
}

const vec = (p: ParetoNbdParams) => Float64Array.of(p.r, p.alpha, p.s, p.beta);

/** Central differences of f with relative step h, in each of the four parameters. */
function centralDifferences(f: (v: Float64Array) => number, v: Float64Array, h: number): Float64Array {
  const g = new Float64Array(4);
  for (let j = 0; j < 4; j++) {
    const up = Float64Array.from(v);
    const down = Float64Array.from(v);
    up[j] += h * v[j];
    down[j] -= h * v[j];
    g[j] = (f(up) - f(down)) / (2 * h * v[j]);
  }
  return g;
}

// Customers chosen to reach every branch: x = 0 with t_x = 0, t_x = T, t_x just below T, many purchases,
// long and very short observation.
const X = [0, 0, 1, 2, 3, 5, 7, 25, 60, 150, 1, 4];
const TX = [0, 0, 0.5, 30, 5, 38.5, 12, 38, 50, 100, 3, 2.0001];
const TT = [38, 0.5, 38.86, 38.86, 9, 38.86, 80, 39, 52, 104, 3, 2.0002];

const POINTS: [string, ParetoNbdParams][] = [
  ['CDNOW estimates (α < β)', { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }],
  ['α > β', { r: 2.5, alpha: 3, s: 1.5, beta: 1 }],
  ['α < β, r + x < 1 for x = 0', { r: 0.3, alpha: 1, s: 0.4, beta: 30 }],
  ['α ≈ β', { r: 0.8, alpha: 5, s: 0.7, beta: 5 * (1 + 1e-9) }],
  ['α = β', { r: 0.8, alpha: 5, s: 0.7, beta: 5 }],
  ['β ≪ α: 2F1 near z = 1 (connection formula)', { r: 0.5, alpha: 200, s: 0.6, beta: 0.5 }],
  ['α ≪ β, s near an integer', { r: 1.2, alpha: 0.3, s: 1.0004, beta: 60 }],
  ['large s and r', { r: 12, alpha: 40, s: 9, beta: 25 }],
  ['small r and s', { r: 0.02, alpha: 0.5, s: 0.03, beta: 2 }],
];

describe('Pareto/NBD objective', () => {
  const tr = compress(X, TX, TT);

  it.each(POINTS)('%s: values agree with the closed form with ln 2F1', (_, p) => {
    const f = paretoNbdObjective(tr);
    let expected = 0;
    for (let i = 0; i < X.length; i++) expected += closedFormLogLikelihood(p, X[i], TX[i], TT[i]);
    const got = -f(vec(p), null);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-11 * Math.abs(expected));
    // With and without the gradient the value agrees to rounding (the two series stop at different terms).
    expect(Math.abs(-f(vec(p), new Float64Array(4)) - got)).toBeLessThanOrEqual(1e-13 * Math.abs(got));
  });

  it.each(POINTS)('%s: analytic gradient within 1e-6 (relative) of central differences', (_, p) => {
    const f = paretoNbdObjective(tr);
    const grad = new Float64Array(4);
    f(vec(p), grad);
    const numeric = centralDifferences((v) => f(v, null), vec(p), 1e-6);
    // The scale of each component: the sum of the per-customer gradients' magnitudes (a total near 0 at an
    // optimum is compared against the size of its parts).
    const scale = new Float64Array(4);
    for (let i = 0; i < X.length; i++) {
      const gi = new Float64Array(4);
      paretoNbdObjective(compress([X[i]], [TX[i]], [TT[i]]))(vec(p), gi);
      for (let j = 0; j < 4; j++) scale[j] += Math.abs(gi[j]);
    }
    for (let j = 0; j < 4; j++) {
      expect(Number.isFinite(grad[j])).toBe(true);
      expect(Math.abs(grad[j] - numeric[j])).toBeLessThanOrEqual(1e-6 * scale[j]);
    }
  });

  it('each customer alone: extreme x and T, gradient within 1e-6 of central differences', () => {
    const p = { r: 0.7, alpha: 4, s: 0.9, beta: 9 };
    for (const [x, tx, T] of [
      [0, 0, 1e-3],
      [0, 0, 5000],
      [400, 99.9, 100],
      [1000, 2, 2.5],
      [3, 1e-4, 2e-4],
    ]) {
      const f = paretoNbdObjective(compress([x], [tx], [T]));
      const grad = new Float64Array(4);
      f(vec(p), grad);
      const numeric = centralDifferences((v) => f(v, null), vec(p), 1e-6);
      for (let j = 0; j < 4; j++)
        expect(Math.abs(grad[j] - numeric[j])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric[j])));
    }
  });
});

/**
 * Pareto/NBD customers: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime τ ~ Exp(μ), Poisson(λ) purchases while
 * alive within (0, T]; times in weeks on whole days, as a daily export gives them. Returns the triples (x, t_x, T).
 */
function simulateParetoNbd(p: ParetoNbdParams, customers: number, seed: number): Triples {
  const s = new Sampler(mulberry32(seed));
  const x = new Int32Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = s.gamma(p.r) / p.alpha;
    const mu = s.gamma(p.s) / p.beta;
    const days = 364 + Math.floor(182 * s.uniform());
    const end = Math.min(days / 7, s.exponential(mu));
    T[i] = days / 7;
    let t = s.exponential(lambda);
    while (t <= end) {
      x[i]++;
      tx[i] = Math.min(Math.ceil(t * 7), days) / 7;
      t += s.exponential(lambda);
    }
  }
  return compress(x, tx, T);
}

describe('Pareto/NBD fit with the analytic gradient', () => {
  it('recovers the generating parameters of 20,000 simulated customers within 10 % and 3 standard errors', () => {
    const truth = { r: 0.55, alpha: 10, s: 0.6, beta: 12 };
    const tr = simulateParetoNbd(truth, 20_000, 7);
    const fit = fitParetoNbd(tr);
    expect(fit.converged).toBe(true);
    expect(fit.hessianOk).toBe(true);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit.params[k] / truth[k] - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThanOrEqual(3 * fit.stdErrors[k]);
    }
    // The same optimum as with the optimiser's central differences, in a fraction of the evaluations.
    const numeric = fitPositive(paretoNbdObjective(tr), [[1, 10, 1, 30]], {});
    expect(Math.abs(-numeric.value - fit.logLikelihood)).toBeLessThanOrEqual(1e-6);
    expect(fit.evaluations).toBeLessThan(numeric.evaluations);
    console.log(
      `Pareto/NBD recovery on ${tr.count} triples: ${JSON.stringify(fit.params)}; analytic gradient ` +
        `${fit.iterations} iterations, ${fit.evaluations} evaluations; central differences ` +
        `${numeric.iterations} iterations, ${numeric.evaluations} evaluations`,
    );
  });
});
