// Coverage of the forecast intervals on simulated data (METRICS.md, "Intervals": a 90 % interval should cover about
// 90 % of simulated data sets). 200 BG/NBD data sets of 400 customers with known parameters: fit on 39 weeks,
// predict the next 39 weeks.
// - Total: the 90 % interval (5th–95th percentile) of the holdout total from the posterior-predictive totals must hold
//   the simulated holdout total in 85–95 % of the data sets (exact evaluation of every draw, and the first-order
//   expansion used for large bases).
// - Per customer: the quantity checked is each customer's expected holdout purchases E[X(t) | x, t_x, T] under the
//   true parameters, against the customer's 90 % interval over the parameter draws. It is well defined (a
//   continuous figure whose true value is known), unlike a single customer's holdout count, whose 90 % interval is
//   a set of integers with coverage fixed by its discreteness (a customer expecting 0.1 purchases has [0, 0] or
//   [0, 1]). The share of customers covered, averaged over the data sets, must lie in 85–95 %.
import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, fitBgNbd } from '../../../src/analytics/btyd/bgnbd';
import { intervals } from '../../../src/analytics/btyd/intervals';
import { fitParetoNbd, paretoNbdConditionalExpected } from '../../../src/analytics/btyd/paretonbd';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';
import { simulateBgNbd, simulateParetoNbd } from './simulate';

const TRUTH = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
const TICKS = 7 * 24; // hourly ticks: same-tick merges of purchases are negligible
const WEEKS = 39;

describe('interval coverage on simulated BG/NBD data', () => {
  it('covers the holdout total and the per-customer expectation in 85–95 % of 200 data sets', () => {
    const t0 = performance.now();
    let sets = 0;
    let noHessian = 0;
    let totalHits = 0;
    let linearHits = 0;
    let customerShare = 0;
    for (let seed = 1; sets < 200; seed++) {
      const occ = simulateBgNbd({
        customers: 400,
        seed,
        ...TRUTH,
        p: 6,
        q: 4,
        gamma: 15,
        startDay: 0,
        birthDays: 12 * TICKS,
        endDay: (12 + 2 * WEEKS) * TICKS - 1,
        ticksPerWeek: TICKS,
      });
      const summary = calibrationSummary(occ, (12 + WEEKS) * TICKS - 1, TICKS);
      summary.endDay = (12 + 2 * WEEKS) * TICKS - 1;
      const tr = compress(summary.x, summary.tx, summary.T);
      const fit = fitBgNbd(tr);
      if (!fit.converged) continue;
      if (!fit.logCovariance) {
        noHessian++;
        continue;
      }
      sets++;
      const length = WEEKS;
      const input = {
        model: 'bgnbd' as const,
        params: { ...fit.params },
        logCovariance: fit.logCovariance,
        triples: tr,
        lengths: [length],
        seed,
      };
      const result = intervals(input);
      const linear = intervals({ ...input, exactBudget: 0 });
      if (!result.ok || !linear.ok) throw new Error('no intervals');
      expect(result.method).toBe('exact');
      expect(linear.method).toBe('linearised');
      const actual = summary.holdout.reduce((s, v) => s + v, 0);
      const total = result.total.expected[0];
      if (total.low90 <= actual && actual <= total.high90) totalHits++;
      const lt = linear.total.expected[0];
      if (lt.low90 <= actual && actual <= lt.high90) linearHits++;
      const all = Int32Array.from(summary.x, (_, i) => i);
      const bands = result.customerBands(all);
      let inside = 0;
      bands.forEach((b, i) => {
        const truth = bgnbdConditionalExpected(TRUTH, length, summary.x[i], summary.tx[i], summary.T[i]);
        if (b.expected[0].low90 <= truth && truth <= b.expected[0].high90) inside++;
      });
      customerShare += inside / bands.length;
    }
    const totalCoverage = totalHits / sets;
    const linearCoverage = linearHits / sets;
    const customerCoverage = customerShare / sets;
    console.log(
      `[interval coverage] ${sets} data sets (${noHessian} skipped: Hessian not positive definite): ` +
        `holdout total ${(totalCoverage * 100).toFixed(1)} % (first-order expansion ${(linearCoverage * 100).toFixed(1)} %), ` +
        `per-customer expected purchases ${(customerCoverage * 100).toFixed(1)} %; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    expect(totalCoverage).toBeGreaterThanOrEqual(0.85);
    expect(totalCoverage).toBeLessThanOrEqual(0.95);
    expect(linearCoverage).toBeGreaterThanOrEqual(0.85);
    expect(linearCoverage).toBeLessThanOrEqual(0.95);
    expect(customerCoverage).toBeGreaterThanOrEqual(0.85);
    expect(customerCoverage).toBeLessThanOrEqual(0.95);
  }, 180_000);

  // Pareto/NBD fits take longer (numerical gradient): the totals use the first-order expansion (forced), and every
  // fourth customer is checked. About a minute on a loaded 2-core machine.
  it('does the same for Pareto/NBD (200 data sets, every fourth customer checked)', () => {
    const truth = { r: 0.5, alpha: 4, s: 0.7, beta: 12 };
    const t0 = performance.now();
    let sets = 0;
    let skipped = 0;
    let totalHits = 0;
    let customerShare = 0;
    for (let seed = 1; sets < 200; seed++) {
      const occ = simulateParetoNbd({
        customers: 400,
        seed,
        ...truth,
        startDay: 0,
        birthDays: 12 * TICKS,
        endDay: (12 + 2 * WEEKS) * TICKS - 1,
        ticksPerWeek: TICKS,
      });
      const summary = calibrationSummary(occ, (12 + WEEKS) * TICKS - 1, TICKS);
      summary.endDay = (12 + 2 * WEEKS) * TICKS - 1;
      const tr = compress(summary.x, summary.tx, summary.T);
      const fit = fitParetoNbd(tr);
      if (!fit.converged || !fit.logCovariance) {
        skipped++;
        continue;
      }
      sets++;
      const result = intervals({
        model: 'paretonbd',
        params: { ...fit.params },
        logCovariance: fit.logCovariance,
        triples: tr,
        lengths: [WEEKS],
        seed,
        exactBudget: 0,
      });
      if (!result.ok) throw new Error(result.code);
      const actual = summary.holdout.reduce((s, v) => s + v, 0);
      const total = result.total.expected[0];
      if (total.low90 <= actual && actual <= total.high90) totalHits++;
      const checked = Int32Array.from({ length: Math.ceil(summary.x.length / 4) }, (_, k) => 4 * k);
      let inside = 0;
      result.customerBands(checked).forEach((b, k) => {
        const i = checked[k];
        const v = paretoNbdConditionalExpected(truth, WEEKS, summary.x[i], summary.tx[i], summary.T[i]);
        if (b.expected[0].low90 <= v && v <= b.expected[0].high90) inside++;
      });
      customerShare += inside / checked.length;
    }
    const totalCoverage = totalHits / sets;
    const customerCoverage = customerShare / sets;
    console.log(
      `[interval coverage, Pareto/NBD] ${sets} data sets (${skipped} skipped: not converged or Hessian not ` +
        `positive definite): holdout total ${(totalCoverage * 100).toFixed(1)} %, ` +
        `per-customer expected purchases ${(customerCoverage * 100).toFixed(1)} %; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    expect(totalCoverage).toBeGreaterThanOrEqual(0.85);
    expect(totalCoverage).toBeLessThanOrEqual(0.95);
    expect(customerCoverage).toBeGreaterThanOrEqual(0.85);
    expect(customerCoverage).toBeLessThanOrEqual(0.95);
  }, 300_000);
});
