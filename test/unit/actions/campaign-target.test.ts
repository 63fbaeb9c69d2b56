import { describe, expect, it } from 'vitest';
import { campaignOutcome } from '../../../src/analytics/actions/campaign';
import { code, makeLines } from '../economics/fixture';

// A cross-sell campaign A → B saved at C = day 100, window W = 90: (100, 190]. Target B = category 'B'.
const LINES = makeLines([
  { c: 'P', d: 120, a: 50, cat: 'B' }, // list: a purchase line in B in the window → converted
  { c: 'P', d: 130, a: 30, cat: 'A' }, // list: revenue outside the target
  { c: 'Q', d: 150, a: 70, cat: 'A' }, // list: bought again, but not B → not converted
  { c: 'R', d: 140, a: -20, cat: 'B' }, // list: only a return in B → not converted, revenue in B −20
  { c: 'R', d: 195, a: 90, cat: 'B' }, // list: B after the window
  { c: 'S', d: 100, a: 40, cat: 'B' }, // list: B on C itself, outside (C, C + W]
  { c: 'K', d: 180, a: 25, cat: 'B' }, // comparison: converted
  { c: 'L', d: 110, a: 15, cat: 'A' }, // comparison: not converted
]);
const ids = (...c: string[]) => Int32Array.from(c, (x) => code(LINES, x));
const B = { key: 'category', code: LINES.dicts.category.indexOf('B') };

describe('campaign outcome with a target (cross-sell)', () => {
  it('list: 1 of 4 converted (P), revenue 50 + 30 + 70 − 20 = 130, in B 50 − 20 = 30; comparison 1 of 2, 40, in B 25', () => {
    const res = campaignOutcome(LINES, {
      list: ids('P', 'Q', 'R', 'S'),
      comparison: ids('K', 'L'),
      savedDay: 100,
      target: B,
      opts: { asOf: 300 },
    });
    expect(res.list).toEqual({ size: 4, active: 1, rate: 1 / 4, revenue: 130, targetRevenue: 30 });
    expect(res.comparison).toEqual({ size: 2, active: 1, rate: 1 / 2, revenue: 40, targetRevenue: 25 });
  });

  it('without the target the same list counts purchase occasions: P and Q (2 of 4)', () => {
    const res = campaignOutcome(LINES, {
      list: ids('P', 'Q', 'R', 'S'),
      comparison: ids('K', 'L'),
      savedDay: 100,
      opts: { asOf: 300 },
    });
    expect(res.list).toEqual({ size: 4, active: 2, rate: 2 / 4, revenue: 130 });
  });

  it('a target not in the data (code −1): nobody converts, revenue in the target 0', () => {
    const res = campaignOutcome(LINES, {
      list: ids('P', 'Q'),
      comparison: ids('K'),
      savedDay: 100,
      target: { key: 'category', code: -1 },
      opts: { asOf: 300 },
    });
    expect(res.list).toEqual({ size: 2, active: 0, rate: 0, revenue: 150, targetRevenue: 0 });
    expect(res.comparison).toEqual({ size: 1, active: 0, rate: 0, revenue: 25, targetRevenue: 0 });
  });

  it("the window cut at D = 125: only P bought B (day 120); R's return on day 140 is after D", () => {
    const res = campaignOutcome(LINES, {
      list: ids('P', 'R'),
      comparison: ids(),
      savedDay: 100,
      target: B,
      opts: { asOf: 125 },
    });
    expect(res.windowEnd).toBe(125);
    expect(res.list).toEqual({ size: 2, active: 1, rate: 1 / 2, revenue: 50, targetRevenue: 50 });
    expect(res.comparisonReason).toBe('noComparison');
  });
});
