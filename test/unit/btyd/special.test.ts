import { describe, expect, it } from 'vitest';
import {
  digamma,
  gammaSign,
  hyp2f1,
  lnBeta,
  lnGamma,
  lnHyp2f1,
  log1mExp,
  logSumExp,
  logSumExpArray,
} from '../../../src/analytics/btyd/special';

const EULER_GAMMA = 0.5772156649015329;

/** |actual − expected| ≤ tol · max(1, |expected|). */
function close(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe('lnGamma, lnBeta, digamma', () => {
  it('matches known values', () => {
    close(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
    close(lnGamma(1), 0, 1e-15);
    close(lnGamma(2), 0, 1e-15);
    close(lnGamma(10), Math.log(362880), 1e-14);
    close(lnGamma(0.1), 2.252712651734206, 1e-14);
    close(lnGamma(1e-8), -Math.log(1e-8) - EULER_GAMMA * 1e-8, 1e-14);
    close(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14);
    expect(gammaSign(-0.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
    expect(gammaSign(-2)).toBe(0);
    close(lnBeta(2, 3), Math.log(1 / 12), 1e-14);
  });

  it('agrees with a sum of logs at integers and with Stirling for large x', () => {
    let logFactorial = 0;
    for (let k = 1; k < 100; k++) logFactorial += Math.log(k);
    close(lnGamma(100), logFactorial, 1e-14);
    const x = 1e6;
    const stirling =
      (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    expect(Math.abs(lnGamma(x) - stirling) / stirling).toBeLessThan(1e-14);
  });

  it('satisfies the recurrence ln Γ(x+1) − ln Γ(x) = ln x', () => {
    for (const x of [1e-6, 0.3, 0.5, 0.9, 1.7, 3.3, 12.5, 150.25])
      close(lnGamma(x + 1) - lnGamma(x), Math.log(x), 1e-13);
  });

  it('digamma: known values, recurrence and derivative of lnGamma', () => {
    close(digamma(1), -EULER_GAMMA, 1e-14);
    close(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-14);
    for (const x of [0.05, 0.7, 2.5, 9.9, 40]) {
      close(digamma(x + 1) - digamma(x), 1 / x, 1e-13);
      const h = 1e-5 * x;
      close(digamma(x), (lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 1e-7);
    }
  });
});

describe('hyp2f1', () => {
  it('2F1(1, 1; 2; z) = −ln(1 − z)/z, including negative z and z near 1', () => {
    for (const z of [-5, -0.5, 0.3, 0.9, 0.95, 0.99, 0.999])
      close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
  });

  it('2F1(a, b; b; z) = (1 − z)^−a (connection formula at z > 0.9, Euler for large a)', () => {
    for (const z of [-3, -0.2, 0.5, 0.95, 0.999]) close(hyp2f1(0.7, 2.3, 2.3, z) / (1 - z) ** -0.7, 1, 1e-13);
    close(hyp2f1(45.5, 2.3, 2.3, 0.95) / 0.05 ** -45.5, 1, 1e-12);
    // Far beyond the double range the log form still works.
    close(lnHyp2f1(300, 2.3, 2.3, 0.99), -300 * Math.log(0.01), 1e-13);
    expect(hyp2f1(300, 2.3, 2.3, 0.99)).toBe(Infinity);
  });

  it('2F1(½, ½; 3/2; z²) = arcsin(z)/z and 2F1(½, 1; 3/2; −z²) = arctan(z)/z', () => {
    for (const z2 of [0.25, 0.95, 0.99]) {
      const z = Math.sqrt(z2);
      close(hyp2f1(0.5, 0.5, 1.5, z2), Math.asin(z) / z, 1e-13);
    }
    for (const z of [0.5, 3, 20]) close(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-13);
  });

  it('2F1(a, 1 − a; 3/2; sin² x) = sin((2a − 1)x) / ((2a − 1) sin x)', () => {
    const a = 0.3;
    for (const x of [0.4, 1.2, 1.45]) {
      const expected = Math.sin((2 * a - 1) * x) / ((2 * a - 1) * Math.sin(x));
      close(hyp2f1(a, 1 - a, 1.5, Math.sin(x) ** 2), expected, 1e-13);
    }
  });

  it('terminates for a non-positive integer a', () => {
    const [b, c, z] = [1.7, 2.9, 0.97];
    close(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 1e-14);
  });

  it("agrees with Euler's integral 2F1(a, 1; c; z) = (c − 1) ∫₀¹ u^(c−2) (1 − z + z u)^−a du", () => {
    const [a, c] = [0.6, 3.5];
    const integral = (z: number) => {
      const n = 20000;
      const f = (u: number) => u ** (c - 2) * (1 - z + z * u) ** -a;
      let sum = f(0) + f(1);
      for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i / n);
      return ((c - 1) * sum) / (3 * n);
    };
    for (const z of [-2, 0.5, 0.93, 0.995]) close(hyp2f1(a, 1, c, z), integral(z), 1e-10);
  });
});

describe('log helpers', () => {
  it('logSumExp, logSumExpArray and log1mExp are stable', () => {
    close(logSumExp(1000, 1000), 1000 + Math.LN2, 1e-15);
    expect(logSumExp(-Infinity, 3)).toBe(3);
    close(logSumExpArray([-1000, -1000, -1000]), -1000 + Math.log(3), 1e-15);
    expect(logSumExpArray([])).toBe(-Infinity);
    close(log1mExp(-1e-20), Math.log(1e-20), 1e-15);
    close(log1mExp(-50), -Math.exp(-50), 1e-15);
    close(log1mExp(-Math.LN2), -Math.LN2, 1e-15);
  });
});
