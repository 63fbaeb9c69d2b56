// Purchase orders against purchase occasions (METRICS.md "Terms"), on a hand-made file:
// - a purchase order is an order (the lines sharing an order id; without an order id, a customer-day) with at least
//   one purchase line and a net value ≥ 0, whatever else the customer did that day;
// - a purchase occasion is a customer-day with at least one purchase line and a net value ≥ 0;
// - a customer is an id with at least one purchase occasion up to D.
// The AOV of the whole data counts every purchase order in scope, also one of an id that is no customer (its only
// day nets below 0): METRICS' `aov` is over the purchase orders, which are defined by their own lines, not by the
// customer term; figures per customer (repeat rate, frequency per active customer) count customers only
// (docs/economics.md, "Purchase orders and purchase occasions", with the reason).
import { describe, expect, it } from 'vitest';
import { customerAggregates } from '../../../src/analytics/customers';
import { computeKpis } from '../../../src/analytics/kpis';
import { purchaseOccasions } from '../../../src/analytics/occasions';
import { FLAG_RETURN, type Lines } from '../../../src/analytics/lines';
import {
  buildOrders,
  contributionMargins,
  customerOrders,
  serviceCosts,
  type MarginSettings,
} from '../../../src/analytics/economics/margin';
import { productJourney } from '../../../src/analytics/actions/copurchase';

/** 40 % workspace margin, 5 per order, 3 per return order, no service costs. */
const MARGIN: MarginSettings = {
  marginPercent: 40,
  marginByCategory: {},
  costPerOrder: 5,
  costPerReturn: 3,
  serviceCostPerTicket: null,
  serviceCostPerCustomerYear: null,
};

/** [customer code, day, amount, order code, category code]; a negative amount is a return line. */
type Row = [number, number, number, number, number];

function lines(rows: Row[], withOrderIds: boolean): Lines {
  return {
    n: rows.length,
    customer: Int32Array.from(rows, (r) => r[0]),
    day: Int32Array.from(rows, (r) => r[1]),
    amount: Float64Array.from(rows, (r) => r[2]),
    order: withOrderIds ? Int32Array.from(rows, (r) => r[3]) : null,
    flags: Uint8Array.from(rows, (r) => (r[2] < 0 ? FLAG_RETURN : 0)),
    margin: null,
    codes: { category: Int32Array.from(rows, (r) => r[4]) },
    dicts: {
      customer: ['K1'],
      category: ['Books', 'Toys'],
      ...(withOrderIds ? { order: ['A', 'B', 'C'] } : {}),
    },
  };
}

// K1 on day 10: order A buys 100 (Books), order B returns 150 (an earlier purchase). The day nets −50.
const ONE_DAY: Row[] = [
  [0, 10, 100, 0, 0],
  [0, 10, -150, 1, 0],
];
// The same, and on day 20 order C buys 50 (Toys).
const TWO_DAYS: Row[] = [...ONE_DAY, [0, 20, 50, 2, 1]];

describe('purchase orders with order ids: the order counts, whatever else happened that day', () => {
  it('order A (100) beside return order B (−150) on one day is a purchase order: 1 order, AOV 100', () => {
    const l = lines(ONE_DAY, true);
    const t = customerAggregates(l, { asOf: 10 });
    // Day 10 nets 100 − 150 = −50: no purchase occasion, so K1 is no customer (METRICS "Customer").
    expect([t.occasions[0], t.isCustomer[0], t.count]).toEqual([0, 0, 0]);
    // Order A: a purchase line and net 100 ≥ 0 → a purchase order. Order B: no purchase line → none.
    expect([t.orders[0], t.orderValue[0]]).toEqual([1, 100]);
    // AOV = Σ net value of the purchase orders / their number = 100 / 1, although K1 is no customer: the AOV
    // counts purchase orders, not customers' purchase orders (the choice in docs/economics.md).
    const k = computeKpis(l, { asOf: 10 });
    expect(k.kpis.aov).toEqual({ id: 'aov', value: 100 });
    // Figures over customers have none.
    expect(k.customers).toBe(0);
    expect(k.kpis.repeatRate.reason).toBe('noCustomers');
    // No occasion for the BTYD models either.
    expect(purchaseOccasions(l, { asOf: 10 }).customer.length).toBe(0);
  });

  it('with a second day: 2 purchase orders, 1 occasion, AOV 75, frequency 2, the costs of 2 orders', () => {
    const l = lines(TWO_DAYS, true);
    const t = customerAggregates(l, { asOf: 20 });
    // Occasions: day 10 nets −50 (none), day 20 nets 50 (one). first = last = 20.
    expect([t.occasions[0], t.first[0], t.last[0], t.count]).toEqual([1, 20, 20, 1]);
    // Purchase orders A (100) and C (50): 2, worth 150.
    expect([t.orders[0], t.orderValue[0]]).toEqual([2, 150]);
    const k = computeKpis(l, { asOf: 20 });
    // AOV = (100 + 50) / 2 = 75.
    expect(k.kpis.aov.value).toBe(75);
    // repeatRate: K1 has 2 orders ≥ 2 → 1 / 1 customer.
    expect(k.kpis.repeatRate.value).toBe(1);
    // purchaseFrequency = orders in (D − 365, D] / customers active there = 2 (A, C) / 1 (K1, active on day 20).
    expect(k.kpis.purchaseFrequency.value).toBe(2);
    // The BTYD unit stays the customer-day: one occasion (day 20, value 50).
    const occ = purchaseOccasions(l, { asOf: 20 });
    expect([...occ.day]).toEqual([20]);
    expect([...occ.value!]).toEqual([50]);

    // Contribution margin (METRICS "Economics"), 40 % workspace margin, 5 per order, 3 per return order:
    // line margins 0.4 × (100 − 150 + 50) = 0; − 5 × 2 purchase orders (A, C) − 3 × 1 return order (B) = −13.
    const co = customerOrders(buildOrders(l, { asOf: 20 }, MARGIN), t.size);
    expect([co.purchaseOrders[0], co.returnOrders[0], co.firstOrderValue[0]]).toEqual([2, 1, 100]);
    const m = contributionMargins(t, co, serviceCosts(t, null, MARGIN), MARGIN);
    expect(m[0]).toBeCloseTo(-13, 12);

    // Product journey: first purchase order A (Books), second C (Toys).
    expect(productJourney(l, t, 'category', { asOf: 20 })).toEqual([{ from: 0, to: 1, customers: 1 }]);
  });
});

describe('purchase orders without order ids: the customer-day is the order', () => {
  it('day 10 (100 and −150) is one order netting −50: no purchase order, no AOV', () => {
    const l = lines(ONE_DAY, false);
    const t = customerAggregates(l, { asOf: 10 });
    expect([t.orders[0], t.orderValue[0], t.count]).toEqual([0, 0, 0]);
    expect(computeKpis(l, { asOf: 10 }).kpis.aov.value).toBeNull();
  });

  it('with a second day: 1 purchase order (day 20), AOV 50, no journey', () => {
    const l = lines(TWO_DAYS, false);
    const t = customerAggregates(l, { asOf: 20 });
    // Orders = customer-days: day 10 (net −50, no), day 20 (net 50, yes).
    expect([t.orders[0], t.orderValue[0], t.occasions[0]]).toEqual([1, 50, 1]);
    expect(computeKpis(l, { asOf: 20 }).kpis.aov.value).toBe(50);
    const co = customerOrders(buildOrders(l, { asOf: 20 }, MARGIN), t.size);
    // Day 10 is one order with a purchase and a return line: a return order, not a purchase order.
    expect([co.purchaseOrders[0], co.returnOrders[0], co.firstOrderValue[0]]).toEqual([1, 1, 50]);
    // 0.4 × 0 − 5 × 1 − 3 × 1 = −8.
    expect(contributionMargins(t, co, serviceCosts(t, null, MARGIN), MARGIN)[0]).toBeCloseTo(-8, 12);
    // One purchase order only: no (first, second) pair.
    expect(productJourney(l, t, 'category', { asOf: 20 })).toEqual([]);
  });
});
