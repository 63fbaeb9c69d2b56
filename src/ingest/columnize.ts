/**
 * Validation, normalization and columnization of parsed rows into typed-array chunks with string dictionaries.
 * This is the hot loop of the import: no per-row objects, no regular expressions on the fast path.
 */
import type { ColumnInfo, ImportOptions, ImportSummary, RejectReason, RejectedRow } from '../shared/types';
import type { LineCounter, RowSink } from './parse';
import { dayToIso, isBlank, parseDate, parseNumber } from './normalize';

export const CHUNK_ROWS = 65536;
export const REJECT_CHUNK_ROWS = 5000;

export const FLAG_RETURN = 1;
export const FLAG_DUPLICATE = 2;

export interface ColumnChunk {
  index: number;
  rows: number;
  columns: Record<string, ArrayBuffer>;
}

/** Where columnized data goes: IndexedDB in the app, memory in Node (report, tests). */
export interface ChunkSink {
  writeChunk(chunk: ColumnChunk): Promise<void>;
  writeRejects(index: number, rows: RejectedRow[]): Promise<void>;
}

type CodeColumn = { key: string; src: number; label: string; dict: Map<string, number>; values: string[] };

function codeOf(col: CodeColumn, raw: string): number {
  let code = col.dict.get(raw);
  if (code === undefined) {
    code = col.values.length;
    col.dict.set(raw, code);
    col.values.push(raw);
  }
  return code;
}

/** Customer ids exported from a float column (`17850.0`) are the same id as `17850`. */
export function normalizeId(s: string): string {
  let t = s;
  const n = t.length;
  if (n > 0 && (t.charCodeAt(0) === 32 || t.charCodeAt(n - 1) === 32 || t.charCodeAt(n - 1) === 9)) t = t.trim();
  if (t.length > 2 && t.charCodeAt(t.length - 1) === 48 && t.charCodeAt(t.length - 2) === 46) {
    const head = t.slice(0, -2);
    let digits = head.length > 0;
    for (let i = 0; i < head.length && digits; i++) {
      const c = head.charCodeAt(i);
      digits = c >= 48 && c <= 57;
    }
    if (digits) return head;
  }
  return t;
}

export class Columnizer implements RowSink {
  readonly columns: ColumnInfo[] = [];
  private readonly o: ImportOptions;
  private readonly sink: ChunkSink;
  private readonly customer: CodeColumn;
  private readonly codeCols: CodeColumn[] = [];
  private readonly iDate: number;
  private readonly iAmount: number;
  private readonly iQty: number;
  private readonly iPrice: number;
  private readonly iCost: number;
  private readonly iMargin: number;
  private readonly iOrder: number;
  private readonly hasAmount: boolean;
  private readonly minFields: number;

  // Current chunk buffers.
  private pos = 0;
  private chunkIndex = 0;
  private custBuf = new Int32Array(CHUNK_ROWS);
  private dayBuf = new Int32Array(CHUNK_ROWS);
  private amountBuf: Float64Array | null;
  private qtyBuf: Float64Array | null;
  private marginBuf: Float64Array | null;
  private flagBuf = new Uint8Array(CHUNK_ROWS);
  private codeBufs: Int32Array[];

  private rejectBuf: RejectedRow[] = [];
  private rejectChunk = 0;
  private writes: Promise<void>[] = [];

  private lastDateStr = '\u0000';
  private lastDay = NaN;
  private seen = new Set<string>();
  private customerDays = new Set<number>();

  // Summary counters.
  rowsRead = 0;
  imported = 0;
  blankLines = 0;
  rejected = 0;
  rejectReasons: Partial<Record<RejectReason, number>> = {};
  rejectedRevenue: Partial<Record<RejectReason, number>> = {};
  netRevenue = 0;
  returnLines = 0;
  returnsValue = 0;
  duplicateLines = 0;
  duplicateRevenue = 0;
  minDay = Infinity;
  maxDay = -Infinity;

  constructor(options: ImportOptions, headers: string[], sink: ChunkSink) {
    this.o = options;
    this.sink = sink;
    const r = options.roles;
    const label = (i: number | undefined, fallback: string) => (i === undefined ? fallback : (headers[i] ?? fallback));
    if (r.customer === undefined || r.date === undefined) throw new Error('customer and date columns are required');
    this.customer = { key: 'customer', src: r.customer, label: label(r.customer, 'customer'), dict: new Map(), values: [] };
    this.iDate = r.date;
    this.iAmount = r.amount ?? -1;
    this.iQty = r.quantity ?? -1;
    this.iPrice = r.unitPrice ?? -1;
    this.iCost = r.cost ?? -1;
    this.iMargin = r.margin ?? -1;
    this.iOrder = r.orderId ?? -1;
    this.hasAmount = this.iAmount >= 0 || (this.iQty >= 0 && this.iPrice >= 0);
    this.columns.push({ key: 'customer', kind: 'code', label: this.customer.label });
    this.columns.push({ key: 'date', kind: 'day', label: label(r.date, 'date') });
    this.amountBuf = this.hasAmount ? new Float64Array(CHUNK_ROWS) : null;
    if (this.hasAmount) this.columns.push({ key: 'amount', kind: 'number', label: label(r.amount, 'amount') });
    this.qtyBuf = this.iQty >= 0 ? new Float64Array(CHUNK_ROWS) : null;
    if (this.qtyBuf) this.columns.push({ key: 'quantity', kind: 'number', label: label(r.quantity, 'quantity') });
    const hasMargin = this.hasAmount && (this.iCost >= 0 || this.iMargin >= 0);
    this.marginBuf = hasMargin ? new Float64Array(CHUNK_ROWS) : null;
    if (hasMargin) this.columns.push({ key: 'margin', kind: 'number', label: label(r.margin ?? r.cost, 'margin') });
    const codeRoles = ['orderId', 'product', 'category', 'channel', 'region'] as const;
    for (const role of codeRoles) {
      const src = r[role];
      if (src === undefined) continue;
      const key = role === 'orderId' ? 'order' : role;
      this.codeCols.push({ key, src, label: label(src, key), dict: new Map(), values: [] });
    }
    for (const a of options.attributes) {
      this.codeCols.push({ key: `attr:${a.name}`, src: a.index, label: a.name, dict: new Map(), values: [] });
    }
    for (const c of this.codeCols) this.columns.push({ key: c.key, kind: 'code', label: c.label });
    this.columns.push({ key: 'flags', kind: 'flags', label: 'flags' });
    this.codeBufs = this.codeCols.map(() => new Int32Array(CHUNK_ROWS));
    this.minFields = Math.max(r.customer, r.date) + 1;
  }

  private reject(reason: RejectReason, fields: string[], text: string, start: number, end: number, lines: LineCounter) {
    this.rejected++;
    this.rejectReasons[reason] = (this.rejectReasons[reason] ?? 0) + 1;
    if (this.hasAmount && reason !== 'badAmount' && reason !== 'badPrice' && reason !== 'badQuantity') {
      const a = this.amountOf(fields);
      if (a === a) this.rejectedRevenue[reason] = (this.rejectedRevenue[reason] ?? 0) + a;
    }
    this.rejectBuf.push({ line: lines.lineAt(start), reason, raw: text.slice(start, end) });
    if (this.rejectBuf.length >= REJECT_CHUNK_ROWS) this.flushRejects();
  }

  private amountOf(f: string[]): number {
    if (this.iAmount >= 0) return parseNumber(f[this.iAmount] ?? '', this.o.decimal);
    return parseNumber(f[this.iQty] ?? '', this.o.decimal) * parseNumber(f[this.iPrice] ?? '', this.o.decimal);
  }

  row(f: string[], text: string, start: number, end: number, lines: LineCounter, error: 'unclosedQuote' | null): void {
    if (f.length === 1 && isBlank(f[0])) {
      this.blankLines++;
      return;
    }
    this.rowsRead++;
    if (error) return this.reject('unclosedQuote', f, text, start, end, lines);
    if (f.length < this.minFields) return this.reject('tooFewFields', f, text, start, end, lines);
    const custRaw = f[this.customer.src];
    if (isBlank(custRaw)) return this.reject('missingCustomer', f, text, start, end, lines);
    const ds = f[this.iDate];
    let day: number;
    if (ds === this.lastDateStr) day = this.lastDay;
    else {
      if (isBlank(ds)) return this.reject('missingDate', f, text, start, end, lines);
      day = parseDate(ds, this.o.dateFormat);
      if (day !== day) return this.reject('badDate', f, text, start, end, lines);
      this.lastDateStr = ds;
      this.lastDay = day;
    }
    const dec = this.o.decimal;
    let amount = 0;
    let qty = NaN;
    if (this.iQty >= 0) {
      const qs = f[this.iQty] ?? '';
      qty = parseNumber(qs, dec);
      if (qty !== qty && (this.iAmount < 0 || !isBlank(qs))) {
        return this.reject(isBlank(qs) && this.iAmount < 0 ? 'missingAmount' : 'badQuantity', f, text, start, end, lines);
      }
    }
    if (this.iAmount >= 0) {
      const as = f[this.iAmount] ?? '';
      amount = parseNumber(as, dec);
      if (amount !== amount) return this.reject(isBlank(as) ? 'missingAmount' : 'badAmount', f, text, start, end, lines);
    } else if (this.hasAmount) {
      const ps = f[this.iPrice] ?? '';
      const price = parseNumber(ps, dec);
      if (price !== price) return this.reject(isBlank(ps) ? 'missingAmount' : 'badPrice', f, text, start, end, lines);
      amount = qty * price;
    }
    let margin = 0;
    if (this.marginBuf) {
      if (this.iMargin >= 0) margin = parseNumber(f[this.iMargin] ?? '', dec);
      else margin = amount - parseNumber(f[this.iCost] ?? '', dec);
      if (margin !== margin) return this.reject('badCost', f, text, start, end, lines);
    }

    // Accepted.
    const p = this.pos;
    const cust = codeOf(this.customer, normalizeId(custRaw));
    this.custBuf[p] = cust;
    this.dayBuf[p] = day;
    if (day < this.minDay) this.minDay = day;
    if (day > this.maxDay) this.maxDay = day;
    let flags = 0;
    if (amount < 0 || qty < 0) flags = FLAG_RETURN;
    for (let i = 0; i < this.codeCols.length; i++) {
      const c = this.codeCols[i];
      const v = f[c.src] ?? '';
      this.codeBufs[i][p] = codeOf(c, v);
    }
    if (this.iOrder >= 0 && this.o.cancelPrefix !== '' && (f[this.iOrder] ?? '').startsWith(this.o.cancelPrefix)) {
      flags = FLAG_RETURN;
    }
    if (this.iOrder < 0) this.customerDays.add(cust * 131072 + (day + 65536));
    const raw = text.slice(start, end);
    if (this.seen.has(raw)) {
      flags |= FLAG_DUPLICATE;
      this.duplicateLines++;
      this.duplicateRevenue += amount;
    } else this.seen.add(raw);
    if (flags & FLAG_RETURN) {
      this.returnLines++;
      this.returnsValue += amount < 0 ? -amount : amount;
    }
    this.flagBuf[p] = flags;
    if (this.amountBuf) this.amountBuf[p] = amount;
    if (this.qtyBuf) this.qtyBuf[p] = qty;
    if (this.marginBuf) this.marginBuf[p] = margin;
    this.netRevenue += amount;
    this.imported++;
    this.pos = p + 1;
    if (this.pos === CHUNK_ROWS) this.flushChunk();
  }

  private flushChunk(): void {
    const n = this.pos;
    if (n === 0) return;
    const take = (a: { buffer: ArrayBufferLike; slice(s: number, e: number): { buffer: ArrayBufferLike } }) =>
      (n === CHUNK_ROWS ? a.buffer : a.slice(0, n).buffer) as ArrayBuffer;
    const columns: Record<string, ArrayBuffer> = { customer: take(this.custBuf), date: take(this.dayBuf) };
    if (this.amountBuf) columns.amount = take(this.amountBuf);
    if (this.qtyBuf) columns.quantity = take(this.qtyBuf);
    if (this.marginBuf) columns.margin = take(this.marginBuf);
    this.codeCols.forEach((c, i) => (columns[c.key] = take(this.codeBufs[i])));
    columns.flags = take(this.flagBuf);
    this.writes.push(this.sink.writeChunk({ index: this.chunkIndex++, rows: n, columns }));
    // Fresh buffers: the old ones now belong to the pending write.
    this.custBuf = new Int32Array(CHUNK_ROWS);
    this.dayBuf = new Int32Array(CHUNK_ROWS);
    if (this.amountBuf) this.amountBuf = new Float64Array(CHUNK_ROWS);
    if (this.qtyBuf) this.qtyBuf = new Float64Array(CHUNK_ROWS);
    if (this.marginBuf) this.marginBuf = new Float64Array(CHUNK_ROWS);
    this.flagBuf = new Uint8Array(CHUNK_ROWS);
    this.codeBufs = this.codeCols.map(() => new Int32Array(CHUNK_ROWS));
    this.pos = 0;
  }

  private flushRejects(): void {
    if (this.rejectBuf.length === 0) return;
    this.writes.push(this.sink.writeRejects(this.rejectChunk++, this.rejectBuf));
    this.rejectBuf = [];
  }

  /** Back-pressure: wait for storage writes so that memory stays flat. */
  async afterChunk(): Promise<void> {
    if (this.writes.length > 0) {
      const w = this.writes;
      this.writes = [];
      await Promise.all(w);
    }
  }

  /** Flushes the remaining rows and returns the dictionaries (column key → values by code). */
  async finish(): Promise<Record<string, string[]>> {
    this.flushChunk();
    this.flushRejects();
    await this.afterChunk();
    const dicts: Record<string, string[]> = { customer: this.customer.values };
    for (const c of this.codeCols) dicts[c.key] = c.values;
    this.seen.clear();
    return dicts;
  }

  get chunkCount(): number {
    return this.chunkIndex;
  }

  summary(durationMs: number): ImportSummary {
    const rejectedTotal = Object.values(this.rejectedRevenue).reduce((a, b) => a + (b ?? 0), 0);
    const orderCol = this.codeCols.find((c) => c.key === 'order');
    return {
      rowsRead: this.rowsRead,
      imported: this.imported,
      rejected: this.rejected,
      blankLines: this.blankLines,
      rejectReasons: this.rejectReasons,
      rejectedRevenue: this.rejectedRevenue,
      netRevenue: this.hasAmount ? this.netRevenue : null,
      revenueWithRejected: this.hasAmount ? this.netRevenue + rejectedTotal : null,
      returnLines: this.returnLines,
      returnsValue: this.hasAmount ? this.returnsValue : null,
      duplicateLines: this.duplicateLines,
      duplicateRevenue: this.hasAmount ? this.duplicateRevenue : null,
      customers: this.customer.values.length,
      orders: orderCol ? orderCol.values.length : this.customerDays.size,
      firstDate: this.imported ? dayToIso(this.minDay) : null,
      lastDate: this.imported ? dayToIso(this.maxDay) : null,
      hasAmount: this.hasAmount,
      durationMs,
      encoding: this.o.encoding,
    };
  }
}
