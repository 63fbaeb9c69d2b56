/**
 * The typed spend grid (months × channels) and the stored rows it edits (`CostFigures.typedSpend`, one row per
 * filled cell): month ranges, cell lookup, row and column totals, and setting one cell. Pure.
 */
import type { CostFigures } from '../../shared/figures';

export type SpendRow = CostFigures['typedSpend'][number];

/** Months at most in one range shown (ten years). */
export const MAX_MONTHS = 120;

const MONTH = /^(\d{4})-(\d{2})$/;

/** Whether `m` is a month written YYYY-MM (01–12). */
export function isMonth(m: string): boolean {
  const x = MONTH.exec(m);
  return x !== null && Number(x[2]) >= 1 && Number(x[2]) <= 12;
}

/** The month `k` months after `m` (negative: before). */
export function addMonths(m: string, k: number): string {
  const x = MONTH.exec(m);
  if (!x) throw new Error(`not a month: ${m}`);
  const i = Number(x[1]) * 12 + Number(x[2]) - 1 + k;
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String(i - y * 12 + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`; at most MAX_MONTHS. */
export function monthRange(from: string, to: string): string[] {
  if (!isMonth(from) || !isMonth(to)) return [];
  const out: string[] = [];
  for (let m = from; m <= to && out.length < MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The default range: the 12 months up to the month of `lastDate` (YYYY-MM-DD; the dataset's last date) or today. */
export function defaultRange(lastDate: string | null, today: string): { from: string; to: string } {
  const to = (lastDate ?? today).slice(0, 7);
  return { from: addMonths(to, -11), to };
}

const SHORT_MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month as the UI writes it: `01.2025` in German, `Jan 2025` in English. */
export function monthLabel(locale: 'de' | 'en', m: string): string {
  const x = MONTH.exec(m);
  if (!x) return m;
  return locale === 'de' ? `${x[2]}.${x[1]}` : `${SHORT_MONTH_EN[Number(x[2]) - 1]} ${x[1]}`;
}

/** The channels of the rows, then the extra ones, each once, in first-seen order. */
export function channelsOf(rows: readonly SpendRow[], extra: readonly string[] = []): string[] {
  return [...new Set([...rows.map((r) => r.channel), ...extra])];
}

const cellKey = (month: string, channel: string) => `${month}\u0000${channel}`;

export interface SpendGridView {
  /** The amount of a cell, or null when it is empty. */
  cell: (month: string, channel: string) => number | null;
  /** Per month shown: the sum over the channels shown. */
  monthTotals: number[];
  /** Per channel shown: the sum over the months shown. */
  channelTotals: number[];
  /** The sum of every cell shown. */
  total: number;
}

/** The grid of `months` × `channels` over the stored rows (rows outside are kept, but not shown or summed). */
export function spendGrid(
  rows: readonly SpendRow[],
  months: readonly string[],
  channels: readonly string[],
): SpendGridView {
  const cells = new Map<string, number>();
  for (const r of rows)
    cells.set(cellKey(r.month, r.channel), (cells.get(cellKey(r.month, r.channel)) ?? 0) + r.amount);
  const cell = (m: string, c: string) => cells.get(cellKey(m, c)) ?? null;
  const monthTotals = months.map((m) => channels.reduce((s, c) => s + (cell(m, c) ?? 0), 0));
  const channelTotals = channels.map((c) => months.reduce((s, m) => s + (cell(m, c) ?? 0), 0));
  return { cell, monthTotals, channelTotals, total: monthTotals.reduce((s, v) => s + v, 0) };
}

/** The rows with one cell set (null: emptied, the row goes), sorted by month then channel. */
export function setSpendCell(
  rows: readonly SpendRow[],
  month: string,
  channel: string,
  amount: number | null,
): SpendRow[] {
  const out = rows.filter((r) => !(r.month === month && r.channel === channel));
  if (amount !== null) out.push({ month, channel, amount });
  return out.sort((a, b) =>
    a.month === b.month
      ? a.channel < b.channel
        ? -1
        : a.channel > b.channel
          ? 1
          : 0
      : a.month < b.month
        ? -1
        : 1,
  );
}

/** The rows without a channel (its column removed). */
export function removeSpendChannel(rows: readonly SpendRow[], channel: string): SpendRow[] {
  return rows.filter((r) => r.channel !== channel);
}
