import { describe, expect, it } from 'vitest';
import { campaignOutcome } from '../../../src/analytics/actions/campaign';
import { code, makeLines } from '../economics/fixture';

// Saved at C = day 100, window W = 90: (100, 190].
const LINES = makeLines([
  { c: 'A', d: 150, a: 60 }, // list, active
  { c: 'B', d: 190, a: 40 }, // list, active on the last day of the window
  { c: 'B', d: 191, a: 1000 }, // after the window
  { c: 'C', d: 100, a: 70 }, // list: on C itself, outside (C, C + W]
  { c: 'C', d: 120, a: -10 }, // a return in the window: revenue −10, no occasion
  { c: 'K', d: 200, a: 80 }, // comparison, after the window
  { c: 'L', d: 101, a: 25 }, // comparison, active
]);
const ids = (...c: string[]) => Int32Array.from(c, (x) => code(LINES, x));

describe('campaign outcome', () => {
  it('list: 2 of 3 active (rate 2/3), revenue 60 + 40 − 10 = 90; comparison: 1 of 2, revenue 25', () => {
    const res = campaignOutcome(LINES, {
      list: ids('A', 'B', 'C'),
      comparison: ids('K', 'L', 'A'), // A is on the list: left out of the comparison
      savedDay: 100,
      opts: { asOf: 300 },
    });
    expect([res.windowStart, res.windowEnd]).toEqual([100, 190]);
    expect(res.list).toEqual({ size: 3, active: 2, rate: 2 / 3, revenue: 90 });
    expect(res.comparison).toEqual({ size: 2, active: 1, rate: 0.5, revenue: 25 });
    expect(res.listReason).toBeNull();
    expect(res.comparisonReason).toBeNull();
  });

  it('the window is cut at D = 160: only A active (1/3), revenue 60 − 10 = 50', () => {
    const res = campaignOutcome(LINES, {
      list: ids('A', 'B', 'C'),
      comparison: ids(),
      savedDay: 100,
      opts: { asOf: 160 },
    });
    expect(res.windowEnd).toBe(160);
    expect(res.list).toEqual({ size: 3, active: 1, rate: 1 / 3, revenue: 50 });
  });

  it('an empty comparison group is a reason, not 0', () => {
    const res = campaignOutcome(LINES, {
      list: ids('A'),
      comparison: ids('A'),
      savedDay: 100,
      opts: { asOf: 300 },
    });
    expect(res.comparison).toBeNull();
    expect(res.comparisonReason).toBe('noComparison');
  });

  it('data not past C: no outcome yet', () => {
    const res = campaignOutcome(LINES, {
      list: ids('A'),
      comparison: ids('K'),
      savedDay: 100,
      opts: { asOf: 100 },
    });
    expect(res.list).toBeNull();
    expect(res.listReason).toBe('noLaterData');
    expect(res.comparisonReason).toBe('noLaterData');
  });

  it('W = 30: (100, 130]: none of the list bought (A on day 150), revenue −10; L active', () => {
    const res = campaignOutcome(LINES, {
      list: ids('A', 'B', 'C'),
      comparison: ids('K', 'L'),
      savedDay: 100,
      windowDays: 30,
      opts: { asOf: 300 },
    });
    expect(res.list).toEqual({ size: 3, active: 0, rate: 0, revenue: -10 });
    expect(res.comparison).toEqual({ size: 2, active: 1, rate: 0.5, revenue: 25 });
  });
});
