// Building Lines from stored column parts in customer/day order (src/analytics/lines.ts), as the worker does while
// it reads a dataset: a hand-sorted case, every order of arrival, and narrowed parts of several types.
import { describe, expect, it } from 'vitest';
import {
  customerDayOrder,
  customerDayRanks,
  LinesBuilder,
  linesFromColumns,
} from '../../src/analytics/lines';
import type { ColumnValues } from '../../src/shared/columns';

// Six lines in file order: customer codes, days, amounts, flags, order codes and a region code.
const customer = [1, 0, 1, 0, 2, 1];
const day = [5, 3, 2, 3, 1, 2];
const amount = [10, 20, 30, 40, 50, 60];
const flags = [0, 1, 0, 0, 2, 0];
const order = [0, 1, 2, 3, 4, 5];
const region = [7, 8, 9, 7, 8, 9];
// By hand: customer 0 has lines 1 and 3 (both day 3, file order); customer 1 has lines 2 and 5 (day 2, file order)
// and line 0 (day 5); customer 2 has line 4.
const ORDER = [1, 3, 2, 5, 0, 4];

const columns = (): Record<string, ColumnValues[]> => ({
  customer: [Int32Array.from(customer.slice(0, 4)), Uint8Array.from(customer.slice(4))],
  date: [Uint16Array.from(day.slice(0, 4)), Int32Array.from(day.slice(4))],
  amount: [Float64Array.from(amount.slice(0, 4)), Float64Array.from(amount.slice(4))],
  quantity: [Int32Array.from([1, 1, 1, 1]), Int32Array.from([1, 1])],
  flags: [Uint8Array.from(flags.slice(0, 4)), Uint8Array.from(flags.slice(4))],
  order: [Uint8Array.from(order.slice(0, 4)), Uint16Array.from(order.slice(4))],
  region: [Uint8Array.from(region.slice(0, 4)), Uint8Array.from(region.slice(4))],
});
const dicts = { customer: ['A', 'B', 'C'], order: ['o0', 'o1', 'o2', 'o3', 'o4', 'o5'], region: [] };
const pick = (values: number[]) => ORDER.map((i) => values[i]);

describe('customer/day order', () => {
  it('sorts by customer, then day, stable; the ranks are its inverse', () => {
    const c = Int32Array.from(customer);
    const d = Int32Array.from(day);
    expect(Array.from(customerDayOrder(c, d, 3))).toEqual(ORDER);
    const rank = customerDayRanks(c, d, 3);
    expect(ORDER.map((line) => rank[line])).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('LinesBuilder', () => {
  it('gives the hand-sorted lines from narrowed parts of mixed types', () => {
    const lines = linesFromColumns(columns(), dicts);
    expect(lines.n).toBe(6);
    expect(lines.sorted).toBe(true);
    expect(Array.from(lines.customer)).toEqual([0, 0, 1, 1, 1, 2]);
    expect(Array.from(lines.day)).toEqual([3, 3, 2, 2, 5, 1]);
    expect(Array.from(lines.amount!)).toEqual(pick(amount));
    expect(Array.from(lines.flags)).toEqual(pick(flags));
    expect(Array.from(lines.order!)).toEqual(pick(order));
    expect(Object.keys(lines.codes)).toEqual(['region']);
    expect(Array.from(lines.codes.region)).toEqual(pick(region));
    expect(lines.margin).toBeNull();
    expect(lines.dicts).toBe(dicts);
  });

  it('gives the same lines in every order in which the columns arrive', () => {
    const expected = linesFromColumns(columns(), dicts);
    const keys = Object.keys(columns());
    const rotations = keys.map((_, r) => [...keys.slice(r), ...keys.slice(0, r)]);
    for (const keysInOrder of [...rotations, [...keys].reverse()]) {
      const b = new LinesBuilder();
      const cols = columns();
      for (const k of keysInOrder) b.add(k, cols[k]);
      expect(b.finish(dicts)).toEqual(expected);
    }
  });
});
