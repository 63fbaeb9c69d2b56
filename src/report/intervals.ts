/**
 * The report's `intervals` section (METRICS.md, "Intervals (forecast uncertainty)"): the 80 % and 95 % bands beside
 * each point figure of the BG/NBD forecast, for the totals and each RFM segment, and of the holdout total when a
 * calibration end before D is given. Computed by the same functions as the app (src/analytics/btyd/intervals.ts).
 */
import { forecastIntervals, holdoutTotalInterval, type FittedForecast } from '../analytics/btyd/intervals';
import { HORIZONS, type ForecastReport, type ForecastSettings } from '../analytics/forecast';
import type { RfmResult } from '../analytics/rfm';
import { SEGMENTS } from '../analytics/rfm';
import type { Band, GroupIntervals, IntervalFailureCode } from '../shared/intervals';

/** A point figure with its 80 % (10th–90th percentile) and 95 % (2.5th–97.5th) bands. */
export interface Banded {
  point: number;
  band80: { lo: number; hi: number };
  band95: { lo: number; hi: number };
}

export interface GroupSection {
  customers: number;
  meanPAlive: Banded;
  /** Per horizon (12 and 36 months): total expected purchases and total predicted CLV (null without spend bands). */
  horizons: { months: number; expected: Banded; clv: Banded | null }[];
}

export type IntervalsSection =
  | {
      failure: null;
      model: string;
      draws: number;
      seed: number;
      /** `simulated` (every customer's future under each draw) or `normal` (large bases). */
      totals: 'simulated' | 'normal';
      /** Why the CLV has no bands (null when it has them). */
      clvFailure: IntervalFailureCode | null;
      total: GroupSection;
      bySegment: (GroupSection & { segment: string })[];
      /** The holdout total's bands (null without a calibration end before D). */
      holdout:
        | (Banded & { actual: number; holdoutLength: number; failure: null })
        | { failure: IntervalFailureCode | 'validationFailed' }
        | null;
    }
  /** No intervals: `forecastFailed` (no fit) or the engine's reason code. */
  | { failure: IntervalFailureCode | 'forecastFailed' };

const banded = (point: number, b: Band): Banded => ({
  point,
  band80: { lo: b.low80, hi: b.high80 },
  band95: { lo: b.low95, hi: b.high95 },
});

/** `fitted` and `validationFitted` as `computeForecast` returns them for the report's forecast. */
export function intervalsSection(
  report: ForecastReport,
  settings: ForecastSettings,
  rfm: RfmResult,
  fitted: FittedForecast | undefined,
  validationFitted: FittedForecast | undefined,
): IntervalsSection {
  if (!fitted || !report.fit) return { failure: 'forecastFailed' };
  const segmentOfCode = new Map<number, number>();
  rfm.codes.forEach((c, i) => segmentOfCode.set(c, rfm.segment[i]));
  const { summary, result } = fitted;
  const { intervals } = forecastIntervals(
    fitted,
    Int32Array.from(summary.customer, (c) => segmentOfCode.get(c) ?? -1),
    SEGMENTS,
    HORIZONS,
    settings,
  );
  if (!intervals.ok) return { failure: intervals.code };
  const meanPAlive = result.pAlive.reduce((s, v) => s + v, 0) / Math.max(1, result.pAlive.length);
  const group = (
    g: GroupIntervals,
    point: { meanPAlive: number; horizons: { expected: number; clv: number | null }[] },
  ): GroupSection => ({
    customers: g.customers,
    meanPAlive: banded(point.meanPAlive, g.meanPAlive),
    horizons: g.horizons.map((h, i) => ({
      months: h.months,
      expected: banded(point.horizons[i].expected, h.expected),
      clv: h.clv && point.horizons[i].clv !== null ? banded(point.horizons[i].clv!, h.clv) : null,
    })),
  });
  const total = group(intervals.total, {
    meanPAlive,
    horizons: report.horizons.map((h) => ({ expected: h.expectedTotal, clv: h.clvTotal })),
  });
  const bySegment = intervals.bySegment.map((g, i) => {
    const s = report.bySegment[i];
    return {
      segment: g.segment,
      ...group(g, {
        meanPAlive: s.meanPAlive,
        horizons: s.byHorizon.map((h) => ({ expected: h.meanExpected * s.customers, clv: h.totalClv })),
      }),
    };
  });
  let holdout: Extract<IntervalsSection, { failure: null }>['holdout'] = null;
  if (report.validation) {
    const h = validationFitted ? holdoutTotalInterval(validationFitted) : null;
    holdout = !h
      ? { failure: 'validationFailed' }
      : h.ok
        ? {
            ...banded(h.predictedTotal, h.total),
            actual: h.actualTotal,
            holdoutLength: h.holdoutLength,
            failure: null,
          }
        : { failure: h.code };
  }
  return {
    failure: null,
    model: result.transactions.model,
    draws: intervals.draws,
    seed: intervals.seed,
    totals: intervals.totals ?? 'normal',
    clvFailure: intervals.clvFailure,
    total,
    bySegment,
    holdout,
  };
}
