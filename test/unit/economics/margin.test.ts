import { describe, expect, it } from 'vitest';
import {
  buildOrders,
  computeContribution,
  contributionMargins,
  customerOrders,
  marginAvailable,
  marginHistogram,
  serviceCosts,
  type MarginSettings,
  type PredictedInputs,
} from '../../../src/analytics/economics/margin';
import { code, day, makeLines, tableOf } from './fixture';

const D = day('2024-12-31');
const SETTINGS: MarginSettings = {
  marginPercent: 40,
  marginByCategory: {},
  costPerOrder: 5,
  costPerReturn: 10,
  serviceCostPerTicket: 20,
  serviceCostPerCustomerYear: null,
};

// A: two purchase days and a return day. B: two purchases, three return days and 12 tickets. C: one purchase.
const LINES = makeLines([
  { c: 'A', d: day('2024-01-10'), a: 100 },
  { c: 'A', d: day('2024-03-01'), a: 50 },
  { c: 'A', d: day('2024-03-05'), a: -30 },
  { c: 'B', d: day('2024-02-01'), a: 300 },
  { c: 'B', d: day('2024-02-10'), a: -100 },
  { c: 'B', d: day('2024-02-20'), a: -100 },
  { c: 'B', d: day('2024-04-01'), a: 200 },
  { c: 'B', d: day('2024-04-05'), a: -150 },
  { c: 'C', d: day('2024-06-01'), a: 80 },
]);
const TABLE = tableOf(LINES, D);
const A = code(LINES, 'A');
const B = code(LINES, 'B');
const C = code(LINES, 'C');
const TICKETS = new Float64Array(3);
TICKETS[A] = 1;
TICKETS[B] = 12;
TICKETS[C] = NaN;

const noForecast: PredictedInputs = {
  months: 12,
  clv: null,
  expected: new Float64Array(3).fill(NaN),
  pAlive: new Float64Array(3).fill(NaN),
  reason: 'noForecast',
};

function contribution(
  settings: MarginSettings,
  tickets: Float64Array | null = TICKETS,
  predicted = noForecast,
) {
  const orders = buildOrders(LINES, { asOf: D }, settings);
  const co = customerOrders(orders, TABLE.size);
  const service = serviceCosts(TABLE, tickets, settings);
  const margins = contributionMargins(TABLE, co, service, settings);
  const result = computeContribution(
    {
      table: TABLE,
      ids: LINES.dicts.customer,
      co,
      service,
      settings,
      hasMargin: marginAvailable(orders),
      predicted,
    },
    margins,
  );
  return { orders, co, service, margins, result };
}

describe('contribution margin per customer (METRICS "Economics")', () => {
  it('line margins − cost per order × purchase orders − cost per return × return orders − tickets × cost per ticket', () => {
    const { co, margins, service } = contribution(SETTINGS);
    expect(service.basis).toBe('tickets');
    // A: 0.4 × 120 = 48, 2 purchase orders, 1 return order, 1 ticket: 48 − 10 − 10 − 20 = 8.
    expect(co.lineMargin[A]).toBeCloseTo(48, 9);
    expect(co.purchaseOrders[A]).toBe(2);
    expect(co.returnOrders[A]).toBe(1);
    expect(margins[A]).toBeCloseTo(8, 9);
    // B: 0.4 × 150 = 60 − 2 × 5 − 3 × 10 − 12 × 20 = −220: many returns and tickets make it unprofitable.
    expect(margins[B]).toBeCloseTo(-220, 9);
    // C: no ticket count (0 tickets): 32 − 5 = 27.
    expect(margins[C]).toBeCloseTo(27, 9);
  });

  it('totals, parts, the unprofitable and the worst list', () => {
    const r = contribution(SETTINGS).result;
    expect(r.available).toBe(true);
    expect(r.customers).toBe(3);
    expect(r.total).toBeCloseTo(-185, 9);
    expect(r.mean).toBeCloseTo(-185 / 3, 9);
    expect(r.median).toBeCloseTo(8, 9);
    expect(r.parts.lineMargin).toBeCloseTo(140, 9);
    expect(r.parts.orderCosts).toBeCloseTo(25, 9);
    expect(r.parts.returnCosts).toBeCloseTo(40, 9);
    expect(r.parts.serviceCosts).toBeCloseTo(260, 9);
    expect(r.unprofitable.count).toBe(1);
    expect(r.unprofitable.share).toBeCloseTo(1 / 3, 12);
    expect(r.unprofitable.revenue).toBeCloseTo(150, 9);
    expect(r.unprofitable.revenueShare).toBeCloseTo(150 / 350, 12);
    expect(r.unprofitable.margin).toBeCloseTo(-220, 9);
    expect(r.worst).toEqual([
      {
        customer: 'B',
        revenue: 150,
        margin: expect.closeTo(-220, 9),
        orders: 2,
        returnOrders: 3,
        tickets: 12,
      },
    ]);
    expect(r.histogram.reduce((s, b) => s + b.customers, 0)).toBe(3);
  });

  it('without tickets, the yearly service cost × (D − first) / 365.25', () => {
    const { service } = contribution(
      { ...SETTINGS, serviceCostPerTicket: null, serviceCostPerCustomerYear: 36.525 },
      null,
    );
    expect(service.basis).toBe('yearly');
    // A: first 2024-01-10, D 2024-12-31: 356 days.
    expect(service.cost[A]).toBeCloseTo((36.525 * 356) / 365.25, 9);
    const none = contribution({ ...SETTINGS, serviceCostPerTicket: null }, null).service;
    expect(none.basis).toBe('none');
    expect(none.cost[A]).toBe(0);
  });

  it('no margin column, no category rate and no workspace rate: unavailable with noMargin, never 0', () => {
    const { orders, result } = contribution({ ...SETTINGS, marginPercent: null });
    expect(orders.source).toBe('none');
    expect(result.available).toBe(false);
    expect(result.reason).toBe('noMargin');
    expect(result.predicted.reason).toBe('noMargin');
    expect(result.predicted.total).toBeNull();
  });

  it('predicted: margin rate × revenue CLV − expected purchase costs − yearly service × years × P(alive)', () => {
    const clv = new Float64Array(3).fill(NaN);
    const expected = new Float64Array(3).fill(NaN);
    const pAlive = new Float64Array(3).fill(NaN);
    clv[A] = 100;
    expected[A] = 2;
    pAlive[A] = 0.5;
    const r = contribution(SETTINGS, TICKETS, { months: 12, clv, expected, pAlive, reason: null }).result;
    // Margin rate 140 / 350 = 0.4; return orders per purchase order 4 / 5; cost per purchase 5 + 10 × 0.8 = 13;
    // A's ticket cost per year 20 (tenure < 1 year counts as one): 0.4 × 100 − 13 × 2 − 20 × 1 × 0.5 = 4.
    expect(r.predicted.total).toBeCloseTo(4, 9);
    expect(r.predicted.mean).toBeCloseTo(4, 9);
  });
});

describe('the margin of a line', () => {
  it('category rates (names trimmed, any case) before the workspace rate', () => {
    const lines = makeLines([
      { c: 'A', d: 10, a: 100, cat: 'Tools' },
      { c: 'A', d: 11, a: 100, cat: 'toys ' },
      { c: 'A', d: 12, a: 100, cat: 'Other' },
    ]);
    const s = { ...SETTINGS, marginPercent: 10, marginByCategory: { ' tools': 50, TOYS: 20 } };
    const o = buildOrders(lines, { asOf: 20 }, s);
    expect(o.source).toBe('category');
    expect(Array.from(o.margin)).toEqual([50, 20, 10]);
    expect(marginAvailable(o)).toBe(true);
    // Without the workspace rate the line of 'Other' has no margin: the figures are unavailable.
    const strict = buildOrders(lines, { asOf: 20 }, { ...s, marginPercent: null });
    expect(strict.unpricedLines).toBe(1);
    expect(marginAvailable(strict)).toBe(false);
  });

  it('the margin column wins; a blank cell falls back to the rates', () => {
    const lines = makeLines([
      { c: 'A', d: 10, a: 100, m: 30 },
      { c: 'A', d: 11, a: 100, m: NaN },
    ]);
    const o = buildOrders(lines, { asOf: 20 }, SETTINGS);
    expect(o.source).toBe('column');
    expect(Array.from(o.margin)).toEqual([30, 40]);
  });

  it('orders with ids: a purchase order and a return order can be the same order; a return-only order is no purchase', () => {
    const lines = makeLines([
      { c: 'A', d: 10, a: 100, o: 'X' },
      { c: 'A', d: 10, a: -20, o: 'X' },
      { c: 'A', d: 10, a: 30, o: 'Y' },
      { c: 'A', d: 15, a: -30, o: 'Z' },
    ]);
    const o = buildOrders(lines, { asOf: 20 }, SETTINGS);
    const co = customerOrders(o, 1);
    expect(o.n).toBe(3);
    expect(co.purchaseOrders[0]).toBe(2);
    expect(co.returnOrders[0]).toBe(2);
    expect(co.firstOrderValue[0]).toBe(80);
  });
});

describe('marginHistogram', () => {
  it('equal bins from the 1st to the 99th percentile; the outer bins hold the rest', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => i).sort();
    values[0] = -1000;
    values[100] = 1000;
    const h = marginHistogram(values.sort(), 10);
    expect(h).toHaveLength(10);
    expect(h.reduce((s, b) => s + b.customers, 0)).toBe(101);
    expect(h[0].from).toBe(-1000);
    expect(h[9].to).toBe(1000);
    // 1st percentile = 1, 99th = 99: width 9.8.
    expect(h[1].from).toBeCloseTo(10.8, 9);
  });
});
