/** The columns of the customer table: what each shows, how it sorts and how wide it is. */
import type { MessageKey } from '../../i18n/i18n.svelte';
import type { CustomerSort } from '../../worker/handlers/customers';

export interface Column {
  /** The sort key, or null for a column that does not sort. */
  key: CustomerSort | null;
  label: MessageKey;
  params?: Record<string, number>;
  num?: boolean;
  width: string;
}

const BASE: Column[] = [
  { key: 'id', label: 'cu.id', width: '1.3fr' },
  { key: null, label: 'cu.segment', width: '1.4fr' },
  { key: 'revenue', label: 'cu.revenue', num: true, width: '1.1fr' },
  { key: 'orders', label: 'cu.orders', num: true, width: '0.6fr' },
  { key: 'recencyDays', label: 'cu.recency', num: true, width: '0.7fr' },
  { key: 'first', label: 'cu.first', width: '1fr' },
  { key: null, label: 'cu.rfm', width: '0.5fr' },
];

/**
 * The columns shown: after a forecast of the same dataset, as-of date and filters, P(alive) and the expected
 * purchases over the forecast's horizon join them, and the predicted CLV when the dataset has amounts.
 */
export function columnsOf(forecast: { months: number; clv: boolean } | null): Column[] {
  if (!forecast) return BASE;
  const params = { n: forecast.months };
  const pAlive: Column = { key: 'pAlive', label: 'fc.pAlive', num: true, width: '0.7fr' };
  const expected: Column = { key: null, label: 'cu.fcExpected', num: true, width: '0.8fr', params };
  const clv: Column = { key: 'clv', label: 'cu.fcClv', num: true, width: '1fr', params };
  return forecast.clv ? [...BASE, pAlive, expected, clv] : [...BASE, pAlive, expected];
}

/** The initial direction of a sort: the ids and the days since purchase ascending, the rest descending. */
export const descendingFirst = (s: CustomerSort) => s !== 'id' && s !== 'recencyDays';
