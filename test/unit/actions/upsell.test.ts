import { describe, expect, it } from 'vitest';
import { upsellCandidates } from '../../../src/analytics/actions/upsell';
import { SEGMENTS, type RfmResult } from '../../../src/analytics/rfm';
import { code, makeLines, tableOf, type Row } from '../economics/fixture';

// Without order ids an order is a customer-day: own AOV = revenue / days.
//   A: 4 × 10 → AOV 10   B: 2 × 30 → 30   C: 1 × 50 → 50   E: 3 × 5 → 5
//   F: 2 × 15 → 15       G: 1 × 12 → 12   (all champions)       H: 1 × 20 → 20 (loyal, alone)
const orders: [string, number, number][] = [
  ['A', 4, 10],
  ['B', 2, 30],
  ['C', 1, 50],
  ['E', 3, 5],
  ['F', 2, 15],
  ['G', 1, 12],
  ['H', 1, 20],
];
const rows: Row[] = orders.flatMap(([c, k, a]) => Array.from({ length: k }, (_, d) => ({ c, d: d + 1, a })));
const LINES = makeLines(rows);
const T = tableOf(LINES, 10);

// The scores are given by hand: the rule is tested, not the scoring (tested in rfm.test.ts).
const F_SCORE: Record<string, number> = { A: 5, B: 4, C: 2, E: 3, F: 4, G: 4, H: 5 };
const codes = Int32Array.from(orders, ([c]) => code(LINES, c));
const n = codes.length;
const RFM: RfmResult = {
  asOf: 10,
  codes,
  r: new Uint8Array(n).fill(5),
  f: Uint8Array.from(orders, ([c]) => F_SCORE[c]),
  m: new Uint8Array(n).fill(5),
  fm: new Uint8Array(n).fill(5),
  segment: Uint8Array.from(orders, ([c]) => SEGMENTS.indexOf(c === 'H' ? 'loyal' : 'champions')),
  grid: [],
  segments: [],
};

describe('upsell candidates', () => {
  it('F ≥ 4 and AOV below the segment median; ranked by (median − AOV) × orders', () => {
    // Champions' AOVs 5, 10, 12, 15, 30, 50 → median (12 + 15) / 2 = 13.5.
    // A: F 5, 10 < 13.5 → gap 3.5 × 4 = 14. G: F 4, 12 < 13.5 → gap 1.5 × 1 = 1.5.
    // F: 15 is not below; E: below but F 3; B, C above. H: alone in loyal, 20 is its own median.
    const res = upsellCandidates(T, RFM);
    expect(res.map((r) => r.code)).toEqual([code(LINES, 'A'), code(LINES, 'G')]);
    expect(res[0]).toMatchObject({ segment: 'champions', f: 5, aov: 10, segmentMedianAov: 13.5, gap: 14 });
    expect(res[1].gap).toBeCloseTo(1.5, 12);
  });
});
