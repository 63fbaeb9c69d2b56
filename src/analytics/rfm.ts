/**
 * RFM scores and segments (METRICS.md, "RFM"). Scores 1..5 by the tie-safe rule 1 + floor(5 L / N), where L is the
 * number of customers with a strictly lower value: equal values always get the same score, so bins can be unequal.
 */
import type { CustomerTable } from './customers';
import { argsortFloat64 } from './sort';
import { SEGMENTS, type Segment } from '../shared/segments';

export { SEGMENTS, type Segment };

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
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = values[codes[i]];
  const order = argsortFloat64(keys);
  const scores = new Uint8Array(n);
  // L = how many values are strictly lower: the sorted position of the first value of each run of equal ones.
  let lower = 0;
  for (let j = 0; j < n; j++) {
    if (j > 0 && keys[order[j]] !== keys[order[j - 1]]) lower = j;
    scores[order[j]] = 1 + Math.floor((5 * lower) / n);
  }
  return scores;
}

export interface SegmentStats {
  segment: Segment;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  /** Σ margin of the segment's customers; null without a margin (CustomerTable.hasMargin), never 0 for it. */
  margin: number | null;
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

/** The segment index of each (R, FM) cell, [R - 1][FM - 1]. */
const SEGMENT_INDEX = [1, 2, 3, 4, 5].map((r) =>
  [1, 2, 3, 4, 5].map((fm) => SEGMENTS.indexOf(segmentOf(r, fm))),
);

export function computeRfm(t: CustomerTable): RfmResult {
  let n = 0;
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c]) n++;
  const codes = new Int32Array(n);
  for (let c = 0, i = 0; c < t.size; c++) if (t.isCustomer[c]) codes[i++] = c;
  const negRecency = new Float64Array(t.size);
  for (let i = 0; i < n; i++) negRecency[codes[i]] = -(t.asOf - t.last[codes[i]]);
  const r = tieSafeScores(negRecency, codes);
  const f = tieSafeScores(t.orders, codes);
  const m = tieSafeScores(t.revenue, codes);
  const fm = new Uint8Array(n);
  const segment = new Uint8Array(n);
  const cellCustomers = new Float64Array(25);
  const cellRevenue = new Float64Array(25);
  const S = SEGMENTS.length;
  const segCustomers = new Float64Array(S);
  const segRevenue = new Float64Array(S);
  const segMargin = new Float64Array(S);
  const segRecency = new Float64Array(S);
  const segOrders = new Float64Array(S);
  let totalRevenue = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    const fmi = (f[i] + m[i] + 1) >> 1;
    fm[i] = fmi;
    const s = SEGMENT_INDEX[r[i] - 1][fmi - 1];
    segment[i] = s;
    const cell = (r[i] - 1) * 5 + fmi - 1;
    const rev = t.revenue[c];
    cellCustomers[cell]++;
    cellRevenue[cell] += rev;
    segCustomers[s]++;
    segRevenue[s] += rev;
    segMargin[s] += t.margin[c];
    segRecency[s] += t.asOf - t.last[c];
    segOrders[s] += t.orders[c];
    totalRevenue += rev;
  }
  const grid = Array.from({ length: 5 }, (_, ri) =>
    Array.from({ length: 5 }, (_, fi) => ({
      customers: cellCustomers[ri * 5 + fi],
      revenue: cellRevenue[ri * 5 + fi],
    })),
  );
  const segments = SEGMENTS.map((segment, s) => {
    const k = segCustomers[s];
    return {
      segment,
      customers: k,
      customerShare: n > 0 ? k / n : 0,
      revenue: segRevenue[s],
      revenueShare: totalRevenue !== 0 ? segRevenue[s] / totalRevenue : 0,
      margin: t.hasMargin === false ? null : segMargin[s],
      meanRecencyDays: k ? segRecency[s] / k : NaN,
      meanOrders: k ? segOrders[s] / k : NaN,
      meanRevenue: k ? segRevenue[s] / k : NaN,
    };
  });
  return { asOf: t.asOf, codes, r, f, m, fm, segment, grid, segments };
}
