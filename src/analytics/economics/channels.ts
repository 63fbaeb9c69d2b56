/**
 * Channels, spend and CAC (METRICS.md "Economics": channel of a customer, new customer of a period, spend purpose,
 * cac[channel, period], blended CAC). Pure, over typed arrays.
 */
import type { CacGranularity, CacPeriods, Figure, RecordColumns, SpendInfo } from '../../shared/economics';
import { civilFromDays, daysFromCivil, daysInMonth, dayToIso } from '../../shared/days';
import { NO_DAY } from '../../shared/columns';
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from '../customers';
import { FLAG_RETURN, type Lines } from '../lines';
import { nameKey } from './margin';

/** The channel names of master data, orders and spend, merged by their trimmed, case-insensitive name. */
export class ChannelNames {
  readonly names: string[] = [];
  readonly inCustomers: boolean[] = [];
  readonly inSpend: boolean[] = [];
  private readonly byKey = new Map<string, number>();

  /** The index of a name (added on first sight, shown as first seen); −1 for a blank name. */
  index(name: string): number {
    const key = nameKey(name);
    if (key === '') return -1;
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.names.length;
      this.byKey.set(key, i);
      this.names.push(name.trim());
      this.inCustomers.push(false);
      this.inSpend.push(false);
    }
    return i;
  }

  get size(): number {
    return this.names.length;
  }
}

/** The master data's acquisition channel per customer code (via the join), or null without that column. */
export interface MasterChannel {
  rowOf: Int32Array;
  codes: Int32Array;
  dict: readonly string[];
}

/**
 * The channel of each customer code (index into `names`, −1 = unknown): the master data's acquisition channel;
 * otherwise the first non-empty channel value among the purchase lines of the first purchase occasion.
 */
export function customerChannels(
  lines: Lines,
  opts: AggregateOptions,
  table: CustomerTable,
  master: MasterChannel | null,
  names: ChannelNames,
): Int32Array {
  const out = new Int32Array(table.size).fill(-1);
  if (master) {
    const dictIndex = Int32Array.from(master.dict, (v) => names.index(v));
    for (let c = 0; c < table.size; c++) {
      const r = master.rowOf[c];
      if (r >= 0 && table.isCustomer[c]) out[c] = dictIndex[master.codes[r]];
    }
  }
  const col = lines.codes.channel;
  const dict = lines.dicts.channel;
  let open = 0;
  for (let c = 0; c < table.size; c++) if (table.isCustomer[c] && out[c] < 0) open++;
  if (col && dict && open > 0) {
    const dictIndex = Int32Array.from(dict, (v) => names.index(v));
    const done = new Uint8Array(table.size);
    for (const i of sortedLineIndex(lines, opts, table.size)) {
      const c = lines.customer[i];
      if (done[c] || out[c] >= 0 || !table.isCustomer[c]) continue;
      const d = lines.day[i];
      if (d > table.first[c]) {
        done[c] = 1;
        continue;
      }
      if (d === table.first[c] && !(lines.flags[i] & FLAG_RETURN) && dictIndex[col[i]] >= 0) {
        out[c] = dictIndex[col[i]];
        done[c] = 1;
      }
    }
  }
  for (let c = 0; c < table.size; c++) if (out[c] >= 0) names.inCustomers[out[c]] = true;
  return out;
}

/** Spend rows (files and the typed grid), column-wise. */
export interface SpendRows {
  n: number;
  /** First day of the row's period (a date, or the first of the month). */
  day: Int32Array;
  /** Days the row covers from `day` on: the days of its month for a month, 1 for a date (docs/economics.md). */
  length: Int32Array;
  /** Channel index (−1: no channel). */
  channel: Int32Array;
  amount: Float64Array;
  /** 1: for existing customers; 0: acquisition. */
  existing: Uint8Array;
  /** NaN where the row has none. */
  impressions: Float64Array;
  clicks: Float64Array;
  leads: Float64Array;
  files: number;
  fileRows: number;
  typedMonths: number;
}

/** A purpose cell in words: 'existing' (and German or English synonyms) or acquisition. */
export function purposeOf(cell: string): 'acquisition' | 'existing' | null {
  const k = nameKey(cell);
  if (k === '') return null;
  if (/^(exist|bestand|bestehend|retention|bindung|kundenbindung|crm)/.test(k)) return 'existing';
  if (/^(acqui|akqui|neukund|new)/.test(k)) return 'acquisition';
  return null;
}

/**
 * All spend rows: every spend file's rows with a readable period and amount, then the typed month × channel grid
 * (both count; docs/economics.md). Purpose: the row's purpose column, else the channel's setting, else acquisition.
 */
export function spendRows(
  files: readonly RecordColumns[],
  typed: readonly { month: string; channel: string; amount: number }[],
  channelPurpose: Record<string, 'acquisition' | 'existing'>,
  names: ChannelNames,
): SpendRows {
  const purposeByKey = new Map(Object.entries(channelPurpose).map(([k, v]) => [nameKey(k), v]));
  const total = files.reduce((a, f) => a + f.n, 0) + typed.length;
  const r = {
    day: new Int32Array(total),
    length: new Int32Array(total),
    channel: new Int32Array(total),
    amount: new Float64Array(total),
    existing: new Uint8Array(total),
    impressions: new Float64Array(total).fill(NaN),
    clicks: new Float64Array(total).fill(NaN),
    leads: new Float64Array(total).fill(NaN),
  };
  let n = 0;
  const purposeOfChannel = (ch: number) =>
    ch >= 0 && purposeByKey.get(nameKey(names.names[ch])) === 'existing' ? 1 : 0;
  let fileRows = 0;
  for (const f of files) {
    const days = f.days.period;
    const amounts = f.numbers.amount;
    if (!days || !amounts) continue;
    const chCodes = f.codes.channel;
    const chIndex = chCodes ? Int32Array.from(f.dicts.channel ?? [], (v) => names.index(v)) : null;
    const pCodes = f.codes.purpose;
    const pDict = (f.dicts.purpose ?? []).map(purposeOf);
    // A file whose every period falls on the 1st of a month holds months (`03.2024`); any other day makes it dates.
    let monthly = true;
    for (let i = 0; i < f.n && monthly; i++)
      if (days[i] !== NO_DAY && civilFromDays(days[i]).d !== 1) monthly = false;
    for (let i = 0; i < f.n; i++) {
      const d = days[i];
      const a = amounts[i];
      if (d === NO_DAY || a !== a) continue;
      const ch = chIndex ? chIndex[chCodes![i]] : -1;
      r.day[n] = d;
      r.length[n] = monthly ? daysInMonthOf(d) : 1;
      r.channel[n] = ch;
      r.amount[n] = a;
      const p = pCodes ? pDict[pCodes[i]] : null;
      r.existing[n] = p === null ? purposeOfChannel(ch) : p === 'existing' ? 1 : 0;
      if (f.numbers.impressions) r.impressions[n] = f.numbers.impressions[i];
      if (f.numbers.clicks) r.clicks[n] = f.numbers.clicks[i];
      if (f.numbers.leads) r.leads[n] = f.numbers.leads[i];
      if (ch >= 0) names.inSpend[ch] = true;
      n++;
      fileRows++;
    }
  }
  const months = new Set<string>();
  for (const t of typed) {
    const m = /^(\d{4})-(\d{2})$/.exec(t.month);
    if (!m || !Number.isFinite(t.amount)) continue;
    const ch = names.index(t.channel);
    r.day[n] = daysFromCivil(Number(m[1]), Number(m[2]), 1);
    r.length[n] = daysInMonthOf(r.day[n]);
    r.channel[n] = ch;
    r.amount[n] = t.amount;
    r.existing[n] = purposeOfChannel(ch);
    if (ch >= 0) names.inSpend[ch] = true;
    months.add(t.month);
    n++;
  }
  return {
    n,
    day: r.day.subarray(0, n),
    length: r.length.subarray(0, n),
    channel: r.channel.subarray(0, n),
    amount: r.amount.subarray(0, n),
    existing: r.existing.subarray(0, n),
    impressions: r.impressions.subarray(0, n),
    clicks: r.clicks.subarray(0, n),
    leads: r.leads.subarray(0, n),
    files: files.length,
    fileRows,
    typedMonths: months.size,
  };
}

/** The days of the month of a day number. */
function daysInMonthOf(day: number): number {
  const { y, m } = civilFromDays(day);
  return daysInMonth(y, m);
}

/**
 * The share of spend row i that falls into the window (from, to] (`from` exclusive): a month row counts by its days
 * in the window, so that a window of 365 days takes 365 days of monthly spend whatever day it starts on.
 */
export function shareIn(rows: SpendRows, i: number, from: number, to: number): number {
  const start = rows.day[i];
  const len = rows.length[i];
  const lo = Math.max(start, from + 1);
  const hi = Math.min(start + len - 1, to);
  return hi < lo ? 0 : (hi - lo + 1) / len;
}

/** Period number of a day: months since year 0, quarters or years. */
export function periodOf(day: number, g: CacGranularity): number {
  const { y, m } = civilFromDays(day);
  return g === 'month' ? y * 12 + m - 1 : g === 'quarter' ? y * 4 + Math.floor((m - 1) / 3) : y;
}

/** First day of a period number. */
export function periodStart(p: number, g: CacGranularity): number {
  if (g === 'month') return daysFromCivil(Math.floor(p / 12), (p % 12) + 1, 1);
  if (g === 'quarter') return daysFromCivil(Math.floor(p / 4), (p % 4) * 3 + 1, 1);
  return daysFromCivil(p, 1, 1);
}

/** YYYY-MM, YYYY-Qn or YYYY. */
export function periodLabel(p: number, g: CacGranularity): string {
  if (g === 'month') return `${Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}`;
  if (g === 'quarter') return `${Math.floor(p / 4)}-Q${(p % 4) + 1}`;
  return String(p);
}

const monthLabel = (day: number) => dayToIso(day).slice(0, 7);

/** What the spend amounts to up to D (SpendInfo). */
export function spendInfo(rows: SpendRows, names: ChannelNames, asOf: number): SpendInfo {
  let total = 0;
  let existing = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < rows.n; i++) {
    if (rows.day[i] > asOf) continue;
    total += rows.amount[i];
    if (rows.existing[i]) existing += rows.amount[i];
    if (rows.day[i] < first) first = rows.day[i];
    if (rows.day[i] > last) last = rows.day[i];
  }
  return {
    files: rows.files,
    rows: rows.fileRows,
    typedMonths: rows.typedMonths,
    firstMonth: Number.isFinite(first) ? monthLabel(first) : null,
    lastMonth: Number.isFinite(last) ? monthLabel(last) : null,
    total,
    acquisition: total - existing,
    existing,
    channelsNotInCustomers: names.names.filter((_, i) => names.inSpend[i] && !names.inCustomers[i]),
  };
}

/** A ratio as a Figure: spend / new customers, with the reason when one of them is missing. */
export function cacFigure(spend: number, newCustomers: number): Figure {
  if (newCustomers <= 0) return { value: null, reason: 'noNewCustomers' };
  if (!(spend > 0)) return { value: null, reason: 'noSpend' };
  return { value: spend / newCustomers, reason: null };
}

/** Per channel (index; the last slot is "unknown"): customers, new customers and acquisition spend of the last year. */
export interface ChannelYear {
  customers: Float64Array;
  newCustomers: Float64Array;
  spend: Float64Array;
  /** Acquisition spend without a channel (in the blended figure only). */
  spendWithoutChannel: number;
}

/** Acquisition spend and new customers of (D − 365d, D] per channel (`from` exclusive, `to` inclusive). */
export function channelWindow(
  table: CustomerTable,
  channelOf: Int32Array,
  rows: SpendRows,
  channels: number,
  from: number,
  to: number,
): ChannelYear {
  const u = channels;
  const out: ChannelYear = {
    customers: new Float64Array(u + 1),
    newCustomers: new Float64Array(u + 1),
    spend: new Float64Array(u + 1),
    spendWithoutChannel: 0,
  };
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    const ch = channelOf[c] < 0 ? u : channelOf[c];
    out.customers[ch]++;
    const f = table.first[c];
    if (f > from && f <= to) out.newCustomers[ch]++;
  }
  for (let i = 0; i < rows.n; i++) {
    if (rows.existing[i]) continue;
    const share = shareIn(rows, i, from, to);
    if (share === 0) continue;
    if (rows.channel[i] < 0) out.spendWithoutChannel += rows.amount[i] * share;
    else out.spend[rows.channel[i]] += rows.amount[i] * share;
  }
  return out;
}

/**
 * CAC per channel and blended per period (METRICS cac[channel, period]), from the first period with acquisition
 * spend (without spend: the period of D − 364d) to the period of D. A spend row counts in the period of its day.
 */
export function cacPeriods(
  table: CustomerTable,
  channelOf: Int32Array,
  rows: SpendRows,
  names: ChannelNames,
  g: CacGranularity,
): CacPeriods {
  const D = table.asOf;
  const pEnd = periodOf(D, g);
  let pStart = periodOf(D - 364, g);
  for (let i = 0; i < rows.n; i++)
    if (!rows.existing[i] && rows.day[i] <= D) pStart = Math.min(pStart, periodOf(rows.day[i], g));
  const periods = pEnd - pStart + 1;
  const u = names.size;
  const width = u + 1;
  const spend = new Float64Array(periods * width);
  const fresh = new Float64Array(periods * width);
  const noChannelSpend = new Float64Array(periods);
  // Period numbers of days repeat a lot: a small memo per day.
  const memo = new Map<number, number>();
  const pOf = (d: number) => {
    let p = memo.get(d);
    if (p === undefined) memo.set(d, (p = periodOf(d, g)));
    return p;
  };
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    const p = pOf(table.first[c]) - pStart;
    if (p < 0) continue;
    fresh[p * width + (channelOf[c] < 0 ? u : channelOf[c])]++;
  }
  for (let i = 0; i < rows.n; i++) {
    if (rows.existing[i] || rows.day[i] > D) continue;
    const p = pOf(rows.day[i]) - pStart;
    if (rows.channel[i] < 0) noChannelSpend[p] += rows.amount[i];
    else spend[p * width + rows.channel[i]] += rows.amount[i];
  }
  const out: CacPeriods = { granularity: g, periods: [] };
  for (let p = 0; p < periods; p++) {
    const byChannel: CacPeriods['periods'][number]['byChannel'] = [];
    let s = noChannelSpend[p];
    let nc = 0;
    for (let ch = 0; ch <= u; ch++) {
      const sp = spend[p * width + ch];
      const nw = fresh[p * width + ch];
      s += sp;
      nc += nw;
      if (sp === 0 && nw === 0) continue;
      byChannel.push({
        channel: ch === u ? null : names.names[ch],
        spend: sp,
        newCustomers: nw,
        cac: cacFigure(sp, nw).value,
      });
    }
    out.periods.push({
      label: periodLabel(pStart + p, g),
      start: dayToIso(periodStart(pStart + p, g)),
      byChannel,
      blended: { spend: s, newCustomers: nc, cac: cacFigure(s, nc).value },
    });
  }
  return out;
}
