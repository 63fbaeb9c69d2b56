/**
 * Per-customer aggregates (METRICS.md, "Per customer"), built once per dataset, as-of date and filter.
 * Everything else (KPIs, RFM, cohorts, segments, forecasts) starts from here.
 *
 * Terms: a purchase line is a line that is not a return; a purchase occasion is a customer-day with at least one
 * purchase line and a net value ≥ 0; a purchase order is an order (order id, or customer-day without one) with at
 * least one purchase line and a net value ≥ 0. A customer is an id with at least one purchase occasion up to D.
 */
import { FLAG_DUPLICATE, FLAG_RETURN, customerDayOrder, type Lines } from './lines';

export interface AggregateOptions {
  /** As-of date D as a day number; lines after D are ignored. */
  asOf: number;
  /** Optional window start: lines on or before this day are ignored too, giving aggregates over (from, D]. */
  from?: number;
  /** Leave out lines flagged as exact duplicates. */
  dropDuplicates?: boolean;
  /** Keep only lines where include[i] is 1 (a global filter), if given. */
  include?: Uint8Array | null;
  /** Gross margin rate applied to revenue where no margin column exists (0..1). */
  marginRate?: number;
}

/** Column-wise per customer code (index = code in the customer dictionary). */
export interface CustomerTable {
  asOf: number;
  /** Number of customer codes (the dictionary size); not all of them are customers. */
  size: number;
  /** 1 where the code has at least one purchase occasion up to D. */
  isCustomer: Uint8Array;
  /** Number of customers (isCustomer = 1). */
  count: number;
  first: Int32Array;
  last: Int32Array;
  orders: Int32Array;
  /** Sum of the net values of the customer's purchase orders (the numerator of AOV). */
  orderValue: Float64Array;
  occasions: Int32Array;
  revenue: Float64Array;
  returns: Float64Array;
  margin: Float64Array;
  /**
   * Whether `margin` rests on a margin (a mapped cost or margin column, or a gross-margin rate above 0). Without one,
   * the margin figures are unavailable (METRICS "Economics": "no margin"), never 0. Absent: treated as available.
   */
  hasMargin?: boolean;
  /** Lines that entered the aggregates (after the as-of date, duplicate and filter rules). */
  lineCount: number;
  hasAmount: boolean;
  /**
   * The two years before D, for churn, frequency and revenue retention: the last year (D − 365, D] and the year
   * before (D − 730, D − 365]. Purchase occasions, purchase orders and revenue of each customer in each window.
   */
  lastYear: WindowStats;
  prevYear: WindowStats;
}

export interface WindowStats {
  occasions: Int32Array;
  orders: Int32Array;
  revenue: Float64Array;
}

function windowStats(size: number): WindowStats {
  return { occasions: new Int32Array(size), orders: new Int32Array(size), revenue: new Float64Array(size) };
}

/** Which order codes are blank ids (1), once per order dictionary. */
const blanks = new WeakMap<string[], Uint8Array>();

function blankOrders(dict: string[]): Uint8Array {
  let out = blanks.get(dict);
  if (!out) {
    out = new Uint8Array(dict.length);
    for (let o = 0; o < dict.length; o++) out[o] = dict[o].trim() === '' ? 1 : 0;
    blanks.set(dict, out);
  }
  return out;
}

/** All lines grouped by customer and sorted by day within a customer (two counting sorts), once per Lines. */
const sortedAll = new WeakMap<Lines, Int32Array>();

function allLinesSorted(lines: Lines, customers: number): Int32Array {
  const hit = sortedAll.get(lines);
  if (hit) return hit;
  let out: Int32Array;
  if (lines.sorted) {
    out = new Int32Array(lines.n);
    for (let i = 0; i < out.length; i++) out[i] = i;
  } else out = customerDayOrder(lines.customer, lines.day, customers);
  sortedAll.set(lines, out);
  return out;
}

/**
 * Indices of the lines that count (as-of date, window, duplicates, filter), grouped by customer and sorted by day
 * within a customer. The sort is done once per Lines; each request only filters it.
 */
export function sortedLineIndex(lines: Lines, opts: AggregateOptions, customers: number): Int32Array {
  // Aggregates, trend and cohorts of one request filter the same way: reuse the last few results.
  const memo = filtered.get(lines) ?? [];
  const hit = memo.find(
    (m) =>
      m.asOf === opts.asOf &&
      m.from === opts.from &&
      m.dropDuplicates === (opts.dropDuplicates === true) &&
      m.include === (opts.include ?? null),
  );
  if (hit) return hit.idx;
  const idx = filterSorted(lines, opts, customers);
  memo.unshift({
    asOf: opts.asOf,
    from: opts.from,
    dropDuplicates: opts.dropDuplicates === true,
    include: opts.include ?? null,
    idx,
  });
  filtered.set(lines, memo.slice(0, 4));
  return idx;
}

const filtered = new WeakMap<
  Lines,
  {
    asOf: number;
    from: number | undefined;
    dropDuplicates: boolean;
    include: Uint8Array | null;
    idx: Int32Array;
  }[]
>();

function filterSorted(lines: Lines, opts: AggregateOptions, customers: number): Int32Array {
  const all = allLinesSorted(lines, customers);
  const { day, flags } = lines;
  const from = opts.from ?? -Infinity;
  const include = opts.include ?? null;
  const dropDup = opts.dropDuplicates === true;
  const out = new Int32Array(all.length);
  let k = 0;
  for (let j = 0; j < all.length; j++) {
    const i = all[j];
    const d = day[i];
    if (d > opts.asOf || d <= from) continue;
    if (dropDup && flags[i] & FLAG_DUPLICATE) continue;
    if (include && !include[i]) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

export function customerAggregates(lines: Lines, opts: AggregateOptions): CustomerTable {
  const size = lines.dicts.customer?.length ?? 0;
  const idx = sortedLineIndex(lines, opts, size);
  const { customer, day, amount, flags, order } = lines;
  const marginCol = lines.margin;
  const rate = opts.marginRate ?? 0;
  const t: CustomerTable = {
    asOf: opts.asOf,
    size,
    isCustomer: new Uint8Array(size),
    count: 0,
    first: new Int32Array(size).fill(-2147483648),
    last: new Int32Array(size).fill(-2147483648),
    orders: new Int32Array(size),
    orderValue: new Float64Array(size),
    occasions: new Int32Array(size),
    revenue: new Float64Array(size),
    returns: new Float64Array(size),
    margin: new Float64Array(size),
    hasMargin: marginCol !== null || rate > 0,
    lineCount: idx.length,
    hasAmount: amount !== null,
    lastYear: windowStats(size),
    prevYear: windowStats(size),
  };
  const lastFrom = opts.asOf - 365;
  const prevFrom = opts.asOf - 730;
  // Window of a day: 1 = last year, 2 = the year before, 0 = neither.
  const windowOf = (d: number) => (d > lastFrom ? 1 : d > prevFrom ? 2 : 0);
  // Blank order ids are no order: such lines form customer-day orders, like a file without an order column.
  const orderDict = lines.dicts.order ?? [];
  const blankOrder = order ? blankOrders(orderDict) : null;
  // Orders with an order id: net value and whether any line is a purchase line, per order code.
  const orderCount = order ? (lines.dicts.order?.length ?? 0) : 0;
  const orderNet = new Float64Array(orderCount);
  const orderBuys = new Uint8Array(orderCount);
  const orderCust = new Int32Array(orderCount).fill(-1);
  // The same per window (an order is counted in a window by its lines in that window).
  const orderNetW = [null, new Float64Array(orderCount), new Float64Array(orderCount)];
  const orderBuysW = [null, new Uint8Array(orderCount), new Uint8Array(orderCount)];

  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    // One customer's lines, in day order.
    while (k < idx.length && customer[idx[k]] === c) {
      const d = day[idx[k]];
      const w = windowOf(d);
      let net = 0;
      let buys = false;
      let blankNet = 0;
      let blankBuys = false;
      while (k < idx.length && customer[idx[k]] === c && day[idx[k]] === d) {
        const i = idx[k];
        const a = amount ? amount[i] : 0;
        const isReturn = (flags[i] & FLAG_RETURN) !== 0;
        net += a;
        if (!isReturn) buys = true;
        else t.returns[c] += a < 0 ? -a : a;
        t.revenue[c] += a;
        if (marginCol) {
          const m = marginCol[i];
          t.margin[c] += m === m ? m : a * rate;
        } else t.margin[c] += a * rate;
        if (order) {
          const o = order[i];
          if (blankOrder![o]) {
            blankNet += a;
            if (!isReturn) blankBuys = true;
          } else {
            orderNet[o] += a;
            if (!isReturn) orderBuys[o] = 1;
            if (orderCust[o] < 0) orderCust[o] = c;
            if (w > 0) {
              orderNetW[w]![o] += a;
              if (!isReturn) orderBuysW[w]![o] = 1;
            }
          }
        }
        k++;
      }
      const win = w === 1 ? t.lastYear : w === 2 ? t.prevYear : null;
      if (win) win.revenue[c] += net;
      // Net value ≥ 0 (a tolerance of 1e-9 absorbs floating-point noise such as 0.1 + 0.2 - 0.3).
      if (buys && net >= -1e-9) {
        t.occasions[c]++;
        if (!order) t.orderValue[c] += net;
        if (t.first[c] === -2147483648) t.first[c] = d;
        t.last[c] = d;
        if (win) {
          win.occasions[c]++;
          if (!order) win.orders[c]++;
        }
      }
      if (blankBuys && blankNet >= -1e-9) {
        t.orders[c]++;
        t.orderValue[c] += blankNet;
        if (win) win.orders[c]++;
      }
    }
  }
  if (order) {
    for (let o = 0; o < orderCount; o++) {
      if (orderCust[o] < 0) continue;
      if (orderBuys[o] && orderNet[o] >= -1e-9) {
        t.orders[orderCust[o]]++;
        t.orderValue[orderCust[o]] += orderNet[o];
      }
      if (orderBuysW[1]![o] && orderNetW[1]![o] >= -1e-9) t.lastYear.orders[orderCust[o]]++;
      if (orderBuysW[2]![o] && orderNetW[2]![o] >= -1e-9) t.prevYear.orders[orderCust[o]]++;
    }
  } else {
    t.orders.set(t.occasions);
  }
  for (let c = 0; c < size; c++) {
    if (t.occasions[c] > 0) {
      t.isCustomer[c] = 1;
      t.count++;
    }
  }
  return t;
}
