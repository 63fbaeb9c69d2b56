/**
 * KPIs of METRICS.md ("KPIs"), for the whole dataset or one segment. Every figure carries its id; a figure that
 * cannot be computed is null with a reason instead of a made-up number.
 */
import { customerAggregates, type AggregateOptions, type CustomerTable } from './customers';
import type { Lines } from './lines';
import { argsortFloat64 } from './sort';
import { hasHistoryFor, historyDays as daysOfHistory } from './sufficiency';

export type KpiId =
  | 'aov'
  | 'purchaseFrequency'
  | 'repeatRate'
  | 'churnRate'
  | 'retentionRate'
  | 'lifespanYears'
  | 'lifespanObservedYears'
  | 'clvSimple'
  | 'clvSimpleMargin'
  | 'clvHistoric'
  | 'clvHistoricMargin'
  | 'nrr'
  | 'grr'
  | 'top20Share'
  | 'top20ShareMargin'
  | 'gini';

export type Unavailable =
  'noAmount' | 'noMargin' | 'historyTooShort' | 'noCustomers' | 'noChurn' | 'noBaseRevenue';

export interface Kpi {
  id: KpiId;
  value: number | null;
  reason?: Unavailable;
}

export interface KpiResult {
  asOf: number;
  customers: number;
  /** Days of data up to D: D − first line day + 1. */
  historyDays: number;
  kpis: Record<KpiId, Kpi>;
  /** Lorenz curve of revenue over customers, poorest first: 101 points (x = share of customers, y = share of revenue). */
  lorenz: { x: number; y: number }[] | null;
  /** The top ceil(0.2 N) customer codes by revenue, best first. */
  topCustomers: number[];
  cac: number;
  cacFromSettings: boolean;
}

export interface KpiOptions extends AggregateOptions {
  /** Customer acquisition cost per new customer; 0 (with a notice) when not entered. */
  cac?: number | null;
}

const YEAR = 365;

/** Share of `values` (over the given codes) held by the top ceil(0.2 N), the Lorenz curve and the Gini coefficient. */
export function concentration(
  values: Float64Array,
  codes: number[],
): { top20: number | null; gini: number | null; lorenz: { x: number; y: number }[] | null; top: number[] } {
  const n = codes.length;
  if (n === 0) return { top20: null, gini: null, lorenz: null, top: [] };
  // Descending by value, ties by code: a stable ascending sort of −value over the codes in ascending order.
  const ascending = codes.every((c, i) => i === 0 || codes[i - 1] < c)
    ? codes
    : [...codes].sort((a, b) => a - b);
  const desc = new Float64Array(n);
  for (let i = 0; i < n; i++) desc[i] = -values[ascending[i]];
  const order = argsortFloat64(desc);
  // desc becomes the values in descending order.
  for (let j = 0; j < n; j++) desc[j] = values[ascending[order[j]]];
  const k = Math.ceil(0.2 * n);
  const top = Array.from(order.subarray(0, k), (i) => ascending[i]);
  let total = 0;
  let topSum = 0;
  // Gini on ascending values: G = 2 Σ i·x_i / (n Σ x) − (n + 1) / n, i = 1..n.
  let weighted = 0;
  for (let j = 0; j < n; j++) {
    total += desc[j];
    if (j < k) topSum += desc[j];
    weighted += (n - j) * desc[j];
  }
  if (total <= 0) return { top20: null, gini: null, lorenz: null, top };
  const gini = (2 * weighted) / (n * total) - (n + 1) / n;
  const lorenz: { x: number; y: number }[] = [];
  let cum = 0;
  let j = 0;
  for (let p = 0; p <= 100; p++) {
    const upto = Math.round((p / 100) * n);
    while (j < upto) cum += desc[n - 1 - j++];
    lorenz.push({ x: p / 100, y: cum / total });
  }
  return { top20: topSum / total, gini, lorenz, top };
}

/** The sums behind churn, NRR and GRR of one group of customers (METRICS "KPIs"). */
export interface RetentionSums {
  /** Customers active in (D − 730d, D − 365d]. */
  base: number;
  /** Of them, those not active in (D − 365d, D]. */
  lost: number;
  /** Their revenue in the year before and in the last year, and the last year capped per customer. */
  baseRevenue: number;
  laterRevenue: number;
  cappedRevenue: number;
}

/**
 * The retention sums per group (`groupOf[code]` in 0..groups−1, −1 = left out; null: every code in group 0), over
 * the customers active in (D − 730d, D − 365d]. The KPIs' churn, NRR and GRR and the Economics NRR/GRR per cohort
 * year both read them.
 */
export function revenueRetention(
  t: CustomerTable,
  groupOf: Int32Array | null,
  groups: number,
): RetentionSums[] {
  const out = Array.from({ length: groups }, () => ({
    base: 0,
    lost: 0,
    baseRevenue: 0,
    laterRevenue: 0,
    cappedRevenue: 0,
  }));
  const last = t.lastYear;
  const prev = t.prevYear;
  for (let c = 0; c < t.size; c++) {
    if (prev.occasions[c] === 0) continue;
    const g = groupOf ? groupOf[c] : 0;
    if (g < 0) continue;
    const s = out[g];
    s.base++;
    if (last.occasions[c] === 0) s.lost++;
    s.baseRevenue += prev.revenue[c];
    const later = last.revenue[c];
    s.laterRevenue += later;
    s.cappedRevenue += Math.min(later, prev.revenue[c]);
  }
  return out;
}

export function computeKpis(lines: Lines, opts: KpiOptions, table?: CustomerTable): KpiResult {
  const t = table ?? customerAggregates(lines, opts);
  const D = opts.asOf;
  const hasAmount = t.hasAmount;
  const codes: number[] = [];
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c]) codes.push(c);
  const N = codes.length;
  const historyDays = daysOfHistory(lines, D);
  const k: Partial<Record<KpiId, Kpi>> = {};
  const set = (id: KpiId, value: number | null, reason?: Unavailable) =>
    (k[id] =
      value === null || !Number.isFinite(value)
        ? { id, value: null, reason: reason ?? 'noCustomers' }
        : { id, value });
  const money = (id: KpiId, f: () => number | null, reason?: Unavailable) =>
    hasAmount ? set(id, f(), reason) : set(id, null, 'noAmount');
  // A margin figure needs a margin (METRICS "Margin of a line"): a mapped cost or margin column, or a gross-margin
  // rate above 0 from the caller. Without one it is unavailable with `noMargin`, never 0.
  const hasMargin = lines.margin !== null || (opts.marginRate ?? 0) > 0;
  const onMargin = (id: KpiId, f: () => number | null, reason?: Unavailable) =>
    hasAmount && !hasMargin ? set(id, null, 'noMargin') : money(id, f, reason);

  let orders = 0;
  let orderValue = 0;
  let repeaters = 0;
  let revenue = 0;
  let margin = 0;
  let spanSum = 0;
  // AOV is over every purchase order in scope (METRICS "aov", "Purchase order"): an order with a purchase line and a
  // net value ≥ 0 counts whatever else its customer did that day, so also for an id whose every day nets below 0
  // (no purchase occasion, hence no customer): docs/economics.md, "Orders".
  for (let c = 0; c < t.size; c++) {
    orders += t.orders[c];
    orderValue += t.orderValue[c];
  }
  for (const c of codes) {
    revenue += t.revenue[c];
    margin += t.margin[c];
    if (t.orders[c] >= 2) {
      repeaters++;
      spanSum += t.last[c] - t.first[c];
    }
  }
  const aov = orders > 0 ? orderValue / orders : null;
  money('aov', () => aov);
  set('repeatRate', N > 0 ? repeaters / N : null);
  set('lifespanObservedYears', repeaters > 0 ? spanSum / repeaters / YEAR : null);

  // The last year and the year before it, from the same pass as the aggregates.
  const last = t.lastYear;
  let lastOrders = 0;
  let lastActive = 0;
  for (let c = 0; c < t.size; c++) {
    if (last.occasions[c] > 0) lastActive++;
    lastOrders += last.orders[c];
  }
  const frequency = lastActive > 0 ? lastOrders / lastActive : null;
  set('purchaseFrequency', frequency);

  // The one sufficiency rule (sufficiency.ts); all these figures share the two yearly windows.
  if (!hasHistoryFor('churnRate', historyDays)) {
    for (const id of [
      'churnRate',
      'retentionRate',
      'lifespanYears',
      'clvSimple',
      'clvSimpleMargin',
      'nrr',
      'grr',
    ] as const) {
      set(
        id,
        null,
        id === 'clvSimple' || id === 'clvSimpleMargin' || id === 'nrr' || id === 'grr'
          ? hasAmount
            ? 'historyTooShort'
            : 'noAmount'
          : 'historyTooShort',
      );
    }
  } else {
    const { base, lost, baseRevenue, laterRevenue, cappedRevenue } = revenueRetention(t, null, 1)[0];
    const churn = base > 0 ? lost / base : null;
    set('churnRate', churn);
    set('retentionRate', churn === null ? null : 1 - churn);
    if (churn === 0) set('lifespanYears', null, 'noChurn');
    else set('lifespanYears', churn === null ? null : 1 / churn);
    money('nrr', () => (baseRevenue > 0 ? laterRevenue / baseRevenue : null), 'noBaseRevenue');
    money('grr', () => (baseRevenue > 0 ? cappedRevenue / baseRevenue : null), 'noBaseRevenue');
  }
  const cac = opts.cac ?? 0;
  const lifespan = k.lifespanYears?.value ?? null;
  const marginRate = revenue !== 0 ? margin / revenue : 0;
  if (hasHistoryFor('clvSimple', historyDays)) {
    const simple =
      aov !== null && frequency !== null && lifespan !== null ? aov * frequency * lifespan : null;
    const reason = lifespan === null ? (k.lifespanYears?.reason ?? 'noCustomers') : undefined;
    money('clvSimple', () => (simple === null ? null : simple - cac), reason);
    onMargin('clvSimpleMargin', () => (simple === null ? null : simple * marginRate - cac), reason);
  }
  money('clvHistoric', () => (N > 0 ? revenue / N : null));
  onMargin('clvHistoricMargin', () => (N > 0 ? margin / N : null));

  const conc = hasAmount
    ? concentration(t.revenue, codes)
    : { top20: null, gini: null, lorenz: null, top: [] };
  money('top20Share', () => conc.top20);
  money('gini', () => conc.gini);
  onMargin('top20ShareMargin', () => (hasAmount ? concentration(t.margin, codes).top20 : null));

  return {
    asOf: D,
    customers: N,
    historyDays,
    kpis: k as Record<KpiId, Kpi>,
    lorenz: conc.lorenz,
    topCustomers: conc.top,
    cac,
    cacFromSettings: opts.cac !== undefined && opts.cac !== null,
  };
}
