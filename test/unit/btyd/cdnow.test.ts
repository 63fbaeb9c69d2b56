// Published CDNOW results (Fader, Hardie & Lee 2005 and the Gamma-Gamma note) on ../shared/data/cdnow_sample.csv:
// purchase occasion = customer-day, unit = week, calibration 1997-01-01 .. 1997-09-30, data to 1998-06-30.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpected,
  bgnbdLogLikelihood,
  bgnbdUnconditionalExpected,
  fitBgNbd,
  type BgNbdFit,
} from '../../../src/analytics/btyd/bgnbd';
import { fitForecast } from '../../../src/analytics/btyd/fit';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../../../src/analytics/btyd/gammagamma';
import { fitParetoNbd, paretoNbdLogLikelihood } from '../../../src/analytics/btyd/paretonbd';
import {
  calibrationSummary,
  compress,
  type CalibrationSummary,
  type Occasions,
  type Triples,
} from '../../../src/analytics/btyd/summary';
import { CDNOW_CALIBRATION_END, dayOf, hasCdnow, loadCdnowOccasions } from './cdnow';

/** |actual / expected − 1| ≤ relTol. */
const within = (actual: number, expected: number, relTol: number) =>
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(relTol);

const PUBLISHED_BGNBD = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

describe.skipIf(!hasCdnow)('CDNOW oracles (../shared/data/cdnow_sample.csv)', () => {
  let occ: Occasions;
  let summary: CalibrationSummary;
  let triples: Triples;
  let bg: BgNbdFit;

  beforeAll(() => {
    occ = loadCdnowOccasions();
    summary = calibrationSummary(occ, CDNOW_CALIBRATION_END, 7);
    triples = compress(summary.x, summary.tx, summary.T);
    bg = fitBgNbd(triples);
  });

  it('summarises 2,357 customers, all born in Q1 1997, with the data ending 1998-06-30', () => {
    expect(summary.customer.length).toBe(2357);
    expect(summary.endDay).toBe(dayOf('1998-06-30'));
    expect(Math.max(...summary.firstDay)).toBeLessThanOrEqual(dayOf('1997-03-31'));
    expect(summary.T[summary.firstDay.indexOf(dayOf('1997-01-01'))]).toBeCloseTo(38.857, 3);
  });

  it('BG/NBD: r, α, a, b within 0.5 % and log-likelihood −9582.43 ± 0.05', () => {
    expect(bg.converged).toBe(true);
    expect(bg.hessianOk).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) within(bg.params[k], PUBLISHED_BGNBD[k], 0.005);
    expect(Math.abs(bg.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(bgnbdLogLikelihood(PUBLISHED_BGNBD, triples) - -9582.43)).toBeLessThanOrEqual(0.05);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(bg.stdErrors[k]).toBeGreaterThan(0);
  });

  it('BG/NBD: E[X(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226 and E[X(t)] at 1, 3, 32, 78 weeks', () => {
    for (const params of [bg.params, PUBLISHED_BGNBD]) {
      expect(Math.abs(bgnbdConditionalExpected(params, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThanOrEqual(
        0.001,
      );
      const published = [0.0532, 0.1506, 1.0437, 1.8576];
      [1, 3, 32, 78].forEach((t, i) =>
        expect(Math.abs(bgnbdUnconditionalExpected(params, t) - published[i])).toBeLessThanOrEqual(0.0005),
      );
    }
  });

  it('Pareto/NBD: r, α, s, β within 1 % and log-likelihood −9594.98 ± 0.05', () => {
    const fit = fitParetoNbd(triples);
    expect(fit.converged).toBe(true);
    const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    for (const k of ['r', 'alpha', 's', 'beta'] as const) within(fit.params[k], published[k], 0.01);
    expect(Math.abs(fit.logLikelihood - -9594.98)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(paretoNbdLogLikelihood(published, triples) - -9594.98)).toBeLessThanOrEqual(0.05);
  });

  it('Gamma-Gamma on the 946 repeat customers: p, q, γ within 1 % and log-likelihood −4055.92 ± 0.05', () => {
    const fit = fitGammaGamma(summary.x, summary.m);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    const published = { p: 6.25, q: 3.74, gamma: 15.44 };
    for (const k of ['p', 'q', 'gamma'] as const) within(fit.params[k], published[k], 0.01);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(gammaGammaLogLikelihood(published, summary.x, summary.m) - -4055.92)).toBeLessThanOrEqual(
      0.05,
    );
  });

  it('in days the shape parameters stay, α scales by 7 and the log-likelihood drops by Σx · ln 7', () => {
    const inDays = calibrationSummary(occ, CDNOW_CALIBRATION_END, 1);
    const dayTriples = compress(inDays.x, inDays.tx, inDays.T);
    const fit = fitBgNbd(dayTriples);
    within(fit.params.r, bg.params.r, 1e-4);
    within(fit.params.alpha, 7 * bg.params.alpha, 1e-4);
    within(fit.params.a, bg.params.a, 1e-4);
    within(fit.params.b, bg.params.b, 1e-4);
    const repeats = summary.x.reduce((s, x) => s + x, 0);
    expect(fit.logLikelihood).toBeCloseTo(bg.logLikelihood - repeats * Math.log(7), 4);
    const pareto = fitParetoNbd(dayTriples);
    within(pareto.params.beta, 7 * 11.669, 0.01);
    expect(pareto.logLikelihood).toBeCloseTo(-9594.98 - repeats * Math.log(7), 1);
  });

  it('facade: holdout totals, frequency buckets and the tracking series are consistent with the raw data', () => {
    const res = fitForecast({ summary, model: 'bgnbd', spend: true, occasions: occ });
    if (!res.ok) throw new Error(res.code);
    const holdout = res.holdout!;
    expect(holdout.length).toBe(39);
    let afterCalibration = 0;
    for (const d of occ.day) if (d > CDNOW_CALIBRATION_END) afterCalibration++;
    expect(holdout.actualTotal).toBe(afterCalibration);
    expect(holdout.byFrequency.reduce((s, b) => s + b.customers, 0)).toBe(2357);
    expect(holdout.byFrequency[0].customers).toBe(summary.x.filter((x) => x === 0).length);
    expect(holdout.correlation).toBeGreaterThan(0.5);
    const tracking = res.tracking!;
    expect(tracking.actual.length).toBe(78);
    expect(tracking.calibrationEndPeriod).toBe(38);
    const repeats = occ.day.length - 2357;
    expect(tracking.actual[77]).toBe(repeats);
    // The calibration-period part of the tracking plot agrees within a few percent (FHL 2005, fig. 3).
    within(tracking.predicted[38], tracking.actual[38], 0.03);
    expect(res.spend?.ok).toBe(true);
    if (res.spend?.ok) {
      expect(res.spend.correlationWarning).toBe(false);
      expect(Math.abs(res.spend.correlation)).toBeLessThan(0.3);
    }
    for (const h of res.horizons) expect(Number.isFinite(h.clvTotal)).toBe(true);
  });
});
