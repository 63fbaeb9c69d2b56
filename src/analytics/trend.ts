/**
 * The monthly trend: net revenue, returns, active and new customers per calendar month up to D.
 * Active = at least one purchase occasion in the month; new = the month of the customer's first purchase occasion.
 */
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from './customers';
import { periodLabel, periodLookup, periodOf } from './cohorts';
import { FLAG_RETURN, type Lines } from './lines';
import { lastDayOfMonth } from '../shared/days';

export interface TrendPoint {
  month: string;
  revenue: number | null;
  returns: number | null;
  activeCustomers: number;
  newCustomers: number;
  /** The month of D when D is not its last day. */
  incomplete: boolean;
}

export function computeTrend(lines: Lines, t: CustomerTable, opts: AggregateOptions): TrendPoint[] {
  const idx = sortedLineIndex(lines, opts, t.size);
  if (idx.length === 0) return [];
  const { customer, day, amount, flags } = lines;
  let minDay = Infinity;
  for (let k = 0; k < idx.length; k++) if (day[idx[k]] < minDay) minDay = day[idx[k]];
  const first = periodOf(minDay, 'month');
  const last = periodOf(opts.asOf, 'month');
  const n = last - first + 1;
  const revenue = new Float64Array(n);
  const returns = new Float64Array(n);
  const active = new Int32Array(n);
  const fresh = new Int32Array(n);
  const per = periodLookup(lines, 'month');
  const month = (d: number) => per(d) - first;
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c]) fresh[month(t.first[c])]++;
  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    let lastActive = -1;
    while (k < idx.length && customer[idx[k]] === c) {
      const d = day[idx[k]];
      const m = month(d);
      let net = 0;
      let buys = false;
      while (k < idx.length && customer[idx[k]] === c && day[idx[k]] === d) {
        const i = idx[k];
        const a = amount ? amount[i] : 0;
        net += a;
        revenue[m] += a;
        if (flags[i] & FLAG_RETURN) returns[m] += a < 0 ? -a : a;
        else buys = true;
        k++;
      }
      if (buys && net >= -1e-9 && m !== lastActive) {
        active[m]++;
        lastActive = m;
      }
    }
  }
  const lastDay = lastDayOfMonth(last);
  const hasAmount = amount !== null;
  return Array.from({ length: n }, (_, m) => ({
    month: periodLabel(first + m, 'month'),
    revenue: hasAmount ? revenue[m] : null,
    returns: hasAmount ? returns[m] : null,
    activeCustomers: active[m],
    newCustomers: fresh[m],
    incomplete: m === n - 1 && opts.asOf !== lastDay,
  }));
}
