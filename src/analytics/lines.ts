/**
 * The lines of a dataset as full-length typed arrays (widened from the stored, narrowed chunks), the input of every
 * analysis. Pure: building it from chunks is the caller's job (the worker reads IndexedDB, the report reads memory).
 */
import { FLAG_DUPLICATE, FLAG_RETURN, type ColumnValues } from '../ingest/columnize';

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

/** Builds Lines from column parts (in chunk order) and dictionaries. */
export function linesFromColumns(
  columns: Record<string, ColumnValues[]>,
  dicts: Record<string, string[]>,
): Lines {
  const customer = concatColumn(columns.customer ?? [], Int32Array);
  const codes: Record<string, Int32Array> = {};
  for (const [key, parts] of Object.entries(columns)) {
    if (!CODE_KEYS.has(key)) codes[key] = concatColumn(parts, Int32Array);
  }
  return {
    n: customer.length,
    customer,
    day: concatColumn(columns.date ?? [], Int32Array),
    amount: columns.amount ? concatColumn(columns.amount, Float64Array) : null,
    margin: columns.margin ? concatColumn(columns.margin, Float64Array) : null,
    flags: concatColumn(columns.flags ?? [], Uint8Array),
    order: columns.order ? concatColumn(columns.order, Int32Array) : null,
    codes,
    dicts,
  };
}
