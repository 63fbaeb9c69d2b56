import { describe, expect, it } from 'vitest';
import { computeRfm, segmentOf, tieSafeScores, SEGMENTS } from '../../../src/analytics/rfm';
import type { CustomerTable } from '../../../src/analytics/customers';

describe('segment map', () => {
  it('assigns every (R, FM) cell exactly as METRICS.md', () => {
    // Rows R = 5..1, columns FM = 1..5, written out from the table in METRICS.md.
    const expected: Record<number, string[]> = {
      5: ['newCustomers', 'potentialLoyalists', 'potentialLoyalists', 'champions', 'champions'],
      4: ['promising', 'potentialLoyalists', 'potentialLoyalists', 'champions', 'champions'],
      3: ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
      2: ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
      1: ['lost', 'lost', 'atRisk', 'atRisk', 'cantLoseThem'],
    };
    for (let r = 1; r <= 5; r++) {
      expect([1, 2, 3, 4, 5].map((fm) => segmentOf(r, fm))).toEqual(expected[r]);
    }
    expect(new Set(Object.values(expected).flat())).toEqual(new Set(SEGMENTS));
  });
});

describe('tie-safe scores', () => {
  it('gives equal values equal scores: 1 + floor(5 L / N)', () => {
    const codes = Int32Array.from([0, 1, 2, 3, 4, 5]);
    expect([...tieSafeScores([1, 1, 1, 2, 3, 3], codes)]).toEqual([1, 1, 1, 3, 4, 4]);
    expect([...tieSafeScores([0, -10, -10, -30, -50, -100], codes)]).toEqual([5, 3, 3, 2, 1, 1]);
    expect([...tieSafeScores([7, 7, 7], Int32Array.from([0, 1, 2]))]).toEqual([1, 1, 1]);
    // Ten distinct values: two per score.
    expect([
      ...tieSafeScores([9, 8, 7, 6, 5, 4, 3, 2, 1, 0], Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])),
    ]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

function table(rows: { last: number; orders: number; revenue: number }[], asOf: number): CustomerTable {
  const n = rows.length;
  return {
    asOf,
    size: n + 1,
    isCustomer: Uint8Array.from([...rows.map(() => 1), 0]),
    count: n,
    first: Int32Array.from([...rows.map((r) => r.last), 0]),
    last: Int32Array.from([...rows.map((r) => r.last), 0]),
    orders: Int32Array.from([...rows.map((r) => r.orders), 0]),
    orderValue: Float64Array.from([...rows.map((r) => r.revenue), 0]),
    occasions: Int32Array.from([...rows.map((r) => r.orders), 0]),
    revenue: Float64Array.from([...rows.map((r) => r.revenue), -5]),
    returns: new Float64Array(n + 1),
    margin: Float64Array.from([...rows.map((r) => r.revenue / 2), 0]),
    lineCount: 0,
    hasAmount: true,
    lastYear: {
      occasions: new Int32Array(n + 1),
      orders: new Int32Array(n + 1),
      revenue: new Float64Array(n + 1),
    },
    prevYear: {
      occasions: new Int32Array(n + 1),
      orders: new Int32Array(n + 1),
      revenue: new Float64Array(n + 1),
    },
  };
}

describe('computeRfm', () => {
  it('scores, FM, segments, grid and segment table on five customers', () => {
    const t = table(
      [
        // By hand: F ties (1, 1 → L 0 → 1; 3, 3 → L 2 → 3), FM = floor((F + M + 1) / 2).
        { last: 100, orders: 5, revenue: 500 }, // R 5, F 5, M 5 → FM 5: champions
        { last: 90, orders: 1, revenue: 20 }, //  R 4, F 1, M 2 → FM 2: potential loyalists
        { last: 50, orders: 3, revenue: 300 }, // R 3, F 3, M 3 → FM 3: need attention
        { last: 10, orders: 3, revenue: 400 }, // R 1, F 3, M 4 → FM 4: at risk
        { last: 20, orders: 1, revenue: 10 }, //  R 2, F 1, M 1 → FM 1: hibernating
      ],
      100,
    );
    const res = computeRfm(t);
    expect([...res.codes]).toEqual([0, 1, 2, 3, 4]);
    expect([...res.r]).toEqual([5, 4, 3, 1, 2]);
    expect([...res.f]).toEqual([5, 1, 3, 3, 1]);
    expect([...res.m]).toEqual([5, 2, 3, 4, 1]);
    expect([...res.fm]).toEqual([5, 2, 3, 4, 1]);
    expect([...res.segment].map((s) => SEGMENTS[s])).toEqual([
      'champions',
      'potentialLoyalists',
      'needAttention',
      'atRisk',
      'hibernating',
    ]);
    expect(res.grid[4][4]).toEqual({ customers: 1, revenue: 500 });
    const bySeg = Object.fromEntries(res.segments.map((s) => [s.segment, s]));
    expect(bySeg.champions).toMatchObject({ customers: 1, customerShare: 0.2, revenue: 500, margin: 250 });
    expect(bySeg.champions.revenueShare).toBeCloseTo(500 / 1230, 12);
    expect(bySeg.atRisk).toMatchObject({
      customers: 1,
      meanRecencyDays: 90,
      meanOrders: 3,
      meanRevenue: 400,
    });
    expect(bySeg.lost.customers).toBe(0);
    // The segments partition the customers.
    expect(res.segments.reduce((a, s) => a + s.customers, 0)).toBe(5);
  });
});
