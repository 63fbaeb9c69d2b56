// Closed forms of the two models against direct numerical integration over the latent λ, μ, p.
import { describe, expect, it } from 'vitest';
import { bgnbdExpectedIfAlive, bgnbdUnconditionalExpected } from '../../../src/analytics/btyd/bgnbd';
import {
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  paretoNbdUnconditionalExpected,
} from '../../../src/analytics/btyd/paretonbd';
import { lnBeta, lnGamma } from '../../../src/analytics/btyd/special';
import { compress } from '../../../src/analytics/btyd/summary';

/** Composite Simpson rule on [lo, hi] with n (even) intervals. */
function simpson(f: (v: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

const gammaDensity = (v: number, shape: number, rate: number) =>
  v <= 0 ? 0 : Math.exp(shape * Math.log(rate) + (shape - 1) * Math.log(v) - rate * v - lnGamma(shape));

describe('BG/NBD expectations vs integration over p', () => {
  // E[X(t) | alive, x, T] = ∫ (1/p)(1 − ((α+T)/(α+T+pt))^(r+x)) Beta(p; a, b+x) dp (λ integrated out);
  // for a < 1.5, p = u^(1/a) removes the (near-)singularity of the beta density at 0.
  function integrated(
    pr: { r: number; alpha: number; a: number; b: number },
    t: number,
    x: number,
    T: number,
  ) {
    const { r, alpha, a, b } = pr;
    const k = a < 1.5 ? 1 / a : 1;
    const f = (u: number) => {
      const p = u ** k;
      const inner =
        p === 0
          ? ((r + x) * t) / (alpha + T)
          : -Math.expm1((r + x) * Math.log((alpha + T) / (alpha + T + p * t))) / p;
      const jacobian = a < 1.5 ? 1 / a : u ** (a - 1);
      return inner * (1 - p) ** (b + x - 1) * jacobian;
    };
    return simpson(f, 0, 1, 200_000) / Math.exp(lnBeta(a, b + x));
  }

  it.each([
    [{ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 39, 2, 38.86],
    [{ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 78, 0, 0],
    [{ r: 1.3, alpha: 30, a: 2.5, b: 6 }, 1000, 60, 300],
    [{ r: 0.5, alpha: 2, a: 1.00002, b: 1.5 }, 52, 3, 10],
  ])('%o at t = %d, x = %d, T = %d', (pr, t, x, T) => {
    const expected = integrated(pr, t, x, T);
    expect(Math.abs(bgnbdExpectedIfAlive(pr, t, x, T) / expected - 1)).toBeLessThan(2e-6);
    if (x === 0 && T === 0) expect(bgnbdUnconditionalExpected(pr, t)).toBeCloseTo(expected, 6);
  });
});

describe('Pareto/NBD likelihood and P(alive) vs a double integral over λ and μ', () => {
  // Individual likelihood λ^x μ/(λ+μ) e^−(λ+μ)t_x + λ^(x+1)/(λ+μ) e^−(λ+μ)T; alive part λ^x e^−(λ+μ)T.
  // λ = v², μ = w² make the integrand smooth at 0 for Simpson's rule.
  function integrate(
    pr: { r: number; alpha: number; s: number; beta: number },
    x: number,
    tx: number,
    T: number,
  ) {
    const n = 1600;
    const vMax = Math.sqrt(20);
    const wMax = Math.sqrt(12);
    const weight = (i: number) => (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
    const mus = Array.from({ length: n + 1 }, (_, j) => ((j * wMax) / n) ** 2);
    const gMu = mus.map((mu, j) => gammaDensity(mu, pr.s, pr.beta) * 2 * Math.sqrt(mu) * weight(j));
    let total = 0;
    let alive = 0;
    for (let i = 0; i <= n; i++) {
      const lam = ((i * vMax) / n) ** 2;
      const gl = gammaDensity(lam, pr.r, pr.alpha) * 2 * Math.sqrt(lam) * weight(i);
      if (gl === 0) continue;
      const lx = lam ** x;
      for (let j = 0; j <= n; j++) {
        const w = gl * gMu[j];
        if (w === 0) continue;
        const mu = mus[j];
        total += w * ((lx * mu) / (lam + mu)) * Math.exp(-(lam + mu) * tx);
        total += w * ((lx * lam) / (lam + mu)) * Math.exp(-(lam + mu) * T);
        alive += w * lx * Math.exp(-(lam + mu) * T);
      }
    }
    const cell = ((vMax / n / 3) * wMax) / n / 3;
    return { logL: Math.log(total * cell), pAlive: alive / total };
  }

  it.each([
    ['α ≥ β', { r: 2.5, alpha: 3, s: 1.5, beta: 1 }],
    ['α < β', { r: 2.5, alpha: 1, s: 1.5, beta: 3 }],
  ])('%s', (_, pr) => {
    const [x, tx, T] = [3, 5, 9];
    const num = integrate(pr, x, tx, T);
    const tr = compress([x], [tx], [T]);
    expect(Math.abs(paretoNbdLogLikelihood(pr, tr) - num.logL)).toBeLessThan(1e-6);
    expect(Math.abs(paretoNbdPAlive(pr, x, tx, T) - num.pAlive)).toBeLessThan(1e-6);
  });

  it('E[X(t)] tends to rβ/α · ln(1 + t/β) at s = 1', () => {
    const pr = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expect(paretoNbdUnconditionalExpected(pr, 52)).toBeCloseTo(((0.5 * 12) / 10) * Math.log(1 + 52 / 12), 12);
    const near = paretoNbdUnconditionalExpected({ ...pr, s: 1 + 1e-9 }, 52);
    expect(near).toBeCloseTo(((0.5 * 12) / 10) * Math.log(1 + 52 / 12), 8);
  });
});
