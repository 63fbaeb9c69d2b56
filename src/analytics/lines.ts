/**
 * The lines of a dataset as full-length typed arrays (widened from the stored, narrowed chunks), the input of every
 * analysis. Pure: building it from chunks is the caller's job (the worker reads IndexedDB, the report reads memory).
 */
import { FLAG_DUPLICATE, FLAG_RETURN, type ColumnValues } from '../shared/columns';

export interface Lines {
  n: number;
  customer: Int32Array;
  day: Int32Array;
  /** Net amount per line; null when the dataset has no amount. */
  amount: Float64Array | null;
  /** Contribution margin per line where a cost or margin column was mapped (NaN where the cell was blank). */
  margin: Float64Array | null;
  flags: Uint8Array;
  /** Order codes; null without an order id column (an order is then a customer-day). */
  order: Int32Array | null;
  /** Other code columns: product, category, channel, region and `attr:<name>`. */
  codes: Record<string, Int32Array>;
  /** Dictionaries by column key (customer ids, order ids, attribute values). */
  dicts: Record<string, string[]>;
  /**
   * True when the lines are grouped by customer and sorted by day within a customer (file order within a day).
   * The analyses then read every column front to back instead of jumping through an index.
   */
  sorted?: boolean;
}

export { FLAG_DUPLICATE, FLAG_RETURN };

/** Concatenates per-chunk values into one array of the given type. */
export function concatColumn<T extends Int32Array | Float64Array | Uint8Array>(
  parts: ColumnValues[],
  ctor: { new (length: number): T },
): T {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new ctor(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CODE_KEYS = new Set(['customer', 'date', 'amount', 'margin', 'quantity', 'flags', 'order']);

const ranges = new WeakMap<Lines, [number, number]>();

/** The first and the last day of the lines ([Infinity, -Infinity] without lines); computed once per Lines. */
export function dayRange(lines: Lines): [number, number] {
  const hit = ranges.get(lines);
  if (hit) return hit;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < lines.n; i++) {
    const d = lines.day[i];
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const range: [number, number] = [min, max];
  ranges.set(lines, range);
  return range;
}

/**
 * The permutation that groups lines by customer and sorts them by day within a customer, stable (two counting
 * sorts: by day, then by customer).
 */
export function customerDayOrder(customer: Int32Array, day: Int32Array, customers: number): Int32Array {
  const n = customer.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (day[i] < minDay) minDay = day[i];
    if (day[i] > maxDay) maxDay = day[i];
  }
  const tmp = new Int32Array(n);
  const span = maxDay - minDay + 1;
  const byDay = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) byDay[day[i] - minDay + 1]++;
  for (let d = 1; d <= span; d++) byDay[d] += byDay[d - 1];
  for (let i = 0; i < n; i++) tmp[byDay[day[i] - minDay]++] = i;
  const byCust = new Int32Array(customers + 1);
  for (let k = 0; k < n; k++) byCust[customer[tmp[k]] + 1]++;
  for (let c = 1; c <= customers; c++) byCust[c] += byCust[c - 1];
  for (let k = 0; k < n; k++) out[byCust[customer[tmp[k]]]++] = tmp[k];
  return out;
}

function permute<T extends Int32Array | Float64Array | Uint8Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as { new (n: number): T })(values.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}

/** The same lines in customer/day order (see `Lines.sorted`): every column permuted once. */
export function sortByCustomerDay(lines: Lines): Lines {
  if (lines.sorted) return lines;
  const order = customerDayOrder(lines.customer, lines.day, lines.dicts.customer?.length ?? 0);
  const codes: Record<string, Int32Array> = {};
  for (const [key, col] of Object.entries(lines.codes)) codes[key] = permute(col, order);
  return {
    n: lines.n,
    customer: permute(lines.customer, order),
    day: permute(lines.day, order),
    amount: lines.amount && permute(lines.amount, order),
    margin: lines.margin && permute(lines.margin, order),
    flags: permute(lines.flags, order),
    order: lines.order && permute(lines.order, order),
    codes,
    dicts: lines.dicts,
    sorted: true,
  };
}

/** Builds Lines from column parts (in chunk order) and dictionaries, in customer/day order. */
export function linesFromColumns(
  columns: Record<string, ColumnValues[]>,
  dicts: Record<string, string[]>,
): Lines {
  const customer = concatColumn(columns.customer ?? [], Int32Array);
  const codes: Record<string, Int32Array> = {};
  for (const [key, parts] of Object.entries(columns)) {
    if (!CODE_KEYS.has(key)) codes[key] = concatColumn(parts, Int32Array);
  }
  return sortByCustomerDay({
    n: customer.length,
    customer,
    day: concatColumn(columns.date ?? [], Int32Array),
    amount: columns.amount ? concatColumn(columns.amount, Float64Array) : null,
    margin: columns.margin ? concatColumn(columns.margin, Float64Array) : null,
    flags: concatColumn(columns.flags ?? [], Uint8Array),
    order: columns.order ? concatColumn(columns.order, Int32Array) : null,
    codes,
    dicts,
  });
}
