import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../../src/analytics/kpis';
import type { Lines } from '../../../src/analytics/lines';

/** Lines without order ids (an order is a customer-day) from [customer, day, amount] tuples. */
function lines(rows: [number, number, number][], customers: number, withAmount = true): Lines {
  return {
    n: rows.length,
    customer: Int32Array.from(rows, (r) => r[0]),
    day: Int32Array.from(rows, (r) => r[1]),
    amount: withAmount ? Float64Array.from(rows, (r) => r[2]) : null,
    order: null,
    flags: new Uint8Array(rows.length),
    margin: null,
    codes: {},
    dicts: { customer: Array.from({ length: customers }, (_, i) => 'ABCDEFGH'[i]) },
  };
}

// D = 1000: the last year is (635, 1000], the year before (270, 635].
const A = 0,
  B = 1,
  C = 2,
  Dd = 3,
  E = 4;
const DATA = lines(
  [
    [A, 300, 100],
    [A, 700, 150],
    [B, 280, 50],
    [B, 290, 30],
    [C, 900, 200],
    [Dd, 100, 40],
    [E, 600, 10],
    [E, 800, 60],
  ],
  5,
);

describe('KPIs on a hand-computed case', () => {
  const r = computeKpis(DATA, { asOf: 1000, marginRate: 0.3, cac: 40 });
  const v = (id: keyof typeof r.kpis) => r.kpis[id].value;

  it('counts customers and history', () => {
    expect(r.customers).toBe(5);
    expect(r.historyDays).toBe(901);
  });
  it('AOV, frequency, repeat rate, observed lifespan', () => {
    expect(v('aov')).toBe(80); // 640 / 8 orders
    expect(v('purchaseFrequency')).toBe(1); // 3 orders / 3 customers active in the last year
    expect(v('repeatRate')).toBe(0.6); // A, B, E
    expect(v('lifespanObservedYears')).toBeCloseTo(610 / 3 / 365, 12);
  });
  it('churn, retention, lifespan: B of A, B, E is lost', () => {
    expect(v('churnRate')).toBeCloseTo(1 / 3, 12);
    expect(v('retentionRate')).toBeCloseTo(2 / 3, 12);
    expect(v('lifespanYears')).toBeCloseTo(3, 12);
  });
  it('NRR above 100 % through expansion, GRR capped', () => {
    expect(v('nrr')).toBeCloseTo(210 / 190, 12);
    expect(v('nrr')!).toBeGreaterThan(1);
    expect(v('grr')).toBeCloseTo(110 / 190, 12);
  });
  it('simple and historic CLV', () => {
    expect(v('clvSimple')).toBeCloseTo(80 * 1 * 3 - 40, 9);
    expect(v('clvSimpleMargin')).toBeCloseTo(80 * 3 * 0.3 - 40, 9);
    expect(v('clvHistoric')).toBe(128);
    expect(v('clvHistoricMargin')).toBeCloseTo(128 * 0.3, 12);
  });
  it('Pareto share, Gini, Lorenz', () => {
    expect(v('top20Share')).toBe(250 / 640); // k = ceil(0.2 · 5) = 1: A
    expect(r.topCustomers).toEqual([A]);
    expect(v('gini')).toBeCloseTo(0.34375, 12);
    expect(r.lorenz![0]).toEqual({ x: 0, y: 0 });
    expect(r.lorenz![100]).toEqual({ x: 1, y: 1 });
    expect(r.lorenz![20].y).toBeCloseTo(40 / 640, 12); // the poorest fifth is D
  });
});

describe('figures that cannot be computed say why', () => {
  it('churn is undefined with less than 730 days of history', () => {
    const r = computeKpis(DATA, { asOf: 600 });
    expect(r.historyDays).toBe(501);
    expect(r.kpis.churnRate).toEqual({ id: 'churnRate', value: null, reason: 'historyTooShort' });
    expect(r.kpis.nrr.reason).toBe('historyTooShort');
    expect(r.kpis.clvSimple.reason).toBe('historyTooShort');
    // Up to day 600: A (300), B (280, 290), D (100), E (600); only B has two orders, C is not yet a customer.
    expect(r.kpis.repeatRate.value).toBe(0.25);
  });
  it('a dataset without amounts keeps the counts and drops the money', () => {
    const r = computeKpis(
      lines(
        [
          [0, 1, 0],
          [0, 5, 0],
          [1, 3, 0],
        ],
        2,
        false,
      ),
      { asOf: 10 },
    );
    expect(r.kpis.repeatRate.value).toBe(0.5);
    expect(r.kpis.purchaseFrequency.value).toBe(1.5);
    for (const id of ['aov', 'clvHistoric', 'top20Share', 'gini'] as const) {
      expect(r.kpis[id]).toEqual({ id, value: null, reason: 'noAmount' });
    }
  });
  it('a single customer', () => {
    const r = computeKpis(
      lines(
        [
          [0, 1, 10],
          [0, 2, 20],
        ],
        1,
      ),
      { asOf: 2 },
    );
    expect(r.customers).toBe(1);
    expect(r.kpis.top20Share.value).toBe(1);
    expect(r.kpis.gini.value).toBe(0);
    expect(r.kpis.aov.value).toBe(15);
  });
  it('an all-returns customer is not a customer', () => {
    const l = lines(
      [
        [0, 1, 10],
        [1, 2, -5],
      ],
      2,
    );
    l.flags[1] = 1;
    const r = computeKpis(l, { asOf: 2 });
    expect(r.customers).toBe(1);
    expect(r.kpis.clvHistoric.value).toBe(10);
  });
});
