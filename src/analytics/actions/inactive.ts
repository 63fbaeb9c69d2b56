/**
 * Inactive customers and their value at stake (METRICS.md "Actions": Inactive, Value at stake). A customer is
 * inactive with no purchase occasion in (D − N months, D] (N default 12) and at least one before; with last-contact
 * days, "no contact in (D − M months, D]" (M default 6) is a second criterion. One month is 365.25/12 days, as in
 * METRICS "Predictive CLV".
 */
import type { CustomerTable } from '../customers';

export const MONTH_DAYS = 365.25 / 12;

export type InactiveReason = 'noPurchase' | 'noContact';

export interface InactiveOptions {
  /** N: months without a purchase occasion (default 12). */
  months?: number;
  /** M: months without a contact (default 6); used only with `lastContact`. */
  contactMonths?: number;
  /** Last-contact day per customer code (NaN = no contact known), or null when the master data has none. */
  lastContact?: Float64Array | null;
  /** P(alive) per customer code (NaN where a code has no forecast), or null without a forecast. */
  pAlive?: Float64Array | null;
  /** True when a margin exists (margin column or rate): the value is the margin, else the revenue. */
  hasMargin: boolean;
}

export interface InactiveRow {
  code: number;
  lastDay: number;
  daysSincePurchase: number;
  /** Last-contact day, or null when none is known. */
  lastContact: number | null;
  /** Margin (or revenue) per year from `first` to `last`, with at least one year as divisor. */
  yearlyValue: number;
  pAlive: number | null;
  /** yearlyValue × P(alive), or yearlyValue alone where P(alive) is null. */
  valueAtStake: number;
  reasons: InactiveReason[];
}

export interface InactiveResult {
  rows: InactiveRow[];
  valueBasis: 'margin' | 'revenue';
  /** False when the value at stake is the yearly value alone (no forecast given). */
  withPAlive: boolean;
  /** Rows without P(alive) although a forecast was given (their value is the yearly value alone). */
  withoutPAlive: number;
}

/** The yearly value of a customer: margin (or revenue) / max(1, (last − first) / 365.25). */
export function yearlyValue(t: CustomerTable, c: number, hasMargin: boolean): number {
  const years = Math.max(1, (t.last[c] - t.first[c]) / 365.25);
  return (hasMargin ? t.margin[c] : t.revenue[c]) / years;
}

/** The inactive customers, ranked by value at stake (highest first; equal values by customer code). */
export function inactiveCustomers(t: CustomerTable, opts: InactiveOptions): InactiveResult {
  const cutoff = t.asOf - (opts.months ?? 12) * MONTH_DAYS;
  const contact = opts.lastContact ?? null;
  const contactCutoff = t.asOf - (opts.contactMonths ?? 6) * MONTH_DAYS;
  const pAlive = opts.pAlive ?? null;
  const rows: InactiveRow[] = [];
  let withoutPAlive = 0;
  for (let c = 0; c < t.size; c++) {
    // A customer has at least one occasion; none in (cutoff, D] means its last one lies before.
    if (!t.isCustomer[c] || t.last[c] > cutoff) continue;
    const reasons: InactiveReason[] = ['noPurchase'];
    let lastContact: number | null = null;
    if (contact) {
      const lc = c < contact.length ? contact[c] : NaN;
      if (lc === lc) lastContact = lc;
      // Contact after D is ignored like data after D; no known contact meets the criterion.
      if (lastContact !== null && lastContact > contactCutoff && lastContact <= t.asOf) continue;
      reasons.push('noContact');
    }
    const yearly = yearlyValue(t, c, opts.hasMargin);
    let p: number | null = null;
    if (pAlive) {
      const v = c < pAlive.length ? pAlive[c] : NaN;
      if (v === v) p = v;
      else withoutPAlive++;
    }
    rows.push({
      code: c,
      lastDay: t.last[c],
      daysSincePurchase: t.asOf - t.last[c],
      lastContact,
      yearlyValue: yearly,
      pAlive: p,
      valueAtStake: p === null ? yearly : yearly * p,
      reasons,
    });
  }
  rows.sort((a, b) => b.valueAtStake - a.valueAtStake || a.code - b.code);
  return {
    rows,
    valueBasis: opts.hasMargin ? 'margin' : 'revenue',
    withPAlive: pAlive !== null,
    withoutPAlive,
  };
}
