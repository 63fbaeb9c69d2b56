// The Economics view's pure helpers: the channel table as CSV (unavailable cells empty, their reasons in a notes
// column, the blended row), the numbered notes, the CAC per period as a table, the what-if change, and the chart
// configs (the target line of LTV:CAC). Every expected value is written out by hand.
import { describe, expect, it } from 'vitest';
import { localeCsv } from '../../src/shared/csv';
import type { CacPeriods, ChannelRow, EconomicsReason, Figure } from '../../src/shared/economics';
import {
  cacPeriodTable,
  channelCsv,
  footnotesOf,
  periodLabel,
  relativeChange,
  type ChannelCsvLabels,
} from '../../src/views/economics/econ-tables';
import { cacPeriodsConfig, channelColumnsConfig } from '../../src/charts/economics';

const ok = (value: number): Figure => ({ value, reason: null });
const na = (reason: EconomicsReason): Figure => ({ value: null, reason });

// Webshop: spend 1,000 on 4 new customers → CAC 250; CLV 900 → max CAC 900 / 3 = 300, LTV:CAC 900 / 250 = 3.6.
const webshop: ChannelRow = {
  channel: 'Webshop',
  customers: 10,
  newCustomers: 4,
  spend: 1000,
  cac: ok(250),
  newCustomerClv: { ...ok(900), fit: 'all' },
  maxAffordableCac: ok(300),
  ltvToCac: ok(3.6),
  paybackMonths: ok(7.5),
  observedPaybackMonth: na('shortHistory'),
  inCustomers: true,
  inSpend: true,
};
// No channel, no spend: CAC and what needs it unavailable.
const unknown: ChannelRow = {
  channel: null,
  customers: 5,
  newCustomers: 2,
  spend: 0,
  cac: na('noSpend'),
  newCustomerClv: { ...ok(450.5), fit: 'channel' },
  maxAffordableCac: ok(150.1667),
  ltvToCac: na('noSpend'),
  paybackMonths: na('noSpend'),
  observedPaybackMonth: na('noSpend'),
  inCustomers: true,
  inSpend: false,
};
// Blended: 1,000 on 6 new customers = 166.67.
const blended = { spend: 1000, newCustomers: 6, cac: ok(1000 / 6) };

const reasonWords: Record<EconomicsReason, string> = {
  noAmount: 'no amount',
  noMargin: 'no margin',
  noSpend: 'no spend',
  filtered: 'filtered',
  noNewCustomers: 'no new customers',
  noMaster: 'no master',
  noFirstContact: 'no first contact',
  noScores: 'no scores',
  noForecast: 'no forecast',
  shortHistory: 'short history',
  noCustomers: 'no customers',
  noImpressions: 'no impressions',
  noClicks: 'no clicks',
  noLeads: 'no leads',
  zeroCac: 'zero CAC',
  noPayback: 'no payback',
};
const labels: ChannelCsvLabels = {
  channel: 'Channel',
  unknown: 'unknown',
  customers: 'Customers',
  newCustomers: 'New',
  spend: 'Spend',
  cac: 'CAC',
  clv: 'CLV',
  fit: 'Model',
  fitChannel: 'own',
  fitAll: 'all',
  maxCac: 'Max CAC',
  ltvToCac: 'LTV:CAC',
  payback: 'Payback',
  observed: 'Observed',
  notes: 'Notes',
  blended: 'Blended',
  reason: (r) => reasonWords[r],
};

describe('the channel table', () => {
  it('numbers each reason once, in the order the cells show them', () => {
    expect(footnotesOf([webshop, unknown])).toEqual(['shortHistory', 'noSpend']);
    expect(footnotesOf([webshop], na('noNewCustomers'))).toEqual(['shortHistory', 'noNewCustomers']);
    expect(footnotesOf([])).toEqual([]);
  });

  it('writes the CSV with empty unavailable cells, the reasons in the notes and the blended row', () => {
    const t = channelCsv([webshop, unknown], blended, labels);
    expect(localeCsv('en', t.columns, t.rows).split('\r\n')).toEqual([
      'Channel,Customers,New,Spend,CAC,CLV,Model,Max CAC,LTV:CAC,Payback,Observed,Notes',
      'Webshop,10,4,1000,250,900,all,300,3.6,7.5,,short history',
      'unknown,5,2,0,,450.5,own,150.17,,,,no spend',
      'Blended,15,6,1000,166.67,,,,,,,',
      '',
    ]);
    expect(localeCsv('de', t.columns, t.rows).split('\r\n')[3]).toBe('Blended;15;6;1000;166,67;;;;;;;');
  });

  it('without any spend data the spend cells are empty, not 0', () => {
    const t = channelCsv([webshop], blended, labels, false);
    expect(t.rows.map((r) => r[3])).toEqual([null, null]);
  });
});

describe('CAC per period', () => {
  it('gives one column per channel, in the order they first appear, and the blended CAC', () => {
    const p: CacPeriods = {
      granularity: 'quarter',
      periods: [
        {
          label: '2025-Q1',
          start: '2025-01-01',
          byChannel: [{ channel: 'Messe', spend: 300, newCustomers: 2, cac: 150 }],
          blended: { spend: 300, newCustomers: 2, cac: 150 },
        },
        {
          label: '2025-Q2',
          start: '2025-04-01',
          byChannel: [
            { channel: null, spend: 0, newCustomers: 1, cac: null },
            { channel: 'Messe', spend: 100, newCustomers: 0, cac: null },
          ],
          blended: { spend: 100, newCustomers: 1, cac: 100 },
        },
      ],
    };
    expect(cacPeriodTable(p, 'unknown')).toEqual({
      channels: ['Messe', 'unknown'],
      rows: [
        { label: '2025-Q1', byChannel: [150, null], blended: 150 },
        { label: '2025-Q2', byChannel: [null, null], blended: 100 },
      ],
    });
  });
});

describe('period labels', () => {
  it('writes months in the locale, quarters as Q1 2025, years as they are', () => {
    expect(periodLabel('2025-03', 'de')).toBe('März 2025');
    expect(periodLabel('2025-03', 'en')).toBe('Mar 2025');
    expect(periodLabel('2025-Q1', 'de')).toBe('Q1 2025');
    expect(periodLabel('2024', 'en')).toBe('2024');
  });
});

describe('the what-if change', () => {
  it('is relative to the size of the value before, and missing without a base', () => {
    expect(relativeChange(100, 120)).toBeCloseTo(0.2, 12);
    expect(relativeChange(-200, -100)).toBeCloseTo(0.5, 12);
    expect(relativeChange(0, 5)).toBeNull();
    expect(relativeChange(null, 5)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
  });
});

describe('the chart configs', () => {
  it('draws the target LTV:CAC as a dashed line of the same value at every channel', () => {
    const c = channelColumnsConfig(
      ['A', 'B'],
      [3.6, null],
      'LTV:CAC',
      String,
      {},
      { value: 3, label: 'Target' },
    );
    expect(c.data.datasets.map((d) => [d.type, d.label, d.data])).toEqual([
      ['bar', 'LTV:CAC', [3.6, null]],
      ['line', 'Target', [3, 3]],
    ]);
    expect(c.options?.plugins?.legend?.display).toBe(true);
    const plain = channelColumnsConfig(['A'], [250], 'CAC', String);
    expect(plain.data.datasets).toHaveLength(1);
    expect(plain.options?.plugins?.legend?.display).toBe(false);
  });

  it('draws one line per channel and the blended CAC last', () => {
    const c = cacPeriodsConfig(
      ['Q1', 'Q2'],
      [{ label: 'Messe', values: [150, null] }],
      { label: 'Blended', values: [150, 100] },
      String,
    );
    expect(c.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Messe', [150, null]],
      ['Blended', [150, 100]],
    ]);
  });
});
