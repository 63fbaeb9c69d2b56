import { describe, expect, it } from 'vitest';
import { funnel, nps, timeToValue } from '../../../src/analytics/economics/funnel';
import { spendRows, ChannelNames } from '../../../src/analytics/economics/channels';
import { NO_DAY } from '../../../src/shared/columns';
import { code, makeLines, records, tableOf } from './fixture';

const LINES = makeLines([
  { c: 'A', d: 100, a: 10 },
  { c: 'B', d: 110, a: 10 },
  { c: 'C', d: 120, a: 10 },
  { c: 'D', d: 130, a: 10 },
  { c: 'E', d: 140, a: 10 },
]);
const TABLE = tableOf(LINES, 200);
const at = (
  values: Record<string, number>,
  fill: number,
  ctor: Int32ArrayConstructor | Float64ArrayConstructor,
) => {
  const out = new ctor(TABLE.size).fill(fill);
  for (const [id, v] of Object.entries(values)) out[code(LINES, id)] = v;
  return out;
};

describe('time-to-value', () => {
  it('median days from first contact to first purchase; a contact after the first purchase is counted apart', () => {
    // A 10 days, B 0 days, C 30 days, D's contact is after its first purchase, E has none.
    const contact = at({ A: 90, B: 110, C: 90, D: 131 }, NO_DAY, Int32Array) as Int32Array;
    expect(timeToValue(TABLE, contact, 'noFirstContact')).toEqual({
      value: 10,
      reason: null,
      customers: 3,
      contactsAfterFirstPurchase: 1,
    });
  });

  it('without master data or a first-contact column: the reason', () => {
    expect(timeToValue(TABLE, null, 'noMaster').reason).toBe('noMaster');
    expect(timeToValue(TABLE, null, 'noFirstContact').reason).toBe('noFirstContact');
    const onlyAfter = at({ A: 150 }, NO_DAY, Int32Array) as Int32Array;
    expect(timeToValue(TABLE, onlyAfter, 'noFirstContact')).toMatchObject({
      value: null,
      reason: 'noFirstContact',
      contactsAfterFirstPurchase: 1,
    });
  });
});

describe('NPS', () => {
  it('share of 9–10 minus share of 0–6 among scores on the 0–10 scale', () => {
    // Promoters A (10), B (9); passive C (7); detractor D (3); E scored 11: not on the scale.
    const score = at({ A: 10, B: 9, C: 7, D: 3, E: 11 }, NaN, Float64Array) as Float64Array;
    expect(nps(TABLE, score)).toEqual({ value: (2 - 1) / 4, scored: 4 });
    expect(nps(TABLE, null).value).toBeNull();
  });
});

describe('funnel', () => {
  const base = {
    table: TABLE,
    newCustomers: 5,
    firstOrderAov: 10,
    aov: 10,
    repeatRate: 0,
    clv: null,
    nps: null,
  };

  it('without spend and scores: awareness, consideration and advocacy say what to import', () => {
    const f = funnel({ ...base, rows: null });
    expect(f.map((s) => [s.phase, s.hint])).toEqual([
      ['awareness', 'spendImpressions'],
      ['consideration', 'spendClicksLeads'],
      ['decision', null],
      ['delivery', null],
      ['retention', null],
      ['advocacy', 'masterNps'],
    ]);
    expect(f[2].kpis.map((k) => k.id)).toEqual(['newCustomers', 'firstOrderAov']);
  });

  it('with impressions, clicks and leads in the last year: click rate, cost per click and lead, conversion', () => {
    const spend = records({
      days: { period: [150, 160, 10] },
      codes: { channel: ['Ads', 'Ads', 'Ads'] },
      numbers: {
        amount: [100, 100, 999],
        impressions: [1000, 3000, 5],
        clicks: [40, 60, 5],
        leads: [10, 15, 5],
      },
    });
    const rows = spendRows([spend], [], {}, new ChannelNames());
    const f = funnel({ ...base, rows, nps: 0.25 });
    expect(f.every((s) => s.hint === null)).toBe(true);
    const kpi = (phase: number, id: string) => f[phase].kpis.find((k) => k.id === id)?.value;
    // D = 200: the last year is (−165, 200], so all three rows count.
    expect(kpi(0, 'impressions')).toBe(4005);
    expect(kpi(1, 'clickRate')).toBeCloseTo(105 / 4005, 12);
    expect(kpi(1, 'costPerClick')).toBeCloseTo(1199 / 105, 12);
    expect(kpi(1, 'costPerLead')).toBeCloseTo(1199 / 30, 12);
    expect(kpi(2, 'leadConversion')).toBeCloseTo(5 / 30, 12);
    expect(kpi(5, 'nps')).toBe(0.25);
  });
});
