// Model scorecard on the holdout: the naive baseline by hand, the proposal rule, simulated BG/NBD data and CDNOW.
import { describe, expect, it } from 'vitest';
import {
  modelScorecard,
  naivePrediction,
  propose,
  type ScorecardEntry,
} from '../../../src/analytics/btyd/scorecard';
import { calibrationSummary, type CalibrationSummary } from '../../../src/analytics/btyd/summary';
import { CDNOW_CALIBRATION_END, hasCdnow, loadCdnowOccasions } from './cdnow';
import { simulateBgNbd } from './simulate';

/** Three customers in days, calibration end day 100, data to day 110 (holdout of 10 days). */
function small(): CalibrationSummary {
  return {
    unitDays: 1,
    calibrationEndDay: 100,
    endDay: 110,
    hasValues: false,
    customer: Int32Array.from([0, 1, 2]),
    x: Int32Array.from([0, 2, 1]),
    tx: Float64Array.from([0, 4, 0]),
    T: Float64Array.from([10, 5, 0]),
    m: Float64Array.from([NaN, NaN, NaN]),
    holdout: Int32Array.from([0, 4, 3]),
    firstDay: Int32Array.from([90, 95, 100]),
  };
}

describe('naive baseline by hand', () => {
  it('(x+1)/T × 10 days; T = 0 takes the pooled rate (1 + 3)/(10 + 5)', () => {
    // 1/10 × 10 = 1; 3/5 × 10 = 6; 4/15 × 10 = 8/3.
    const p = naivePrediction(small(), 10);
    expect(Array.from(p)).toEqual([1, 6, 8 / 3].map((v) => expect.closeTo(v, 12)));
  });

  it('scorecard of three customers: only the naive baseline has figures; totals, MAE, correlation by hand', () => {
    const card = modelScorecard(small())!;
    expect(card.holdoutLength).toBe(10);
    expect(card.actualTotal).toBe(7);
    for (const e of card.entries.filter((e) => e.candidate !== 'naive')) {
      expect(e.failure).toBe('tooFewCustomers');
      expect(e.mae).toBeNull();
    }
    const naive = card.entries.find((e) => e.candidate === 'naive')!;
    expect(naive.logLikelihood).toBeNull();
    // Predicted 1 + 6 + 8/3 = 29/3 against 7: +38.095 %. |1−0| + |6−4| + |8/3−3| = 10/3, over 3 customers 10/9.
    expect(naive.predictedTotal).toBeCloseTo(29 / 3, 12);
    expect(naive.errorPercent).toBeCloseTo(((29 / 3 - 7) / 7) * 100, 10);
    expect(naive.mae).toBeCloseTo(10 / 9, 12);
    // Deviations from the means (29/9, 7/3): p = (−20, 25, −5)/9, a = (−7, 5, 2)/3.
    // Σpa = (140 + 125 − 10)/27 = 255/27; Σp² = 1050/81; Σa² = 78/9 → r = 255/27 / √(1050/81 · 78/9).
    expect(naive.correlation).toBeCloseTo(255 / 27 / Math.sqrt((1050 / 81) * (78 / 9)), 12);
    expect(card.proposal).toMatchObject({ candidate: 'naive', reason: 'onlyNaive', runnerUp: null });
  });

  it('no holdout period: no scorecard', () => {
    expect(modelScorecard({ ...small(), endDay: 100 })).toBeNull();
  });

  it('nobody bought by the calibration end (a filter on later customers): no scorecard, no crash', () => {
    const none = {
      ...small(),
      customer: new Int32Array(0),
      x: new Int32Array(0),
      tx: new Float64Array(0),
      T: new Float64Array(0),
      m: new Float64Array(0),
      holdout: new Int32Array(0),
      firstDay: new Int32Array(0),
    };
    expect(modelScorecard(none)).toBeNull();
  });
});

const entry = (candidate: ScorecardEntry['candidate'], mae: number | null, errorPercent: number | null) =>
  ({
    candidate,
    failure: mae === null ? 'notConverged' : null,
    converged: mae !== null,
    logLikelihood: null,
    params: null,
    predictedTotal: null,
    errorPercent,
    mae,
    correlation: null,
  }) as ScorecardEntry;

describe('proposal rule', () => {
  it('lowest MAE wins; a failed model is never proposed', () => {
    const p = propose([entry('bgnbd', 1.0, 5), entry('paretonbd', null, null), entry('naive', 1.2, 1)]);
    expect(p).toMatchObject({ candidate: 'bgnbd', reason: 'lowestMae', runnerUp: 'naive', runnerUpMae: 1.2 });
  });

  it('MAEs within 5 % tie: the smaller absolute total error decides', () => {
    const p = propose([entry('bgnbd', 1.0, 8), entry('mbgnbd', 1.04, -2), entry('naive', 1.06, 0)]);
    expect(p).toMatchObject({ candidate: 'mbgnbd', reason: 'tieTotalError', runnerUp: 'bgnbd' });
  });

  it('the naive baseline wins honestly when no model beats it', () => {
    const p = propose([entry('bgnbd', 1.3, 2), entry('paretonbd', 1.4, 3), entry('naive', 1.0, 20)]);
    expect(p).toMatchObject({ candidate: 'naive', reason: 'naiveBest', runnerUp: 'bgnbd' });
  });
});

describe('simulated BG/NBD data (known parameters, holdout from the same process)', () => {
  it('proposes BG/NBD or MBG/NBD over the naive baseline', () => {
    // Six-hour ticks: same-tick merges stay rare, and the Pareto/NBD fit has fewer distinct times to visit.
    const TICKS = 28;
    const occ = simulateBgNbd({
      customers: 5000,
      seed: 3,
      r: 1,
      alpha: 2,
      a: 0.8,
      b: 2.5,
      p: 6,
      q: 4,
      gamma: 15,
      startDay: 0,
      birthDays: 12 * TICKS,
      endDay: 78 * TICKS - 1,
      ticksPerWeek: TICKS,
    });
    const card = modelScorecard(calibrationSummary(occ, 39 * TICKS - 1, TICKS))!;
    expect(['bgnbd', 'mbgnbd']).toContain(card.proposal.candidate);
    const mae = (c: string) => card.entries.find((e) => e.candidate === c)!.mae!;
    expect(mae('bgnbd')).toBeLessThan(mae('naive'));
    expect(mae(card.proposal.candidate)).toBeLessThanOrEqual(
      1.05 * Math.min(...card.entries.map((e) => e.mae!)),
    );
    for (const e of card.entries) expect(e.mae).not.toBeNull();
  });
});

describe.skipIf(!hasCdnow)('CDNOW (weeks, calibration end 1997-09-30)', () => {
  it('all four have figures; the published BG/NBD and Pareto/NBD log-likelihoods hold', () => {
    const summary = calibrationSummary(loadCdnowOccasions(), CDNOW_CALIBRATION_END, 7);
    const card = modelScorecard(summary)!;
    expect(card.holdoutLength).toBe(39);
    expect(card.entries.map((e) => e.candidate)).toEqual(['bgnbd', 'paretonbd', 'mbgnbd', 'naive']);
    for (const e of card.entries) {
      expect(e.failure).toBeNull();
      expect(e.predictedTotal).toBeGreaterThan(0);
      expect(e.mae).toBeGreaterThan(0);
      expect(e.correlation).toBeGreaterThan(0);
    }
    const ll = (c: string) => card.entries.find((e) => e.candidate === c)!.logLikelihood!;
    expect(Math.abs(ll('bgnbd') - -9582.43)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(ll('paretonbd') - -9594.98)).toBeLessThanOrEqual(0.05);
    expect(card.entries.find((e) => e.candidate === 'naive')!.logLikelihood).toBeNull();
    expect(card.proposal.candidate).not.toBe('naive');
  });
});
