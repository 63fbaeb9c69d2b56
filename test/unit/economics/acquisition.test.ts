import { describe, expect, it } from 'vitest';
import {
  firstYearContribution,
  ltvToCac,
  maxAffordableCac,
  meanFirstOrderValue,
  meanSpend,
  newCustomerClv,
  newCustomerRepeatValue,
  observedPaybackMonth,
  paybackMonths,
  type ValueModel,
} from '../../../src/analytics/economics/acquisition';
import { buildOrders, customerOrders } from '../../../src/analytics/economics/margin';
import { bgnbdUnconditionalExpected } from '../../../src/analytics/btyd/bgnbd';
import { DAYS_PER_MONTH } from '../../../src/analytics/btyd/clv';
import { code, day, makeLines, tableOf } from './fixture';

// CDNOW-like parameters (weeks) and a spend model with mean pγ/(q − 1) = 6 × 10 / 2 = 30.
const MODEL: ValueModel = {
  purchase: { model: 'bgnbd', params: { r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, unitDays: 7 },
  spend: { p: 6, q: 3, gamma: 10 },
};

describe('newCustomerClv', () => {
  it('E[spend] = pγ / (q − 1)', () => {
    expect(meanSpend(MODEL.spend)).toBe(30);
    expect(meanSpend({ p: 1, q: 1, gamma: 1 })).toBe(Infinity);
  });

  it('without discount the repeat value telescopes to E[spend] × E[X(H months)]', () => {
    const weeks = (12 * DAYS_PER_MONTH) / 7;
    const ex = bgnbdUnconditionalExpected(MODEL.purchase.params as never, weeks);
    expect(newCustomerRepeatValue(MODEL, 12, 0)).toBeCloseTo(30 * ex, 9);
  });

  it('discounting lowers it, by no more than the last month’s factor', () => {
    const plain = newCustomerRepeatValue(MODEL, 36, 0);
    const discounted = newCustomerRepeatValue(MODEL, 36, 0.01);
    expect(discounted).toBeLessThan(plain);
    expect(discounted).toBeGreaterThan(plain / 1.01 ** 36);
  });

  it('margin rate × (mean first-order value + repeat value)', () => {
    const repeat = newCustomerRepeatValue(MODEL, 12, 0.01);
    expect(newCustomerClv(0.4, 50, MODEL, 12, 0.01)).toBeCloseTo(0.4 * (50 + repeat), 9);
  });

  it('max affordable CAC and LTV:CAC', () => {
    expect(maxAffordableCac({ value: 300, reason: null }, 3)).toEqual({ value: 100, reason: null });
    expect(maxAffordableCac({ value: null, reason: 'noMargin' }, 3)).toEqual({
      value: null,
      reason: 'noMargin',
    });
    expect(ltvToCac({ value: 300, reason: null }, { value: 150, reason: null })).toEqual({
      value: 2,
      reason: null,
    });
    expect(ltvToCac({ value: 300, reason: null }, { value: 0, reason: null }).reason).toBe('zeroCac');
    expect(ltvToCac({ value: 300, reason: null }, { value: null, reason: 'noSpend' }).reason).toBe('noSpend');
  });
});

describe('payback', () => {
  // D = 2024-12-31: the payback cohort is (D − 730d, D − 365d] = (2023-01-01, 2024-01-01].
  const D = day('2024-12-31');
  const lines = makeLines([
    { c: 'X', d: day('2023-03-01'), a: 100 },
    { c: 'X', d: day('2023-05-01'), a: 50 },
    { c: 'X', d: day('2024-06-01'), a: 500 },
    { c: 'Y', d: day('2023-03-01'), a: 60 },
    { c: 'Y', d: day('2023-03-10'), a: -20 },
    // Z is new in the last year: not in the cohort.
    { c: 'Z', d: day('2024-03-01'), a: 80 },
  ]);
  const table = tableOf(lines, D);
  const settings = {
    marginPercent: 50,
    marginByCategory: {},
    costPerOrder: 2,
    costPerReturn: 4,
    serviceCostPerTicket: null,
    serviceCostPerCustomerYear: null,
  };
  const orders = buildOrders(lines, { asOf: D }, settings);
  const channelOf = new Int32Array(3);
  channelOf[code(lines, 'Z')] = -1;
  const fy = firstYearContribution(table, orders, channelOf, 1, settings, new Float64Array(3));

  it('the first year per month after the first purchase', () => {
    expect(fy.customers[0]).toBe(2);
    // Month 0: X 50 − 2, Y 30 − 2 and Y's return −10 − 4; month 2 (61 days): X 25 − 2; X's 2024 order is later.
    expect(fy.byMonth[0]).toBeCloseTo(62, 9);
    expect(fy.byMonth[1]).toBe(0);
    expect(fy.byMonth[2]).toBeCloseTo(23, 9);
    expect(fy.customers[1]).toBe(0);
  });

  it('payback months = CAC / (first-year contribution per new customer / 12); observed month', () => {
    const cac = { value: 34, reason: null };
    // 85 / 2 customers = 42.5 a year.
    expect(paybackMonths(cac, fy, 0, true).value).toBeCloseTo(34 / (42.5 / 12), 9);
    // Cumulative per customer: 31 after month 1 and 2, 42.5 after month 3.
    expect(observedPaybackMonth(cac, fy, 0, true)).toEqual({ value: 3, reason: null });
    expect(observedPaybackMonth({ value: 50, reason: null }, fy, 0, true)).toEqual({
      value: null,
      reason: 'noPayback',
    });
    expect(paybackMonths(cac, fy, 0, false).reason).toBe('shortHistory');
    expect(paybackMonths(cac, fy, 1, true).reason).toBe('noNewCustomers');
    expect(paybackMonths({ value: null, reason: 'noSpend' }, fy, 0, true).reason).toBe('noSpend');
  });

  it('mean first-order value of the new customers of a window', () => {
    const co = customerOrders(orders, table.size);
    expect(meanFirstOrderValue(table, co.firstOrderValue, channelOf, 0, D - 730, D - 365)).toEqual({
      mean: 80,
      customers: 2,
    });
    expect(meanFirstOrderValue(table, co.firstOrderValue, channelOf, 'all', D - 365, D)).toEqual({
      mean: 80,
      customers: 1,
    });
  });
});
