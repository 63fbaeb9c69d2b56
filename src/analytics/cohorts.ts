/**
 * Cohort matrices (METRICS.md, "Cohorts"). A cohort is the calendar month (or quarter) of a customer's first
 * purchase occasion, or, when grouped by an attribute, the attribute value of the customer's first purchase line.
 * Period k is the k-th month (quarter) after the customer's own first one. A cell after D does not exist (null);
 * a cell whose period is not complete at D is marked incomplete.
 */
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from './customers';
import { dayRange, FLAG_RETURN, type Lines } from './lines';
import { lastDayOfMonth, monthOfDay } from '../shared/days';

export type Grain = 'month' | 'quarter';

export interface CohortOptions extends AggregateOptions {
  grain?: Grain;
  /** A code column (channel, category, region, attr:…) to group by its value on the first purchase line. */
  groupBy?: string | null;
}

export interface CohortRow {
  key: string;
  /** Customers in the cohort. */
  size: number;
}

export type Matrix = (number | null)[][];

export interface CohortResult {
  asOf: number;
  grain: Grain;
  groupBy: string | null;
  cohorts: CohortRow[];
  periods: number;
  activeShare: Matrix;
  revenue: Matrix;
  revenuePerCustomer: Matrix;
  cumulativeRevenuePerCustomer: Matrix;
  revenueRetention: Matrix;
  /** Customers who can be observed in the cell (all of the cohort for calendar cohorts). */
  eligible: number[][];
  incomplete: boolean[][];
  hasAmount: boolean;
}

/** Month (year · 12 + month − 1) or quarter (year · 4 + quarter − 1) of a day number. */
export function periodOf(day: number, grain: Grain): number {
  const month = monthOfDay(day);
  return grain === 'month' ? month : Math.floor(month / 3);
}

/**
 * A fast period lookup for the days of `lines`: one typed-array read per line instead of a date conversion.
 * Days outside the lines' range fall back to periodOf.
 */
export function periodLookup(lines: Lines, grain: Grain): (day: number) => number {
  const [min, max] = dayRange(lines);
  if (!Number.isFinite(min)) return (d) => periodOf(d, grain);
  const table = new Int32Array(max - min + 1);
  // Walk the days once, converting only at month boundaries.
  let p = periodOf(min, grain);
  let next = lastDayOf(p, grain) + 1;
  for (let d = min; d <= max; d++) {
    if (d >= next) {
      p = periodOf(d, grain);
      next = lastDayOf(p, grain) + 1;
    }
    table[d - min] = p;
  }
  return (d) => (d >= min && d <= max ? table[d - min] : periodOf(d, grain));
}

/** Day number of the last day of a period. */
export function lastDayOf(period: number, grain: Grain): number {
  return lastDayOfMonth(grain === 'month' ? period : period * 3 + 2);
}

export function periodLabel(period: number, grain: Grain): string {
  if (grain === 'month') {
    const y = Math.floor(period / 12);
    const m = (period % 12) + 1;
    return `${y}-${m < 10 ? '0' : ''}${m}`;
  }
  return `${Math.floor(period / 4)}-Q${(period % 4) + 1}`;
}

export function computeCohorts(lines: Lines, t: CustomerTable, opts: CohortOptions): CohortResult {
  const grain = opts.grain ?? 'month';
  const groupBy = opts.groupBy ?? null;
  const groupCol = groupBy ? lines.codes[groupBy] : null;
  const per = periodLookup(lines, grain);
  const endPeriod = per(opts.asOf);
  const endComplete = lastDayOf(endPeriod, grain) === opts.asOf;
  const idx = sortedLineIndex(lines, opts, t.size);
  const { customer, day, amount, flags } = lines;

  // Cohort of each customer: its start period, and its group (a period, or an attribute code).
  const start = new Int32Array(t.size).fill(-1);
  const group = new Int32Array(t.size).fill(-1);
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c]) start[c] = per(t.first[c]);
  if (groupCol) {
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      const c = customer[i];
      if (group[c] < 0 && start[c] >= 0 && day[i] === t.first[c] && !(flags[i] & FLAG_RETURN))
        group[c] = groupCol[i];
    }
  } else {
    for (let c = 0; c < t.size; c++) group[c] = start[c];
  }
  const groupKeys = [...new Set([...group].filter((g) => g >= 0))].sort((a, b) => a - b);
  const row = new Map(groupKeys.map((g, r) => [g, r]));
  const rows = groupKeys.length;
  // The cohort row of each customer code, -1 for codes that are not customers.
  const rowOf = new Int32Array(t.size).fill(-1);
  for (let c = 0; c < t.size; c++) if (start[c] >= 0) rowOf[c] = row.get(group[c])!;
  let minStart = Infinity;
  for (let c = 0; c < t.size; c++) if (start[c] >= 0 && start[c] < minStart) minStart = start[c];
  const periods = rows ? endPeriod - minStart + 1 : 0;
  const zeros = () => Array.from({ length: rows }, () => new Array<number>(periods).fill(0));
  const active = zeros();
  const revenue = zeros();
  const eligible = zeros();
  const current = zeros();
  const size = new Array<number>(rows).fill(0);
  for (let c = 0; c < t.size; c++) {
    if (start[c] < 0) continue;
    const r = rowOf[c];
    size[r]++;
    for (let k = 0; start[c] + k <= endPeriod; k++) {
      eligible[r][k]++;
      if (start[c] + k === endPeriod && !endComplete) current[r][k]++;
    }
  }
  // Lines in customer/day order: revenue per cell, and whether the customer had an occasion in the period.
  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    const r = rowOf[c];
    let lastActive = -1;
    while (k < idx.length && customer[idx[k]] === c) {
      const d = day[idx[k]];
      let net = 0;
      let buys = false;
      while (k < idx.length && customer[idx[k]] === c && day[idx[k]] === d) {
        const i = idx[k];
        const a = amount ? amount[i] : 0;
        net += a;
        if (!(flags[i] & FLAG_RETURN)) buys = true;
        if (r >= 0) revenue[r][Math.max(0, per(d) - start[c])] += a;
        k++;
      }
      if (r >= 0 && buys && net >= -1e-9) {
        const p = per(d) - start[c];
        if (p >= 0 && p !== lastActive) {
          active[r][p]++;
          lastActive = p;
        }
      }
    }
  }
  const cell = (fn: (r: number, p: number) => number | null): Matrix =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: periods }, (_, p) => (eligible[r][p] > 0 ? fn(r, p) : null)),
    );
  const hasAmount = amount !== null;
  const money = (fn: (r: number, p: number) => number | null) => (hasAmount ? cell(fn) : cell(() => null));
  const revenuePerCustomer = money((r, p) => revenue[r][p] / eligible[r][p]);
  // The running sum of revenue per customer, one pass per cohort.
  const cumulative: Matrix = revenuePerCustomer.map((row) => {
    let sum = 0;
    return row.map((v) => (v === null ? null : (sum += v)));
  });
  return {
    asOf: opts.asOf,
    grain,
    groupBy,
    cohorts: groupKeys.map((g, r) => ({
      key: groupBy ? (lines.dicts[groupBy]?.[g] ?? String(g)) : periodLabel(g, grain),
      size: size[r],
    })),
    periods,
    activeShare: cell((r, p) => active[r][p] / eligible[r][p]),
    revenue: money((r, p) => revenue[r][p]),
    revenuePerCustomer,
    cumulativeRevenuePerCustomer: cumulative,
    revenueRetention: money((r, p) => (revenue[r][0] !== 0 ? revenue[r][p] / revenue[r][0] : null)),
    eligible,
    incomplete: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: periods }, (_, p) => current[r][p] > 0),
    ),
    hasAmount,
  };
}
