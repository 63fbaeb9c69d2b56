/**
 * The customers × columns matrix of the Actions view (METRICS.md "Actions": Co-purchase — "bought A" = at least one
 * purchase line in A up to D, by a customer of METRICS "Terms"), with each customer's usual columns (top 3 by net
 * revenue, returns included, METRICS "revenue") and the columns of the last purchase order (METRICS "Terms": an
 * order id, or a customer-day without one, with a purchase line and a net value ≥ 0). A column is a category, or a
 * product when the caller chooses products. One pass over the lines; the bitsets answer the has / has-not filters.
 */
import { sortedLineIndex, type AggregateOptions, type CustomerTable } from '../customers';
import { FLAG_RETURN, type Lines } from '../lines';
import { blankCodes } from './copurchase';

export interface CustomerColumns {
  key: string;
  /** Column labels; index = code of the column's dictionary. */
  labels: string[];
  /** 32-bit words per customer in `bits`. */
  words: number;
  /** Bought column g of customer c: bit (g & 31) of bits[c · words + (g >>> 5)]. */
  bits: Uint32Array;
  /** Columns bought per customer code. */
  count: Int32Array;
  /** Customers (METRICS "Terms") who bought each column. */
  buyers: Int32Array;
  /** Column codes by buyers, highest first (equal counts by code): the matrix's column order. */
  byBuyers: Int32Array;
  /** Position of each column code in `byBuyers`. */
  position: Int32Array;
  /** Top 3 columns by net revenue (> 0) per customer, at [c · 3 + j]; −1 where none. */
  usual: Int32Array;
  /** Columns of the customer's last purchase order: lastCodes[lastStart[c] … lastStart[c + 1]). */
  lastStart: Int32Array;
  lastCodes: Int32Array;
}

interface OrderAcc {
  firstDay: number;
  firstPos: number;
  net: number;
  buys: boolean;
  columns: number[];
}

/**
 * The matrix over the lines that count up to D (as-of date, duplicates, filter of `opts`). Orders are put in order
 * by their first day, then their first line (as in the product journey); the last purchase order's columns come
 * in the order of their first purchase line in it. Without `bitsets` (many products) only the usual and last
 * columns are kept (words = 0, no buyers).
 */
export function customerColumns(
  lines: Lines,
  t: CustomerTable,
  key: string,
  opts: AggregateOptions,
  bitsets = true,
): CustomerColumns {
  const labels = lines.dicts[key] ?? [];
  const col = lines.codes[key];
  const K = labels.length;
  const size = t.size;
  const words = bitsets ? Math.max(1, (K + 31) >>> 5) : 0;
  const bits = new Uint32Array(size * words);
  const count = new Int32Array(size);
  const buyers = new Int32Array(K);
  const usual = new Int32Array(size * 3).fill(-1);
  const lastStart = new Int32Array(size + 1);
  const last: number[] = [];
  if (col) {
    const blankColumn = blankCodes(labels);
    const idx = sortedLineIndex(lines, opts, size);
    const { customer, day, amount, flags, order } = lines;
    const orderDict = lines.dicts.order ?? [];
    const blank = order ? Uint8Array.from(orderDict, (o) => (o.trim() === '' ? 1 : 0)) : null;
    const rev = new Float64Array(K);
    const stamp = new Int32Array(K);
    const touched: number[] = [];
    let k = 0;
    let filled = 0;
    while (k < idx.length) {
      const c = customer[idx[k]];
      const orders = new Map<number, OrderAcc>();
      for (; k < idx.length && customer[idx[k]] === c; k++) {
        const i = idx[k];
        const g = col[i];
        if (stamp[g] !== c + 1) {
          stamp[g] = c + 1;
          touched.push(g);
        }
        const a = amount ? amount[i] : 0;
        rev[g] += a;
        // A blank category (or product) is no column: no cross, not usual, not among the last products.
        const buy = !(flags[i] & FLAG_RETURN) && !blankColumn[g];
        if (buy && words) bits[c * words + (g >>> 5)] |= 1 << (g & 31);
        const id = order && !blank![order[i]] ? order[i] : -1e9 - day[i] - 1;
        let acc = orders.get(id);
        if (!acc) {
          acc = { firstDay: day[i], firstPos: k, net: 0, buys: false, columns: [] };
          orders.set(id, acc);
        }
        acc.net += a;
        if (buy) {
          acc.buys = true;
          if (!acc.columns.includes(g)) acc.columns.push(g);
        }
      }
      for (; filled <= c; filled++) lastStart[filled] = last.length;
      if (t.isCustomer[c]) {
        let n = 0;
        for (let w = 0; w < words; w++) {
          let v = bits[c * words + w];
          while (v) {
            v &= v - 1;
            n++;
          }
        }
        count[c] = n;
        if (words) for (const g of touched) if (bits[c * words + (g >>> 5)] & (1 << (g & 31))) buyers[g]++;
        const top = touched
          .filter((g) => rev[g] > 0 && !blankColumn[g])
          .sort((x, y) => rev[y] - rev[x] || x - y)
          .slice(0, 3);
        top.forEach((g, j) => (usual[c * 3 + j] = g));
        let best: OrderAcc | null = null;
        for (const o of orders.values()) {
          if (!o.buys || o.net < -1e-9) continue;
          if (
            !best ||
            o.firstDay > best.firstDay ||
            (o.firstDay === best.firstDay && o.firstPos > best.firstPos)
          )
            best = o;
        }
        if (best) for (const g of best.columns) last.push(g);
      } else if (words) bits.fill(0, c * words, (c + 1) * words);
      for (const g of touched) rev[g] = 0;
      touched.length = 0;
    }
    for (; filled <= size; filled++) lastStart[filled] = last.length;
  }
  const byBuyers = Int32Array.from({ length: K }, (_, g) => g).sort((x, y) => buyers[y] - buyers[x] || x - y);
  const position = new Int32Array(K);
  byBuyers.forEach((g, p) => (position[g] = p));
  return {
    key,
    labels,
    words,
    bits,
    count,
    buyers,
    byBuyers,
    position,
    usual,
    lastStart,
    lastCodes: Int32Array.from(last),
  };
}

/** The matrix's columns: the labels of the columns bought by at least one customer in scope, by buyers. */
export function matrixColumnLabels(m: CustomerColumns): string[] {
  const out: string[] = [];
  for (const g of m.byBuyers) if (m.buyers[g] > 0) out.push(m.labels[g]);
  return out;
}

/** Whether customer c bought column g. */
export function hasColumn(m: CustomerColumns, c: number, g: number): boolean {
  return (m.bits[c * m.words + (g >>> 5)] & (1 << (g & 31))) !== 0;
}

/** The usual columns of a customer (at most 3, highest net revenue first). */
export function usualColumns(m: CustomerColumns, c: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < 3; j++) if (m.usual[c * 3 + j] >= 0) out.push(m.usual[c * 3 + j]);
  return out;
}

/** The columns of a customer's last purchase order. */
export function lastColumns(m: CustomerColumns, c: number): number[] {
  return Array.from(m.lastCodes.subarray(m.lastStart[c], m.lastStart[c + 1]));
}

/** The column codes a customer bought, in matrix (buyers) order, as positions in `byBuyers`. */
export function boughtPositions(m: CustomerColumns, c: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < m.words; w++) {
    let v = m.bits[c * m.words + w];
    while (v) {
      const b = 31 - Math.clz32(v & -v);
      v &= v - 1;
      out.push(m.position[w * 32 + b]);
    }
  }
  return out.sort((x, y) => x - y);
}

/**
 * A mask test for the has / has-not filter: customers who bought every `has` column and none of the `hasNot`
 * columns (codes). Returns null when there is no filter.
 */
export function columnFilter(
  m: CustomerColumns,
  has: number[],
  hasNot: number[],
): ((c: number) => boolean) | null {
  if (has.length === 0 && hasNot.length === 0) return null;
  const w = m.words;
  const want = new Uint32Array(w);
  const avoid = new Uint32Array(w);
  for (const g of has) want[g >>> 5] |= 1 << (g & 31);
  for (const g of hasNot) avoid[g >>> 5] |= 1 << (g & 31);
  return (c) => {
    const base = c * w;
    for (let i = 0; i < w; i++) {
      const v = m.bits[base + i];
      if ((v & want[i]) >>> 0 !== want[i] || (v & avoid[i]) !== 0) return false;
    }
    return true;
  };
}

const collator = new Intl.Collator('de', { numeric: true });
const idRanks = new WeakMap<readonly string[], Int32Array>();

/** The rank of each id in the order of ids (numeric-aware, German collation), once per customer dictionary. */
export function idRank(ids: readonly string[]): Int32Array {
  let r = idRanks.get(ids);
  if (!r) {
    const order = Array.from({ length: ids.length }, (_, i) => i).sort(
      (a, b) => collator.compare(ids[a], ids[b]) || a - b,
    );
    r = new Int32Array(ids.length);
    order.forEach((c, i) => (r![c] = i));
    idRanks.set(ids, r);
  }
  return r;
}

/**
 * Customer codes sorted by a numeric key (ascending, or descending), equal keys by id (ascending in both
 * directions). NaN keys go last.
 */
export function sortCodes(
  codes: ArrayLike<number>,
  key: (c: number) => number,
  rank: Int32Array,
  descending: boolean,
) {
  const out = Int32Array.from(codes);
  const keys = new Float64Array(rank.length);
  for (let i = 0; i < out.length; i++) {
    const v = key(out[i]);
    keys[out[i]] = v === v ? (descending ? -v : v) : Infinity;
  }
  out.sort((a, b) => keys[a] - keys[b] || rank[a] - rank[b]);
  return out;
}
