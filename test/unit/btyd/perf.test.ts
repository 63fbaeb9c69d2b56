// Performance sanity, logged only (no timed assertion): BG/NBD + Gamma-Gamma on 100,000 simulated customers.
// Product target: ≤ 1 s for fit + predictions in a worker.
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/analytics/btyd/bgnbd';
import { fitForecast } from '../../../src/analytics/btyd/fit';
import { fitGammaGamma } from '../../../src/analytics/btyd/gammagamma';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';
import { simulateBgNbd } from './simulate';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

describe('performance (logged)', () => {
  it('fits BG/NBD + Gamma-Gamma and predicts for 100,000 customers through compressed triples', () => {
    const occ = simulateBgNbd({
      customers: 100_000,
      seed: 5,
      r: 0.25,
      alpha: 4,
      a: 0.8,
      b: 2.5,
      p: 6,
      q: 4,
      gamma: 15,
      startDay: 0,
      birthDays: 84,
      endDay: 78 * 7 - 1,
    });
    for (const run of ['cold', 'warm']) {
      let t0 = performance.now();
      const total = t0;
      const summary = calibrationSummary(occ, 39 * 7 - 1, 7);
      const tSummary = ms(t0);
      const result = fitForecast({ summary, model: 'bgnbd', spend: true });
      const tAll = ms(total);
      expect(result.ok).toBe(true);
      t0 = performance.now();
      const triples = compress(summary.x, summary.tx, summary.T);
      const tCompress = ms(t0);
      t0 = performance.now();
      const bg = fitBgNbd(triples);
      const tBg = ms(t0);
      t0 = performance.now();
      const gg = fitGammaGamma(summary.x, summary.m);
      const tGg = ms(t0);
      console.log(
        `[btyd perf, ${run}] ${occ.day.length} occasions, ${summary.x.length} customers, ${triples.count} triples: ` +
          `summary ${tSummary}; summary + fitForecast (BG/NBD, Gamma-Gamma, P(alive), CLV 12/36 months, holdout) ${tAll}; ` +
          `of which compress ${tCompress}, BG/NBD fit ${tBg} (${bg.evaluations} evaluations), ` +
          `Gamma-Gamma fit ${tGg} (${gg.evaluations} evaluations, ${gg.customers} customers)`,
      );
    }
  });
});
