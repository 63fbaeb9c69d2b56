/**
 * Purchase occasions (METRICS.md): a customer-day with at least one purchase line and a net value ≥ 0, the unit
 * that the BTYD models count. Built from the same filtered, customer/day-ordered lines as the aggregates.
 */
import { sortedLineIndex, type AggregateOptions } from './customers';
import { FLAG_RETURN, type Lines } from './lines';
import type { Occasions } from './btyd/summary';

export function purchaseOccasions(lines: Lines, opts: AggregateOptions): Occasions {
  const size = lines.dicts.customer?.length ?? 0;
  const idx = sortedLineIndex(lines, opts, size);
  const { customer, day, amount, flags } = lines;
  const outCustomer = new Int32Array(idx.length);
  const outDay = new Int32Array(idx.length);
  const outValue = amount ? new Float64Array(idx.length) : null;
  let n = 0;
  let k = 0;
  while (k < idx.length) {
    const c = customer[idx[k]];
    const d = day[idx[k]];
    let net = 0;
    let buys = false;
    for (; k < idx.length; k++) {
      const i = idx[k];
      if (customer[i] !== c || day[i] !== d) break;
      if (amount) net += amount[i];
      if (!(flags[i] & FLAG_RETURN)) buys = true;
    }
    // Net value ≥ 0, with the same 1e-9 tolerance as the aggregates.
    if (buys && net >= -1e-9) {
      outCustomer[n] = c;
      outDay[n] = d;
      if (outValue) outValue[n] = Math.max(0, net);
      n++;
    }
  }
  return {
    customer: outCustomer.subarray(0, n),
    day: outDay.subarray(0, n),
    value: outValue ? outValue.subarray(0, n) : null,
  };
}
