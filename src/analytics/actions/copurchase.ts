/**
 * Co-purchase over customers (not baskets), whitespace and the product journey (METRICS.md "Actions": Co-purchase,
 * Whitespace, Product journey). "Bought A" = at least one purchase line in A up to D; the revenue in B is the net
 * sum of the customer's lines in B, returns included. Purchase orders follow METRICS "Terms": an order (order id,
 * or customer-day without one) with a purchase line and a net value ≥ 0.
 */
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from '../customers';
import { FLAG_RETURN, type Lines } from '../lines';

export interface CoPurchase {
  /** Category (or product) labels; index = code. */
  labels: string[];
  /** Customers (the denominator of support). */
  customers: number;
  /** Customers who bought each category. */
  buyers: Float64Array;
  /** K × K: customers who bought A and B, at [A · K + B]. */
  both: Float64Array;
  /** K × K: revenue in B of the customers who bought A and B, at [A · K + B]. */
  revenueBoth: Float64Array;
}

/**
 * The codes whose label is blank (empty or spaces): a line without a category (or product) is not a column to sell
 * across, so it makes no buyer, no co-purchase and no matrix cross (docs/actions.md).
 */
export function blankCodes(labels: readonly string[]): Uint8Array {
  return Uint8Array.from(labels, (l) => (l.trim() === '' ? 1 : 0));
}

/** Customers × categories, from the lines that count up to D (as-of date, duplicates, filter of `opts`). */
export function coPurchase(lines: Lines, t: CustomerTable, key: string, opts: AggregateOptions): CoPurchase {
  const labels = lines.dicts[key] ?? [];
  const col = lines.codes[key];
  const K = labels.length;
  const size = t.size;
  const buyers = new Float64Array(K);
  const both = new Float64Array(K * K);
  const revenueBoth = new Float64Array(K * K);
  const out: CoPurchase = { labels, customers: t.count, buyers, both, revenueBoth };
  if (!col) return out;
  const blank = blankCodes(labels);
  const idx = sortedLineIndex(lines, opts, size);
  const { customer, amount, flags } = lines;
  const bought = new Uint8Array(K);
  const rev = new Float64Array(K);
  // stamp[g] = 1 + the last customer code that touched g.
  const stamp = new Int32Array(K);
  const touched: number[] = [];
  const list: number[] = [];
  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    for (; k < idx.length && customer[idx[k]] === c; k++) {
      const i = idx[k];
      const g = col[i];
      if (stamp[g] !== c + 1) {
        stamp[g] = c + 1;
        touched.push(g);
      }
      rev[g] += amount ? amount[i] : 0;
      if (!(flags[i] & FLAG_RETURN) && !blank[g]) bought[g] = 1;
    }
    if (t.isCustomer[c]) {
      for (const g of touched) if (bought[g]) list.push(g);
      for (const a of list) {
        buyers[a]++;
        for (const b of list) {
          both[a * K + b]++;
          revenueBoth[a * K + b] += rev[b];
        }
      }
    }
    for (const g of touched) {
      bought[g] = 0;
      rev[g] = 0;
    }
    touched.length = 0;
    list.length = 0;
  }
  return out;
}

export interface PairFigures {
  a: number;
  b: number;
  supportA: number;
  supportB: number;
  /** Customers who bought A and B / customers who bought A (NaN without buyers of A). */
  confidence: number;
  /** confidence / support(B) (NaN without buyers of A or B). */
  lift: number;
  /** Customers who bought A and not B. */
  whitespace: number;
  /** whitespace × confidence × mean revenue in B per customer among those who bought A and B (0 without such). */
  expectedRevenue: number;
}

export function pairFigures(cp: CoPurchase, a: number, b: number): PairFigures {
  const K = cp.labels.length;
  const n = cp.customers;
  const ab = cp.both[a * K + b];
  const supportA = n > 0 ? cp.buyers[a] / n : NaN;
  const supportB = n > 0 ? cp.buyers[b] / n : NaN;
  const confidence = cp.buyers[a] > 0 ? ab / cp.buyers[a] : NaN;
  const lift = supportB > 0 ? confidence / supportB : NaN;
  const whitespace = cp.buyers[a] - ab;
  const meanB = ab > 0 ? cp.revenueBoth[a * K + b] / ab : 0;
  const expectedRevenue = ab > 0 ? whitespace * confidence * meanB : 0;
  return { a, b, supportA, supportB, confidence, lift, whitespace, expectedRevenue };
}

/**
 * All ordered pairs A ≠ B with at least one whitespace customer, ranked by expected additional revenue; with
 * `byBuyers` (data without an amount column, where there is no revenue in B) by expected additional buyers =
 * whitespace × confidence.
 */
export function whitespaceRanking(cp: CoPurchase, byBuyers = false): PairFigures[] {
  const K = cp.labels.length;
  const out: PairFigures[] = [];
  for (let a = 0; a < K; a++)
    for (let b = 0; b < K; b++) {
      if (a === b) continue;
      const f = pairFigures(cp, a, b);
      if (f.whitespace > 0 && (byBuyers ? f.confidence > 0 : f.expectedRevenue > 0)) out.push(f);
    }
  const key = (f: PairFigures) => (byBuyers ? f.whitespace * f.confidence : f.expectedRevenue);
  out.sort((x, y) => key(y) - key(x) || x.a - y.a || x.b - y.b);
  return out;
}

/** The customer codes who bought A and not B. */
export function whitespaceCustomers(
  lines: Lines,
  t: CustomerTable,
  key: string,
  opts: AggregateOptions,
  a: number,
  b: number,
): Int32Array {
  const col = lines.codes[key];
  if (!col) return new Int32Array(0);
  const idx = sortedLineIndex(lines, opts, t.size);
  const out: number[] = [];
  let k = 0;
  while (k < idx.length) {
    const c = lines.customer[idx[k]];
    let hasA = false;
    let hasB = false;
    for (; k < idx.length && lines.customer[idx[k]] === c; k++) {
      const i = idx[k];
      if (lines.flags[i] & FLAG_RETURN) continue;
      if (col[i] === a) hasA = true;
      if (col[i] === b) hasB = true;
    }
    if (t.isCustomer[c] && hasA && !hasB) out.push(c);
  }
  return Int32Array.from(out);
}

export interface JourneyStep {
  from: number;
  to: number;
  customers: number;
}

interface OrderAcc {
  firstDay: number;
  firstPos: number;
  net: number;
  buys: boolean;
  byCategory: Map<number, number>;
}

/**
 * For customers with at least two purchase orders: (main category of the first purchase order, main category of
 * the second), counted and ranked by customers. Orders are put in order by their first day, then by their first
 * line; the main category is the one with the largest net value, the lower code on a tie (values equal up to
 * floating-point noise are a tie).
 */
export function productJourney(
  lines: Lines,
  t: CustomerTable,
  key: string,
  opts: AggregateOptions,
): JourneyStep[] {
  const col = lines.codes[key];
  if (!col) return [];
  const K = (lines.dicts[key] ?? []).length;
  const idx = sortedLineIndex(lines, opts, t.size);
  const { customer, day, amount, flags, order } = lines;
  const orderDict = lines.dicts.order ?? [];
  const counts = new Map<number, number>();
  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    const orders = new Map<string, OrderAcc>();
    for (; k < idx.length && customer[idx[k]] === c; k++) {
      const i = idx[k];
      const id = order && orderDict[order[i]].trim() !== '' ? 'o' + order[i] : 'd' + day[i];
      let acc = orders.get(id);
      if (!acc) {
        acc = { firstDay: day[i], firstPos: k, net: 0, buys: false, byCategory: new Map() };
        orders.set(id, acc);
      }
      const a = amount ? amount[i] : 0;
      acc.net += a;
      if (!(flags[i] & FLAG_RETURN)) acc.buys = true;
      acc.byCategory.set(col[i], (acc.byCategory.get(col[i]) ?? 0) + a);
    }
    if (!t.isCustomer[c]) continue;
    const purchase = [...orders.values()]
      .filter((o) => o.buys && o.net >= -1e-9)
      .sort((x, y) => x.firstDay - y.firstDay || x.firstPos - y.firstPos);
    if (purchase.length < 2) continue;
    const from = mainCategory(purchase[0].byCategory);
    const to = mainCategory(purchase[1].byCategory);
    counts.set(from * K + to, (counts.get(from * K + to) ?? 0) + 1);
  }
  const steps = [...counts].map(([p, n]) => ({ from: Math.floor(p / K), to: p % K, customers: n }));
  steps.sort((x, y) => y.customers - x.customers || x.from - y.from || x.to - y.to);
  return steps;
}

/** Net values within this relative distance are equal (floating-point noise: 3 × 38.40 vs 18 × 6.40). */
const TIE = 1e-9;

function mainCategory(byCategory: Map<number, number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (const [g, v] of byCategory) {
    const tie = best >= 0 && Math.abs(v - bestValue) <= TIE * Math.max(1, Math.abs(v), Math.abs(bestValue));
    if ((v > bestValue && !tie) || (tie && g < best)) {
      best = g;
      bestValue = v;
    }
  }
  return best;
}
