import { describe, expect, it } from 'vitest';
import { computeCohorts, periodOf } from '../../../src/analytics/cohorts';
import { customerAggregates } from '../../../src/analytics/customers';
import { LINES, day } from './fixtures';

const asOf = day('2024-04-15');
const table = customerAggregates(LINES, { asOf });

describe('monthly cohorts', () => {
  const r = computeCohorts(LINES, table, { asOf });
  it('rows, sizes and periods', () => {
    expect(r.cohorts).toEqual([
      { key: '2024-01', size: 2 },
      { key: '2024-02', size: 1 },
    ]);
    expect(r.periods).toBe(4);
  });
  it('activeShare is "returned in that month"; cells after D do not exist', () => {
    expect(r.activeShare).toEqual([
      [1, 0.5, 0.5, 0],
      [1, 0, 1, null],
    ]);
  });
  it('revenue, per customer, cumulative, retention', () => {
    expect(r.revenue).toEqual([
      [300, 50, 20, 0],
      [100, 0, 40, null],
    ]);
    expect(r.revenuePerCustomer).toEqual([
      [150, 25, 10, 0],
      [100, 0, 40, null],
    ]);
    expect(r.cumulativeRevenuePerCustomer).toEqual([
      [150, 175, 185, 185],
      [100, 100, 140, null],
    ]);
    expect(r.revenueRetention).toEqual([
      [1, 50 / 300, 20 / 300, 0],
      [1, 0, 0.4, null],
    ]);
  });
  it('marks the month of D as incomplete', () => {
    expect(r.incomplete).toEqual([
      [false, false, false, true],
      [false, false, true, false],
    ]);
    const complete = computeCohorts(LINES, customerAggregates(LINES, { asOf: day('2024-04-30') }), {
      asOf: day('2024-04-30'),
    });
    expect(complete.incomplete.flat().some(Boolean)).toBe(false);
  });
  it('cohort revenue sums to total net revenue and sizes to the customer count', () => {
    const total = r.revenue.flat().reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(total).toBe(510);
    expect(r.cohorts.reduce((a, c) => a + c.size, 0)).toBe(table.count);
  });
});

describe('quarterly and attribute cohorts', () => {
  it('quarters', () => {
    const r = computeCohorts(LINES, table, { asOf, grain: 'quarter' });
    expect(r.cohorts).toEqual([{ key: '2024-Q1', size: 3 }]);
    expect(r.revenue).toEqual([[470, 40]]);
    expect(r.activeShare).toEqual([[1, 1 / 3]]);
    expect(r.incomplete).toEqual([[false, true]]);
    expect(periodOf(day('2024-12-31'), 'quarter') - periodOf(day('2024-01-01'), 'quarter')).toBe(3);
  });
  it('by the first purchase’s channel, each customer aligned on its own first month', () => {
    const r = computeCohorts(LINES, table, { asOf, groupBy: 'channel' });
    expect(r.cohorts).toEqual([
      { key: 'Web', size: 2 },
      { key: 'Shop', size: 1 },
    ]);
    expect(r.eligible[0]).toEqual([2, 2, 2, 1]);
    expect(r.revenue[0]).toEqual([200, 50, 60, 0]);
    expect(r.activeShare[0]).toEqual([1, 0.5, 1, 0]);
    expect(r.incomplete[0]).toEqual([false, false, true, true]);
    expect(r.revenue[1]).toEqual([200, 0, 0, 0]);
  });
});
