/**
 * Margins and the contribution margin per customer (METRICS.md "Economics": margin of a line, return order,
 * contribution margin of a customer, unprofitable), historic up to D and predicted over the horizon.
 * Pure, over typed arrays: one pass over the lines builds the orders, one pass over the orders the customers.
 */
import type { ContributionResult, EconomicsReason } from '../../shared/economics';
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from '../customers';
import { FLAG_RETURN, type Lines } from '../lines';

/** The margin and cost settings as the figures use them (null: not set). */
export interface MarginSettings {
  /** Workspace gross margin in percent. */
  marginPercent: number | null;
  /** Gross margin in percent per category value. */
  marginByCategory: Record<string, number>;
  costPerOrder: number;
  costPerReturn: number;
  serviceCostPerTicket: number | null;
  serviceCostPerCustomerYear: number | null;
}

export type MarginSource = 'column' | 'category' | 'workspace' | 'none';

/** Channel and category names match trimmed and case-insensitively (docs/economics.md). */
export const nameKey = (s: string) => s.trim().toLocaleLowerCase('de');

/**
 * The orders of the lines in scope (METRICS "Terms": the lines sharing an order id; without one, a customer-day),
 * column-wise, grouped by customer in day order of their first line.
 */
export interface OrderList {
  n: number;
  customer: Int32Array;
  /** Day of the order's first line. */
  day: Int32Array;
  /** Net value (returns included). */
  net: Float64Array;
  /** Σ line margins (NaN-free; lines without a margin add 0 and are counted in `unpricedLines`). */
  margin: Float64Array;
  /** Purchase order: at least one purchase line and a net value ≥ 0. */
  purchase: Uint8Array;
  /** Return order: at least one return line. */
  hasReturn: Uint8Array;
  /** Where the line margins came from. */
  source: MarginSource;
  /** Lines in scope without any margin (no column value, no category rate, no workspace rate). */
  unpricedLines: number;
}

/** Which order codes are blank ids (1), once per order dictionary. */
const blanks = new WeakMap<readonly string[], Uint8Array>();

function blankOrders(dict: readonly string[]): Uint8Array {
  let out = blanks.get(dict);
  if (!out) {
    out = Uint8Array.from(dict, (o) => (o.trim() === '' ? 1 : 0));
    blanks.set(dict, out);
  }
  return out;
}

/** The margin rate (0..1, NaN: none) per category code. */
function categoryRates(lines: Lines, byCategory: Record<string, number>): Float64Array | null {
  const dict = lines.dicts.category;
  const col = lines.codes.category;
  const keys = Object.keys(byCategory);
  if (!dict || !col || keys.length === 0) return null;
  const rateOf = new Map(keys.map((k) => [nameKey(k), byCategory[k] / 100]));
  return Float64Array.from(dict, (v) => rateOf.get(nameKey(v)) ?? NaN);
}

/** Builds the orders of the lines in scope with their margins (the margin of a line per METRICS). */
export function buildOrders(lines: Lines, opts: AggregateOptions, s: MarginSettings): OrderList {
  const size = lines.dicts.customer?.length ?? 0;
  const idx = sortedLineIndex(lines, opts, size);
  const { customer, day, amount, flags, order } = lines;
  const marginCol = lines.margin;
  const catRates = categoryRates(lines, s.marginByCategory);
  const category = lines.codes.category ?? null;
  const workspace = s.marginPercent === null ? NaN : s.marginPercent / 100;
  const source: MarginSource = marginCol
    ? 'column'
    : catRates
      ? 'category'
      : s.marginPercent !== null
        ? 'workspace'
        : 'none';
  const blank = order ? blankOrders(lines.dicts.order ?? []) : null;
  const indexOfOrder = new Int32Array(order ? blank!.length : 0).fill(-1);
  const cap = idx.length;
  const oCustomer = new Int32Array(cap);
  const oDay = new Int32Array(cap);
  const oNet = new Float64Array(cap);
  const oMargin = new Float64Array(cap);
  const oPurchase = new Uint8Array(cap);
  const oReturn = new Uint8Array(cap);
  const buys = new Uint8Array(cap);
  let n = 0;
  let unpriced = 0;
  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    const d = day[idx[k]];
    // One customer-day: its blank-id lines form one order (created on first use).
    let dayOrder = -1;
    for (; k < idx.length; k++) {
      const i = idx[k];
      if (customer[i] !== c || day[i] !== d) break;
      let o: number;
      if (order !== null && blank![order[i]] === 0) {
        o = indexOfOrder[order[i]];
        if (o < 0) {
          o = indexOfOrder[order[i]] = n++;
          oCustomer[o] = c;
          oDay[o] = d;
        }
      } else {
        if (dayOrder < 0) {
          dayOrder = n++;
          oCustomer[dayOrder] = c;
          oDay[dayOrder] = d;
        }
        o = dayOrder;
      }
      const a = amount !== null ? amount[i] : 0;
      oNet[o] += a;
      if (flags[i] & FLAG_RETURN) oReturn[o] = 1;
      else buys[o] = 1;
      let m = marginCol !== null ? marginCol[i] : NaN;
      if (m !== m) {
        let rate = catRates !== null && category !== null ? catRates[category[i]] : NaN;
        if (rate !== rate) rate = workspace;
        if (rate === rate) m = a * rate;
        else {
          m = 0;
          unpriced++;
        }
      }
      oMargin[o] += m;
    }
  }
  for (let o = 0; o < n; o++) oPurchase[o] = buys[o] && oNet[o] >= -1e-9 ? 1 : 0;
  return {
    n,
    customer: oCustomer.subarray(0, n),
    day: oDay.subarray(0, n),
    net: oNet.subarray(0, n),
    margin: oMargin.subarray(0, n),
    purchase: oPurchase.subarray(0, n),
    hasReturn: oReturn.subarray(0, n),
    source,
    unpricedLines: unpriced,
  };
}

/** Whether the margin figures can be computed: a margin source and every line in scope priced. */
export function marginAvailable(orders: OrderList): boolean {
  return orders.source !== 'none' && orders.unpricedLines === 0;
}

/** Per customer code: Σ line margins, purchase orders, return orders and the first purchase order's net value. */
export interface CustomerOrders {
  lineMargin: Float64Array;
  purchaseOrders: Int32Array;
  returnOrders: Int32Array;
  /** Net value of the customer's first purchase order (NaN without one). */
  firstOrderValue: Float64Array;
}

export function customerOrders(orders: OrderList, size: number): CustomerOrders {
  const r: CustomerOrders = {
    lineMargin: new Float64Array(size),
    purchaseOrders: new Int32Array(size),
    returnOrders: new Int32Array(size),
    firstOrderValue: new Float64Array(size).fill(NaN),
  };
  const firstDay = new Int32Array(size).fill(0x7fffffff);
  for (let o = 0; o < orders.n; o++) {
    const c = orders.customer[o];
    r.lineMargin[c] += orders.margin[o];
    if (orders.hasReturn[o]) r.returnOrders[c]++;
    if (orders.purchase[o]) {
      r.purchaseOrders[c]++;
      // Orders of a customer come in day order of their first line; the earliest purchase order wins.
      if (orders.day[o] < firstDay[c]) {
        firstDay[c] = orders.day[o];
        r.firstOrderValue[c] = orders.net[o];
      }
    }
  }
  return r;
}

/** The service cost basis and the per-customer service cost up to D (METRICS contribution margin). */
export interface ServiceCost {
  basis: 'master' | 'tickets' | 'yearly' | 'none';
  /** Per customer code. */
  cost: Float64Array;
  /** Tickets per customer code (NaN: none known), or null without a tickets column. */
  tickets: Float64Array | null;
}

/**
 * Service cost: the master data's own service cost per customer when it has that column (docs/economics.md); else
 * tickets × cost per ticket when the master data has tickets and a cost per ticket is set; otherwise the yearly
 * cost × (D − first) / 365.25; otherwise none. A customer without a ticket count (or service cost) has 0.
 */
export function serviceCosts(
  table: CustomerTable,
  tickets: Float64Array | null,
  s: Pick<MarginSettings, 'serviceCostPerTicket' | 'serviceCostPerCustomerYear'>,
  masterCost: Float64Array | null = null,
): ServiceCost {
  const cost = new Float64Array(table.size);
  if (masterCost) {
    for (let c = 0; c < table.size; c++) {
      const v = masterCost[c];
      if (table.isCustomer[c] && v === v) cost[c] = v;
    }
    return { basis: 'master', cost, tickets };
  }
  if (tickets && s.serviceCostPerTicket !== null) {
    const per = s.serviceCostPerTicket;
    for (let c = 0; c < table.size; c++) {
      const t = tickets[c];
      if (table.isCustomer[c] && t === t) cost[c] = t * per;
    }
    return { basis: 'tickets', cost, tickets };
  }
  if (s.serviceCostPerCustomerYear !== null) {
    const per = s.serviceCostPerCustomerYear;
    for (let c = 0; c < table.size; c++)
      if (table.isCustomer[c]) cost[c] = (per * (table.asOf - table.first[c])) / 365.25;
    return { basis: 'yearly', cost, tickets };
  }
  return { basis: 'none', cost, tickets };
}

/** Contribution margin per customer code (0 for codes that are not customers). */
export function contributionMargins(
  table: CustomerTable,
  co: CustomerOrders,
  service: ServiceCost,
  s: Pick<MarginSettings, 'costPerOrder' | 'costPerReturn'>,
): Float64Array {
  const out = new Float64Array(table.size);
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    out[c] =
      co.lineMargin[c] -
      s.costPerOrder * co.purchaseOrders[c] -
      s.costPerReturn * co.returnOrders[c] -
      service.cost[c];
  }
  return out;
}

/** Value at quantile q (0..1) of sorted values (linear interpolation). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Customers per margin bin: `bins` equal-width bins from the 1st to the 99th percentile; the first bin also holds
 * everything below, the last everything above (their `from`/`to` are the minimum and the maximum).
 */
export function marginHistogram(sorted: Float64Array, bins = 20): ContributionResult['histogram'] {
  const n = sorted.length;
  if (n === 0) return [];
  const lo = quantileSorted(sorted, 0.01);
  const hi = quantileSorted(sorted, 0.99);
  if (!(hi > lo)) return [{ from: sorted[0], to: sorted[n - 1], customers: n }];
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, b) => ({
    from: lo + b * width,
    to: lo + (b + 1) * width,
    customers: 0,
  }));
  for (let i = 0; i < n; i++) {
    const b = Math.floor((sorted[i] - lo) / width);
    out[b < 0 ? 0 : b >= bins ? bins - 1 : b].customers++;
  }
  out[0].from = Math.min(out[0].from, sorted[0]);
  out[bins - 1].to = Math.max(out[bins - 1].to, sorted[n - 1]);
  return out;
}

/** The predicted part: the forecast's per-customer figures at the horizon (NaN where a code has none). */
export interface PredictedInputs {
  months: number;
  /** Revenue CLV (discounted, margin rate 1) per customer code, or null without a spend model. */
  clv: Float64Array | null;
  /** Expected purchase occasions over the horizon per customer code. */
  expected: Float64Array;
  pAlive: Float64Array;
  reason: EconomicsReason | null;
}

export interface ContributionInputs {
  table: CustomerTable;
  ids: readonly string[];
  co: CustomerOrders;
  service: ServiceCost;
  settings: MarginSettings;
  hasMargin: boolean;
  predicted: PredictedInputs;
}

/** The length of the worst list. */
const WORST = 20;

const emptyParts = () => ({ lineMargin: 0, orderCosts: 0, returnCosts: 0, serviceCosts: 0 });

/** Margin rate of the scope: Σ line margins / Σ revenue over the customers (null when revenue ≤ 0). */
export function scopeMarginRate(table: CustomerTable, co: CustomerOrders): number | null {
  let m = 0;
  let r = 0;
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    m += co.lineMargin[c];
    r += table.revenue[c];
  }
  return r > 0 ? m / r : null;
}

/**
 * The contribution-margin figures (METRICS "Economics"). Predicted (docs/economics.md): per customer, the margin
 * rate of the scope × the revenue CLV − (cost per order + cost per return × the scope's return orders per purchase
 * order) × expected purchases − the customer's yearly service cost × years of the horizon × P(alive).
 */
export function computeContribution(inp: ContributionInputs, margins: Float64Array): ContributionResult {
  const { table, co, service, settings, predicted } = inp;
  const reason: EconomicsReason | null = !table.hasAmount
    ? 'noAmount'
    : !inp.hasMargin
      ? 'noMargin'
      : table.count === 0
        ? 'noCustomers'
        : null;
  // Unavailable: no figure is 0. NaN says "not defined" (JSON null in the report), beside `available` and `reason`.
  const none = NaN;
  const empty: ContributionResult = {
    available: false,
    reason,
    customers: table.count,
    total: none,
    mean: none,
    median: none,
    parts: { lineMargin: none, orderCosts: none, returnCosts: none, serviceCosts: none },
    unprofitable: { count: none, share: none, revenue: none, revenueShare: none, margin: none },
    histogram: [],
    worst: [],
    predicted: { months: predicted.months, total: null, mean: null, reason },
  };
  if (reason) return empty;
  const parts = emptyParts();
  const values = new Float64Array(table.count);
  let total = 0;
  let revenue = 0;
  let count = 0;
  let bad = 0;
  let badRevenue = 0;
  let badMargin = 0;
  let purchaseOrders = 0;
  let returnOrders = 0;
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    const m = margins[c];
    values[count++] = m;
    total += m;
    revenue += table.revenue[c];
    parts.lineMargin += co.lineMargin[c];
    parts.orderCosts += settings.costPerOrder * co.purchaseOrders[c];
    parts.returnCosts += settings.costPerReturn * co.returnOrders[c];
    parts.serviceCosts += service.cost[c];
    purchaseOrders += co.purchaseOrders[c];
    returnOrders += co.returnOrders[c];
    if (m < 0) {
      bad++;
      badRevenue += table.revenue[c];
      badMargin += m;
    }
  }
  const sorted = values.slice().sort();
  // The 20 lowest margins below 0, lowest first (ties by code): one pass keeping a short sorted list.
  const worstCodes: number[] = [];
  for (let c = 0; c < table.size; c++) {
    const m = margins[c];
    if (!table.isCustomer[c] || !(m < 0)) continue;
    if (worstCodes.length === WORST && m >= margins[worstCodes[WORST - 1]]) continue;
    let at = worstCodes.length;
    while (at > 0 && margins[worstCodes[at - 1]] > m) at--;
    worstCodes.splice(at, 0, c);
    if (worstCodes.length > WORST) worstCodes.pop();
  }
  const worst = worstCodes.map((c) => ({
    customer: inp.ids[c],
    revenue: table.revenue[c],
    margin: margins[c],
    orders: co.purchaseOrders[c],
    returnOrders: co.returnOrders[c],
    tickets: service.tickets ? (service.tickets[c] === service.tickets[c] ? service.tickets[c] : 0) : null,
  }));
  return {
    available: true,
    reason: null,
    customers: count,
    total,
    mean: total / count,
    median: quantileSorted(sorted, 0.5),
    parts,
    unprofitable: {
      count: bad,
      share: bad / count,
      revenue: badRevenue,
      revenueShare: revenue !== 0 ? badRevenue / revenue : 0,
      margin: badMargin,
    },
    histogram: marginHistogram(sorted),
    worst,
    predicted: predictedContribution(inp, purchaseOrders > 0 ? returnOrders / purchaseOrders : 0),
  };
}

function predictedContribution(inp: ContributionInputs, returnRate: number): ContributionResult['predicted'] {
  const { table, co, service, settings, predicted: p } = inp;
  const months = p.months;
  if (p.reason || !p.clv) return { months, total: null, mean: null, reason: p.reason ?? 'noForecast' };
  const rate = scopeMarginRate(table, co);
  if (rate === null) return { months, total: null, mean: null, reason: 'noMargin' };
  const costPerPurchase = settings.costPerOrder + settings.costPerReturn * returnRate;
  const years = months / 12;
  let total = 0;
  let n = 0;
  for (let c = 0; c < table.size; c++) {
    const clv = p.clv[c];
    if (!table.isCustomer[c] || clv !== clv) continue;
    // Yearly basis: the yearly cost; tickets: the customer's ticket cost per year of tenure (at least one year).
    const servicePerYear =
      service.basis === 'yearly'
        ? (settings.serviceCostPerCustomerYear ?? 0)
        : service.cost[c] / Math.max(1, (table.asOf - table.first[c]) / 365.25);
    total += rate * clv - costPerPurchase * p.expected[c] - servicePerYear * years * p.pAlive[c];
    n++;
  }
  if (n === 0) return { months, total: null, mean: null, reason: 'noForecast' };
  return { months, total, mean: total / n, reason: null };
}
