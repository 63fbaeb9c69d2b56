/**
 * The worker side of the analyses: loads a dataset's columns once into memory (Lines), keeps the last datasets
 * cached, and caches results per (dataset, as-of, filters, settings), so that a new as-of date or filter
 * recomputes without re-reading chunks.
 */
import { attributeColumns } from '../shared/attributes';
import { AppFailure } from '../shared/errors';
import type { DatasetInfo } from '../shared/types';
import * as repo from '../storage/datasets';
import type { ColumnValues } from '../ingest/columnize';
import { parseDate } from '../ingest/normalize';
import { dayToIso } from '../shared/days';
import { dayRange, FLAG_DUPLICATE, FLAG_RETURN, linesFromColumns, type Lines } from '../analytics/lines';
import { customerAggregates, type CustomerTable } from '../analytics/customers';
import { computeKpis, type KpiResult } from '../analytics/kpis';
import { computeTrend, type TrendPoint } from '../analytics/trend';
import { computeCohorts, type CohortResult, type Grain } from '../analytics/cohorts';
import { compareSegments } from '../analytics/segments';
import { computeRfm, segmentOf, SEGMENTS, type RfmResult, type Segment } from '../analytics/rfm';

import { purchaseOccasions } from '../analytics/occasions';
import {
  computeEvidence,
  type Evidence,
  type UserFigures,
  type ValueStreamEvidence,
} from '../analytics/evidence';
import type { EvidenceKind } from '../analytics/selfcheck';
import {
  computeForecast,
  HORIZONS,
  horizonIndex,
  topCustomers,
  type ForecastColumns,
  type ForecastReport,
  type ForecastSettings,
} from '../analytics/forecast';

export interface AnalysisRequest {
  datasetId: number;
  /** YYYY-MM-DD; default: the last transaction date. */
  asOf?: string | null;
  /** Keep only lines where each listed attribute has one of the listed values (AND across attributes). */
  filters?: { attribute: string; values: string[] }[];
  marginRate?: number;
  cac?: number | null;
}

export interface AttributeInfo {
  key: string;
  label: string;
  values: string[];
}

export interface OverviewResult {
  asOf: string;
  firstDate: string;
  lastDate: string;
  customers: number;
  hasAmount: boolean;
  kpis: KpiResult;
  trend: TrendPoint[];
  attributes: AttributeInfo[];
  computeMs: number;
}

const MAX_DATASETS = 2;
const loaded = new Map<number, { info: DatasetInfo; lines: Lines }>();
const results = new Map<string, unknown>();

/** Reads every column of a dataset into one Lines object (cached). */
export async function loadLines(datasetId: number): Promise<{ info: DatasetInfo; lines: Lines }> {
  const hit = loaded.get(datasetId);
  if (hit) return hit;
  const info = await repo.getDataset(datasetId);
  if (!info) throw new AppFailure('notFound', 'Dataset not found.');
  const columns: Record<string, ColumnValues[]> = {};
  const dicts: Record<string, string[]> = {};
  for (const c of info.columns) {
    columns[c.key] = await repo.readColumn(datasetId, c.key);
    if (c.kind === 'code') dicts[c.key] = await repo.readDictionary(datasetId, c.key);
  }
  const entry = { info, lines: linesFromColumns(columns, dicts) };
  loaded.set(datasetId, entry);
  while (loaded.size > MAX_DATASETS) loaded.delete(loaded.keys().next().value!);
  return entry;
}

/** Forget everything (after workspaces or all data were deleted). */
export function forgetAll(): void {
  loaded.clear();
  results.clear();
  forecastColumns.clear();
}

/** Forget a dataset (after it was deleted or its options changed). */
export function forget(datasetId: number): void {
  loaded.delete(datasetId);
  for (const key of [...results.keys()]) if (key.startsWith(`${datasetId}|`)) results.delete(key);
  for (const key of [...forecastColumns.keys()])
    if (key.startsWith(`${datasetId}|`)) forecastColumns.delete(key);
}

function includeMask(lines: Lines, filters: AnalysisRequest['filters']): Uint8Array | null {
  if (!filters || filters.length === 0) return null;
  const mask = new Uint8Array(lines.n).fill(1);
  for (const f of filters) {
    const col = lines.codes[f.attribute];
    const dict = lines.dicts[f.attribute] ?? [];
    if (!col) throw new AppFailure('notFound', `No attribute ${f.attribute} in this dataset.`);
    const wanted = new Uint8Array(dict.length);
    for (const v of f.values) {
      const code = dict.indexOf(v);
      if (code >= 0) wanted[code] = 1;
    }
    for (let i = 0; i < lines.n; i++) if (!wanted[col[i]]) mask[i] = 0;
  }
  return mask;
}

/** The prepared inputs of one request: dataset, as-of date, line filter; aggregates are cached per key. */
async function prepare(req: AnalysisRequest) {
  const { info, lines } = await loadLines(req.datasetId);
  const [, last] = dayRange(lines);
  const asOf = req.asOf ? parseDate(req.asOf, 'iso') : last;
  if (Number.isNaN(asOf)) throw new AppFailure('unexpected', `Not a date: ${req.asOf}`);
  const opts = {
    asOf,
    dropDuplicates: info.options.dropDuplicates,
    include: includeMask(lines, req.filters),
    marginRate: req.marginRate ?? 0,
    cac: req.cac,
  };
  const base = `${req.datasetId}|${JSON.stringify([req.asOf, req.filters, req.marginRate, req.cac, info.options.dropDuplicates])}`;
  let table = results.get(`${base}|table`) as CustomerTable | undefined;
  if (!table) {
    table = customerAggregates(lines, opts);
    results.set(`${base}|table`, table);
  }
  return { info, lines, opts, table, base };
}

function cached<T>(key: string, compute: () => T): T {
  const hit = results.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const value = compute();
  results.set(key, value);
  return value;
}

export interface CohortRequest extends AnalysisRequest {
  grain?: Grain;
  groupBy?: string | null;
}

export async function cohorts(req: CohortRequest): Promise<CohortResult & { computeMs: number }> {
  const t0 = performance.now();
  const { lines, opts, table, base } = await prepare(req);
  const grain = req.grain ?? 'month';
  const groupBy = req.groupBy ?? null;
  const res = cached(`${base}|cohorts|${grain}|${groupBy}`, () =>
    computeCohorts(lines, table, { ...opts, grain, groupBy }),
  );
  return { ...res, computeMs: performance.now() - t0 };
}

export interface SegmentsResult {
  attribute: string;
  rows: { value: string; lines: number; customers: number; kpis: KpiResult['kpis'] }[];
  computeMs: number;
}

export async function segments(req: AnalysisRequest & { attribute: string }): Promise<SegmentsResult> {
  const t0 = performance.now();
  const { lines, opts, base } = await prepare(req);
  const cmp = cached(`${base}|segments|${req.attribute}`, () => compareSegments(lines, req.attribute, opts));
  return {
    attribute: cmp.attribute,
    rows: cmp.rows.map((r) => ({
      value: r.value,
      lines: r.lines,
      customers: r.result.customers,
      kpis: r.result.kpis,
    })),
    computeMs: performance.now() - t0,
  };
}

export interface RfmSummary {
  asOf: string;
  customers: number;
  grid: RfmResult['grid'];
  /** The segment of each cell [R - 1][FM - 1] (METRICS.md's table). */
  gridSegments: Segment[][];
  segments: RfmResult['segments'];
}

async function rfmOf(req: AnalysisRequest) {
  const p = await prepare(req);
  return { ...p, rfm: cached(`${p.base}|rfm`, () => computeRfm(p.table)) };
}

export async function rfm(req: AnalysisRequest): Promise<RfmSummary> {
  const { rfm: r, table, opts } = await rfmOf(req);
  const gridSegments = [1, 2, 3, 4, 5].map((rr) => [1, 2, 3, 4, 5].map((fm) => segmentOf(rr, fm)));
  return {
    asOf: dayToIso(opts.asOf),
    customers: table.count,
    grid: r.grid,
    gridSegments,
    segments: r.segments,
  };
}

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

export type ForecastResponse = ForecastReport & { top: TopCustomer[]; computeMs: number };

/** The last forecast per analysis base key, for the customer table: its columns at the chosen horizon. */
interface ShownForecast {
  id: number;
  months: number;
  pAlive: Float64Array;
  expected: Float64Array;
  clv: Float64Array | null;
}
const forecastColumns = new Map<string, ShownForecast>();
let forecastIds = 0;

function shown(columns: ForecastColumns, horizonMonths: number): ShownForecast {
  const h = horizonIndex(horizonMonths);
  return {
    id: ++forecastIds,
    months: HORIZONS[h],
    pAlive: columns.pAlive,
    expected: columns.expected[h],
    clv: columns.clv?.[h] ?? null,
  };
}

type Prepared = Awaited<ReturnType<typeof rfmOf>>;

/** The purchase occasions of a request (cached): the forecast and the self-check evidence share them. */
function occasionsOf(p: Prepared) {
  return cached(`${p.base}|occasions`, () => purchaseOccasions(p.lines, p.opts));
}

/** The forecast of a request at some settings (cached per settings). */
function forecastOf(p: Prepared, settings: ForecastSettings) {
  return cached(`${p.base}|forecast|${JSON.stringify(settings)}`, () =>
    computeForecast(p.lines, p.table, p.rfm, p.opts, settings, occasionsOf(p)),
  );
}

/** Fits and predicts (validation at the calibration end, forecast from D); cached per request. */
export async function forecast(
  req: ForecastRequest,
  onStage?: (stage: 'load' | 'fit') => void,
): Promise<ForecastResponse> {
  const t0 = performance.now();
  onStage?.('load');
  const p = await rfmOf(req);
  const calibrationEnd = req.calibrationEnd ? parseDate(req.calibrationEnd, 'iso') : null;
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
  const { report, columns } = forecastOf(p, settings);
  const show = shown(columns, req.horizonMonths);
  // A failed fit has no columns to add to the customer table.
  if (report.fit) forecastColumns.set(p.base, show);
  else forecastColumns.delete(p.base);
  const codes = topCustomers(columns, p.rfm.codes, horizonIndex(req.horizonMonths));
  const position = new Map(Array.from(p.rfm.codes, (c, i) => [c, i]));
  const ids = p.lines.dicts.customer ?? [];
  const top = codes.map((c) => ({
    code: c,
    id: ids[c],
    pAlive: columns.pAlive[c],
    expected: show.expected[c],
    clv: show.clv ? show.clv[c] : null,
    revenue: p.table.revenue[c],
    segment: SEGMENTS[p.rfm.segment[position.get(c)!]],
  }));
  return { ...report, top, computeMs: performance.now() - t0 };
}

export type CustomerSort = 'revenue' | 'orders' | 'recencyDays' | 'first' | 'id' | 'clv' | 'pAlive';

export interface CustomerRow {
  code: number;
  id: string;
  first: string;
  last: string;
  orders: number;
  revenue: number;
  recencyDays: number;
  r: number;
  f: number;
  m: number;
  segment: Segment;
  /** From the last forecast of the same dataset, as-of date and filters (null without one). */
  pAlive: number | null;
  expected: number | null;
  clv: number | null;
}

export interface CustomerPageRequest extends AnalysisRequest {
  sort: CustomerSort;
  descending: boolean;
  search: string;
  segment: Segment | null;
  offset: number;
  limit: number;
}

/** One page of the customer table, sorted and searched in the worker (the UI never holds all customers). */
export async function customerPage(
  req: CustomerPageRequest,
): Promise<{ total: number; rows: CustomerRow[]; forecastMonths: number | null }> {
  const { rfm: r, table: t, lines, base } = await rfmOf(req);
  const ids = lines.dicts.customer ?? [];
  const fc = forecastColumns.get(base) ?? null;
  // Sorting by a forecast column without a forecast for this as-of date and filter falls back to revenue.
  const byForecast = (req.sort === 'clv' || req.sort === 'pAlive') && fc !== null;
  if (!byForecast && (req.sort === 'clv' || req.sort === 'pAlive')) req = { ...req, sort: 'revenue' };
  const sortKey = `${base}|sort|${req.sort}|${req.descending}${byForecast && fc ? `|forecast${fc.id}` : ''}`;
  const forecastValue = (c: number) => {
    const col = req.sort === 'pAlive' ? fc!.pAlive : (fc!.clv ?? fc!.expected);
    const v = col[c];
    return Number.isFinite(v) ? v : -Infinity;
  };
  const order = cached(sortKey, () => {
    const codes = Array.from(r.codes);
    const key = (c: number): number | string =>
      req.sort === 'id'
        ? ids[c]
        : byForecast
          ? forecastValue(c)
          : req.sort === 'recencyDays'
            ? t.asOf - t.last[c]
            : req.sort === 'first'
              ? t.first[c]
              : req.sort === 'orders'
                ? t.orders[c]
                : t.revenue[c];
    codes.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const cmp = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
      return (req.descending ? -cmp : cmp) || a - b;
    });
    return Int32Array.from(codes);
  });
  const position = cached(`${base}|position`, () => {
    const pos = new Int32Array(t.size).fill(-1);
    r.codes.forEach((c, i) => (pos[c] = i));
    return pos;
  });
  const needle = req.search.trim().toLowerCase();
  const segIndex = req.segment ? SEGMENTS.indexOf(req.segment) : -1;
  const matches =
    needle === '' && segIndex < 0
      ? order
      : order.filter(
          (c) =>
            (needle === '' || ids[c].toLowerCase().includes(needle)) &&
            (segIndex < 0 || r.segment[position[c]] === segIndex),
        );
  const rows = Array.from(matches.subarray(req.offset, req.offset + req.limit), (c) => {
    const i = position[c];
    return {
      code: c,
      id: ids[c],
      first: dayToIso(t.first[c]),
      last: dayToIso(t.last[c]),
      orders: t.orders[c],
      revenue: t.revenue[c],
      recencyDays: t.asOf - t.last[c],
      r: r.r[i],
      f: r.f[i],
      m: r.m[i],
      segment: SEGMENTS[r.segment[i]],
      pAlive: fc && Number.isFinite(fc.pAlive[c]) ? fc.pAlive[c] : null,
      expected: fc && Number.isFinite(fc.expected[c]) ? fc.expected[c] : null,
      clv: fc?.clv && Number.isFinite(fc.clv[c]) ? fc.clv[c] : null,
    };
  });
  return { total: matches.length, rows, forecastMonths: fc?.months ?? null };
}

export interface TimelineEntry {
  date: string;
  order: string | null;
  amount: number | null;
  isReturn: boolean;
  product: string | null;
}

/** The lines of one customer up to D, oldest first: the order timeline of the detail panel. */
export async function customerTimeline(req: AnalysisRequest & { code: number }): Promise<TimelineEntry[]> {
  const { lines, opts } = await prepare(req);
  const out: { day: number; e: TimelineEntry }[] = [];
  const product = lines.codes.product;
  for (let i = 0; i < lines.n; i++) {
    if (lines.customer[i] !== req.code || lines.day[i] > opts.asOf) continue;
    if (opts.dropDuplicates && lines.flags[i] & FLAG_DUPLICATE) continue;
    out.push({
      day: lines.day[i],
      e: {
        date: dayToIso(lines.day[i]),
        order: lines.order ? (lines.dicts.order?.[lines.order[i]] ?? null) : null,
        amount: lines.amount ? lines.amount[i] : null,
        isReturn: (lines.flags[i] & FLAG_RETURN) !== 0,
        product: product ? (lines.dicts.product?.[product[i]] ?? null) : null,
      },
    });
  }
  return out.sort((a, b) => a.day - b.day).map((x) => x.e);
}

/** Benchmark: the full analysis from loaded columns, without caches, with the time of each part in ms. */
export async function timeFullAnalysis(req: AnalysisRequest): Promise<Record<string, number>> {
  const { lines } = await loadLines(req.datasetId);
  const [, last] = dayRange(lines);
  const opts = { asOf: req.asOf ? parseDate(req.asOf, 'iso') : last, marginRate: 0 };
  const t: Record<string, number> = {};
  let t0 = performance.now();
  const table = customerAggregates(lines, opts);
  t.aggregates = performance.now() - t0;
  t0 = performance.now();
  computeKpis(lines, opts, table);
  t.kpis = performance.now() - t0;
  t0 = performance.now();
  computeRfm(table);
  t.rfm = performance.now() - t0;
  t0 = performance.now();
  computeCohorts(lines, table, opts);
  t.cohorts = performance.now() - t0;
  t0 = performance.now();
  computeTrend(lines, table, opts);
  t.trend = performance.now() - t0;
  t.total = t.aggregates + t.kpis + t.rfm + t.cohorts + t.trend;
  t.customers = table.count;
  t.lines = lines.n;
  return t;
}

export interface DatasetMeta {
  firstDate: string;
  lastDate: string;
  attributes: AttributeInfo[];
}

function attributesOf(info: DatasetInfo, lines: Lines): AttributeInfo[] {
  return attributeColumns(info.columns).map((c) => ({
    key: c.key,
    label: c.label,
    values: lines.dicts[c.key] ?? [],
  }));
}

/** What the as-of and filter controls of every view need: the date range and the filterable attributes. */
export async function datasetMeta(datasetId: number): Promise<DatasetMeta> {
  const { info, lines } = await loadLines(datasetId);
  const [first, last] = dayRange(lines);
  return { firstDate: dayToIso(first), lastDate: dayToIso(last), attributes: attributesOf(info, lines) };
}

export async function overview(req: AnalysisRequest): Promise<OverviewResult> {
  const t0 = performance.now();
  const { info, lines, opts, table, base } = await prepare(req);
  return cached(`${base}|overview`, () => {
    const [first, last] = dayRange(lines);
    return {
      asOf: dayToIso(opts.asOf),
      firstDate: dayToIso(first),
      lastDate: dayToIso(last),
      customers: table.count,
      hasAmount: table.hasAmount,
      kpis: computeKpis(lines, opts, table),
      trend: computeTrend(lines, table, opts),
      attributes: attributesOf(info, lines),
      computeMs: performance.now() - t0,
    };
  });
}

export interface EvidenceRequest extends AnalysisRequest {
  user: UserFigures;
  /** Gross margin for the predicted CLV, in percent. */
  marginPercent: number;
  valueStream: ValueStreamEvidence | null;
}

/** The evidence of every self-check question from the dataset at D (with filters), the map and the user's figures. */
export async function selfCheckEvidence(req: EvidenceRequest): Promise<Record<EvidenceKind, Evidence>> {
  const p = await rfmOf(req);
  const kpis = cached(`${p.base}|kpis`, () => computeKpis(p.lines, p.opts, p.table));
  const cohorts = cached(`${p.base}|cohorts|month|null`, () =>
    computeCohorts(p.lines, p.table, { ...p.opts, grain: 'month', groupBy: null }),
  );
  const occasions = occasionsOf(p);
  const settings: ForecastSettings = {
    model: 'bgnbd',
    unit: 'week',
    calibrationEnd: null,
    monthlyDiscount: 0.01,
    marginRate: Math.min(100, Math.max(0, req.marginPercent)) / 100,
  };
  const forecast = p.table.hasAmount ? forecastOf(p, settings).report : null;
  return computeEvidence({
    lines: p.lines,
    table: p.table,
    rfm: p.rfm,
    kpis,
    cohorts,
    occasions,
    summary: p.info.summary,
    dropDuplicates: p.info.options.dropDuplicates,
    columns: p.info.columns.map((c) => c.key),
    forecast,
    valueStream: req.valueStream,
    user: req.user,
  });
}
