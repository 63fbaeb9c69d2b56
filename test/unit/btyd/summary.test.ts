import { describe, expect, it } from 'vitest';
import { calibrationSummary, compress, type Occasions } from '../../../src/analytics/btyd/summary';

// [customer, day, value]; calibration ends on day 21, unit = week.
const ROWS: [number, number, number][] = [
  [5, 0, 10],
  [5, 7, 20],
  [5, 14, 40],
  [5, 30, 100],
  [7, 3, 5],
  [7, 3, 5], // same day: one occasion
  [9, 25, 50], // first purchase after the calibration end: not in the summary
  [9, 40, 50],
  [11, 1, 0],
  [11, 2, 0], // repeat value 0: m undefined
];

const occasions = (withValues: boolean): Occasions => ({
  customer: Int32Array.from(ROWS, (r) => r[0]),
  day: Int32Array.from(ROWS, (r) => r[1]),
  value: withValues ? Float64Array.from(ROWS, (r) => r[2]) : null,
});

describe('calibrationSummary', () => {
  it('computes x, t_x, T, m, holdout and first day per METRICS.md', () => {
    const s = calibrationSummary(occasions(true), 21, 7);
    expect(s.endDay).toBe(40);
    expect(s.hasValues).toBe(true);
    expect(Array.from(s.customer)).toEqual([5, 7, 11]);
    expect(Array.from(s.x)).toEqual([2, 0, 1]);
    expect(Array.from(s.tx)).toEqual([2, 0, 1 / 7]);
    expect(Array.from(s.T)).toEqual([3, 18 / 7, 20 / 7]);
    expect(s.m[0]).toBe(30);
    expect(Number.isNaN(s.m[1])).toBe(true);
    expect(Number.isNaN(s.m[2])).toBe(true);
    expect(Array.from(s.holdout)).toEqual([1, 0, 0]);
    expect(Array.from(s.firstDay)).toEqual([0, 3, 1]);
  });

  it('works in days and without amounts', () => {
    const s = calibrationSummary(occasions(false), 21, 1);
    expect(s.hasValues).toBe(false);
    expect(Array.from(s.tx)).toEqual([14, 0, 1]);
    expect(Array.from(s.T)).toEqual([21, 18, 20]);
    expect(Array.from(s.m).every(Number.isNaN)).toBe(true);
  });
});

describe('compress', () => {
  it('maps customers to unique triples with counts, levels and (x, time) pairs', () => {
    const x = [0, 0, 1, 1, 0, 3];
    const tx = [0, 0, 2, 2, 0, 5];
    const T = [5, 5, 4, 4, 6, 5];
    const tr = compress(x, tx, T);
    expect(tr.count).toBe(4);
    expect(Array.from(tr.weight)).toEqual([2, 2, 1, 1]);
    expect(Array.from(tr.index)).toEqual([0, 0, 1, 1, 2, 3]);
    for (let c = 0; c < x.length; c++) {
      const k = tr.index[c];
      expect([tr.x[k], tr.tx[k], tr.T[k]]).toEqual([x[c], tx[c], T[c]]);
    }
    for (let k = 0; k < tr.count; k++) {
      expect(tr.xLevels[tr.xRef[k]]).toBe(tr.x[k]);
      expect(tr.times[tr.txRef[k]]).toBe(tr.tx[k]);
      expect(tr.times[tr.TRef[k]]).toBe(tr.T[k]);
      expect(tr.xLevels[tr.pairX[tr.txPair[k]]]).toBe(tr.x[k]);
      expect(tr.times[tr.pairTime[tr.txPair[k]]]).toBe(tr.tx[k]);
      expect(tr.times[tr.pairTime[tr.TPair[k]]]).toBe(tr.T[k]);
    }
    // Distinct times 0, 5, 2, 4, 6; pairs (0,0), (0,5), (1,2), (1,4), (0,6), (3,5).
    expect(tr.times.length).toBe(5);
    expect(tr.pairX.length).toBe(6);
  });
});
