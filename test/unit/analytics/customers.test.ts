import { describe, expect, it } from 'vitest';
import { customerAggregates } from '../../../src/analytics/customers';
import { FLAG_DUPLICATE, FLAG_RETURN, type Lines } from '../../../src/analytics/lines';

/** Builds Lines from [customer, day, amount, order, flags] tuples. */
function lines(rows: [number, number, number, number, number][], customers = 3, orders = 7): Lines {
  return {
    n: rows.length,
    customer: Int32Array.from(rows, (r) => r[0]),
    day: Int32Array.from(rows, (r) => r[1]),
    amount: Float64Array.from(rows, (r) => r[2]),
    order: Int32Array.from(rows, (r) => r[3]),
    flags: Uint8Array.from(rows, (r) => r[4]),
    margin: null,
    codes: {},
    dicts: {
      customer: Array.from({ length: customers }, (_, i) => `C${i}`),
      order: Array.from({ length: orders }, (_, i) => `O${i}`),
    },
  };
}

const R = FLAG_RETURN;
const D = FLAG_DUPLICATE;
// Hand-made case; the comments give the expected reading of METRICS.md.
const CASE = lines([
  [0, 10, 10, 0, 0], // A day 10, order 0: purchase
  [0, 10, 5, 0, 0], //   same order
  [0, 10, -3, 1, R], //  order 1 is only a return: no purchase order; day 10 nets 12, one occasion
  [0, 20, 0, 2, 0], //   a free item: purchase line, net 0, an occasion and a purchase order
  [0, 30, 8, 3, 0], //   order 3 nets 8 - 20 = -12: no occasion, no purchase order
  [0, 30, -20, 3, R],
  [0, 50, 100, 3, 0], // after the as-of date 40: ignored
  [1, 15, -7, 4, R], //  B has only a return: not a customer
  [2, 5, 4, 5, 0], //    C day 5: two orders on one day, one occasion
  [2, 5, 6, 6, 0],
  [2, 5, 6, 6, D], //    an exact duplicate of the line above
]);

describe('customerAggregates', () => {
  it('counts occasions, purchase orders, revenue and returns as METRICS.md defines them', () => {
    const t = customerAggregates(CASE, { asOf: 40, marginRate: 0.25 });
    expect(t.count).toBe(2);
    expect([...t.isCustomer]).toEqual([1, 0, 1]);
    expect([t.first[0], t.last[0], t.occasions[0], t.orders[0]]).toEqual([10, 20, 2, 2]);
    expect(t.revenue[0]).toBe(0);
    expect(t.returns[0]).toBe(23);
    expect([t.occasions[1], t.orders[1], t.revenue[1], t.returns[1]]).toEqual([0, 0, -7, 7]);
    expect([t.first[2], t.last[2], t.occasions[2], t.orders[2], t.revenue[2]]).toEqual([5, 5, 1, 2, 16]);
    expect(t.margin[2]).toBe(4);
    expect(t.lineCount).toBe(10);
  });

  it('drops duplicates and later lines when asked, and moves with the as-of date', () => {
    const t = customerAggregates(CASE, { asOf: 40, dropDuplicates: true, marginRate: 0.25 });
    expect(t.revenue[2]).toBe(10);
    expect(t.margin[2]).toBe(2.5);
    const early = customerAggregates(CASE, { asOf: 12 });
    expect([early.occasions[0], early.last[0], early.revenue[0], early.count]).toEqual([1, 10, 12, 2]);
    const later = customerAggregates(CASE, { asOf: 60 });
    // Order 3 nets 8 - 20 + 100 = 88 with the day-50 line: it becomes a purchase order, while day 30 (net -12)
    // still is no occasion and day 50 is one.
    expect([later.occasions[0], later.last[0], later.orders[0]]).toEqual([3, 50, 3]);
  });

  it('without an order id an order is a customer-day', () => {
    const l = { ...CASE, order: null };
    const t = customerAggregates(l, { asOf: 40 });
    expect([t.orders[0], t.orders[2]]).toEqual([2, 1]);
  });

  it('applies a line filter', () => {
    const include = Uint8Array.from(CASE.customer, (c) => (c === 2 ? 1 : 0));
    const t = customerAggregates(CASE, { asOf: 40, include });
    expect(t.count).toBe(1);
    expect(t.revenue[0]).toBe(0);
    expect(t.isCustomer[2]).toBe(1);
  });
});

describe('blank order ids', () => {
  it('are no order: such lines form customer-day orders instead of one shared order', () => {
    const l = lines(
      [
        [0, 1, 10, 0, 0], // C0 day 1, blank order id
        [0, 2, 5, 0, 0], //  C0 day 2, blank order id
        [1, 1, 7, 0, 0], //  C1 day 1, blank order id
        [1, 1, 3, 1, 0], //  C1 day 1, order O1
      ],
      2,
      2,
    );
    l.dicts.order = ['', 'O1'];
    const t = customerAggregates(l, { asOf: 10 });
    expect([t.orders[0], t.orders[1]]).toEqual([2, 2]);
    expect([t.orderValue[0], t.orderValue[1]]).toEqual([15, 10]);
  });
});
