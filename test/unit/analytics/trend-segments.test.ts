import { describe, expect, it } from 'vitest';
import { computeTrend } from '../../../src/analytics/trend';
import { compareSegments, segmentAttributes } from '../../../src/analytics/segments';
import { customerAggregates } from '../../../src/analytics/customers';
import { LINES, day } from './fixtures';

const asOf = day('2024-04-15');

describe('monthly trend', () => {
  it('revenue, returns, active and new customers per month; the month of D is incomplete', () => {
    const t = customerAggregates(LINES, { asOf });
    expect(computeTrend(LINES, t, { asOf })).toEqual([
      { month: '2024-01', revenue: 300, returns: 0, activeCustomers: 2, newCustomers: 2, incomplete: false },
      { month: '2024-02', revenue: 150, returns: 0, activeCustomers: 2, newCustomers: 1, incomplete: false },
      { month: '2024-03', revenue: 20, returns: 10, activeCustomers: 1, newCustomers: 0, incomplete: false },
      { month: '2024-04', revenue: 40, returns: 0, activeCustomers: 1, newCustomers: 0, incomplete: true },
    ]);
  });
  it('without amounts, counts only', () => {
    const l = { ...LINES, amount: null };
    const trend = computeTrend(l, customerAggregates(l, { asOf }), { asOf });
    // Without amounts every purchase day nets 0 ≥ 0; A's return-only day (03-21) is still no occasion.
    expect(trend.map((p) => [p.revenue, p.activeCustomers])).toEqual([
      [null, 2],
      [null, 2],
      [null, 1],
      [null, 1],
    ]);
  });
});

describe('segment comparison', () => {
  it('offers the code columns except the product', () => {
    expect(segmentAttributes(LINES)).toEqual(['channel']);
  });
  it('computes the KPI table per attribute value, biggest segment first', () => {
    const cmp = compareSegments(LINES, 'channel', { asOf });
    expect(cmp.rows.map((r) => [r.value, r.lines, r.result.customers])).toEqual([
      ['Shop', 4, 3],
      ['Web', 4, 2],
    ]);
    expect(cmp.rows[0].result.kpis.clvHistoric.value).toBeCloseTo(260 / 3, 12);
    expect(cmp.rows[1].result.kpis.clvHistoric.value).toBe(125);
    expect(cmp.rows[1].result.kpis.repeatRate.value).toBe(1);
  });
});
