import { describe, expect, it } from 'vitest';
import { channelOrderKpis, funnel, nps, timeToValue } from '../../../src/analytics/economics/funnel';
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

  it("per channel: only the scores of that channel's customers", () => {
    const score = at({ A: 10, B: 9, C: 7, D: 3, E: 11 }, NaN, Float64Array) as Float64Array;
    // Channel 0: A, C, D (one promoter, one passive, one detractor); channel 1: B; E unknown (−1).
    const channelOf = at({ A: 0, B: 1, C: 0, D: 0 }, -1, Int32Array) as Int32Array;
    expect(nps(TABLE, score, channelOf, 0)).toEqual({ value: 0, scored: 3 });
    expect(nps(TABLE, score, channelOf, 1)).toEqual({ value: 1, scored: 1 });
    expect(nps(TABLE, score, channelOf, -1)).toEqual({ value: null, scored: 0 });
  });
});

describe('order KPIs of one channel', () => {
  it("AOV over the channel's purchase orders, its repeat rate and mean CLV", () => {
    // X: orders 10 and 30; Y: one order 20; Z (other channel): 100.
    const lines = makeLines([
      { c: 'X', d: 100, a: 10 },
      { c: 'X', d: 150, a: 30 },
      { c: 'Y', d: 120, a: 20 },
      { c: 'Z', d: 130, a: 100 },
    ]);
    const table = tableOf(lines, 200);
    const channelOf = new Int32Array(table.size).fill(-1);
    channelOf[code(lines, 'X')] = 0;
    channelOf[code(lines, 'Y')] = 0;
    channelOf[code(lines, 'Z')] = 1;
    const clv = new Float64Array(table.size).fill(NaN);
    clv[code(lines, 'X')] = 50;
    clv[code(lines, 'Y')] = 10;
    expect(channelOrderKpis(table, channelOf, 0, clv)).toEqual({
      aov: 60 / 3,
      repeatRate: 1 / 2,
      meanClv: 30,
    });
    expect(channelOrderKpis(table, channelOf, 1, clv)).toEqual({ aov: 100, repeatRate: 0, meanClv: null });
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
    // With a filter the new customers are filtered and the leads are not: no lead conversion, the rest stays.
    const filtered = funnel({ ...base, rows, nps: 0.25, filtered: true });
    expect(filtered[2].kpis.map((k) => k.id)).toEqual(['newCustomers', 'firstOrderAov']);
    expect(filtered[1].kpis.find((k) => k.id === 'costPerLead')?.value).toBeCloseTo(1199 / 30, 12);
  });

  it("per channel: only that channel's spend rows count", () => {
    const spend = records({
      days: { period: [150, 160, 170] },
      codes: { channel: ['Ads', 'Mail', 'Ads'] },
      numbers: {
        amount: [100, 50, 300],
        impressions: [1000, 500, 3000],
        clicks: [10, 5, 30],
        leads: [NaN, 2, NaN],
      },
    });
    const names = new ChannelNames();
    const rows = spendRows([spend], [], {}, names);
    const ads = funnel({ ...base, rows, channel: names.index('Ads') });
    const kpi = (f: typeof ads, phase: number, id: string) => f[phase].kpis.find((k) => k.id === id)?.value;
    expect(kpi(ads, 0, 'impressions')).toBe(4000);
    expect(kpi(ads, 1, 'costPerClick')).toBeCloseTo(400 / 40, 12);
    expect(kpi(ads, 1, 'leads')).toBeUndefined();
    const mail = funnel({ ...base, rows, channel: names.index('Mail') });
    expect(kpi(mail, 1, 'costPerLead')).toBe(25);
    expect(kpi(mail, 2, 'leadConversion')).toBe(5 / 2);
  });

  it('all channels: lead conversion counts only the new customers of channels whose rows carry leads', () => {
    const spend = records({
      days: { period: [150, 160] },
      codes: { channel: ['Ads', 'Fair'] },
      numbers: { amount: [100, 500], leads: [8, NaN] },
    });
    const names = new ChannelNames();
    const rows = spendRows([spend], [], {}, names);
    // 5 new customers: 2 of Ads (8 leads), 3 of Fair (no leads counted): 2 / 8, not 5 / 8.
    const newByChannel = new Float64Array(names.size + 1);
    newByChannel[names.index('Ads')] = 2;
    newByChannel[names.index('Fair')] = 3;
    const f = funnel({ ...base, rows, newByChannel });
    const kpi = (phase: number, id: string) => f[phase].kpis.find((k) => k.id === id)?.value;
    expect(kpi(2, 'newCustomers')).toBe(5);
    expect(kpi(2, 'leadConversion')).toBe(2 / 8);
  });
});
