/**
 * Forecast: a validation fit at the calibration end and a forecast fit at D, with P(alive), expected purchases and
 * CLV per customer (shown in the customer table of the same scope), per RFM segment and per attribute value.
 */
import { AppFailure } from '../../shared/errors';
import { isoToDay } from '../../shared/days';
import { SEGMENTS, type Segment } from '../../analytics/rfm';
import type { Scorecard } from '../../analytics/btyd/scorecard';
import {
  HORIZONS,
  computeScorecard,
  horizonIndex,
  topCustomers,
  type ForecastColumns,
  type ForecastReport,
  type ForecastSettings,
} from '../../analytics/forecast';
import { forecastOf, occasionsOf, prepare, rfmOf, type AnalysisRequest, type Prepared } from '../scope';
import type { ShownForecast } from '../session';
import { forecastIntervals, holdoutTotalInterval } from '../../analytics/btyd/intervals';
import type { CalibrationSummary } from '../../analytics/btyd/summary';
import type { ForecastSuccess } from '../../analytics/btyd/fit';
import type { CustomerRange, ForecastIntervals, HoldoutInterval } from '../../shared/intervals';

export interface ForecastRequest extends AnalysisRequest {
  model: ForecastSettings['model'];
  unit: ForecastSettings['unit'];
  /** YYYY-MM-DD, or null for no validation. */
  calibrationEnd: string | null;
  monthlyDiscount: number;
  /** Margin rate applied to the spend in the CLV (1 = on revenue). */
  clvMarginRate: number;
  /** The horizon that the top list and the customer table show (12 or 36). */
  horizonMonths: number;
}

export interface TopCustomer {
  code: number;
  id: string;
  pAlive: number;
  expected: number;
  clv: number | null;
  revenue: number;
  segment: Segment;
}

/**
 * `scorecard`: BG/NBD, Pareto/NBD, MBG/NBD and the naive baseline on the validation's holdout, with the proposed
 * model (null without a calibration end before D).
 */
export type ForecastResponse = ForecastReport & {
  top: TopCustomer[];
  scorecard: Scorecard | null;
  computeMs: number;
  /** Intervals of the totals and per segment (null when the fit failed). */
  intervals?: ForecastIntervals | null;
  /**
   * Interval of the predicted holdout total of the validation at the calibration end (null without a calibration end
   * before D or when the validation fit failed).
   */
  holdoutInterval?: HoldoutInterval | null;
};

let shownIds = 0;

/** The columns of a forecast at the horizon the customer table shows. */
function shown(columns: ForecastColumns, horizonMonths: number): ShownForecast {
  const h = horizonIndex(horizonMonths);
  return {
    id: ++shownIds,
    months: HORIZONS[h],
    pAlive: columns.pAlive,
    expected: columns.expected[h],
    clv: columns.clv?.[h] ?? null,
  };
}

/**
 * The scorecard of a scope at a calibration end and unit (memoised: it does not depend on the other settings);
 * the validation's fit of the chosen model is reused, the other two models are fitted.
 */
function scorecardOf(p: Prepared, settings: ForecastSettings, report: ForecastReport): Scorecard | null {
  const key = `scorecard|${settings.unit}|${settings.calibrationEnd}`;
  return p.scope.cached(key, () =>
    computeScorecard(occasionsOf(p), p.opts.asOf, settings, report.validation?.fit ?? null),
  );
}

export const forecastHandler = {
  /**
   * Fits and predicts (validation at the calibration end, forecast from D); memoised per scope and settings.
   * `onStage` reports progress ('load', then 'fit').
   */
  async forecast(req: ForecastRequest, onStage?: (stage: 'load' | 'fit') => void): Promise<ForecastResponse> {
    const t0 = performance.now();
    onStage?.('load');
    const p = await prepare(req);
    const rfm = rfmOf(p);
    const calibrationEnd = req.calibrationEnd ? isoToDay(req.calibrationEnd) : null;
    if (calibrationEnd !== null && Number.isNaN(calibrationEnd))
      throw new AppFailure('unexpected', `Not a date: ${req.calibrationEnd}`);
    const settings: ForecastSettings = {
      model: req.model,
      unit: req.unit,
      calibrationEnd,
      monthlyDiscount: req.monthlyDiscount,
      marginRate: req.clvMarginRate,
    };
    onStage?.('fit');
    const { report, columns, fitted, validationFitted } = forecastOf(p, settings);
    const scorecard = scorecardOf(p, settings, report);
    const show = shown(columns, req.horizonMonths);
    // A failed fit has no columns to add to the customer table.
    p.scope.forecast = report.fit ? show : null;
    const interval = fitted ? intervalsOf(p, settings, fitted) : null;
    if (interval) show.ranges = (codes) => interval.ranges(codes, req.horizonMonths);
    const codes = topCustomers(columns, rfm.codes, horizonIndex(req.horizonMonths));
    const position = new Map(Array.from(rfm.codes, (c, i) => [c, i]));
    const ids = p.lines.dicts.customer ?? [];
    const top = codes.map((c) => ({
      code: c,
      id: ids[c],
      pAlive: columns.pAlive[c],
      expected: show.expected[c],
      clv: show.clv ? show.clv[c] : null,
      revenue: p.table.revenue[c],
      segment: SEGMENTS[rfm.segment[position.get(c)!]],
    }));
    return {
      ...report,
      top,
      scorecard,
      computeMs: performance.now() - t0,
      intervals: interval?.intervals ?? null,
      holdoutInterval: validationFitted
        ? p.scope.cached(`forecast-holdout-interval|${JSON.stringify(settings)}`, () =>
            holdoutTotalInterval(validationFitted),
          )
        : null,
    };
  },

  /**
   * Per-customer 80 % and 95 % ranges of the scope's last forecast for the customer table's rows (at most 200 codes
   * per call); empty without a forecast or without intervals.
   */
  async forecastRanges(req: ForecastRangesRequest): Promise<CustomerRange[]> {
    const p = await prepare(req);
    return p.scope.forecast?.ranges?.(req.codes.slice(0, 200)) ?? [];
  },
};

// ─── Intervals (METRICS.md, "Intervals (forecast uncertainty)") ───────────────────────────────────────────────────
// Totals and per-segment bands travel with the forecast (small, ready to draw); per-customer ranges are computed
// only for the rows that the customer table asks for. Memoised per scope and settings like the forecast.

export interface ForecastRangesRequest extends AnalysisRequest {
  /** Customer codes of the table's rows. */
  codes: number[];
}

interface IntervalState {
  intervals: ForecastIntervals;
  ranges: (codes: number[], horizonMonths: number) => CustomerRange[];
}

function intervalsOf(
  p: Prepared,
  settings: ForecastSettings,
  fitted: { summary: CalibrationSummary; result: ForecastSuccess },
): IntervalState {
  return p.scope.cached(`forecast-intervals|${JSON.stringify(settings)}`, () => {
    const { summary } = fitted;
    const rfm = rfmOf(p);
    const segmentOfCode = new Int32Array(p.table.size).fill(-1);
    rfm.codes.forEach((c, i) => (segmentOfCode[c] = rfm.segment[i]));
    const { intervals, result: res } = forecastIntervals(
      fitted,
      Int32Array.from(summary.customer, (c) => segmentOfCode[c]),
      SEGMENTS,
      HORIZONS,
      settings,
    );
    if (!res.ok) return { intervals, ranges: () => [] };
    const position = new Int32Array(p.table.size).fill(-1);
    summary.customer.forEach((c, i) => (position[c] = i));
    const ranges = (codes: number[], horizonMonths: number): CustomerRange[] => {
      const h = horizonIndex(horizonMonths);
      const known = codes.filter((c) => c >= 0 && c < position.length && position[c] >= 0);
      return res.customerBands(known.map((c) => position[c])).map((b, i) => ({
        code: known[i],
        months: HORIZONS[h],
        pAlive: b.pAlive,
        expected: b.expected[h],
        clv: b.clv?.[h] ?? null,
      }));
    };
    return { intervals, ranges };
  });
}
