import { describe, expect, it } from 'vitest';
import {
  ChannelNames,
  cacPeriods,
  channelWindow,
  customerChannels,
  periodLabel,
  periodOf,
  purposeOf,
  spendInfo,
  shareIn,
  spendRows,
} from '../../../src/analytics/economics/channels';
import { joinMaster } from '../../../src/analytics/master-join';
import { code, day, makeLines, records, tableOf } from './fixture';

const D = day('2024-12-31');
const LINES = makeLines([
  { c: 'A', d: day('2024-02-10'), a: 100, ch: 'Shop' },
  { c: 'B', d: day('2024-02-20'), a: -10, ch: 'Web' },
  { c: 'B', d: day('2024-02-20'), a: 50, ch: '' },
  { c: 'B', d: day('2024-02-20'), a: 50, ch: 'web' },
  { c: 'B', d: day('2024-06-20'), a: 50, ch: 'Shop' },
  { c: 'C', d: day('2024-05-03'), a: 70, ch: 'Shop' },
  { c: 'Dd', d: day('2023-11-15'), a: 70, ch: 'Web' },
  { c: 'Dd', d: day('2024-03-15'), a: 70, ch: 'Shop' },
]);
const TABLE = tableOf(LINES, D);
const MASTER = records({ codes: { customer: ['A', 'C'], acquisitionChannel: ['Ads ', ''] } });
const SPEND = records({
  days: {
    period: [
      day('2024-01-01'),
      day('2024-02-01'),
      day('2024-02-01'),
      day('2024-04-01'),
      day('2025-01-01'),
      day('2024-03-01'),
    ],
  },
  codes: {
    channel: ['ADS', 'Ads', 'Web', 'Print', 'Ads', 'Ads'],
    purpose: ['', '', 'Bestandskunden', '', '', ''],
  },
  numbers: { amount: [300, 200, 100, 50, 999, NaN] },
});

function setup() {
  const names = new ChannelNames();
  const join = joinMaster(LINES.dicts.customer, MASTER);
  const channelOf = customerChannels(
    LINES,
    { asOf: D },
    TABLE,
    { rowOf: join.rowOf, codes: MASTER.codes.acquisitionChannel, dict: MASTER.dicts.acquisitionChannel },
    names,
  );
  const rows = spendRows([SPEND], [{ month: '2024-05', channel: 'shop', amount: 40 }], {}, names);
  return { names, channelOf, rows };
}

const nameOf = (names: ChannelNames, i: number) => (i < 0 ? null : names.names[i]);

describe('channel of a customer', () => {
  it('master channel; else the first non-empty channel among the purchase lines of the first occasion', () => {
    const { names, channelOf } = setup();
    expect(nameOf(names, channelOf[code(LINES, 'A')])).toBe('Ads');
    // B: the return line and the blank line of its first day are skipped; 'web' and 'Web' are one channel.
    expect(nameOf(names, channelOf[code(LINES, 'B')])).toBe('Web');
    // C: a master row with a blank channel falls back to the lines.
    expect(nameOf(names, channelOf[code(LINES, 'C')])).toBe('Shop');
    expect(nameOf(names, channelOf[code(LINES, 'Dd')])).toBe('Web');
  });

  it('without master data or channel column: unknown', () => {
    const names = new ChannelNames();
    const lines = makeLines([{ c: 'A', d: 5, a: 10 }]);
    expect(Array.from(customerChannels(lines, { asOf: 10 }, tableOf(lines, 10), null, names))).toEqual([-1]);
  });
});

describe('spend rows', () => {
  it('reads period and amount, skips unreadable rows, takes the purpose column or the channel setting', () => {
    const { rows, names } = setup();
    // Five readable file rows and one typed month.
    expect(rows.n).toBe(6);
    expect(rows.fileRows).toBe(5);
    expect(rows.typedMonths).toBe(1);
    expect(Array.from(rows.existing)).toEqual([0, 0, 1, 0, 0, 0]);
    const info = spendInfo(rows, names, D);
    expect(info.total).toBe(690);
    expect(info.existing).toBe(100);
    expect(info.acquisition).toBe(590);
    expect(info.firstMonth).toBe('2024-01');
    expect(info.lastMonth).toBe('2024-05');
    expect(info.channelsNotInCustomers).toEqual(['Print']);
    const byChannel = spendRows([SPEND], [], { ' print': 'existing' }, new ChannelNames());
    expect(Array.from(byChannel.existing)).toEqual([0, 0, 1, 1, 0]);
  });

  it('purpose words', () => {
    expect(purposeOf('Bestandskunden')).toBe('existing');
    expect(purposeOf('existing customers')).toBe('existing');
    expect(purposeOf('Neukunden')).toBe('acquisition');
    expect(purposeOf('acquisition')).toBe('acquisition');
    expect(purposeOf('')).toBeNull();
  });
});

describe('CAC per channel and period', () => {
  it('months: acquisition spend / new customers of the channel in the month', () => {
    const { names, channelOf, rows } = setup();
    const p = cacPeriods(TABLE, channelOf, rows, names, 'month');
    expect(p.periods.map((x) => x.label)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    const [jan, feb, , apr, may] = p.periods;
    expect(jan.byChannel).toEqual([{ channel: 'Ads', spend: 300, newCustomers: 0, cac: null }]);
    expect(jan.blended).toEqual({ spend: 300, newCustomers: 0, cac: null });
    expect(feb.byChannel).toEqual([
      { channel: 'Ads', spend: 200, newCustomers: 1, cac: 200 },
      { channel: 'Web', spend: 0, newCustomers: 1, cac: null },
    ]);
    expect(feb.blended).toEqual({ spend: 200, newCustomers: 2, cac: 100 });
    expect(apr.blended).toEqual({ spend: 50, newCustomers: 0, cac: null });
    expect(may.byChannel).toEqual([{ channel: 'Shop', spend: 40, newCustomers: 1, cac: 40 }]);
    expect(feb.start).toBe('2024-02-01');
  });

  it('quarters and years', () => {
    const { names, channelOf, rows } = setup();
    const q = cacPeriods(TABLE, channelOf, rows, names, 'quarter');
    expect(q.periods.map((x) => x.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(q.periods[0].blended).toEqual({ spend: 500, newCustomers: 2, cac: 250 });
    expect(q.periods[1].blended).toEqual({ spend: 90, newCustomers: 1, cac: 90 });
    expect(q.periods[1].start).toBe('2024-04-01');
    const y = cacPeriods(TABLE, channelOf, rows, names, 'year');
    expect(y.periods).toHaveLength(1);
    expect(y.periods[0].blended).toEqual({ spend: 590, newCustomers: 3, cac: 590 / 3 });
  });

  it('the last year per channel', () => {
    const { names, channelOf, rows } = setup();
    const w = channelWindow(TABLE, channelOf, rows, names.size, D - 365, D);
    const at = (n: string) => names.names.indexOf(n);
    expect(w.customers[at('Web')]).toBe(2);
    expect(w.newCustomers[at('Web')]).toBe(1);
    // 2024 is a leap year: (D − 365d, D] begins on 2024-01-02, so January's 300 (a month: the file's periods are all
    // on the 1st) counts with its 30 days in the window, 300 × 30/31, and February's 200 in full.
    expect(w.spend[at('Ads')]).toBeCloseTo((300 * 30) / 31 + 200, 9);
    expect(w.spend[at('Print')]).toBe(50);
    expect(w.spend[at('Shop')]).toBe(40);
    expect(w.spend[at('Web')]).toBe(0);
  });

  it('a month row counts by its days in the window; a file of dates counts each date', () => {
    const names = new ChannelNames();
    const months = records({
      days: { period: [day('2025-06-01'), day('2024-06-01'), day('2024-05-01')] },
      codes: { channel: ['Ads', 'Ads', 'Ads'] },
      numbers: { amount: [300, 300, 310] },
    });
    const dates = records({
      days: { period: [day('2025-06-01'), day('2024-06-15'), day('2024-06-16')] },
      codes: { channel: ['Mail', 'Mail', 'Mail'] },
      numbers: { amount: [10, 20, 40] },
    });
    const rows = spendRows([months, dates], [{ month: '2025-06', channel: 'Typed', amount: 30 }], {}, names);
    expect(Array.from(rows.length)).toEqual([30, 30, 31, 1, 1, 1, 30]);
    const to = day('2025-06-15');
    const from = to - 365; // 2024-06-15, exclusive
    const at = (i: number) => shareIn(rows, i, from, to);
    // June 2025: 1st to 15th of 30 days; June 2024: 16th to 30th; May 2024: outside.
    expect([at(0), at(1), at(2)]).toEqual([15 / 30, 15 / 30, 0]);
    // Dates: 2025-06-01 and 2024-06-16 in the window, 2024-06-15 not.
    expect([at(3), at(4), at(5)]).toEqual([1, 0, 1]);
    expect(at(6)).toBe(15 / 30);
  });

  it('period numbers and labels', () => {
    expect(periodLabel(periodOf(day('2024-11-30'), 'quarter'), 'quarter')).toBe('2024-Q4');
    expect(periodLabel(periodOf(day('2024-01-01'), 'month'), 'month')).toBe('2024-01');
  });
});
