/**
 * Expected next order date, own rhythm and the due-now list (METRICS.md "Actions": Expected next order date, Due
 * now). The median time to the next purchase of a living customer is (α + T)(2^{1/(r + x)} − 1) in the fit's time
 * unit, for BG/NBD, MBG/NBD and Pareto/NBD alike (r and α are the purchase-rate parameters of each).
 */
import type { CalibrationSummary } from '../btyd/summary';

/** Median time to the next purchase of a living customer, in the fit's time unit. */
export function medianTimeToNext(r: number, alpha: number, x: number, T: number): number {
  return (alpha + T) * (Math.pow(2, 1 / (r + x)) - 1);
}

export interface NextOrderRow {
  code: number;
  /** D + the median time to the next purchase, as a (fractional) day number. */
  expectedDay: number;
  /** t_x / x in days, or null for x = 0. */
  rhythmDays: number | null;
  /** D − last, in days. */
  daysSinceLast: number;
  pAlive: number;
  /** P(alive) × expected spend per purchase (P(alive) alone without a spend model). */
  value: number;
}

export interface DueNowResult {
  /** One row per customer of the summary, in its order. */
  all: NextOrderRow[];
  /** The customers due now, ranked by value (highest first; equal values by customer code). */
  due: NextOrderRow[];
  /** False when no expected spend was given: the value is P(alive) alone. */
  withSpend: boolean;
}

/**
 * `s` is the summary with the calibration end at D; `pAlive` and `spend` (expected spend per purchase, or null
 * without a spend model) are per summary row. Due now: x ≥ 1, P(alive) ≥ 0.5 and D − last ≥ own rhythm.
 */
export function nextOrders(
  s: CalibrationSummary,
  params: { r: number; alpha: number },
  pAlive: Float64Array,
  spend: Float64Array | null,
): DueNowResult {
  const u = s.unitDays;
  const D = s.calibrationEndDay;
  const all: NextOrderRow[] = [];
  const due: NextOrderRow[] = [];
  for (let i = 0; i < s.customer.length; i++) {
    const x = s.x[i];
    const rhythmDays = x >= 1 ? (s.tx[i] / x) * u : null;
    const daysSinceLast = (s.T[i] - s.tx[i]) * u;
    const p = pAlive[i];
    const m = spend ? spend[i] : 1;
    const row: NextOrderRow = {
      code: s.customer[i],
      expectedDay: D + medianTimeToNext(params.r, params.alpha, x, s.T[i]) * u,
      rhythmDays,
      daysSinceLast,
      pAlive: p,
      value: p * (m === m ? m : 0),
    };
    all.push(row);
    // A tolerance of 1e-9 days absorbs the floating-point noise of the unit conversion.
    if (rhythmDays !== null && p >= 0.5 && daysSinceLast >= rhythmDays - 1e-9) due.push(row);
  }
  due.sort((a, b) => b.value - a.value || a.code - b.code);
  return { all, due, withSpend: spend !== null };
}
