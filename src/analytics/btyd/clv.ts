/**
 * Predictions built on a fitted BTYD model (METRICS.md, "Predictive CLV"): expected occasions and predicted CLV
 * per customer, holdout validation and the cumulative tracking series. Everything runs once per unique triple
 * or (x, T) pair and is then mapped to customers.
 */
import { pearson } from './gammagamma';
import type { BtydModel } from './model';
import type { CalibrationSummary, Occasions, Triples } from './summary';

export type { BtydModel } from './model';

/** One month is 365.25 / 12 days, whatever the time unit of the fit. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** P(alive) per triple. */
export function pAliveByTriple<P>(model: BtydModel<P>, params: P, tr: Triples): Float64Array {
  const out = new Float64Array(tr.count);
  for (let i = 0; i < tr.count; i++) out[i] = model.pAlive(params, tr.x[i], tr.tx[i], tr.T[i]);
  return out;
}

/** Maps a per-triple value to customers through `tr.index`. */
export function toCustomers(perTriple: Float64Array, tr: Triples): Float64Array {
  return Float64Array.from(tr.index, (k) => perTriple[k]);
}

/**
 * Σ_{k=1..H} δᵏ · (G(k) − G(k−1)) per (x, T) pair, where G(k) = E[X(k months) | alive at T, x, T] and
 * δ = 1/(1 + monthly discount). Times are in the fit's unit (`unitDays` days).
 */
function discountedIncrementsByPair<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  unitDays: number,
  horizonMonths: number,
  monthlyDiscount: number,
): Float64Array {
  const month = DAYS_PER_MONTH / unitDays;
  const out = new Float64Array(tr.pairX.length).fill(NaN);
  for (let i = 0; i < tr.count; i++) {
    const q = tr.TPair[i];
    if (!Number.isNaN(out[q])) continue;
    const x = tr.x[i];
    const T = tr.T[i];
    let prev = 0;
    let sum = 0;
    let factor = 1;
    for (let k = 1; k <= horizonMonths; k++) {
      factor /= 1 + monthlyDiscount;
      const g = model.expectedIfAlive(params, k * month, x, T);
      sum += factor * (g - prev);
      prev = g;
    }
    out[q] = sum;
  }
  return out;
}

export interface ClvOptions {
  /** Days per time unit of the fit. */
  unitDays: number;
  horizonMonths: number;
  /** Monthly discount rate d (0.01 = 1 %). */
  monthlyDiscount: number;
  /** Margin rate applied to the expected spend (1 = revenue). */
  marginRate: number;
}

/**
 * Discounted expected occasions per triple over the horizon: Σ_{k=1..H} (E[X(k mo)] − E[X((k−1) mo)] | x, t_x, T)
 * / (1+d)^k, computed as P(alive) × the per-(x, T) sum of discounted increments of E[X | alive].
 */
export function discountedOccasionsByTriple<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  options: Omit<ClvOptions, 'marginRate'>,
  pAlive: Float64Array = pAliveByTriple(model, params, tr),
): Float64Array {
  const byPair = discountedIncrementsByPair(
    model,
    params,
    tr,
    options.unitDays,
    options.horizonMonths,
    options.monthlyDiscount,
  );
  return Float64Array.from(pAlive, (pa, i) => pa * byPair[tr.TPair[i]]);
}

/**
 * Predicted CLV per customer (METRICS.md): CLV = Σ_{k=1..H} marginRate · E[spend] · (E[X(k months)] −
 * E[X((k−1) months)] | x, t_x, T) / (1 + d)^k. `spend` is the expected spend per occasion of each customer
 * (in the order of `tr.index`).
 */
export function predictClv<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  spend: ArrayLike<number>,
  options: ClvOptions,
  pAlive?: Float64Array,
): Float64Array {
  const occasions = discountedOccasionsByTriple(model, params, tr, options, pAlive);
  return Float64Array.from(tr.index, (k, c) => options.marginRate * spend[c] * occasions[k]);
}

/**
 * E[X(t) | x, t_x, T] per triple (t in the fit's unit), as P(alive) × E[X(t) | alive at T], the second factor
 * evaluated once per (x, T) pair.
 */
export function conditionalExpectedByTriple<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  t: number,
  pAlive: Float64Array = pAliveByTriple(model, params, tr),
): Float64Array {
  const byPair = new Float64Array(tr.pairX.length).fill(NaN);
  const out = new Float64Array(tr.count);
  for (let i = 0; i < tr.count; i++) {
    const q = tr.TPair[i];
    if (Number.isNaN(byPair[q])) byPair[q] = model.expectedIfAlive(params, t, tr.x[i], tr.T[i]);
    out[i] = pAlive[i] * byPair[q];
  }
  return out;
}

/** E[X(t) | x, t_x, T] per customer (t in the fit's unit). */
export function conditionalExpectedByCustomer<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  t: number,
  pAlive?: Float64Array,
): Float64Array {
  return toCustomers(conditionalExpectedByTriple(model, params, tr, t, pAlive), tr);
}

export interface FrequencyBucket {
  /** Calibration repeat occasions x; the last bucket (7) holds x ≥ 7. */
  frequency: number;
  customers: number;
  actualMean: number;
  predictedMean: number;
}

export interface HoldoutValidation {
  /** Holdout length in the fit's unit: (end day − calibration end) / unitDays. */
  length: number;
  actualTotal: number;
  predictedTotal: number;
  /** (predicted − actual) / actual × 100. */
  errorPercent: number;
  /** Mean absolute error per customer. */
  mae: number;
  /** Pearson correlation of predicted and actual holdout occasions per customer. */
  correlation: number;
  byFrequency: FrequencyBucket[];
  /** Predicted holdout occasions per customer (summary order). */
  predicted: Float64Array;
}

const FREQUENCY_BUCKETS = 8;

function byFrequency(x: Int32Array, actual: Int32Array, predicted: Float64Array): FrequencyBucket[] {
  const out = Array.from({ length: FREQUENCY_BUCKETS }, (_, frequency) => ({
    frequency,
    customers: 0,
    actualMean: 0,
    predictedMean: 0,
  }));
  for (let i = 0; i < x.length; i++) {
    const b = out[Math.min(x[i], FREQUENCY_BUCKETS - 1)];
    b.customers++;
    b.actualMean += actual[i];
    b.predictedMean += predicted[i];
  }
  for (const b of out) {
    b.actualMean = b.customers > 0 ? b.actualMean / b.customers : NaN;
    b.predictedMean = b.customers > 0 ? b.predictedMean / b.customers : NaN;
  }
  return out;
}

/**
 * Holdout validation (METRICS.md): predicted E[X(t_h) | x, t_x, T] per customer against the actual occasions in
 * (calibration end, end day]; totals and their error, MAE, correlation, and means by calibration frequency
 * 0..7+. Null when there is no holdout period.
 */
export function holdoutValidation<P>(
  model: BtydModel<P>,
  params: P,
  summary: CalibrationSummary,
  tr: Triples,
  pAlive?: Float64Array,
): HoldoutValidation | null {
  const length = (summary.endDay - summary.calibrationEndDay) / summary.unitDays;
  if (!(length > 0)) return null;
  const predicted = conditionalExpectedByCustomer(model, params, tr, length, pAlive);
  let actualTotal = 0;
  let predictedTotal = 0;
  let absError = 0;
  for (let i = 0; i < predicted.length; i++) {
    actualTotal += summary.holdout[i];
    predictedTotal += predicted[i];
    absError += Math.abs(predicted[i] - summary.holdout[i]);
  }
  return {
    length,
    actualTotal,
    predictedTotal,
    errorPercent: actualTotal > 0 ? ((predictedTotal - actualTotal) / actualTotal) * 100 : NaN,
    mae: predicted.length > 0 ? absError / predicted.length : NaN,
    correlation: pearson(predicted, summary.holdout),
    byFrequency: byFrequency(summary.x, summary.holdout, predicted),
    predicted,
  };
}

export interface TrackingSeries {
  periodDays: number;
  /** First day of period 0: the earliest first purchase of the summary's customers. */
  startDay: number;
  /** Last day of each period (the last one clipped to the end day). */
  periodEnd: Int32Array;
  /** Cumulative repeat occasions (all occasions but each customer's first) up to each period end. */
  actual: Float64Array;
  /** Σ over customers of the unconditional E[X(period end − first purchase)]. */
  predicted: Float64Array;
  /** Index of the period that contains the calibration end. */
  calibrationEndPeriod: number;
}

/** Repeat occasions of the summary's customers per period (not cumulative). */
function repeatsPerPeriod(
  occ: Occasions,
  summary: CalibrationSummary,
  start: number,
  periodDays: number,
  n: number,
) {
  const counts = new Float64Array(n);
  let i = 0;
  while (i < occ.customer.length) {
    const code = occ.customer[i];
    const first = occ.day[i];
    let prev = first;
    for (i++; i < occ.customer.length && occ.customer[i] === code; i++) {
      const d = occ.day[i];
      if (first <= summary.calibrationEndDay && d !== prev && d <= summary.endDay)
        counts[Math.floor((d - start) / periodDays)]++;
      prev = d;
    }
  }
  return counts;
}

/**
 * Cumulative tracking series across calendar time (as in FHL 2005): actual cumulative repeat occasions of the
 * calibration customers against Σᵢ E[X((period end − firstᵢ) / unit)], the unconditional expectation of each
 * customer from its first purchase. The literature's plot shows total repeat transactions, calibration and
 * holdout periods together.
 */
export function trackingSeries<P>(
  model: BtydModel<P>,
  params: P,
  summary: CalibrationSummary,
  occ: Occasions,
  periodDays = 7,
): TrackingSeries {
  const n = summary.firstDay.length;
  const start =
    n > 0 ? summary.firstDay.reduce((m, d) => Math.min(m, d), Infinity) : summary.calibrationEndDay;
  const periods = Math.max(1, Math.ceil((summary.endDay - start + 1) / periodDays));
  const periodEnd = Int32Array.from({ length: periods }, (_, k) =>
    Math.min(start + (k + 1) * periodDays - 1, summary.endDay),
  );
  const actual = repeatsPerPeriod(occ, summary, start, periodDays, periods);
  for (let k = 1; k < periods; k++) actual[k] += actual[k - 1];
  // Customers per first day; E[X(t)] once per day offset.
  const births = new Map<number, number>();
  for (const d of summary.firstDay) births.set(d, (births.get(d) ?? 0) + 1);
  const cache = new Float64Array(summary.endDay - start + 1).fill(NaN);
  const expected = (offset: number) => {
    if (Number.isNaN(cache[offset]))
      cache[offset] = model.unconditionalExpected(params, offset / summary.unitDays);
    return cache[offset];
  };
  const predicted = Float64Array.from(periodEnd, (end) => {
    let sum = 0;
    for (const [first, count] of births) if (first <= end) sum += count * expected(end - first);
    return sum;
  });
  const calibrationEndPeriod = Math.floor((summary.calibrationEndDay - start) / periodDays);
  return { periodDays, startDay: start, periodEnd, actual, predicted, calibrationEndPeriod };
}
