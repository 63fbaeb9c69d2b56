/**
 * The action lists (METRICS.md "Actions"; choices in docs/actions.md): reactivation, due now, whitespace and upsell,
 * over a scope's customer table, its RFM, the forecast of the Economics view (`economicsForecastSettings`: BG/NBD in
 * weeks with Gamma-Gamma) and the workspace's master data (names, last-contact dates, tickets and service costs for
 * the contribution margin of METRICS "Economics"). Pure: the caller (the worker's shared list core, the report)
 * passes the scope in and memoises through `memo`.
 */
import type {
  ActionListQuery,
  ActionListSummary,
  ActionReason,
  ActionRow,
  ActionSort,
} from '../../shared/actions';
import type { RecordColumns } from '../../shared/economics';
import type { YourFigures } from '../../shared/figures';
import { SEGMENTS, type Segment } from '../../shared/segments';
import { dayToIso } from '../../shared/days';
import { NO_DAY } from '../../shared/columns';
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from '../customers';
import { FLAG_RETURN, type Lines } from '../lines';
import type { RfmResult } from '../rfm';
import type { ForecastColumns, ForecastReport, ForecastSettings } from '../forecast';
import { historyDays, reactivationRequirement } from '../sufficiency';
import { economicsForecastSettings, marginSettings, MASTER_KEYS } from '../economics/compute';
import {
  buildOrders,
  contributionMargins,
  customerOrders,
  marginAvailable,
  serviceCosts,
} from '../economics/margin';
import { joinMaster } from '../master-join';
import { calibrationSummary, type Occasions } from '../btyd/summary';
import { expectedSpend, type GammaGammaParams } from '../btyd/gammagamma';
import { inactiveCustomers, type InactiveRow } from './inactive';
import { nextOrders, type NextOrderRow } from './next-order';
import { upsellCandidates, type UpsellRow } from './upsell';
import { blankCodes, coPurchase, pairFigures, whitespaceCustomers, type CoPurchase } from './copurchase';
import {
  customerColumns,
  idRank,
  lastColumns,
  sortCodes,
  usualColumns,
  type CustomerColumns,
} from './matrix';

/** A scope as the lists read it. */
export interface ListsContext {
  lines: Lines;
  opts: AggregateOptions & { asOf: number };
  table: CustomerTable;
  rfm: () => RfmResult;
  occasions: () => Occasions;
  /** The forecast at some settings (the caller memoises it). */
  forecast: (settings: ForecastSettings) => { report: ForecastReport; columns: ForecastColumns };
  /** The workspace's customer master data, or null; `masterTag` names it in memo keys. */
  master: RecordColumns | null;
  masterTag: string;
  /** The caller's memo (the scope's). */
  memo: <T>(key: string, compute: () => T) => T;
}

/** A memo over a plain map (for callers without a scope, such as the report). */
export function mapMemo(): ListsContext['memo'] {
  const held = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (!held.has(key)) held.set(key, compute());
    return held.get(key) as T;
  };
}

/** A list in its scope: codes in list order (after segment, search and sort) and how to draw one row. */
export interface ActionList {
  summary: ActionListSummary;
  /** Customer codes of the list, in the order asked for. */
  codes: Int32Array;
  /** The row of one customer of the list. */
  row(code: number): ActionRow;
}

/** Products count as matrix columns up to this many (METRICS "Co-purchase"). */
export const MAX_PRODUCT_COLUMNS = 200;

// ---------------------------------------------------------------------------------------------------------------
// The parts a list rests on, each memoised in the scope.

interface MasterPart {
  names: (string | null)[] | null;
  /** Last-contact day per customer code (NaN: none known), or null without that column. */
  lastContact: Float64Array | null;
  tickets: Float64Array | null;
  serviceCost: Float64Array | null;
}

function masterPart(p: ListsContext): MasterPart {
  const d = p.master;
  return p.memo(`actions-master|${p.masterTag}`, () => {
    if (!d) return { names: null, lastContact: null, tickets: null, serviceCost: null };
    const { rowOf } = joinMaster(p.lines.dicts.customer ?? [], d);
    const perNumber = (col: ArrayLike<number> | undefined, missing?: number) => {
      if (!col) return null;
      const out = new Float64Array(rowOf.length).fill(NaN);
      for (let c = 0; c < rowOf.length; c++) {
        if (rowOf[c] < 0) continue;
        const v = col[rowOf[c]];
        if (v !== missing) out[c] = v;
      }
      return out;
    };
    const nameCodes = d.codes.name;
    const nameDict = d.dicts.name ?? [];
    const names = nameCodes
      ? Array.from(rowOf, (r) => (r >= 0 && nameDict[nameCodes[r]]?.trim() ? nameDict[nameCodes[r]] : null))
      : null;
    return {
      names,
      lastContact: perNumber(d.days.lastContact, NO_DAY),
      tickets: perNumber(d.numbers[MASTER_KEYS.tickets]),
      serviceCost: perNumber(d.numbers[MASTER_KEYS.serviceCost]),
    };
  });
}

interface ForecastPart {
  reason: ActionReason | null;
  pAlive: Float64Array | null;
  model: string | null;
  unit: string | null;
  /** Expected next order day and own rhythm (days) per customer code (NaN where none). */
  expectedDay: Float64Array | null;
  rhythm: Float64Array | null;
  due: NextOrderRow[];
  /** Every customer of the forecast (the due list with `dueAll`), in customer-code order. */
  all: NextOrderRow[];
  withSpend: boolean;
  /** The forecast's warnings (ForecastReport.warnings). */
  warnings: string[];
}

function forecastPart(p: ListsContext, figures: YourFigures): ForecastPart {
  const settings = economicsForecastSettings(figures);
  return p.memo(`actions-forecast|${JSON.stringify(settings)}`, () => {
    const none = (reason: ActionReason): ForecastPart => ({
      reason,
      pAlive: null,
      model: null,
      unit: null,
      expectedDay: null,
      rhythm: null,
      due: [],
      all: [],
      withSpend: false,
      warnings: [],
    });
    if (!p.table.hasAmount || p.table.count === 0) return none('noForecast');
    const fc = p.forecast(settings);
    const fit = fc.report.fit;
    if (!fit) return none('forecastFailed');
    // The calibration summary at D of the same fit (the forecast does not keep it).
    const s = calibrationSummary(p.occasions(), p.opts.asOf, settings.unit === 'week' ? 7 : 1);
    const pAliveRows = Float64Array.from(s.customer, (c) => fc.columns.pAlive[c]);
    const gg = fc.report.spend?.fit ? (fc.report.spend.fit.params as unknown as GammaGammaParams) : null;
    const spend = gg ? Float64Array.from(s.x, (x, i) => expectedSpend(gg, x, s.m[i])) : null;
    const result = nextOrders(s, { r: fit.params.r, alpha: fit.params.alpha }, pAliveRows, spend);
    const size = p.table.size;
    const expectedDay = new Float64Array(size).fill(NaN);
    const rhythm = new Float64Array(size).fill(NaN);
    for (const row of result.all) {
      expectedDay[row.code] = row.expectedDay;
      if (row.rhythmDays !== null) rhythm[row.code] = row.rhythmDays;
    }
    return {
      reason: null,
      pAlive: fc.columns.pAlive,
      model: fit.model,
      unit: settings.unit,
      expectedDay,
      rhythm,
      due: result.due,
      all: result.all,
      withSpend: result.withSpend,
      warnings: [...fc.report.warnings],
    };
  });
}

/** Margin (METRICS "Economics" contribution margin) as the value basis when one exists, else revenue. */
function valuePart(p: ListsContext, figures: YourFigures): { hasMargin: boolean; table: CustomerTable } {
  const { settings } = marginSettings(figures);
  const m = masterPart(p);
  // The orders and their margins under the Economics view's memo key: one pass over the lines for both views.
  const marginKey = `economics-orders|${JSON.stringify([settings.marginPercent, settings.marginByCategory])}`;
  return p.memo(`actions-value|${JSON.stringify(settings)}|${p.masterTag}`, () => {
    const { orders, co } = p.memo(marginKey, () => {
      const built = buildOrders(p.lines, p.opts, settings);
      return { orders: built, co: customerOrders(built, p.table.size) };
    });
    if (!marginAvailable(orders)) return { hasMargin: false, table: p.table };
    const service = serviceCosts(p.table, m.tickets, settings, m.serviceCost);
    const margin = contributionMargins(p.table, co, service, settings);
    return { hasMargin: true, table: { ...p.table, margin } };
  });
}

interface ColumnsPart {
  /** The cross-sell key, or null with its reason. */
  crossKey: 'category' | 'product' | null;
  crossReason: ActionReason | null;
  /** The matrix of the cross-sell key (null without one). */
  matrix: CustomerColumns | null;
  /** The columns of the rows' usual and last products: the matrix, or the products without bitsets. */
  rows: CustomerColumns | null;
}

/** The cross-sell key: category when the data has one, else product up to 200 products. */
/**
 * The products bought in scope (a purchase line up to D that passes the filter; a blank product is none): the count
 * the 200-product limit of METRICS "Co-purchase" is checked against (docs/actions.md).
 */
function productsBought(p: ListsContext): number {
  return p.memo('actions-products-bought', () => {
    const col = p.lines.codes.product!;
    const blank = blankCodes(p.lines.dicts.product ?? []);
    const seen = new Uint8Array(blank.length);
    let n = 0;
    for (const i of sortedLineIndex(p.lines, p.opts, p.table.size)) {
      const g = col[i];
      if (seen[g] || blank[g] || p.lines.flags[i] & FLAG_RETURN || !p.table.isCustomer[p.lines.customer[i]])
        continue;
      seen[g] = 1;
      n++;
    }
    return n;
  });
}

export function crossSellKeyOf(p: ListsContext): {
  key: 'category' | 'product' | null;
  reason: ActionReason | null;
} {
  if (p.lines.codes.category) return { key: 'category', reason: null };
  if (!p.lines.codes.product) return { key: null, reason: 'noCategory' };
  if (productsBought(p) > MAX_PRODUCT_COLUMNS) return { key: null, reason: 'tooManyProducts' };
  return { key: 'product', reason: null };
}

export function columnsPart(p: ListsContext): ColumnsPart {
  return p.memo('actions-columns', () => {
    const { key, reason } = crossSellKeyOf(p);
    const matrix = key ? customerColumns(p.lines, p.table, key, p.opts) : null;
    const rows =
      matrix ?? (p.lines.codes.product ? customerColumns(p.lines, p.table, 'product', p.opts, false) : null);
    return { crossKey: key, crossReason: reason, matrix, rows };
  });
}

/** The co-purchase counts of the cross-sell key (memoised). */
export function coPurchaseOf(p: ListsContext): CoPurchase | null {
  const { crossKey } = columnsPart(p);
  if (!crossKey) return null;
  return p.memo(`actions-copurchase|${crossKey}`, () => coPurchase(p.lines, p.table, crossKey, p.opts));
}

/** Segment index and F score per customer code (−1 / 0 for codes that are not customers). */
export function segmentsPart(p: ListsContext): { segment: Int8Array; f: Uint8Array } {
  return p.memo('actions-segments', () => {
    const r = p.rfm();
    const segment = new Int8Array(p.table.size).fill(-1);
    const f = new Uint8Array(p.table.size);
    r.codes.forEach((c, i) => {
      segment[c] = r.segment[i];
      f[c] = r.f[i];
    });
    return { segment, f };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The lists.

/** A list before segment, search and sort: members in the list's ranking and their row extras. */
interface BaseList {
  unavailable: ActionReason | null;
  codes: Int32Array;
  value: Map<number, number>;
  inactive: Map<number, InactiveRow> | null;
  upsell: Map<number, UpsellRow> | null;
  valueBasis: 'margin' | 'revenue' | null;
  withPAlive: boolean;
  withoutPAlive: number;
  contactCriterion: boolean;
  withSpend: boolean;
  /** Reactivation: days of data and days needed (with `tooShort`). */
  historyDays?: number;
  neededDays?: number;
}

const emptyBase = (unavailable: ActionReason | null): BaseList => ({
  unavailable,
  codes: new Int32Array(0),
  value: new Map(),
  inactive: null,
  upsell: null,
  valueBasis: null,
  withPAlive: false,
  withoutPAlive: 0,
  contactCriterion: false,
  withSpend: false,
});

/** The figures a list depends on: the margin and costs (reactivation) and the forecast's discount (both with P(alive)). */
function figuresKey(q: ActionListQuery, figures: YourFigures) {
  if (q.list === 'reactivation')
    return [marginSettings(figures).settings, economicsForecastSettings(figures)];
  if (q.list === 'due') return economicsForecastSettings(figures);
  return null;
}

/** The criteria that decide a list's members (not the segment, search or sort). */
function criteriaOf(q: ActionListQuery) {
  switch (q.list) {
    case 'reactivation':
      return { list: q.list, n: q.inactiveMonths ?? 12, m: q.contactMonths ?? 6 };
    case 'due':
      return { list: q.list, all: q.dueAll === true };
    case 'whitespace':
      return { list: q.list, pair: q.pair ?? null };
    default:
      return { list: q.list };
  }
}

function baseList(p: ListsContext, figures: YourFigures, q: ActionListQuery): BaseList {
  const key = `actions-base|${JSON.stringify([criteriaOf(q), figuresKey(q, figures), p.masterTag])}`;
  return p.memo(key, () => {
    if (p.table.count === 0) return emptyBase('noCustomers');
    switch (q.list) {
      case 'reactivation': {
        // The same data-sufficiency rule as the self-check's inactive customers (sufficiency.ts).
        const months = q.inactiveMonths ?? 12;
        const days = historyDays(p.lines, p.opts.asOf);
        const needed = reactivationRequirement(months);
        if (days < needed) return { ...emptyBase('tooShort'), historyDays: days, neededDays: needed };
        const fc = forecastPart(p, figures);
        const m = masterPart(p);
        const v = valuePart(p, figures);
        const r = inactiveCustomers(v.table, {
          months,
          contactMonths: q.contactMonths ?? 6,
          lastContact: m.lastContact,
          pAlive: fc.pAlive,
          hasMargin: v.hasMargin,
        });
        // Without an amount column there is no value at stake: ranked by days since the last purchase (longest
        // first, equal days by id), each row's value 0.
        const amounts = p.table.hasAmount;
        const rank = idRank(p.lines.dicts.customer ?? []);
        const rows = amounts
          ? r.rows
          : [...r.rows].sort(
              (x, y) => y.daysSincePurchase - x.daysSincePurchase || rank[x.code] - rank[y.code],
            );
        return {
          ...emptyBase(null),
          codes: Int32Array.from(rows, (x) => x.code),
          value: new Map(rows.map((x) => [x.code, amounts ? x.valueAtStake : 0])),
          inactive: new Map(rows.map((x) => [x.code, x])),
          valueBasis: amounts ? r.valueBasis : null,
          withPAlive: r.withPAlive,
          withoutPAlive: r.withoutPAlive,
          contactCriterion: m.lastContact !== null,
        };
      }
      case 'due': {
        const fc = forecastPart(p, figures);
        if (fc.reason) return emptyBase(fc.reason);
        // With `dueAll`: every customer of the forecast, in the order of their expected next order date.
        const rows = q.dueAll
          ? [...fc.all].sort((x, y) => x.expectedDay - y.expectedDay || x.code - y.code)
          : fc.due;
        return {
          ...emptyBase(null),
          codes: Int32Array.from(rows, (x) => x.code),
          value: new Map(rows.map((x) => [x.code, x.value])),
          withPAlive: true,
          withSpend: fc.withSpend,
        };
      }
      case 'whitespace': {
        const cols = columnsPart(p);
        if (!cols.crossKey) return emptyBase(cols.crossReason);
        const labels = p.lines.dicts[cols.crossKey] ?? [];
        const a = q.pair ? labels.indexOf(q.pair.a) : -1;
        const b = q.pair ? labels.indexOf(q.pair.b) : -1;
        if (a < 0 || b < 0 || a === b) return emptyBase('noPair');
        const f = pairFigures(coPurchaseOf(p)!, a, b);
        // Without an amount column: the chance that this customer buys B (confidence), summing to the expected
        // additional buyers of B; with one, the expected revenue in B.
        const each = !p.table.hasAmount
          ? f.confidence === f.confidence
            ? f.confidence
            : 0
          : f.whitespace > 0
            ? f.expectedRevenue / f.whitespace
            : 0;
        const rank = idRank(p.lines.dicts.customer ?? []);
        const codes = whitespaceCustomers(p.lines, p.table, cols.crossKey, p.opts, a, b).sort(
          (x, y) => rank[x] - rank[y],
        );
        return {
          ...emptyBase(null),
          codes,
          value: new Map(Array.from(codes, (c) => [c, each])),
        };
      }
      case 'upsell': {
        if (!p.table.hasAmount) return emptyBase('noAmount');
        const rows = upsellCandidates(p.table, p.rfm());
        return {
          ...emptyBase(null),
          codes: Int32Array.from(rows, (x) => x.code),
          value: new Map(rows.map((x) => [x.code, x.gap])),
          upsell: new Map(rows.map((x) => [x.code, x])),
        };
      }
    }
  });
}

/** Lowercased ids and names per customer code, once per scope and master data, for the search. */
function searchText(p: ListsContext): string[] {
  const m = masterPart(p);
  return p.memo(`actions-search|${p.masterTag}`, () =>
    (p.lines.dicts.customer ?? []).map((id, c) =>
      m.names?.[c] ? `${id}\u0000${m.names[c]}`.toLowerCase() : id.toLowerCase(),
    ),
  );
}

/** Codes of `codes` in the segment and matching the search (case-insensitive part of the id or the name). */
export function filterCodes(
  p: ListsContext,
  codes: Int32Array,
  segment: Segment | null | undefined,
  search: string | undefined,
): Int32Array {
  const needle = (search ?? '').trim().toLowerCase();
  const seg = segment ? SEGMENTS.indexOf(segment) : -1;
  if (needle === '' && seg < 0) return codes;
  const segOf = segmentsPart(p).segment;
  const text = needle === '' ? null : searchText(p);
  return codes.filter((c) => (seg < 0 || segOf[c] === seg) && (text === null || text[c].includes(needle)));
}

/** Default direction: descending for value, revenue, orders, last order and P(alive); ascending for id and date. */
const defaultDescending = (s: ActionSort) => s !== 'id' && s !== 'expectedNext';

/** The list of `query` in the scope of `p`. */
export function actionList(p: ListsContext, figures: YourFigures, query: ActionListQuery): ActionList {
  const base = baseList(p, figures, query);
  const fc = forecastPart(p, figures);
  const sort = query.sort ?? (query.list === 'due' && query.dueAll ? 'expectedNext' : 'value');
  const descending = query.descending ?? defaultDescending(sort);
  const key = `actions-list|${JSON.stringify([
    criteriaOf(query),
    figuresKey(query, figures),
    p.masterTag,
    query.segment ?? null,
    (query.search ?? '').trim().toLowerCase(),
    sort,
    descending,
  ])}`;
  const codes = p.memo(key, () => {
    const kept = filterCodes(p, base.codes, query.segment, query.search);
    const t = p.table;
    const rank = idRank(p.lines.dicts.customer ?? []);
    const sortKey: (c: number) => number =
      sort === 'id'
        ? (c) => rank[c]
        : sort === 'lastOrder'
          ? (c) => t.last[c]
          : sort === 'revenue'
            ? (c) => t.revenue[c]
            : sort === 'orders'
              ? (c) => t.orders[c]
              : sort === 'pAlive'
                ? (c) => (fc.pAlive ? fc.pAlive[c] : NaN)
                : sort === 'expectedNext'
                  ? (c) => (fc.expectedDay ? fc.expectedDay[c] : NaN)
                  : query.list === 'reactivation' && !t.hasAmount
                    ? (c) => t.asOf - t.last[c]
                    : (c) => base.value.get(c) ?? NaN;
    return sortCodes(kept, sortKey, rank, descending);
  });
  let valueTotal = 0;
  for (const c of codes) valueTotal += base.value.get(c) ?? 0;
  const summary: ActionListSummary = {
    list: query.list,
    total: codes.length,
    valueTotal,
    unavailable: base.unavailable,
    valueBasis: base.valueBasis,
    withPAlive: base.withPAlive,
    withoutPAlive: base.withoutPAlive,
    contactCriterion: base.contactCriterion,
    withSpend: base.withSpend,
    model: fc.model,
    unit: fc.unit,
    asOf: dayToIso(p.opts.asOf),
    forecastWarnings: fc.pAlive ? [...fc.warnings] : [],
    hasAmount: p.table.hasAmount,
  };
  if (base.historyDays !== undefined) {
    summary.historyDays = base.historyDays;
    summary.neededDays = base.neededDays;
  }
  return {
    summary,
    codes,
    row: (code) => {
      const row = baseRow(p, figures, code);
      row.value = base.value.get(code) ?? 0;
      const ia = base.inactive?.get(code);
      if (ia) {
        row.reasons = [...ia.reasons];
        row.yearlyValue = ia.yearlyValue;
      }
      const up = base.upsell?.get(code);
      if (up) {
        row.aov = up.aov;
        row.segmentMedianAov = up.segmentMedianAov;
      }
      return row;
    },
  };
}

function baseRow(p: ListsContext, figures: YourFigures, code: number): ActionRow {
  const t = p.table;
  const ids = p.lines.dicts.customer ?? [];
  const m = masterPart(p);
  const fc = forecastPart(p, figures);
  const cols = columnsPart(p).rows;
  const seg = segmentsPart(p);
  const label = (g: number) => cols!.labels[g];
  const inTable = code >= 0 && code < t.size && t.isCustomer[code] === 1;
  const pAlive = fc.pAlive && inTable ? fc.pAlive[code] : NaN;
  const next = fc.expectedDay && inTable ? fc.expectedDay[code] : NaN;
  const rhythm = fc.rhythm && inTable ? fc.rhythm[code] : NaN;
  const lc = m.lastContact && code < m.lastContact.length ? m.lastContact[code] : NaN;
  const s = inTable ? seg.segment[code] : -1;
  return {
    code,
    id: ids[code] ?? '',
    name: m.names?.[code] ?? null,
    segment: SEGMENTS[s >= 0 ? s : SEGMENTS.length - 1],
    firstOrder: inTable ? dayToIso(t.first[code]) : '',
    lastOrder: inTable ? dayToIso(t.last[code]) : '',
    daysSinceLast: inTable ? t.asOf - t.last[code] : NaN,
    orders: inTable ? t.orders[code] : 0,
    revenue: inTable ? t.revenue[code] : 0,
    usualProducts: cols && inTable ? usualColumns(cols, code).map(label) : [],
    lastProducts: cols && inTable ? lastColumns(cols, code).map(label) : [],
    pAlive: pAlive === pAlive ? pAlive : null,
    value: 0,
    reasons: [],
    yearlyValue: null,
    lastContact: lc === lc ? dayToIso(lc) : null,
    expectedNext: next === next ? dayToIso(Math.round(next)) : null,
    rhythmDays: rhythm === rhythm ? rhythm : null,
    aov: null,
    segmentMedianAov: null,
    f: inTable ? seg.f[code] : 0,
  };
}

/**
 * The row of any customer of the scope, without a list's value (value 0, reasons empty): the fields a campaign's
 * messages are filled from (last products, usual products, days since the last order, orders, revenue, name).
 */
export function customerRow(p: ListsContext, figures: YourFigures, code: number): ActionRow {
  return baseRow(p, figures, code);
}
