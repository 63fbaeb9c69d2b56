/**
 * Order lines: validation, normalization and columnization of parsed rows into typed-array chunks with string
 * dictionaries. This is the hot loop of the import: no per-row objects, no regular expressions on the fast path, and
 * everything the source description decides (which columns, which roles) is resolved in the constructors.
 */
import type { ColumnInfo, ImportOptions, ImportSummary, PreviewRow, RejectReason } from '../../shared/types';
import { dayToIso } from '../../shared/days';
import type { AsciiBytes, LineCounter, RowError } from '../parse';
import { isBlank, parseDate, parseNumber } from '../normalize';
import { RowHashes } from '../row-hash';
import { PairSet } from '../pair-set';
import {
  CHUNK_ROWS,
  ChunkWriter,
  FLAG_DUPLICATE,
  FLAG_RETURN,
  codeColumn,
  codeOf,
  narrowCodes,
  narrowDays,
  narrowNumbers,
  namesOtherCurrency,
  normalizeId,
  PLAUSIBLE_FIRST_DAY,
  lastPlausibleDay,
  rejectReason,
  type ChunkSink,
  type CodeColumn,
  type ColumnValues,
} from '../columnize';
import type { RowJudge, SourceImporter } from './types';

/** Order dates outside the plausible range are rejected with `outlierDate` (see columnize.PLAUSIBLE_FIRST_DAY). */
export { PLAUSIBLE_FIRST_DAY };

/**
 * Validates and normalizes one row. `check` returns the reject reason or null and leaves the normalized values in
 * its fields (no allocation per row). Shared by the import and the preview, so both judge a row the same way.
 */
export class RowValidator implements RowJudge {
  readonly hasAmount: boolean;
  readonly hasMargin: boolean;
  private readonly iCust: number;
  private readonly iDate: number;
  private readonly iAmount: number;
  private readonly iQty: number;
  private readonly iPrice: number;
  private readonly iCost: number;
  private readonly iMargin: number;
  private readonly iOrder: number;
  private readonly minFields: number;
  private readonly o: ImportOptions;
  private lastDateStr = '\u0000';
  private lastDay = NaN;
  /** Last plausible order day: a year after today (see PLAUSIBLE_FIRST_DAY). */
  private readonly lastPlausibleDay = lastPlausibleDay();

  day = 0;
  amount = 0;
  qty = NaN;
  margin = 0;
  /** Column index of the last problem, or -1. */
  problemColumn = -1;

  constructor(o: ImportOptions) {
    const r = o.roles;
    if (r.customer === undefined || r.date === undefined)
      throw new Error('customer and date columns are required');
    this.o = o;
    this.iCust = r.customer;
    this.iDate = r.date;
    this.iAmount = r.amount ?? -1;
    this.iQty = r.quantity ?? -1;
    this.iPrice = r.unitPrice ?? -1;
    this.iCost = r.cost ?? -1;
    this.iMargin = r.margin ?? -1;
    this.iOrder = r.orderId ?? -1;
    this.hasAmount = this.iAmount >= 0 || (this.iQty >= 0 && this.iPrice >= 0);
    this.hasMargin = this.hasAmount && (this.iCost >= 0 || this.iMargin >= 0);
    // A row must reach every required column; a row split by an unquoted line break is "too few fields".
    this.minFields =
      Math.max(r.customer, r.date, r.amount ?? -1, this.hasAmount ? (r.unitPrice ?? -1) : -1) + 1;
  }

  private fail(reason: RejectReason, column: number): RejectReason {
    this.problemColumn = column;
    return reason;
  }

  check(f: string[]): RejectReason | null {
    if (f.length < this.minFields) return this.fail('tooFewFields', -1);
    const cust = f[this.iCust];
    // isBlank also takes a cell of only invisible characters or unusual spaces (zero-width, ideographic, a BOM).
    if (isBlank(cust)) return this.fail('missingCustomer', this.iCust);
    const ds = f[this.iDate];
    if (ds === this.lastDateStr) this.day = this.lastDay;
    else {
      if (isBlank(ds)) return this.fail('missingDate', this.iDate);
      const day = parseDate(ds, this.o.dateFormat);
      if (day !== day) return this.fail('badDate', this.iDate);
      if (day < PLAUSIBLE_FIRST_DAY || day > this.lastPlausibleDay)
        return this.fail('outlierDate', this.iDate);
      this.lastDateStr = ds;
      this.lastDay = day;
      this.day = day;
    }
    const dec = this.o.decimal;
    this.amount = 0;
    this.qty = NaN;
    if (this.iQty >= 0) {
      const qs = f[this.iQty] ?? '';
      this.qty = parseNumber(qs, dec);
      if (this.qty !== this.qty) {
        // Unreadable is always a problem; blank only when the amount is quantity × unit price.
        if (!isBlank(qs)) return this.fail('badQuantity', this.iQty);
        if (this.hasAmount && this.iAmount < 0) return this.fail('missingAmount', this.iQty);
      }
    }
    if (this.iAmount >= 0) {
      const as = f[this.iAmount] ?? '';
      this.amount = parseNumber(as, dec);
      if (this.amount !== this.amount)
        return this.fail(isBlank(as) ? 'missingAmount' : 'badAmount', this.iAmount);
      if (this.otherCurrency(as)) return this.fail('otherCurrency', this.iAmount);
    } else if (this.hasAmount) {
      const ps = f[this.iPrice] ?? '';
      const price = parseNumber(ps, dec);
      if (price !== price) return this.fail(isBlank(ps) ? 'missingAmount' : 'badPrice', this.iPrice);
      if (this.otherCurrency(ps)) return this.fail('otherCurrency', this.iPrice);
      this.amount = this.qty * price;
    }
    if (this.hasMargin) {
      // Cost and margin are optional: a blank cell stores NaN (the analysis then uses the workspace's margin rate);
      // a cell that holds something unreadable is rejected, since the user mapped the column.
      const col = this.iMargin >= 0 ? this.iMargin : this.iCost;
      const cell = f[col] ?? '';
      if (isBlank(cell)) this.margin = NaN;
      else {
        const v = parseNumber(cell, dec);
        if (v !== v) return this.fail('badCost', col);
        this.margin = this.iMargin >= 0 ? v : this.amount - v;
      }
    }
    this.problemColumn = -1;
    return null;
  }

  /** Whether a readable amount names a currency other than the dataset's (rejected, not summed). */
  private otherCurrency(cell: string): boolean {
    return namesOtherCurrency(cell, this.o.currency);
  }

  /** The amount of a row if it can be read (for the revenue that rejected rows carry), else NaN. */
  amountOf(f: string[]): number {
    if (!this.hasAmount) return NaN;
    const dec = this.o.decimal;
    if (this.iAmount >= 0) return parseNumber(f[this.iAmount] ?? '', dec);
    return parseNumber(f[this.iQty] ?? '', dec) * parseNumber(f[this.iPrice] ?? '', dec);
  }

  /** Whether an accepted row is a return or cancellation. */
  isReturn(f: string[], orderIndex: number): boolean {
    if (this.amount < 0 || this.qty < 0) return true;
    const p = this.o.cancelPrefix;
    return orderIndex >= 0 && p !== '' && (f[orderIndex] ?? '').startsWith(p);
  }

  /** The preview's normalized values of the row just accepted by `check`. */
  describe(f: string[], row: PreviewRow): void {
    row.customer = normalizeId(f[this.iCust]);
    row.date = dayToIso(this.day);
    row.amount = this.hasAmount ? this.amount : null;
    row.isReturn = this.isReturn(f, this.iOrder);
  }
}

/** The import of order lines: one instance per import, fed row by row by the parser. */
export class Columnizer implements SourceImporter {
  readonly columns: ColumnInfo[] = [];
  private readonly o: ImportOptions;
  private readonly customer: CodeColumn;
  private readonly codeCols: CodeColumn[] = [];
  private readonly v: RowValidator;
  private readonly iOrder: number;
  private readonly hasAmount: boolean;

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

  private readonly out: ChunkWriter;

  private hashes = new RowHashes();
  /** The flags and amounts of every written chunk, to mark duplicates once all rows are known. */
  private flagChunks: Uint8Array[] = [];
  private amountChunks: Float64Array[] = [];
  private customerDays = new PairSet();

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
    this.out = new ChunkWriter(sink);
    const r = options.roles;
    const label = (i: number | undefined, fallback: string) =>
      i === undefined ? fallback : (headers[i] ?? fallback);
    this.v = new RowValidator(options);
    this.customer = codeColumn('customer', r.customer!, label(r.customer, 'customer'));
    this.iOrder = r.orderId ?? -1;
    this.hasAmount = this.v.hasAmount;
    this.columns.push({ key: 'customer', kind: 'code', label: this.customer.label });
    this.columns.push({ key: 'date', kind: 'day', label: label(r.date, 'date') });
    this.amountBuf = this.hasAmount ? new Float64Array(CHUNK_ROWS) : null;
    if (this.hasAmount)
      this.columns.push({ key: 'amount', kind: 'number', label: label(r.amount, 'amount') });
    this.qtyBuf = r.quantity !== undefined ? new Float64Array(CHUNK_ROWS) : null;
    if (this.qtyBuf)
      this.columns.push({ key: 'quantity', kind: 'number', label: label(r.quantity, 'quantity') });
    const hasMargin = this.v.hasMargin;
    this.marginBuf = hasMargin ? new Float64Array(CHUNK_ROWS) : null;
    if (hasMargin)
      this.columns.push({ key: 'margin', kind: 'number', label: label(r.margin ?? r.cost, 'margin') });
    const codeRoles = ['orderId', 'product', 'category', 'channel', 'region'] as const;
    for (const role of codeRoles) {
      const src = r[role];
      if (src === undefined) continue;
      const key = role === 'orderId' ? 'order' : role;
      this.codeCols.push(codeColumn(key, src, label(src, key)));
    }
    for (const a of options.attributes) {
      this.codeCols.push(codeColumn(`attr:${a.name}`, a.index, a.name));
    }
    for (const c of this.codeCols) this.columns.push({ key: c.key, kind: 'code', label: c.label });
    this.columns.push({ key: 'flags', kind: 'flags', label: 'flags' });
    this.codeBufs = this.codeCols.map(() => new Int32Array(CHUNK_ROWS));
  }

  private reject(
    problem: RejectReason,
    fields: string[],
    text: string,
    start: number,
    end: number,
    lines: LineCounter,
  ) {
    // A sum row at the end of a spreadsheet export is not lost revenue: it gets its own reason and no amount.
    const reason = rejectReason(problem, fields);
    this.rejected++;
    this.rejectReasons[reason] = (this.rejectReasons[reason] ?? 0) + 1;
    const a = reason === 'totalRow' ? NaN : this.v.amountOf(fields);
    if (a === a) this.rejectedRevenue[reason] = (this.rejectedRevenue[reason] ?? 0) + a;
    this.out.reject(lines.lineAt(start), reason, text.slice(start, end));
  }

  row(
    f: string[],
    text: string,
    start: number,
    end: number,
    lines: LineCounter,
    error: RowError | null,
    ascii: AsciiBytes | null,
  ): void {
    if (isBlank(f[0]) && f.every(isBlank)) {
      // Empty lines and lines of delimiters only (`;;`, as Excel writes them) are blank lines, not rejects.
      this.blankLines++;
      return;
    }
    this.rowsRead++;
    const v = this.v;
    const problem = error ?? v.check(f);
    if (problem !== null) return this.reject(problem, f, text, start, end, lines);
    const day = v.day;
    const amount = v.amount;
    const qty = v.qty;
    const margin = v.margin;
    const custRaw = f[this.customer.src];

    // Accepted.
    const p = this.pos;
    const cust = codeOf(this.customer, custRaw, normalizeId);
    this.custBuf[p] = cust;
    this.dayBuf[p] = day;
    if (day < this.minDay) this.minDay = day;
    if (day > this.maxDay) this.maxDay = day;
    const flags = v.isReturn(f, this.iOrder) ? FLAG_RETURN : 0;
    for (let i = 0; i < this.codeCols.length; i++) {
      const c = this.codeCols[i];
      const v = f[c.src] ?? '';
      this.codeBufs[i][p] = codeOf(c, v);
    }
    // Without an order id (no column, or a blank cell) an order is a customer-day.
    if (this.iOrder < 0 || isBlank(f[this.iOrder])) {
      this.customerDays.add(cust, day);
    }
    if (ascii !== null && start >= ascii.from)
      this.hashes.addAscii(ascii.bytes, start - ascii.from, end - ascii.from);
    else this.hashes.add(text, start, end);
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
    let minDay = Infinity;
    let maxDay = -Infinity;
    const days = this.dayBuf.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const d = days[i];
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
    const columns: Record<string, ColumnValues> = {
      customer: narrowCodes(this.custBuf.subarray(0, n), this.customer.dict.values.length),
      date: narrowDays(days, minDay, maxDay),
    };
    if (this.amountBuf) columns.amount = this.amountBuf.slice(0, n);
    this.amountChunks.push((columns.amount as Float64Array | undefined) ?? new Float64Array(n));
    if (this.qtyBuf) columns.quantity = narrowNumbers(this.qtyBuf.slice(0, n));
    if (this.marginBuf) columns.margin = this.marginBuf.slice(0, n);
    this.codeCols.forEach(
      (c, i) => (columns[c.key] = narrowCodes(this.codeBufs[i].subarray(0, n), c.dict.size)),
    );
    const flags = this.flagBuf.slice(0, n);
    columns.flags = flags;
    this.flagChunks.push(flags);
    this.out.writeChunk({ index: this.chunkIndex++, rows: n, columns });
    // Every column above is a copy, so the buffers are reused for the next chunk.
    this.pos = 0;
  }

  /**
   * Flags the rows that repeat an earlier row exactly (the first copy stays unflagged) in the kept flag columns and
   * returns the chunks whose flags changed. Pure computation: it runs while the last writes are still in flight.
   */
  private markDuplicates(): number[] {
    const dirty = new Set<number>();
    for (const r of this.hashes.duplicates()) {
      const chunk = Math.floor(r / CHUNK_ROWS);
      const at = r - chunk * CHUNK_ROWS;
      this.flagChunks[chunk][at] |= FLAG_DUPLICATE;
      this.duplicateLines++;
      this.duplicateRevenue += this.amountChunks[chunk][at];
      dirty.add(chunk);
    }
    this.hashes = new RowHashes();
    return [...dirty];
  }

  /** Back-pressure: wait for storage writes so that memory stays flat. */
  afterChunk(): Promise<void> {
    return this.out.afterChunk();
  }

  /** After a failure or cancel: waits for the writes still in flight (see ChunkWriter.abandon). */
  abandon(): Promise<void> {
    return this.out.abandon();
  }

  /** Flushes the remaining rows and returns the dictionaries (column key → values by code). */
  async finish(): Promise<Record<string, string[]>> {
    this.flushChunk();
    const pending = this.out.drain();
    // The duplicate search (a sort of all row hashes) overlaps the last storage writes.
    const dirty = this.markDuplicates();
    await this.out.wait(pending);
    // The flag columns of the chunks with duplicates are written again, after their first write has settled, so
    // that they land last.
    for (const chunk of dirty) {
      this.out.writeChunk({
        index: chunk,
        rows: this.flagChunks[chunk].length,
        columns: { flags: this.flagChunks[chunk] },
      });
    }
    await this.out.wait(this.out.drain());
    const dicts: Record<string, string[]> = { customer: this.customer.dict.values };
    for (const c of this.codeCols) dicts[c.key] = c.dict.values;
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
      customers: this.customer.dict.values.length,
      orders:
        (orderCol ? orderCol.dict.values.filter((v) => !isBlank(v)).length : 0) + this.customerDays.size,
      firstDate: this.imported ? dayToIso(this.minDay) : null,
      lastDate: this.imported ? dayToIso(this.maxDay) : null,
      hasAmount: this.hasAmount,
      durationMs,
      storageWaitMs: this.out.storageWaitMs,
      encoding: this.o.encoding,
    };
  }
}
