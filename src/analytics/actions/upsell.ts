/**
 * Upsell candidates (METRICS.md "Actions": Upsell candidate): F score ≥ 4 and the customer's own AOV (order value /
 * purchase orders) below the median own AOV of the customers of the same RFM segment (median of an even count =
 * mean of the two middle values).
 */
import type { CustomerTable } from '../customers';
import { SEGMENTS, type RfmResult, type Segment } from '../rfm';

export interface UpsellRow {
  code: number;
  segment: Segment;
  f: number;
  aov: number;
  segmentMedianAov: number;
  /** (segment median − own AOV) × purchase orders: the ranking key. */
  gap: number;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const v = [...values].sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** The upsell candidates, ranked by gap (highest first; equal gaps by customer code). */
export function upsellCandidates(t: CustomerTable, rfm: RfmResult): UpsellRow[] {
  const bySegment: number[][] = SEGMENTS.map(() => []);
  const aov = new Float64Array(rfm.codes.length).fill(NaN);
  rfm.codes.forEach((c, i) => {
    if (t.orders[c] > 0) {
      aov[i] = t.orderValue[c] / t.orders[c];
      bySegment[rfm.segment[i]].push(aov[i]);
    }
  });
  const medians = bySegment.map(median);
  const rows: UpsellRow[] = [];
  rfm.codes.forEach((c, i) => {
    const s = rfm.segment[i];
    if (rfm.f[i] < 4 || !(aov[i] < medians[s])) return;
    rows.push({
      code: c,
      segment: SEGMENTS[s],
      f: rfm.f[i],
      aov: aov[i],
      segmentMedianAov: medians[s],
      gap: (medians[s] - aov[i]) * t.orders[c],
    });
  });
  rows.sort((a, b) => b.gap - a.gap || a.code - b.code);
  return rows;
}
