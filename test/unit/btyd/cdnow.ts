// Loads the CDNOW 1/10 sample from ../shared/data (never copied into the repository) as purchase occasions.
import { existsSync, readFileSync } from 'node:fs';
import { sharedFile } from '../helpers';
import type { Occasions } from '../../../src/analytics/btyd/summary';

export const CDNOW_PATH = sharedFile('cdnow_sample.csv');
export const hasCdnow = existsSync(CDNOW_PATH);

/** Day number (days since 1970-01-01 UTC) of a YYYYMMDD or YYYY-MM-DD date. */
export function dayOf(date: string): number {
  const digits = date.replaceAll('-', '');
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export const CDNOW_CALIBRATION_END = dayOf('1997-09-30');

/** Purchase occasions: one per customer-day (masterid, date), same-day sales summed; sorted by customer, day. */
export function loadCdnowOccasions(): Occasions {
  const byKey = new Map<string, { customer: number; day: number; value: number }>();
  const lines = readFileSync(CDNOW_PATH, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [masterid, , date, , sales] = line.split(',');
    const customer = Number(masterid);
    const day = dayOf(date);
    const key = `${customer}|${day}`;
    const o = byKey.get(key) ?? { customer, day, value: 0 };
    o.value += Number(sales);
    byKey.set(key, o);
  }
  const list = [...byKey.values()].sort((p, q) => p.customer - q.customer || p.day - q.day);
  return {
    customer: Int32Array.from(list, (o) => o.customer),
    day: Int32Array.from(list, (o) => o.day),
    value: Float64Array.from(list, (o) => o.value),
  };
}
