import { describe, expect, it } from 'vitest';
import {
  fitPositive,
  minimize,
  numericalHessian,
  standardErrors,
} from '../../../src/analytics/btyd/optimize';

describe('minimize', () => {
  it('finds the minimum of a quadratic with the analytic gradient', () => {
    const target = [1, -2, 3];
    const res = minimize(
      (x, g) => {
        let v = 0;
        for (let i = 0; i < 3; i++) {
          v += (i + 1) * (x[i] - target[i]) ** 2;
          if (g) g[i] = 2 * (i + 1) * (x[i] - target[i]);
        }
        return v;
      },
      [[0, 0, 0]],
      { analyticGradient: true },
    );
    expect(res.converged).toBe(true);
    res.params.forEach((v, i) => expect(v).toBeCloseTo(target[i], 8));
  });

  it('solves Rosenbrock with numerical gradients and keeps the best of several starts', () => {
    const rosen = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const res = minimize(rosen, [
      [-1.2, 1],
      [2, 2],
    ]);
    expect(res.converged).toBe(true);
    expect(res.params[0]).toBeCloseTo(1, 5);
    expect(res.params[1]).toBeCloseTo(1, 5);
    expect(res.evaluations).toBeGreaterThan(res.iterations);
  });

  it('falls back to Nelder–Mead when BFGS cannot converge (a kinked objective)', () => {
    const res = minimize((x) => Math.abs(x[0] - 1) + 2 * Math.abs(x[1] + 2), [[4, 3]]);
    expect(res.params[0]).toBeCloseTo(1, 4);
    expect(res.params[1]).toBeCloseTo(-2, 4);
  });

  it('treats NaN and points outside the box as +∞ instead of failing', () => {
    const res = minimize((x) => (x[0] < -1 ? NaN : (x[0] - 0.5) ** 2), [[3]], { bound: 10 });
    expect(res.params[0]).toBeCloseTo(0.5, 6);
  });
});

describe('numerical Hessian and standard errors', () => {
  it('differentiates a polynomial', () => {
    // f = x0² x1 + 3 x1²: H = [[2 x1, 2 x0], [2 x0, 6]] = [[4, 2], [2, 6]] at (1, 2).
    const h = numericalHessian((x) => x[0] ** 2 * x[1] + 3 * x[1] ** 2, [1, 2]);
    [4, 2, 2, 6].forEach((v, i) => expect(h[i]).toBeCloseTo(v, 5));
  });

  it('inverts a positive definite Hessian and flags one that is not', () => {
    const ok = standardErrors(Float64Array.from([4, 2, 2, 6]), 2);
    expect(ok.ok).toBe(true);
    expect(ok.stdErrors[0]).toBeCloseTo(Math.sqrt(6 / 20), 12);
    expect(ok.stdErrors[1]).toBeCloseTo(Math.sqrt(4 / 20), 12);
    const bad = standardErrors(Float64Array.from([1, 2, 2, 1]), 2);
    expect(bad.ok).toBe(false);
    expect(Number.isNaN(bad.stdErrors[0])).toBe(true);
  });

  it('fitPositive: exponential rate MLE n/Σy with standard error λ/√n', () => {
    const y = [0.3, 1.2, 0.7, 2.5, 0.1, 0.9, 1.6, 0.4];
    const sum = y.reduce((a, b) => a + b, 0);
    const fit = fitPositive(
      (p, g) => {
        if (g) g[0] = -y.length / p[0] + sum;
        return -y.length * Math.log(p[0]) + p[0] * sum;
      },
      [[1]],
      { analyticGradient: true },
    );
    const mle = y.length / sum;
    expect(fit.converged).toBe(true);
    expect(fit.params[0]).toBeCloseTo(mle, 8);
    expect(fit.stdErrors[0] / (mle / Math.sqrt(y.length))).toBeCloseTo(1, 6);
    expect(fit.hessianOk).toBe(true);
  });
});
