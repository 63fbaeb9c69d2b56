/**
 * The headless report: the same ingest and analytics modules as the app, run in Node on one file, as one JSON
 * document. Schema: docs/report-schema.md.
 */
import type { YourFigures } from '../shared/figures';
import { readSample, sniff } from '../ingest/sniff';
import { defaultOptions, proposeImport } from '../ingest/mapping';
import { RecordSink } from '../ingest/record-sink';
import { sourceById } from '../ingest/sources/registry';
import { runImport } from '../ingest/import';
import { MemorySink } from '../ingest/memory-sink';
import type { ByteSource } from '../ingest/parse';
import { dayToIso, isoToDay } from '../shared/days';
import type { ImportOptions, ImportSummary } from '../shared/types';
import type { ColumnValues } from '../shared/columns';
import type { RecordColumns, RecordSourceId } from '../shared/economics';
import { economicsSection, type EconomicsSection, type EconomicsConfig } from './economics';
import { actionsSection, type ActionsSection } from './actions';
import { intervalsSection, type IntervalsSection } from './intervals';
import { dayRange, linesFromColumns, type Lines } from '../analytics/lines';
import { customerAggregates } from '../analytics/customers';
import { computeKpis, type KpiResult } from '../analytics/kpis';
import { computeRfm, SEGMENTS } from '../analytics/rfm';
import { computeCohorts, type CohortResult } from '../analytics/cohorts';
import { computeTrend, type TrendPoint } from '../analytics/trend';
import { compareSegments, segmentAttributes } from '../analytics/segments';
import type { Scorecard } from '../analytics/btyd/scorecard';
import { purchaseOccasions } from '../analytics/occasions';
import {
  computeForecast,
  computeScorecard,
  horizonIndex,
  topCustomers,
  type FitReport,
  type ForecastReport,
  type ForecastSettings,
  type TimeUnit,
} from '../analytics/forecast';

export interface ReportConfig {
  /** Overrides of the proposed import options (column roles by index, formats, currency, …). */
  options?: Partial<ImportOptions>;
  /** As-of date D (YYYY-MM-DD); default: the last transaction date. */
  asOf?: string;
  /** Gross margin rate for margin figures where no cost or margin column is mapped (default 0). */
  marginRate?: number;
  /** CAC for the simple CLV formula (default 0, reported as not entered). */
  cac?: number;
  /** Fit the BTYD models and add `models` and `forecast`. */
  forecast?: {
    /** YYYY-MM-DD; default: D (no holdout). The `models` are the fits on the data up to this date. */
    calibrationEnd?: string;
    timeUnit?: TimeUnit;
    /** The horizon of `forecast.top` (12 or 36; both horizons are always in `forecast.horizons`). */
    horizonMonths?: number;
    /** Monthly discount rate (default 0.01). */
    discount?: number;
    /** Margin rate for the predicted CLV (default: marginRate, or 1 = on revenue when that is not given). */
    clvMarginRate?: number;
  };
  /**
   * The economics section (always computed): "your figures" (with their cost settings), the customer master file
   * and the spend files (imported with the app's customer and spend sources), the CAC period and the horizon.
   */
  economics?: EconomicsConfig;
}

/**
 * The report's config with "your figures" (the JSON the app's "Your figures" card downloads: CAC in the currency,
 * margin in percent) filled in where no flag set them: `--cac` and `--margin` stay overrides.
 */
export function withFigures(config: ReportConfig, figures: Partial<YourFigures>): ReportConfig {
  const out = { ...config };
  const cac = figures.cac;
  const margin = figures.marginPercent;
  if (out.cac === undefined && typeof cac === 'number' && Number.isFinite(cac) && cac >= 0) out.cac = cac;
  if (out.marginRate === undefined && typeof margin === 'number' && margin >= 0 && margin <= 100)
    out.marginRate = margin / 100;
  return out;
}

export interface ModelReport {
  params: Record<string, number>;
  logLikelihood: number;
  converged: boolean;
  stdErrors: Record<string, number | null>;
  iterations: number;
  evaluations: number;
  customers: number;
}

/** `models`: each model's fit on the data up to the calibration end, or why it failed. */
export type ModelsSection = Record<
  'bgnbd' | 'paretonbd' | 'mbgnbd' | 'gammagamma',
  ModelReport | { failure: string }
>;

export interface ReportDocument {
  schema: 'kundenwert-report/1';
  file: string;
  asOf: string;
  options: ImportOptions;
  import: ImportSummary;
  kpis: Omit<KpiResult, 'asOf' | 'lorenz' | 'topCustomers'> & { lorenz: KpiResult['lorenz'] };
  rfm: { segments: ReturnType<typeof computeRfm>['segments']; grid: ReturnType<typeof computeRfm>['grid'] };
  cohorts: Omit<CohortResult, 'asOf' | 'eligible'>;
  trend: TrendPoint[];
  segments: {
    attribute: string;
    rows: { value: string; lines: number; customers: number; kpis: KpiResult['kpis'] }[];
  }[];
  models?: ModelsSection;
  /**
   * BG/NBD, Pareto/NBD, MBG/NBD and the naive baseline on the holdout (calibration end, D], with the proposed
   * model; null without a calibration end before D.
   */
  scorecard?: Scorecard | null;
  /** The BG/NBD forecast from D (and its validation when a calibration end before D is given). */
  forecast?: ForecastReport & {
    /** The 20 customers with the highest predicted CLV (expected purchases without amounts) at `horizonMonths`. */
    top: { id: string; pAlive: number; expected: number; clv: number | null; revenue: number }[];
    horizonMonths: number;
  };
  /**
   * 80 % and 95 % bands of the BG/NBD forecast's totals, RFM segments and holdout total, or the reason code when
   * there are none; see docs/report-schema.md.
   */
  intervals?: IntervalsSection;
  /** Every economics figure (METRICS "Economics"), each with its definition id; see docs/report-schema.md. */
  economics: EconomicsSection;
  /** The action lists, co-purchase lifts, whitespace and journey (METRICS "Actions"); see docs/report-schema.md. */
  actions: ActionsSection;
}

function modelReport(
  fit: FitReport | null | undefined,
  failure: string | undefined,
): ModelReport | { failure: string } {
  if (!fit) return { failure: failure ?? 'not fitted' };
  const { params, logLikelihood, converged, stdErrors, iterations, evaluations, customers } = fit;
  return { params, logLikelihood, converged, stdErrors, iterations, evaluations, customers };
}

/** Lines from what the import wrote (chunks in order) and its dictionaries. */
export function linesFromSink(sink: MemorySink, dictionaries: Record<string, string[]>): Lines {
  const columns: Record<string, ColumnValues[]> = {};
  for (const chunk of sink.chunks) {
    for (const [key, values] of Object.entries(chunk.columns)) (columns[key] ??= []).push(values);
  }
  return linesFromColumns(columns, dictionaries);
}

/** Sniffs and imports a file in memory with the proposed (or overridden) options: the app's import, in Node. */
export async function importToLines(
  source: ByteSource,
  fileName: string,
  overrides: Partial<ImportOptions> = {},
) {
  // As the app does: a longer sample when the first rows are long (else a wide first row reads as "no data").
  const head = await readSample(source.size, (n) => source.read(0, n));
  const sniffed = sniff(head, fileName, source.size);
  const options: ImportOptions = { ...defaultOptions(sniffed), ...overrides };
  const sink = new MemorySink();
  const imported = await runImport(source, options, sniffed.headers, sink);
  return { options, imported, lines: linesFromSink(sink, imported.dictionaries) };
}

/**
 * Sniffs and imports a record file (customer master data or marketing spend) in memory, as the app's import does:
 * the mapping proposed for the source (or overridden), the rows joined column-wise by the record sink.
 */
export async function importRecords(
  source: ByteSource,
  fileName: string,
  kind: RecordSourceId,
  overrides: Partial<ImportOptions> = {},
): Promise<{ options: ImportOptions; summary: ImportSummary; data: RecordColumns }> {
  const head = await readSample(source.size, (n) => source.read(0, n));
  const sniffed = sniff(head, fileName, source.size);
  const options: ImportOptions = { ...proposeImport(sniffed, sourceById(kind)).options, ...overrides };
  const sink = new RecordSink();
  const res = await runImport(source, options, sniffed.headers, sink);
  return { options, summary: res.summary, data: sink.columns(res.columns, res.dictionaries) };
}

export async function buildReport(
  source: ByteSource,
  fileName: string,
  config: ReportConfig = {},
): Promise<ReportDocument> {
  const { options, imported, lines } = await importToLines(source, fileName, config.options);
  const asOf = config.asOf ? isoToDay(config.asOf) : dayRange(lines)[1];
  if (Number.isNaN(asOf)) throw new Error(`--as-of must be a date like 2011-12-09, not "${config.asOf}"`);
  const opts = {
    asOf,
    dropDuplicates: options.dropDuplicates,
    marginRate: config.marginRate ?? 0,
    cac: config.cac,
  };
  const table = customerAggregates(lines, opts);
  const kpis = computeKpis(lines, opts, table);
  const rfm = computeRfm(table);
  const cohorts = computeCohorts(lines, table, opts);
  let forecastPart: Pick<ReportDocument, 'models' | 'forecast' | 'scorecard' | 'intervals'> = {};
  if (config.forecast) {
    const f = config.forecast;
    const calibrationEnd = f.calibrationEnd ? isoToDay(f.calibrationEnd) : asOf;
    if (Number.isNaN(calibrationEnd))
      throw new Error(`--calibration-end must be a date like 1997-09-30, not "${f.calibrationEnd}"`);
    const settings = (model: ForecastSettings['model']): ForecastSettings => ({
      model,
      unit: f.timeUnit ?? 'day',
      calibrationEnd,
      monthlyDiscount: f.discount ?? 0.01,
      marginRate: f.clvMarginRate ?? config.marginRate ?? 1,
    });
    const bgRun = computeForecast(lines, table, rfm, opts, settings('bgnbd'));
    const bg = bgRun.report;
    const horizonMonths = f.horizonMonths ?? 12;
    const h = horizonIndex(horizonMonths);
    const ids = lines.dicts.customer ?? [];
    const top = topCustomers(bgRun.columns, rfm.codes, h).map((c) => ({
      id: ids[c],
      pAlive: bgRun.columns.pAlive[c],
      expected: bgRun.columns.expected[h][c],
      clv: bgRun.columns.clv ? bgRun.columns.clv[h][c] : null,
      revenue: table.revenue[c],
    }));
    const occ = purchaseOccasions(lines, opts);
    const pn = computeForecast(lines, table, rfm, opts, settings('paretonbd'), occ).report;
    const mbg = computeForecast(lines, table, rfm, opts, settings('mbgnbd'), occ).report;
    // The fits at the calibration end: the validation fits, or the forecast fits when it is D.
    const atCalibration = (r: ForecastReport) =>
      r.validation
        ? { fit: r.validation.fit, failure: r.validation.failure?.code, spend: r.validation.spend }
        : { fit: r.fit, failure: r.failure?.code, spend: r.spend };
    const b = atCalibration(bg);
    const p = atCalibration(pn);
    const m = atCalibration(mbg);
    forecastPart = {
      models: {
        bgnbd: modelReport(b.fit, b.failure),
        paretonbd: modelReport(p.fit, p.failure),
        mbgnbd: modelReport(m.fit, m.failure),
        gammagamma: modelReport(
          b.spend?.fit,
          b.spend?.failure?.code ?? (b.spend ? undefined : 'no spend model'),
        ),
      },
      scorecard: computeScorecard(occ, opts.asOf, settings('bgnbd'), bg.validation?.fit ?? null),
      forecast: { ...bg, top, horizonMonths },
      intervals: intervalsSection(bg, settings('bgnbd'), rfm, bgRun.fitted, bgRun.validationFitted),
    };
  }
  const economics = economicsSection({
    lines,
    opts,
    table,
    rfm,
    kpis,
    currency: options.currency,
    marginRate: config.marginRate,
    cac: config.cac,
    config: config.economics ?? {},
  });
  const actions = actionsSection({
    lines,
    opts,
    table,
    rfm,
    figures: economics.figures,
    master: config.economics?.customers?.data ?? null,
  });
  return {
    schema: 'kundenwert-report/1',
    file: fileName,
    asOf: dayToIso(asOf),
    options,
    import: imported.summary,
    kpis: {
      customers: kpis.customers,
      historyDays: kpis.historyDays,
      kpis: kpis.kpis,
      cac: kpis.cac,
      cacFromSettings: kpis.cacFromSettings,
      lorenz: kpis.lorenz,
    },
    rfm: { segments: rfm.segments, grid: rfm.grid },
    cohorts: {
      grain: cohorts.grain,
      groupBy: cohorts.groupBy,
      cohorts: cohorts.cohorts,
      periods: cohorts.periods,
      activeShare: cohorts.activeShare,
      revenue: cohorts.revenue,
      revenuePerCustomer: cohorts.revenuePerCustomer,
      cumulativeRevenuePerCustomer: cohorts.cumulativeRevenuePerCustomer,
      revenueRetention: cohorts.revenueRetention,
      incomplete: cohorts.incomplete,
      hasAmount: cohorts.hasAmount,
    },
    trend: computeTrend(lines, table, opts),
    segments: segmentAttributes(lines).map((attribute) => ({
      attribute,
      rows: compareSegments(lines, attribute, opts).rows.map((r) => ({
        value: r.value,
        lines: r.lines,
        customers: r.result.customers,
        kpis: r.result.kpis,
      })),
    })),
    ...forecastPart,
    economics,
    actions,
  };
}

export { SEGMENTS };
