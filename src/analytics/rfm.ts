/**
 * RFM scores and segments (METRICS.md, "RFM"). Scores 1..5 by the tie-safe rule 1 + floor(5 L / N), where L is the
 * number of customers with a strictly lower value: equal values always get the same score, so bins can be unequal.
 */
import type { CustomerTable } from './customers';

export const SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'newCustomers',
  'promising',
  'needAttention',
  'aboutToSleep',
  'cantLoseThem',
  'atRisk',
  'hibernating',
  'lost',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The segment of an (R, FM) cell, exactly as the table in METRICS.md. */
export function segmentOf(r: number, fm: number): Segment {
  if (r >= 4 && fm >= 4) return 'champions';
  if (r === 3 && fm >= 4) return 'loyal';
  if (r >= 4 && fm >= 2) return 'potentialLoyalists';
  if (r === 5) return 'newCustomers';
  if (r === 4) return 'promising';
  if (r === 3 && fm === 3) return 'needAttention';
  if (r === 3) return 'aboutToSleep';
  if (fm === 5) return 'cantLoseThem';
  if (fm >= 3) return 'atRisk';
  if (r === 2) return 'hibernating';
  return 'lost';
}

/** Scores 1..5 of `values` for the listed codes: 1 + floor(5 · (number strictly lower) / N). */
export function tieSafeScores(values: ArrayLike<number>, codes: Int32Array): Uint8Array {
  const n = codes.length;
  const sorted = Float64Array.from(codes, (c) => values[c]).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // L = how many values are strictly lower: the first index of this value in the sorted copy.
    const v = values[codes[i]];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = 1 + Math.floor((5 * lo) / n);
  }
  return scores;
}

export interface SegmentStats {
  segment: Segment;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  margin: number;
  meanRecencyDays: number;
  meanOrders: number;
  meanRevenue: number;
}

export interface RfmResult {
  asOf: number;
  /** Customer codes in the order of the score arrays. */
  codes: Int32Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  fm: Uint8Array;
  /** Index into SEGMENTS. */
  segment: Uint8Array;
  /** 5 × 5 grid [R - 1][FM - 1]: customers and revenue per cell. */
  grid: { customers: number; revenue: number }[][];
  segments: SegmentStats[];
}

export function computeRfm(t: CustomerTable): RfmResult {
  const list: number[] = [];
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c]) list.push(c);
  const codes = Int32Array.from(list);
  const n = codes.length;
  const negRecency = new Float64Array(t.size);
  for (const c of list) negRecency[c] = -(t.asOf - t.last[c]);
  const r = tieSafeScores(negRecency, codes);
  const f = tieSafeScores(t.orders, codes);
  const m = tieSafeScores(t.revenue, codes);
  const fm = new Uint8Array(n);
  const segment = new Uint8Array(n);
  const grid = Array.from({ length: 5 }, () =>
    Array.from({ length: 5 }, () => ({ customers: 0, revenue: 0 })),
  );
  const acc = SEGMENTS.map((s) => ({
    segment: s,
    customers: 0,
    revenue: 0,
    margin: 0,
    recency: 0,
    orders: 0,
  }));
  let totalRevenue = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    fm[i] = Math.floor((f[i] + m[i] + 1) / 2);
    const s = SEGMENTS.indexOf(segmentOf(r[i], fm[i]));
    segment[i] = s;
    const cell = grid[r[i] - 1][fm[i] - 1];
    cell.customers++;
    cell.revenue += t.revenue[c];
    const a = acc[s];
    a.customers++;
    a.revenue += t.revenue[c];
    a.margin += t.margin[c];
    a.recency += t.asOf - t.last[c];
    a.orders += t.orders[c];
    totalRevenue += t.revenue[c];
  }
  const segments = acc.map((a) => ({
    segment: a.segment,
    customers: a.customers,
    customerShare: n > 0 ? a.customers / n : 0,
    revenue: a.revenue,
    revenueShare: totalRevenue !== 0 ? a.revenue / totalRevenue : 0,
    margin: a.margin,
    meanRecencyDays: a.customers ? a.recency / a.customers : NaN,
    meanOrders: a.customers ? a.orders / a.customers : NaN,
    meanRevenue: a.customers ? a.revenue / a.customers : NaN,
  }));
  return { asOf: t.asOf, codes, r, f, m, fm, segment, grid, segments };
}
