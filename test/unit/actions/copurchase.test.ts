import { describe, expect, it } from 'vitest';
import {
  coPurchase,
  pairFigures,
  productJourney,
  whitespaceCustomers,
  whitespaceRanking,
} from '../../../src/analytics/actions/copurchase';
import { code, makeLines, tableOf } from '../economics/fixture';

// Categories X, Y, Z (codes 0, 1, 2 in order of first appearance). D = day 100.
//   P: order o1 on day 1 (X 10, Y 20), order o2 on day 5 (Y 30)        bought X, Y
//   Q: o3 day 1 (X 40), o4 day 2 (Y 5), o5 day 3 (a return in Z: −5)    bought X, Y (a return is no purchase)
//   R: o6 day 1 (Z 15)                                                  bought Z
//   S: o7 day 1 (Z 100), o8 day 2 (X 1)                                 bought Z, X
const D = 100;
const LINES = makeLines([
  { c: 'P', d: 1, a: 10, o: 'o1', cat: 'X' },
  { c: 'P', d: 1, a: 20, o: 'o1', cat: 'Y' },
  { c: 'P', d: 5, a: 30, o: 'o2', cat: 'Y' },
  { c: 'Q', d: 1, a: 40, o: 'o3', cat: 'X' },
  { c: 'Q', d: 2, a: 5, o: 'o4', cat: 'Y' },
  { c: 'Q', d: 3, a: -5, o: 'o5', cat: 'Z' },
  { c: 'R', d: 1, a: 15, o: 'o6', cat: 'Z' },
  { c: 'S', d: 1, a: 100, o: 'o7', cat: 'Z' },
  { c: 'S', d: 2, a: 1, o: 'o8', cat: 'X' },
]);
const T = tableOf(LINES, D);
const OPTS = { asOf: D };
const [X, Y, Z] = [0, 1, 2];

describe('co-purchase over customers', () => {
  const cp = coPurchase(LINES, T, 'category', OPTS);

  it('buyers per category: X {P, Q, S} 3, Y {P, Q} 2, Z {R, S} 2, of 4 customers', () => {
    expect(cp.labels).toEqual(['X', 'Y', 'Z']);
    expect(cp.customers).toBe(4);
    expect([...cp.buyers]).toEqual([3, 2, 2]);
  });

  it('X → Y: support(X) 3/4, confidence 2/3, lift (2/3) / (2/4) = 4/3', () => {
    const f = pairFigures(cp, X, Y);
    expect(f.supportA).toBe(0.75);
    expect(f.confidence).toBeCloseTo(2 / 3, 12);
    expect(f.lift).toBeCloseTo(4 / 3, 12);
  });

  it('Y → X: confidence 2/2 = 1, lift 1 / (3/4) = 4/3; X → Z: confidence 1/3, lift (1/3) / (1/2) = 2/3', () => {
    expect(pairFigures(cp, Y, X).confidence).toBe(1);
    expect(pairFigures(cp, Y, X).lift).toBeCloseTo(4 / 3, 12);
    expect(pairFigures(cp, X, Z).lift).toBeCloseTo(2 / 3, 12);
  });

  it('whitespace X → Y: {S}, 1 × 2/3 × mean Y revenue of P (50) and Q (5) = 27.5 → 18.333', () => {
    const f = pairFigures(cp, X, Y);
    expect(f.whitespace).toBe(1);
    expect(f.expectedRevenue).toBeCloseTo((1 * 2 * 27.5) / 3, 9);
  });

  it('whitespace X → Z: {P, Q} (Q only returned Z), 2 × 1/3 × S’s Z revenue 100 = 66.667', () => {
    const f = pairFigures(cp, X, Z);
    expect(f.whitespace).toBe(2);
    expect(f.expectedRevenue).toBeCloseTo(200 / 3, 9);
    expect([...whitespaceCustomers(LINES, T, 'category', OPTS, X, Z)]).toEqual([
      code(LINES, 'P'),
      code(LINES, 'Q'),
    ]);
  });

  it('ranking: X → Z 66.67, X → Y 18.33, Z → X (R; 1 × 1/2 × 1 = 0.5); pairs without a joint buyer are left out', () => {
    const r = whitespaceRanking(cp);
    expect(r.map((f) => [f.a, f.b])).toEqual([
      [X, Z],
      [X, Y],
      [Z, X],
    ]);
    expect(r[2].expectedRevenue).toBeCloseTo(0.5, 12);
  });
});

describe('product journey', () => {
  it('first and second purchase order: P (Y, Y), Q (X, Y; the return o5 is no purchase order), S (Z, X)', () => {
    // P: o1 has X 10, Y 20 → main Y; o2 Y. Q: o3 X, o4 Y. R has one order only.
    const steps = productJourney(LINES, T, 'category', OPTS);
    expect(steps).toEqual([
      { from: X, to: Y, customers: 1 },
      { from: Y, to: Y, customers: 1 },
      { from: Z, to: X, customers: 1 },
    ]);
  });

  it('without order ids an order is a customer-day; a tie goes to the lower code; net < 0 is no purchase order', () => {
    // U: day 1 X 10 + Y 10 (tie → X); day 2 Y 5 + X −20 (net −15: not a purchase order); day 3 Z 5 → (X, Z).
    // V: day 1 Y 7; day 4 X 3, X 3, Z 5 (X 6 > Z 5) → (Y, X). W: day 2 Z 1; day 3 Z 2 → (Z, Z).
    const lines = makeLines([
      { c: 'U', d: 1, a: 10, cat: 'X' },
      { c: 'U', d: 1, a: 10, cat: 'Y' },
      { c: 'U', d: 2, a: 5, cat: 'Y' },
      { c: 'U', d: 2, a: -20, cat: 'X' },
      { c: 'U', d: 3, a: 5, cat: 'Z' },
      { c: 'V', d: 1, a: 7, cat: 'Y' },
      { c: 'V', d: 4, a: 3, cat: 'X' },
      { c: 'V', d: 4, a: 3, cat: 'X' },
      { c: 'V', d: 4, a: 5, cat: 'Z' },
      { c: 'W', d: 2, a: 1, cat: 'Z' },
      { c: 'W', d: 3, a: 2, cat: 'Z' },
      { c: 'W', d: 3, a: 2, cat: 'Z' },
    ]);
    const steps = productJourney(lines, tableOf(lines, 10), 'category', { asOf: 10 });
    expect(steps).toEqual([
      { from: X, to: Z, customers: 1 },
      { from: Y, to: X, customers: 1 },
      { from: Z, to: Z, customers: 1 },
    ]);
  });

  it('a tie in money is a tie despite floating-point noise: 3 × 38.40 and 18 × 6.40 are both 115.20 → lower code', () => {
    // o1: X 3 × 38.40 (115.19999999999999 in floating point), Y 18 × 6.40 (115.2): a tie → X; o2: Z 1 → (X, Z).
    const lines = makeLines([
      { c: 'U', d: 1, a: 3 * 38.4, o: 'o1', cat: 'X' },
      { c: 'U', d: 1, a: 18 * 6.4, o: 'o1', cat: 'Y' },
      { c: 'U', d: 2, a: 1, o: 'o2', cat: 'Z' },
    ]);
    expect(productJourney(lines, tableOf(lines, 10), 'category', { asOf: 10 })).toEqual([
      { from: X, to: Z, customers: 1 },
    ]);
  });

  it('lines after D are ignored: with D = 1 nobody has two purchase orders', () => {
    expect(productJourney(LINES, tableOf(LINES, 1), 'category', { asOf: 1 })).toEqual([]);
  });
});
