import { describe, expect, it } from 'vitest';
import { medianTimeToNext, nextOrders } from '../../../src/analytics/actions/next-order';
import type { CalibrationSummary } from '../../../src/analytics/btyd/summary';

// Weeks (unitDays 7), D = day 1000, r = 1, α = 2.
function summary(rows: [x: number, tx: number, T: number][]): CalibrationSummary {
  const n = rows.length;
  return {
    unitDays: 7,
    calibrationEndDay: 1000,
    endDay: 1000,
    hasValues: true,
    customer: Int32Array.from(rows, (_, i) => 10 + i),
    x: Int32Array.from(rows, (r) => r[0]),
    tx: Float64Array.from(rows, (r) => r[1]),
    T: Float64Array.from(rows, (r) => r[2]),
    m: new Float64Array(n).fill(NaN),
    holdout: new Int32Array(n),
    firstDay: Int32Array.from(rows, (r) => 1000 - r[2] * 7),
  };
}

const S = summary([
  [3, 6, 10], // rhythm 6/3 = 2 weeks = 14 d, since last (10 − 6) · 7 = 28 d
  [1, 4, 5], // rhythm 28 d, since last 7 d: not overdue
  [0, 0, 8], // x = 0: no rhythm
  [2, 2, 6], // rhythm 7 d, since last 28 d, but P(alive) 0.4
  [2, 4, 8], // rhythm 14 d, since last 28 d, P(alive) exactly 0.5
  [1, 2, 4], // rhythm 14 d, since last exactly 14 d
]);
const P_ALIVE = Float64Array.from([0.8, 0.9, 0.7, 0.4, 0.5, 1]);
const SPEND = Float64Array.from([50, 60, NaN, 80, 100, 10]);

describe('expected next order date and due now', () => {
  it('median time to the next purchase: (α + T)(2^{1/(r + x)} − 1)', () => {
    // x = 3, T = 10: 12 · (2^{1/4} − 1) = 12 · 0.189207115 = 2.27048538 weeks.
    expect(medianTimeToNext(1, 2, 3, 10)).toBeCloseTo(2.27048538, 7);
    // x = 0, T = 8: 10 · (2 − 1) = 10.
    expect(medianTimeToNext(1, 2, 0, 8)).toBe(10);
  });

  const res = nextOrders(S, { r: 1, alpha: 2 }, P_ALIVE, SPEND);

  it('expected day = D + median · unit days; own rhythm t_x / x in days', () => {
    expect(res.all[0].expectedDay).toBeCloseTo(1000 + 2.27048538 * 7, 6);
    expect(res.all[2].expectedDay).toBe(1070);
    expect(res.all.map((r) => r.rhythmDays)).toEqual([14, 28, null, 7, 14, 14]);
    expect(res.all.map((r) => r.daysSinceLast)).toEqual([28, 7, 56, 28, 28, 14]);
  });

  it('due now: x ≥ 1, P(alive) ≥ 0.5, D − last ≥ rhythm; ranked by P(alive) × spend', () => {
    // Row 4: 0.5 · 100 = 50; row 0: 0.8 · 50 = 40; row 5: 1 · 10 = 10.
    expect(res.due.map((r) => r.code)).toEqual([14, 10, 15]);
    expect(res.due.map((r) => r.value)).toEqual([50, 40, 10]);
    expect(res.withSpend).toBe(true);
  });

  it('without a spend model: ranked by P(alive) alone', () => {
    const r = nextOrders(S, { r: 1, alpha: 2 }, P_ALIVE, null);
    expect(r.due.map((x) => x.code)).toEqual([15, 10, 14]);
    expect(r.withSpend).toBe(false);
  });
});
