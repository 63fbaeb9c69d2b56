// The customers × columns matrix (src/analytics/actions/matrix.ts) on a hand-made case with 34 categories, so that
// the bitsets span two words. Z buys k0 … k33 (one each, codes 0 … 33 in that order); X buys k0 30 and k1 20 in o1
// (day 10), then k2 50 and returns k0 −10 in o2 (day 20); Y returns k1 −15 in o3 (day 5) and buys k33 100 in o4.
import { describe, expect, it } from 'vitest';
import {
  boughtPositions,
  columnFilter,
  customerColumns,
  hasColumn,
  idRank,
  lastColumns,
  sortCodes,
  usualColumns,
} from '../../../src/analytics/actions/matrix';
import { code, makeLines, tableOf, type Row } from '../economics/fixture';

const rows: Row[] = [
  ...Array.from({ length: 34 }, (_, k): Row => ({ c: 'Z', d: 1, a: 1, o: 'oz', cat: `k${k}` })),
  { c: 'X', d: 10, a: 30, o: 'o1', cat: 'k0' },
  { c: 'X', d: 10, a: 20, o: 'o1', cat: 'k1' },
  { c: 'X', d: 20, a: 50, o: 'o2', cat: 'k2' },
  { c: 'X', d: 20, a: -10, o: 'o2', cat: 'k0' },
  { c: 'Y', d: 5, a: -15, o: 'o3', cat: 'k1' },
  { c: 'Y', d: 6, a: 100, o: 'o4', cat: 'k33' },
];
const lines = makeLines(rows);
const t = tableOf(lines, 30);
const m = customerColumns(lines, t, 'category', { asOf: 30 });
const [X, Y, Z] = ['X', 'Y', 'Z'].map((id) => code(lines, id));

describe('customers × columns', () => {
  it('marks what each customer bought (returns do not count), in two words', () => {
    expect(m.words).toBe(2);
    expect([0, 1, 2].map((g) => hasColumn(m, X, g))).toEqual([true, true, true]);
    expect(hasColumn(m, X, 33)).toBe(false);
    expect(hasColumn(m, Y, 1)).toBe(false);
    expect(hasColumn(m, Y, 33)).toBe(true);
    expect([m.count[Z], m.count[X], m.count[Y]]).toEqual([34, 3, 1]);
  });

  it('orders the columns by buyers, equal counts by code', () => {
    // k0, k1, k2, k33: two buyers each; every other column: Z alone.
    expect(Array.from(m.byBuyers.subarray(0, 5))).toEqual([0, 1, 2, 33, 3]);
    expect(m.buyers[33]).toBe(2);
    expect(m.buyers[1]).toBe(2);
    expect(boughtPositions(m, Y)).toEqual([3]);
    expect(boughtPositions(m, X)).toEqual([0, 1, 2]);
  });

  it('usual columns by net revenue and the last purchase order', () => {
    // X: k2 50, k0 30 − 10 = 20, k1 20 (tie: lower code first).
    expect(usualColumns(m, X)).toEqual([2, 0, 1]);
    // The last purchase order o2: k2 (the k0 line is a return).
    expect(lastColumns(m, X)).toEqual([2]);
    expect(usualColumns(m, Y)).toEqual([33]);
    expect(lastColumns(m, Y)).toEqual([33]);
    expect(usualColumns(m, Z)).toEqual([0, 1, 2]);
  });

  it('filters by has and has-not', () => {
    const f = columnFilter(m, [33], [0])!;
    expect([X, Y, Z].filter(f)).toEqual([Y]);
    const g = columnFilter(m, [0, 2], [])!;
    expect([X, Y, Z].filter(g).sort()).toEqual([X, Z].sort());
    expect(columnFilter(m, [], [])).toBeNull();
  });

  it('sorts by a key, equal keys by id (numeric-aware) in both directions', () => {
    const rank = idRank(lines.dicts.customer);
    expect(Array.from(sortCodes([X, Y, Z], (c) => m.count[c], rank, true))).toEqual([Z, X, Y]);
    expect(Array.from(sortCodes([X, Y, Z], () => 1, rank, true))).toEqual([X, Y, Z]);
    expect(Array.from(sortCodes([X, Y, Z], () => 1, rank, false))).toEqual([X, Y, Z]);
    const ids = ['K10', 'K9', 'k1'];
    const r = idRank(ids);
    expect(Array.from(sortCodes([0, 1, 2], () => 0, r, false)).map((c) => ids[c])).toEqual([
      'k1',
      'K9',
      'K10',
    ]);
  });
});
