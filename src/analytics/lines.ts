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
  /**
   * Other code columns: product, category, channel, region and `attr:<name>` (from storage, each is put in order on
   * first use).
   */
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

/** Whether Lines use a stored column: all but the quantity (the import has folded it into the amount). */
export function isLineColumn(key: string): boolean {
  return key !== 'quantity';
}

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
 * Groups lines by customer and sorts them by day within a customer, stable (two counting sorts: by day, then by
 * customer). Gives the order (`out[position] = line`) or, with `ranks`, the position of each line (`out[line]`).
 */
function customerDaySort(
  customer: Int32Array,
  day: Int32Array,
  customers: number,
  ranks: boolean,
): Int32Array {
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
  for (let i = 0; i < n; i++) byCust[customer[i] + 1]++;
  for (let c = 1; c <= customers; c++) byCust[c] += byCust[c - 1];
  if (ranks) for (let k = 0; k < n; k++) out[tmp[k]] = byCust[customer[tmp[k]]]++;
  else for (let k = 0; k < n; k++) out[byCust[customer[tmp[k]]]++] = tmp[k];
  return out;
}

/** The permutation that groups lines by customer and sorts them by day within a customer (`order[position]`). */
export function customerDayOrder(customer: Int32Array, day: Int32Array, customers: number): Int32Array {
  return customerDaySort(customer, day, customers, false);
}

/** The position of each line in customer/day order (`rank[line]`; the inverse of customerDayOrder). */
export function customerDayRanks(customer: Int32Array, day: Int32Array, customers: number): Int32Array {
  return customerDaySort(customer, day, customers, true);
}

// Puts a column's parts in order by the rank of each line, straight from the stored (narrowed) parts: no
// concatenated copy first. One function per result type (one generic loop over all types runs several times
// slower); the parts' types may differ from chunk to chunk.
function scatterInt32(parts: ColumnValues[], rank: Int32Array): Int32Array {
  const out = new Int32Array(rank.length);
  let at = 0;
  for (const p of parts) {
    for (let j = 0; j < p.length; j++) out[rank[at + j]] = p[j];
    at += p.length;
  }
  return out;
}

function scatterFloat64(parts: ColumnValues[], rank: Int32Array): Float64Array {
  const out = new Float64Array(rank.length);
  let at = 0;
  for (const p of parts) {
    for (let j = 0; j < p.length; j++) out[rank[at + j]] = p[j];
    at += p.length;
  }
  return out;
}

function scatterUint8(parts: ColumnValues[], rank: Int32Array): Uint8Array {
  const out = new Uint8Array(rank.length);
  let at = 0;
  for (const p of parts) {
    for (let j = 0; j < p.length; j++) out[rank[at + j]] = p[j];
    at += p.length;
  }
  return out;
}

/** The same lines in customer/day order (see `Lines.sorted`): every column put in order once. */
export function sortByCustomerDay(lines: Lines): Lines {
  if (lines.sorted) return lines;
  const rank = customerDayRanks(lines.customer, lines.day, lines.dicts.customer?.length ?? 0);
  const codes: Record<string, Int32Array> = {};
  for (const [key, col] of Object.entries(lines.codes)) codes[key] = scatterInt32([col], rank);
  return {
    n: lines.n,
    customer: scatterInt32([lines.customer], rank),
    day: scatterInt32([lines.day], rank),
    amount: lines.amount && scatterFloat64([lines.amount], rank),
    margin: lines.margin && scatterFloat64([lines.margin], rank),
    flags: scatterUint8([lines.flags], rank),
    order: lines.order && scatterInt32([lines.order], rank),
    codes,
    dicts: lines.dicts,
    sorted: true,
  };
}

/** The attribute codes in customer/day order, each put in order on first use (most analyses never read one). */
function attributeCodes(
  attributes: Map<string, ColumnValues[]>,
  rank: Int32Array,
): Record<string, Int32Array> {
  const codes: Record<string, Int32Array> = {};
  for (const [key, parts] of attributes) {
    Object.defineProperty(codes, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = scatterInt32(parts, rank);
        Object.defineProperty(codes, key, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return codes;
}

/**
 * Builds Lines in customer/day order from column parts that may arrive one column at a time, as the worker reads
 * them from IndexedDB: once the customer and date columns are in, each column is put in that order as soon as it
 * is added, while the next ones are still being read (attribute codes on first use). The result is the same in any
 * order of arrival.
 */
export class LinesBuilder {
  private customer: Int32Array | null = null;
  private day: Int32Array | null = null;
  private rank: Int32Array | null = null;
  private readonly waiting = new Map<string, ColumnValues[]>();
  /** Product, category, channel, region and other attribute codes: put in order when first used. */
  private readonly attributes = new Map<string, ColumnValues[]>();
  private readonly sorted = new Map<string, Int32Array | Float64Array | Uint8Array>();

  /** Adds a column's parts (in chunk order). Columns that Lines do not use are ignored. */
  add(key: string, parts: ColumnValues[]): void {
    if (!isLineColumn(key)) return;
    if (key === 'customer') this.customer = concatColumn(parts, Int32Array);
    else if (key === 'date') this.day = concatColumn(parts, Int32Array);
    else if (!CODE_KEYS.has(key)) this.attributes.set(key, parts);
    else this.waiting.set(key, parts);
    if (!this.rank && this.customer && this.day) this.sortLines();
    if (this.rank) this.sortWaiting();
  }

  /** The lines, with the dictionaries (a column never added is empty, or null where Lines allow it). */
  finish(dicts: Record<string, string[]>): Lines {
    if (!this.rank) {
      this.customer ??= new Int32Array(0);
      this.day ??= new Int32Array(0);
      this.sortLines();
      this.sortWaiting();
    }
    const col = <T>(key: string) => (this.sorted.get(key) as T | undefined) ?? null;
    const codes = attributeCodes(this.attributes, this.rank!);
    return {
      n: this.customer!.length,
      customer: this.sorted.get('customer') as Int32Array,
      day: this.sorted.get('date') as Int32Array,
      amount: col<Float64Array>('amount'),
      margin: col<Float64Array>('margin'),
      flags: col<Uint8Array>('flags') ?? new Uint8Array(0),
      order: col<Int32Array>('order'),
      codes,
      dicts,
      sorted: true,
    };
  }

  private sortLines(): void {
    const customer = this.customer!;
    const day = this.day!;
    // Codes index the customer dictionary: the highest code bounds the counting sort as its length does.
    let customers = 0;
    for (let i = 0; i < customer.length; i++) if (customer[i] >= customers) customers = customer[i] + 1;
    const rank = customerDayRanks(customer, day, customers);
    this.rank = rank;
    this.sorted.set('customer', scatterInt32([customer], rank));
    this.sorted.set('date', scatterInt32([day], rank));
  }

  private sortWaiting(): void {
    const rank = this.rank!;
    for (const [key, parts] of this.waiting) {
      const values =
        key === 'amount' || key === 'margin'
          ? scatterFloat64(parts, rank)
          : key === 'flags'
            ? scatterUint8(parts, rank)
            : scatterInt32(parts, rank);
      this.sorted.set(key, values);
    }
    this.waiting.clear();
  }
}

/** Builds Lines from column parts (in chunk order) and dictionaries, in customer/day order. */
export function linesFromColumns(
  columns: Record<string, ColumnValues[]>,
  dicts: Record<string, string[]>,
): Lines {
  const builder = new LinesBuilder();
  for (const [key, parts] of Object.entries(columns)) builder.add(key, parts);
  return builder.finish(dicts);
}
