// Parameter recovery on simulated BG/NBD + Gamma-Gamma data (seeded, so deterministic).
import { describe, expect, it } from 'vitest';
import { bgnbdModel, fitBgNbd } from '../../../src/analytics/btyd/bgnbd';
import { holdoutValidation } from '../../../src/analytics/btyd/clv';
import { fitGammaGamma } from '../../../src/analytics/btyd/gammagamma';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';
import { simulateBgNbd } from './simulate';

// One clock tick is one hour (168 per week). With day ticks, purchases that fall on the same day merge into one
// occasion, which the continuous-time model does not know; that biases α by several percent. Hours keep the
// merges negligible, so what is left is sampling error.
const TICKS = 168;
const TRUE = { r: 1, alpha: 2, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };

describe('recovery of known parameters from 20,000 simulated customers', () => {
  const occ = simulateBgNbd({
    customers: 20_000,
    seed: 1,
    ...TRUE,
    startDay: 0,
    birthDays: 12 * TICKS,
    endDay: 78 * TICKS - 1,
    ticksPerWeek: TICKS,
  });
  const summary = calibrationSummary(occ, 39 * TICKS - 1, TICKS);
  const triples = compress(summary.x, summary.tx, summary.T);

  it('BG/NBD recovers r, α, a, b within 10 % (and 3 standard errors); holdout total within 5 %', () => {
    const fit = fitBgNbd(triples);
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] / TRUE[k] - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(fit.params[k] - TRUE[k])).toBeLessThanOrEqual(3 * fit.stdErrors[k]);
    }
    const holdout = holdoutValidation(bgnbdModel, fit.params, summary, triples)!;
    expect(holdout.length).toBe(39);
    expect(Math.abs(holdout.predictedTotal / holdout.actualTotal - 1)).toBeLessThanOrEqual(0.05);
  });

  it('Gamma-Gamma recovers p, q, γ within 10 % (and 3 standard errors)', () => {
    const fit = fitGammaGamma(summary.x, summary.m);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBeGreaterThan(10_000);
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(fit.params[k] / TRUE[k] - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(fit.params[k] - TRUE[k])).toBeLessThanOrEqual(3 * fit.stdErrors[k]);
    }
  });
});
