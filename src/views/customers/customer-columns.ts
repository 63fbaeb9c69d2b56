/** The columns of the customer table: what each shows, how it sorts and how wide it is. */
import type { MessageKey } from '../../i18n/i18n.svelte';
import type { CustomerSort } from '../../worker/handlers/customers';

export interface Column {
  /** The sort key, or null for a column that does not sort. */
  key: CustomerSort | null;
  label: MessageKey;
  params?: Record<string, number>;
  num?: boolean;
  /** The share of the free width (an fr value) and, in rem, the least width: the widest content fits in it, so
   * every row's grid has the same columns as the header's. */
  width: string;
  min: number;
}

const BASE: Column[] = [
  { key: 'id', label: 'cu.id', width: '1.3fr', min: 6 },
  { key: null, label: 'cu.segment', width: '1.4fr', min: 7.6 },
  { key: 'revenue', label: 'cu.revenue', num: true, width: '1.1fr', min: 5.6 },
  { key: 'orders', label: 'cu.orders', num: true, width: '0.6fr', min: 4.4 },
  { key: 'recencyDays', label: 'cu.recency', num: true, width: '0.7fr', min: 4.6 },
  { key: 'first', label: 'cu.first', width: '1fr', min: 5.6 },
  { key: null, label: 'cu.rfm', width: '0.5fr', min: 3 },
];

/**
 * The columns shown: after a forecast of the same dataset, as-of date and filters, P(alive) and the expected
 * purchases over the forecast's horizon join them, and the predicted CLV when the dataset has amounts.
 */
export function columnsOf(forecast: { months: number; clv: boolean } | null): Column[] {
  if (!forecast) return BASE;
  const params = { n: forecast.months };
  const pAlive: Column = { key: 'pAlive', label: 'fc.pAlive', num: true, width: '0.8fr', min: 7.4 };
  const expected: Column = { key: null, label: 'cu.fcExpected', num: true, width: '0.8fr', min: 5.6, params };
  const clv: Column = { key: 'clv', label: 'cu.fcClv', num: true, width: '1fr', min: 7.4, params };
  return forecast.clv ? [...BASE, pAlive, expected, clv] : [...BASE, pAlive, expected];
}

/** The initial direction of a sort: the ids and the days since purchase ascending, the rest descending. */
export const descendingFirst = (s: CustomerSort) => s !== 'id' && s !== 'recencyDays';
