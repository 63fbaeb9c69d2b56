/**
 * What a new customer is worth and what it may cost (METRICS.md "Economics": newCustomerClv, maxAffordableCac,
 * ltvToCac, paybackMonths and the observed payback month). Pure; the purchase and spend models are the BTYD fits
 * of src/analytics/btyd (no model code here).
 */
import type { Figure } from '../../shared/economics';
import { bgnbdUnconditionalExpected, type BgNbdParams } from '../btyd/bgnbd';
import { mbgnbdUnconditionalExpected, type MbgNbdParams } from '../btyd/mbgnbd';
import { paretoNbdUnconditionalExpected, type ParetoNbdParams } from '../btyd/paretonbd';
import { DAYS_PER_MONTH } from '../btyd/clv';
import { fitTransactions, forecastSpend } from '../btyd/fit';
import type { GammaGammaParams } from '../btyd/gammagamma';
import type { ModelName } from '../btyd/model';
import { calibrationSummary, compress, type Occasions } from '../btyd/summary';
import type { CustomerTable } from '../customers';
import type { OrderList } from './margin';

/** A fitted purchase model and spend model (time unit `unitDays` days). */
export type PurchaseModel =
  | { model: 'bgnbd'; params: BgNbdParams; unitDays: number }
  | { model: 'paretonbd'; params: ParetoNbdParams; unitDays: number }
  | { model: 'mbgnbd'; params: MbgNbdParams; unitDays: number };

export interface ValueModel {
  purchase: PurchaseModel;
  spend: GammaGammaParams;
}

/** Unconditional E[X(t)] of the purchase model, t in days. */
export function unconditionalExpected(m: PurchaseModel, days: number): number {
  const t = days / m.unitDays;
  if (m.model === 'bgnbd') return bgnbdUnconditionalExpected(m.params, t);
  if (m.model === 'mbgnbd') return mbgnbdUnconditionalExpected(m.params, t);
  return paretoNbdUnconditionalExpected(m.params, t);
}

/** E[spend] per purchase of a new customer: the Gamma-Gamma population mean pγ / (q − 1). */
export function meanSpend(g: GammaGammaParams): number {
  return g.q > 1 ? (g.p * g.gamma) / (g.q - 1) : Infinity;
}

/**
 * The repeat value of a customer acquired today over H months, on revenue:
 * Σ_{k=1..H} E[spend] × (E[X(k months)] − E[X((k−1) months)]) / (1 + d)^k.
 */
export function newCustomerRepeatValue(v: ValueModel, months: number, monthlyDiscount: number): number {
  const spend = meanSpend(v.spend);
  let prev = 0;
  let factor = 1;
  let sum = 0;
  for (let k = 1; k <= months; k++) {
    factor /= 1 + monthlyDiscount;
    const e = unconditionalExpected(v.purchase, k * DAYS_PER_MONTH);
    sum += factor * (e - prev);
    prev = e;
  }
  return spend * sum;
}

/** The thresholds of a channel's own fit (METRICS newCustomerClv). */
export const OWN_FIT_CUSTOMERS = 500;
export const OWN_FIT_REPEAT = 100;

/**
 * Fits the purchase model (weeks) and the spend model on the occasions of the customers with `keep[code]` = 1, at
 * D; null when the channel is too small (< 500 customers or < 100 repeat customers) or a fit fails.
 */
export function fitValueModel(
  occ: Occasions,
  keep: Uint8Array,
  asOf: number,
  model: ModelName,
): ValueModel | null {
  let n = 0;
  for (let i = 0; i < occ.customer.length; i++) if (keep[occ.customer[i]]) n++;
  const sub: Occasions = {
    customer: new Int32Array(n),
    day: new Int32Array(n),
    value: occ.value ? new Float64Array(n) : null,
  };
  let j = 0;
  for (let i = 0; i < occ.customer.length; i++) {
    if (!keep[occ.customer[i]]) continue;
    sub.customer[j] = occ.customer[i];
    sub.day[j] = occ.day[i];
    if (sub.value) sub.value[j] = occ.value![i];
    j++;
  }
  const summary = calibrationSummary(sub, asOf, 7);
  let repeat = 0;
  for (let i = 0; i < summary.x.length; i++) if (summary.x[i] > 0) repeat++;
  if (summary.x.length < OWN_FIT_CUSTOMERS || repeat < OWN_FIT_REPEAT) return null;
  const tr = compress(summary.x, summary.tx, summary.T);
  const spend = forecastSpend(summary);
  if (!spend.ok) return null;
  const { fit } = fitTransactions(model, tr);
  if (!fit.converged || !Object.values(fit.params).every(Number.isFinite)) return null;
  const v = {
    purchase: { model, params: fit.params, unitDays: 7 } as PurchaseModel,
    spend: spend.fit.params,
  };
  // A fit whose prediction is not a finite number (a degenerate dropout) is no fit.
  return Number.isFinite(newCustomerRepeatValue(v, 36, 0)) ? v : null;
}

/** Mean first-order value (net value of the first purchase order) of the customers with `first` in (from, to]. */
export function meanFirstOrderValue(
  table: CustomerTable,
  firstOrderValue: Float64Array,
  channelOf: Int32Array,
  channel: number | 'all',
  from: number,
  to: number,
): { mean: number | null; customers: number } {
  let sum = 0;
  let n = 0;
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c] || table.first[c] <= from || table.first[c] > to) continue;
    if (channel !== 'all' && channelOf[c] !== channel) continue;
    const v = firstOrderValue[c];
    if (v !== v) continue;
    sum += v;
    n++;
  }
  return { mean: n > 0 ? sum / n : null, customers: n };
}

/** newCustomerClv = margin rate × (mean first-order value + the discounted repeat value over H months). */
export function newCustomerClv(
  marginRate: number,
  firstOrderMean: number,
  v: ValueModel,
  months: number,
  monthlyDiscount: number,
): number {
  return marginRate * (firstOrderMean + newCustomerRepeatValue(v, months, monthlyDiscount));
}

/** clv / target ratio. */
export function maxAffordableCac(clv: Figure, target: number): Figure {
  return clv.value === null ? clv : { value: clv.value / target, reason: null };
}

/** clv / cac, with the reason of whichever is missing, or zeroCac. */
export function ltvToCac(clv: Figure, cac: Figure): Figure {
  if (clv.value === null) return { value: null, reason: clv.reason };
  if (cac.value === null) return { value: null, reason: cac.reason };
  if (cac.value === 0) return { value: null, reason: 'zeroCac' };
  return { value: clv.value / cac.value, reason: null };
}

/**
 * The first-year contribution of the new customers of (D − 730d, D − 365d] per channel (index; last slot unknown):
 * `byMonth[ch * 12 + m]` = Σ contribution of their orders in month m (0..11) after their first purchase (order margin
 * − cost per purchase order − cost per return order) plus one twelfth of their first-year service cost;
 * `customers[ch]` their number.
 */
export interface FirstYear {
  customers: Float64Array;
  byMonth: Float64Array;
}

export function firstYearContribution(
  table: CustomerTable,
  orders: OrderList,
  channelOf: Int32Array,
  channels: number,
  costs: { costPerOrder: number; costPerReturn: number },
  /** Service cost of the first year per customer code. */
  serviceYear: Float64Array,
): FirstYear {
  const D = table.asOf;
  const u = channels;
  const out: FirstYear = {
    customers: new Float64Array(u + 1),
    byMonth: new Float64Array((u + 1) * 12),
  };
  const inCohort = (c: number) =>
    table.isCustomer[c] && table.first[c] > D - 730 && table.first[c] <= D - 365;
  for (let c = 0; c < table.size; c++) {
    if (!inCohort(c)) continue;
    const ch = channelOf[c] < 0 ? u : channelOf[c];
    out.customers[ch]++;
    for (let m = 0; m < 12; m++) out.byMonth[ch * 12 + m] += serviceYear[c] / 12;
  }
  for (let o = 0; o < orders.n; o++) {
    const c = orders.customer[o];
    if (!inCohort(c)) continue;
    const since = orders.day[o] - table.first[c];
    if (since < 0 || since >= 365) continue;
    const m = Math.min(11, Math.floor(since / DAYS_PER_MONTH));
    const ch = channelOf[c] < 0 ? u : channelOf[c];
    out.byMonth[ch * 12 + m] +=
      orders.margin[o] -
      (orders.purchase[o] ? costs.costPerOrder : 0) -
      (orders.hasReturn[o] ? costs.costPerReturn : 0);
  }
  return out;
}

/** paybackMonths = CAC / (first-year contribution per new customer / 12); noPayback when that is ≤ 0. */
export function paybackMonths(cac: Figure, fy: FirstYear, ch: number, history: boolean): Figure {
  if (cac.value === null) return cac;
  if (!history) return { value: null, reason: 'shortHistory' };
  const n = fy.customers[ch];
  if (n === 0) return { value: null, reason: 'noNewCustomers' };
  let year = 0;
  for (let m = 0; m < 12; m++) year += fy.byMonth[ch * 12 + m];
  const monthly = year / n / 12;
  if (!(monthly > 0)) return { value: null, reason: 'noPayback' };
  return { value: cac.value / monthly, reason: null };
}

/** The month (1..12) in which the cumulative contribution per new customer first reaches the CAC, else null. */
export function observedPaybackMonth(cac: Figure, fy: FirstYear, ch: number, history: boolean): Figure {
  if (cac.value === null) return cac;
  if (!history) return { value: null, reason: 'shortHistory' };
  const n = fy.customers[ch];
  if (n === 0) return { value: null, reason: 'noNewCustomers' };
  let cum = 0;
  for (let m = 0; m < 12; m++) {
    cum += fy.byMonth[ch * 12 + m];
    if (cum / n >= cac.value) return { value: m + 1, reason: null };
  }
  return { value: null, reason: 'noPayback' };
}
