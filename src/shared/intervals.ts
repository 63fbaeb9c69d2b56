/**
 * Ready-to-draw forecast intervals (METRICS.md, "Intervals (forecast uncertainty)"), as they cross from the worker
 * to the UI and the report: plain numbers, no typed arrays.
 */

/** Percentiles of one figure over the draws: the 80 % (10th–90th), 90 % (5th–95th) and 95 % (2.5th–97.5th) intervals. */
export interface Band {
  low95: number;
  low90: number;
  low80: number;
  median: number;
  high80: number;
  high90: number;
  high95: number;
}

/**
 * Why a forecast has no intervals: `hessianNotPositiveDefinite` (the purchase model's Hessian at the optimum is not
 * positive definite, so its parameters have no asymptotic normal), `modelWithoutIntervals` (the model has no
 * posterior predictive yet). CLV intervals alone are missing with `spendHessianNotPositiveDefinite` or
 * `spendNoFiniteMean` (too many spend draws without a finite mean spend).
 */
export type IntervalFailureCode =
  | 'hessianNotPositiveDefinite'
  | 'modelWithoutIntervals'
  | 'spendHessianNotPositiveDefinite'
  | 'spendNoFiniteMean';

/** Intervals of a group's totals (a segment, or all customers). */
export interface GroupIntervals {
  key: string;
  customers: number;
  /** Mean P(alive) of the group (parameter uncertainty only). */
  meanPAlive: Band;
  /** Per forecast horizon: total expected purchases and total predicted CLV (null without spend intervals). */
  horizons: { months: number; expected: Band; clv: Band | null }[];
}

export type ForecastIntervals =
  | {
      ok: true;
      draws: number;
      seed: number;
      /** How the draws' figures were evaluated: exactly per draw, or by the first-order expansion (large bases). */
      method: 'exact' | 'linearised';
      /**
       * How the totals' purchasing randomness enters: `simulated` (every customer's future simulated under each draw
       * and summed, bases up to 5,000 customers at 200 draws) or `normal` (the draw's expected total plus a normal
       * term). Optional for older responses.
       */
      totals?: 'simulated' | 'normal';
      /** Why the CLV has no intervals (null when it has them, or when there is no spend model). */
      clvFailure: IntervalFailureCode | null;
      total: GroupIntervals;
      bySegment: (GroupIntervals & { segment: string })[];
      /** Time the intervals took in the worker. */
      computeMs: number;
    }
  | { ok: false; code: IntervalFailureCode };

/** Per-customer ranges for rows of the customer table (parameter uncertainty; METRICS "Per customer"). */
export interface CustomerRange {
  code: number;
  months: number;
  pAlive: Band;
  expected: Band;
  clv: Band | null;
}

/**
 * Interval of the predicted holdout total (validation at a calibration end): the validation fit's posterior
 * predictive over the holdout, the same length for every customer ((D − calibration end) / unit), as the point
 * prediction `validation.predictedTotal` is computed. `ok: false` with the reason when the validation fit has no
 * intervals.
 */
export type HoldoutInterval =
  | {
      ok: true;
      /** Holdout length in the fit's unit. */
      holdoutLength: number;
      /** The point prediction and the actual total (as in the validation report). */
      predictedTotal: number;
      actualTotal: number;
      /** Bands of the holdout total (80 %: low80–high80, 90 %: low90–high90, 95 %: low95–high95). */
      total: Band;
      draws: number;
      seed: number;
      totals: 'simulated' | 'normal';
    }
  | { ok: false; code: IntervalFailureCode };
