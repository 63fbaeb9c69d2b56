// Fader & Hardie (2007), "How to project customer retention": the "regular" and "high end" cohorts.
import { describe, expect, it } from 'vitest';
import { fitSbg, sbgDerl, sbgRetentionAt, sbgSurvival } from '../../../src/analytics/btyd/sbg';

const REGULAR = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];
const HIGH_END = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1];

describe('sBG', () => {
  it.each([
    ['regular', REGULAR, 0.704, 1.182],
    ['high end', HIGH_END, 0.668, 3.806],
  ])('%s customers: α and β within 0.5 % of the published values', (_, survival, alpha, beta) => {
    const fit = fitSbg(survival, { cohortSize: 1000 });
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.alpha / alpha - 1)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.beta / beta - 1)).toBeLessThanOrEqual(0.005);
    expect(fit.hessianOk).toBe(true);
    // The fitted curve follows the data within 2.5 points.
    const curve = sbgSurvival(fit.params, survival.length - 1);
    curve.forEach((s, t) => expect(Math.abs(100 * s - survival[t])).toBeLessThan(2.5));
    // The estimates do not depend on the scale of the curve.
    const scaled = fitSbg(survival.map((v) => v / 100));
    expect(scaled.params.alpha).toBeCloseTo(fit.params.alpha, 5);
  });

  it('projects retention r_t = (β + t − 1)/(α + β + t − 1), increasing over time', () => {
    const params = { alpha: 0.704, beta: 1.182 };
    const s = sbgSurvival(params, 12);
    for (let t = 1; t <= 12; t++) {
      expect(s[t] / s[t - 1]).toBeCloseTo(sbgRetentionAt(params, t), 14);
      if (t > 1) expect(sbgRetentionAt(params, t)).toBeGreaterThan(sbgRetentionAt(params, t - 1));
    }
    expect(sbgRetentionAt(params, 1)).toBeCloseTo(1.182 / 1.886, 14);
  });

  it('DERL equals the discounted sum Σ_k S(n+k)/S(n−1) / (1+d)^k', () => {
    const params = { alpha: 0.668, beta: 3.806 };
    for (const [d, renewals] of [
      [0.1, 0],
      [0.1, 4],
      [0.02, 2],
    ]) {
      const n = renewals + 1;
      const s = sbgSurvival(params, 20000);
      let sum = 0;
      for (let k = 0; n + k <= 20000; k++) sum += s[n + k] / s[n - 1] / (1 + d) ** k;
      expect(sbgDerl(params, d, renewals)).toBeCloseTo(sum, 8);
    }
  });
});
