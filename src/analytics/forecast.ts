/**
 * The forecast of a dataset at an as-of date D (METRICS.md, "Predictive CLV"), shared by the worker and the report:
 *
 * - validation: fit on [start, calibration end], predict the occasions in (calibration end, D] and compare;
 * - forecast: fit on [start, D] and predict P(alive), expected occasions and CLV from D on, per customer,
 *   per RFM segment and per attribute value.
 *
 * The result is plain data (no typed arrays) so that it crosses the worker boundary and prints as JSON; the
 * per-customer arrays are returned beside it for the customer table.
 */
import { isAttributeKey } from '../shared/attributes';
import { fitForecast, type ForecastFailure, type ForecastSuccess, type TransactionFit } from './btyd/fit';
import type { ModelName } from './btyd/model';
import { modelScorecard, type Scorecard } from './btyd/scorecard';
import { calibrationSummary, type CalibrationSummary, type Occasions } from './btyd/summary';
import type { CustomerTable } from './customers';
import type { Lines } from './lines';
import { FLAG_RETURN } from './lines';
import { purchaseOccasions } from './occasions';
import { SEGMENTS, type RfmResult, type Segment } from './rfm';
import { sortedLineIndex, type AggregateOptions } from './customers';

export type TimeUnit = 'day' | 'week';

export interface ForecastSettings {
  model: ModelName;
  unit: TimeUnit;
  /** Day number of the calibration end; null or ≥ D: no validation. */
  calibrationEnd: number | null;
  /** Monthly discount rate d (0.01 = 1 %). */
  monthlyDiscount: number;
  /** Margin rate applied to the expected spend (1 = CLV on revenue). */
  marginRate: number;
}

export const HORIZONS = [12, 36] as const;

export interface FitReport {
  model: ModelName | 'gammagamma';
  params: Record<string, number>;
  stdErrors: Record<string, number | null>;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** Customers in the fit. */
  customers: number;
}

export interface Failure {
  code: ForecastFailure['code'];
  details: Record<string, number>;
}

export interface SpendReport {
  fit: FitReport | null;
  failure: Failure | null;
  correlation: number | null;
  correlationWarning: boolean;
}

export interface ValidationReport {
  calibrationEnd: number;
  customers: number;
  fit: FitReport | null;
  failure: Failure | null;
  spend: SpendReport | null;
  /** Holdout length in the fit's unit. */
  holdoutLength: number;
  actualTotal: number | null;
  predictedTotal: number | null;
  errorPercent: number | null;
  mae: number | null;
  correlation: number | null;
  byFrequency: { frequency: number; customers: number; actual: number | null; predicted: number | null }[];
  tracking: {
    periodEnd: number[];
    actual: number[];
    predicted: number[];
    calibrationEndPeriod: number;
  } | null;
}

export interface GroupMean {
  key: string;
  customers: number;
  meanPAlive: number;
  /** At the first horizon (12 months). */
  meanExpected: number;
  meanClv: number | null;
  totalClv: number | null;
  /** The same at every horizon (12 and 36 months). */
  byHorizon: { months: number; meanExpected: number; meanClv: number | null; totalClv: number | null }[];
}

/**
 * A warning about the forecast's figures. `weakDropout`: the dropout parameter (a for BG/NBD and MBG/NBD, s for Pareto/NBD)
 * has a standard error above its estimate, so the data barely show churn and P(alive) and CLV are likely too
 * high. It travels with every figure quoted from the forecast (the self-check's CLV evidence carries it too).
 */
export type ForecastWarning = 'weakDropout';

export interface ForecastReport {
  asOf: number;
  settings: ForecastSettings;
  hasAmount: boolean;
  customers: number;
  repeatCustomers: number;
  validation: ValidationReport | null;
  fit: FitReport | null;
  failure: Failure | null;
  /**
   * `weakDropout`: the dropout parameter (a for BG/NBD and MBG/NBD, s for Pareto/NBD) has a standard error above its estimate,
   * so the data barely show churn and P(alive) and CLV are likely too high.
   */
  warnings: ForecastWarning[];
  spend: SpendReport | null;
  horizons: { months: number; expectedTotal: number; clvTotal: number | null; meanClv: number | null }[];
  /** Histograms: P(alive) in 10 bins of 0.1; CLV (first horizon) in bins up to its 99th percentile. */
  pAliveHistogram: number[];
  clvHistogram: { from: number; to: number; customers: number }[] | null;
  bySegment: (GroupMean & { segment: Segment })[];
  byAttribute: { attribute: string; rows: GroupMean[] }[];
}

/** Per customer (code order of the customer dictionary; NaN where a code has no forecast). */
export interface ForecastColumns {
  pAlive: Float64Array;
  /** Expected occasions per horizon (HORIZONS order). */
  expected: Float64Array[];
  /** CLV per horizon, or null without a spend model. */
  clv: Float64Array[] | null;
}

function fitReport(
  model: FitReport['model'],
  fit: {
    params: object;
    stdErrors: object;
    logLikelihood: number;
    converged: boolean;
    iterations: number;
    evaluations: number;
    hessianOk: boolean;
  },
  customers: number,
): FitReport {
  const num = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v)]));
  const se = Object.fromEntries(
    Object.entries(fit.stdErrors).map(([k, v]) => [
      k,
      fit.hessianOk && Number.isFinite(v) ? Number(v) : null,
    ]),
  );
  return {
    model,
    params: num(fit.params),
    stdErrors: se,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    customers,
  };
}

const failure = (f: ForecastFailure): Failure => ({ code: f.code, details: f.details ?? {} });
const finite = (v: number) => (Number.isFinite(v) ? v : null);

function run(occ: Occasions, calibrationEnd: number, endDay: number, s: ForecastSettings, tracking: boolean) {
  const summary = calibrationSummary(occ, calibrationEnd, s.unit === 'week' ? 7 : 1);
  summary.endDay = endDay;
  const result = fitForecast({
    summary,
    model: s.model,
    spend: summary.hasValues,
    horizonsMonths: HORIZONS,
    monthlyDiscount: s.monthlyDiscount,
    marginRate: s.marginRate,
    occasions: tracking ? occ : undefined,
    trackingPeriodDays: 7,
  });
  return { summary, result };
}

/** The validation report and, when the fit worked, its summary and result (for the holdout total's interval). */
function validateFit(
  occ: Occasions,
  D: number,
  s: ForecastSettings,
): { report: ValidationReport; fitted?: { summary: CalibrationSummary; result: ForecastSuccess } } {
  const calibrationEnd = s.calibrationEnd!;
  const { summary, result } = run(occ, calibrationEnd, D, s, true);
  return {
    report: validationReport(summary, result, calibrationEnd, D),
    fitted: result.ok ? { summary, result } : undefined,
  };
}

function validationReport(
  summary: CalibrationSummary,
  result: ReturnType<typeof fitForecast>,
  calibrationEnd: number,
  D: number,
): ValidationReport {
  const base: ValidationReport = {
    calibrationEnd,
    customers: summary.x.length,
    fit: null,
    failure: null,
    spend: null,
    holdoutLength: (D - calibrationEnd) / summary.unitDays,
    actualTotal: null,
    predictedTotal: null,
    errorPercent: null,
    mae: null,
    correlation: null,
    byFrequency: [],
    tracking: null,
  };
  if (!result.ok) return { ...base, failure: failure(result) };
  const fit = fitReport(result.transactions.model, result.transactions.fit, summary.x.length);
  const h = result.holdout;
  const t = result.tracking;
  return {
    ...base,
    fit,
    spend: spendReport(result),
    actualTotal: h ? h.actualTotal : null,
    predictedTotal: h ? h.predictedTotal : null,
    errorPercent: h ? finite(h.errorPercent) : null,
    mae: h ? finite(h.mae) : null,
    correlation: h ? finite(h.correlation) : null,
    byFrequency: (h?.byFrequency ?? []).map((b) => ({
      frequency: b.frequency,
      customers: b.customers,
      actual: finite(b.actualMean),
      predicted: finite(b.predictedMean),
    })),
    tracking: t
      ? {
          periodEnd: Array.from(t.periodEnd),
          actual: Array.from(t.actual),
          predicted: Array.from(t.predicted),
          calibrationEndPeriod: t.calibrationEndPeriod,
        }
      : null,
  };
}

function spendReport(result: ForecastSuccess): SpendReport | null {
  const s = result.spend;
  if (!s) return null;
  if (!s.ok) return { fit: null, failure: failure(s), correlation: null, correlationWarning: false };
  return {
    fit: fitReport('gammagamma', s.fit, s.fit.customers),
    failure: null,
    correlation: finite(s.correlation),
    correlationWarning: s.correlationWarning,
  };
}

function histogram(values: Float64Array, bins: number): { from: number; to: number; customers: number }[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort();
  const top = sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] : 0;
  const width = top > 0 ? top / bins : 1;
  const out = Array.from({ length: bins }, (_, b) => ({
    from: b * width,
    to: (b + 1) * width,
    customers: 0,
  }));
  for (const v of sorted) out[Math.min(bins - 1, Math.max(0, Math.floor(v / width)))].customers++;
  out[bins - 1].to = Math.max(out[bins - 1].to, sorted[sorted.length - 1] ?? 0);
  return out;
}

/** Mean forecast figures per group (a group index per summary customer; -1 = none). */
function groupMeans(
  groupOf: Int32Array,
  keys: string[],
  pAlive: Float64Array,
  horizons: readonly { months: number; expectedOccasions: Float64Array; clv: Float64Array | null }[],
): GroupMean[] {
  const g = keys.length;
  const n = new Float64Array(g);
  const pa = new Float64Array(g);
  const ex = horizons.map(() => new Float64Array(g));
  const cl = horizons.map(() => new Float64Array(g));
  for (let i = 0; i < groupOf.length; i++) {
    const k = groupOf[i];
    if (k < 0) continue;
    n[k]++;
    pa[k] += pAlive[i];
    horizons.forEach((h, j) => {
      ex[j][k] += h.expectedOccasions[i];
      if (h.clv) cl[j][k] += h.clv[i];
    });
  }
  return keys.map((key, k) => {
    const byHorizon = horizons.map((h, j) => ({
      months: h.months,
      meanExpected: n[k] ? ex[j][k] / n[k] : 0,
      meanClv: h.clv && n[k] ? cl[j][k] / n[k] : null,
      totalClv: h.clv ? cl[j][k] : null,
    }));
    return {
      key,
      customers: n[k],
      meanPAlive: n[k] ? pa[k] / n[k] : 0,
      meanExpected: byHorizon[0].meanExpected,
      meanClv: byHorizon[0].meanClv,
      totalClv: byHorizon[0].totalClv,
      byHorizon,
    };
  });
}

/** The attribute value of each customer's first purchase line, per code (-1 without one). */
function firstValueByCustomer(
  lines: Lines,
  t: CustomerTable,
  col: Int32Array,
  opts: AggregateOptions,
): Int32Array {
  const out = new Int32Array(t.size).fill(-1);
  // Only the lines that count (as-of date, filters, duplicates), in customer/day order.
  for (const i of sortedLineIndex(lines, opts, t.size)) {
    const c = lines.customer[i];
    if (out[c] < 0 && t.isCustomer[c] && lines.day[i] === t.first[c] && !(lines.flags[i] & FLAG_RETURN))
      out[c] = col[i];
  }
  return out;
}

/** Index into HORIZONS of a horizon in months (the first one when it is not offered). */
export function horizonIndex(months: number): number {
  return Math.max(0, (HORIZONS as readonly number[]).indexOf(months));
}

/**
 * The customer codes (of `codes`) with the highest predicted CLV at horizon index h, or the most expected purchases
 * without a spend model; ties by code. The top list of the view and of the report.
 */
export function topCustomers(columns: ForecastColumns, codes: Int32Array, h: number, n = 20): number[] {
  const rank = columns.clv?.[h] ?? columns.expected[h];
  return Array.from(codes)
    .filter((c) => Number.isFinite(rank[c]))
    .sort((a, b) => rank[b] - rank[a] || a - b)
    .slice(0, n);
}

/**
 * The model scorecard at the calibration end (src/analytics/btyd/scorecard.ts): BG/NBD, Pareto/NBD, MBG/NBD and
 * the naive baseline on the holdout (calibration end, D], with the proposal. It does not depend on the chosen
 * model, the discount or the margin. Null without a calibration end before D.
 */
export function computeScorecard(
  occ: Occasions,
  D: number,
  settings: Pick<ForecastSettings, 'unit' | 'calibrationEnd'>,
  validationFit: FitReport | null = null,
): Scorecard | null {
  const calibrationEnd = settings.calibrationEnd;
  if (calibrationEnd === null || calibrationEnd >= D) return null;
  const summary = calibrationSummary(occ, calibrationEnd, settings.unit === 'week' ? 7 : 1);
  summary.endDay = D;
  const reuse = validationFit ? transactionFitOf(validationFit) : null;
  return modelScorecard(summary, { fits: reuse ? [reuse] : undefined });
}

/** The validation's fit (the same data, the same optimiser) back as a TransactionFit, so it is not refitted. */
function transactionFitOf(f: FitReport): TransactionFit | null {
  if (f.model === 'gammagamma') return null;
  const stdErrors = Object.fromEntries(Object.entries(f.stdErrors).map(([k, v]) => [k, v ?? NaN]));
  const fit = {
    params: f.params,
    logLikelihood: f.logLikelihood,
    converged: f.converged,
    iterations: f.iterations,
    evaluations: f.evaluations,
    stdErrors,
    hessianOk: Object.values(f.stdErrors).every((v) => v !== null),
  };
  return { model: f.model, fit } as unknown as TransactionFit;
}

/** `occasions`: the purchase occasions of the same lines and options, when the caller already has them. */
export function computeForecast(
  lines: Lines,
  table: CustomerTable,
  rfm: RfmResult,
  opts: AggregateOptions,
  settings: ForecastSettings,
  occasions?: Occasions,
): {
  report: ForecastReport;
  columns: ForecastColumns;
  /** The forecast fit's summary and result, for the intervals (absent when the fit failed). */
  fitted?: { summary: CalibrationSummary; result: ForecastSuccess };
  /** The validation fit's summary and result, for the holdout total's interval (absent without one). */
  validationFitted?: { summary: CalibrationSummary; result: ForecastSuccess };
} {
  const D = opts.asOf;
  const occ = occasions ?? purchaseOccasions(lines, opts);
  const validated =
    settings.calibrationEnd !== null && settings.calibrationEnd < D ? validateFit(occ, D, settings) : null;
  const validationFitted = validated?.fitted;
  const validation = validated?.report ?? null;
  const { summary, result } = run(occ, D, D, settings, false);
  const size = table.size;
  const columns: ForecastColumns = {
    pAlive: new Float64Array(size).fill(NaN),
    expected: HORIZONS.map(() => new Float64Array(size).fill(NaN)),
    clv: null,
  };
  let repeatCustomers = 0;
  for (let i = 0; i < summary.x.length; i++) if (summary.x[i] > 0) repeatCustomers++;
  const report: ForecastReport = {
    asOf: D,
    settings,
    hasAmount: summary.hasValues,
    customers: summary.x.length,
    repeatCustomers,
    validation,
    fit: null,
    failure: null,
    warnings: [],
    spend: null,
    horizons: [],
    pAliveHistogram: [],
    clvHistogram: null,
    bySegment: [],
    byAttribute: [],
  };
  if (!result.ok) return { report: { ...report, failure: failure(result) }, columns, validationFitted };

  const codes = summary.customer;
  codes.forEach((c, i) => (columns.pAlive[c] = result.pAlive[i]));
  result.horizons.forEach((h, j) =>
    codes.forEach((c, i) => (columns.expected[j][c] = h.expectedOccasions[i])),
  );
  const clvs = result.horizons.map((h) => h.clv);
  if (clvs.every((v) => v !== null)) {
    columns.clv = HORIZONS.map(() => new Float64Array(size).fill(NaN));
    clvs.forEach((v, j) => codes.forEach((c, i) => (columns.clv![j][c] = v![i])));
  }
  const pAliveHistogram = new Array<number>(10).fill(0);
  for (const p of result.pAlive) pAliveHistogram[Math.min(9, Math.floor(p * 10))]++;

  // Groups: the RFM segment at D, and each attribute's value on the customer's first purchase line.
  const segmentOfCode = new Int32Array(size).fill(-1);
  rfm.codes.forEach((c, i) => (segmentOfCode[c] = rfm.segment[i]));
  const first = result.horizons[0];
  const bySegment = groupMeans(
    Int32Array.from(codes, (c) => segmentOfCode[c]),
    [...SEGMENTS],
    result.pAlive,
    result.horizons,
  ).map((g) => ({ ...g, segment: g.key as Segment }));
  const byAttribute = Object.keys(lines.codes)
    .filter(isAttributeKey)
    .map((attribute) => {
      const firstValue = firstValueByCustomer(lines, table, lines.codes[attribute], opts);
      return {
        attribute,
        rows: groupMeans(
          Int32Array.from(codes, (c) => firstValue[c]),
          lines.dicts[attribute] ?? [],
          result.pAlive,
          result.horizons,
        ).filter((r) => r.customers > 0),
      };
    });

  const fit = fitReport(result.transactions.model, result.transactions.fit, summary.x.length);
  const dropoutKey = fit.model === 'paretonbd' ? 's' : 'a';
  const se = fit.stdErrors[dropoutKey];
  const weakDropout = se === null || se > fit.params[dropoutKey];
  return {
    report: {
      ...report,
      fit,
      warnings: weakDropout ? ['weakDropout'] : [],
      spend: spendReport(result),
      horizons: result.horizons.map((h) => ({
        months: h.months,
        expectedTotal: h.expectedOccasions.reduce((a, b) => a + b, 0),
        clvTotal: h.clvTotal,
        meanClv: h.clvTotal === null || codes.length === 0 ? null : h.clvTotal / codes.length,
      })),
      pAliveHistogram,
      clvHistogram: first.clv ? histogram(first.clv, 12) : null,
      bySegment,
      byAttribute,
    },
    columns,
    fitted: { summary, result },
    validationFitted,
  };
}
