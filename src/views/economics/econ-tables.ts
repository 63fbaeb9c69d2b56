/**
 * Pure helpers of the Economics view: the channel table as CSV rows (unavailable cells empty, their reasons in a
 * notes column), the footnotes of the reasons shown, the CAC per period as a table, and the relative change of a
 * what-if figure. No Svelte and no texts of their own: labels come in, so that tests can compute the rows by hand.
 */
import type { CsvColumn, CsvValue } from '../../shared/csv';
import { monthLabel, type ChartLocale } from '../../charts/configs';
import type {
  CacPeriods,
  ChannelRow,
  EconomicsReason,
  EconomicsResult,
  Figure,
} from '../../shared/economics';

/** The figures of a channel row, in the table's order. */
export const CHANNEL_FIGURES = [
  'cac',
  'newCustomerClv',
  'maxAffordableCac',
  'ltvToCac',
  'paybackMonths',
  'observedPaybackMonth',
] as const satisfies readonly (keyof ChannelRow)[];

export type ChannelFigure = (typeof CHANNEL_FIGURES)[number];

/** The reasons of the unavailable figures of the rows (and of the blended CAC), each once, in order of appearance. */
export function footnotesOf(rows: readonly ChannelRow[], blended?: Figure): EconomicsReason[] {
  const out: EconomicsReason[] = [];
  const add = (f: Figure) => {
    if (f.value === null && f.reason !== null && !out.includes(f.reason)) out.push(f.reason);
  };
  for (const r of rows) for (const k of CHANNEL_FIGURES) add(r[k]);
  if (blended) add(blended);
  return out;
}

export interface ChannelCsvLabels {
  channel: string;
  unknown: string;
  customers: string;
  newCustomers: string;
  spend: string;
  cac: string;
  clv: string;
  fit: string;
  fitChannel: string;
  fitAll: string;
  maxCac: string;
  ltvToCac: string;
  payback: string;
  observed: string;
  notes: string;
  blended: string;
  reason: (r: EconomicsReason) => string;
}

/** The channel's name as shown ("unknown" for customers without a channel). */
export const channelLabel = (channel: string | null, unknown: string): string => channel ?? unknown;

/**
 * The channel table as CSV columns and rows: one row per channel, then the blended row (customers summed over the
 * channels, its spend, new customers and CAC). An unavailable figure is an empty cell; the notes column names why.
 */
export function channelCsv(
  rows: readonly ChannelRow[],
  blended: EconomicsResult['blended'],
  l: ChannelCsvLabels,
  /** False without any spend data: the spend cells are empty, not 0. */
  hasSpend = true,
): { columns: CsvColumn[]; rows: CsvValue[][] } {
  const columns: CsvColumn[] = [
    { header: l.channel },
    { header: l.customers, kind: 'number' },
    { header: l.newCustomers, kind: 'number' },
    { header: l.spend, kind: 'number', digits: 2 },
    { header: l.cac, kind: 'number', digits: 2 },
    { header: l.clv, kind: 'number', digits: 2 },
    { header: l.fit },
    { header: l.maxCac, kind: 'number', digits: 2 },
    { header: l.ltvToCac, kind: 'number', digits: 2 },
    { header: l.payback, kind: 'number', digits: 1 },
    { header: l.observed, kind: 'number' },
    { header: l.notes },
  ];
  const notes = (figures: Figure[]) => {
    const reasons: EconomicsReason[] = [];
    for (const f of figures)
      if (f.value === null && f.reason !== null && !reasons.includes(f.reason)) reasons.push(f.reason);
    return reasons.map(l.reason).join(' ');
  };
  const out: CsvValue[][] = rows.map((r) => [
    channelLabel(r.channel, l.unknown),
    r.customers,
    r.newCustomers,
    hasSpend ? r.spend : null,
    r.cac.value,
    r.newCustomerClv.value,
    r.newCustomerClv.fit === 'channel' ? l.fitChannel : r.newCustomerClv.fit === 'all' ? l.fitAll : null,
    r.maxAffordableCac.value,
    r.ltvToCac.value,
    r.paybackMonths.value,
    r.observedPaybackMonth.value,
    notes(CHANNEL_FIGURES.map((k) => r[k])),
  ]);
  out.push([
    l.blended,
    rows.reduce((a, r) => a + r.customers, 0),
    blended.newCustomers,
    hasSpend ? blended.spend : null,
    blended.cac.value,
    null,
    null,
    null,
    null,
    null,
    null,
    notes([blended.cac]),
  ]);
  return { columns, rows: out };
}

/**
 * The CAC per period as a table: one column per channel (in the order they first appear) and the blended CAC; a
 * period without spend or new customers on a channel has an empty cell.
 */
export function cacPeriodTable(
  p: CacPeriods,
  unknown: string,
): { channels: string[]; rows: { label: string; byChannel: (number | null)[]; blended: number | null }[] } {
  const keys: (string | null)[] = [];
  for (const period of p.periods)
    for (const c of period.byChannel) if (!keys.includes(c.channel)) keys.push(c.channel);
  return {
    channels: keys.map((k) => channelLabel(k, unknown)),
    rows: p.periods.map((period) => ({
      label: period.label,
      byChannel: keys.map((k) => period.byChannel.find((c) => c.channel === k)?.cac ?? null),
      blended: period.blended.cac,
    })),
  };
}

/** The relative change from `before` to `after` (0.2 = 20 % more), null when either is missing or `before` is 0. */
export function relativeChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return (after - before) / Math.abs(before);
}

/** A period of the CAC table as the locale writes it: months short ("Jan. 2025"), quarters "Q1 2025", years as is. */
export function periodLabel(label: string, locale: ChartLocale): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  return q ? `Q${q[2]} ${q[1]}` : monthLabel(label, locale);
}
