/**
 * Declarative import sources: a source whose rows are plain records (one id, texts, dates, numbers) is described by
 * its fields alone, and `defineSource` supplies the validation and the columnization. Each mapped field becomes one
 * stored column (ids and texts as codes into a dictionary, dates as day numbers, numbers as Float64 or Int32), and
 * columns kept as attributes become `attr:<name>` code columns. Everything is resolved per import before the row
 * loop: per row the loop walks typed arrays of column indexes, with no closure or object per row.
 */
import type {
  ColumnInfo,
  ImportOptions,
  ImportSummary,
  PreviewRow,
  PreviewSlot,
  RejectReason,
} from '../../shared/types';
import { dayToIso } from '../../shared/days';
import type { AsciiBytes, LineCounter, RowError } from '../parse';
import { isBlank, parseDate, parseNumber, parsePeriod } from '../normalize';
import {
  CHUNK_ROWS,
  ChunkWriter,
  NO_DAY,
  codeColumn,
  codeOf,
  isTotalCell,
  isTotalRow,
  lastPlausibleDay,
  namesOtherCurrency,
  PLAUSIBLE_FIRST_DAY,
  narrowCodes,
  narrowDays,
  narrowNumbers,
  normalizeId,
  rejectReason,
  type ChunkSink,
  type CodeColumn,
  type ColumnValues,
} from '../columnize';
import type { ImportSource, RowJudge, SourceFieldDef, SourceImporter } from './types';

/** A field of a declarative source: its column is stored as it is read. */
export interface DeclaredField extends SourceFieldDef {
  /** The key of the stored column. Default: the role. */
  column?: string;
  /** Required fields: the reason a row with a blank cell is rejected for. */
  missing?: RejectReason;
  /** Day, period and number fields: the reason a row with an unreadable cell is rejected for. */
  invalid?: RejectReason;
  /** Number fields: the values allowed (a score 0–10), and the reason a row with a value outside is rejected for. */
  range?: { min: number; max: number; reason: RejectReason };
  /**
   * Number fields that hold money: a cell that names another currency than the import's (`$12.50` in a euro file) is
   * rejected with `otherCurrency`, as order amounts are.
   */
  money?: boolean;
  /**
   * Day and period fields: dates before 1900-01-01 or more than a year after today (a placeholder `9999-12-31`) are
   * rejected with `outlierDate`, as order dates are.
   */
  plausible?: boolean;
  /** The preview slot this field's normalized value fills, if any. */
  preview?: Exclude<PreviewSlot, 'isReturn'>;
}

/** What a declarative source says about itself; the rest of ImportSource follows from it. */
export interface SourceDeclaration {
  id: string;
  fields: readonly DeclaredField[];
  partialOrder?: ImportSource['partialOrder'];
  /** Whether other columns may be kept as attributes, and which header names are kept by default. */
  attributes: boolean;
  attributeNames?: readonly string[];
  recommended?: ImportSource['recommended'];
  currency?: boolean;
}

const ID = 0;
const CODE = 1;
const DAY = 2;
const NUMBER = 3;
/** A date or a month, stored like a day (the month's first day). */
const PERIOD = 4;
const KIND_CODES = { id: ID, code: CODE, day: DAY, number: NUMBER, period: PERIOD } as const;

/** The mapped fields of one import, resolved into parallel arrays (index i is the i-th mapped field). */
interface Resolved {
  fields: DeclaredField[];
  src: Int32Array;
  kind: Uint8Array;
  /** Index into the validator's days or numbers for day and number fields, else -1. */
  slot: Int32Array;
  missing: (RejectReason | null)[];
  invalid: (RejectReason | null)[];
  /** Per field: 1 when its cells are money (checked for another currency), 1 when its dates must be plausible. */
  money: Uint8Array;
  plausible: Uint8Array;
  /** Per field: the allowed range of a number (NaN bounds: any). */
  min: Float64Array;
  max: Float64Array;
  outOfRange: (RejectReason | null)[];
  days: number;
  numbers: number;
  minFields: number;
}

function resolve(fields: readonly DeclaredField[], options: ImportOptions): Resolved {
  const mapped = fields.filter((f) => options.roles[f.role] !== undefined);
  const kind = Uint8Array.from(mapped, (f) => KIND_CODES[f.kind]);
  const slot = new Int32Array(mapped.length).fill(-1);
  let days = 0;
  let numbers = 0;
  mapped.forEach((_, i) => {
    if (kind[i] === DAY || kind[i] === PERIOD) slot[i] = days++;
    else if (kind[i] === NUMBER) slot[i] = numbers++;
  });
  const src = Int32Array.from(mapped, (f) => options.roles[f.role]!);
  let minFields = 0;
  mapped.forEach((f, i) => {
    if (f.required) minFields = Math.max(minFields, src[i] + 1);
  });
  return {
    fields: mapped,
    src,
    kind,
    slot,
    missing: mapped.map((f) => (f.required ? f.missing! : null)),
    invalid: mapped.map((f) => f.invalid ?? null),
    money: Uint8Array.from(mapped, (f) => (f.money ? 1 : 0)),
    plausible: Uint8Array.from(mapped, (f) => (f.plausible ? 1 : 0)),
    min: Float64Array.from(mapped, (f) => f.range?.min ?? NaN),
    max: Float64Array.from(mapped, (f) => f.range?.max ?? NaN),
    outOfRange: mapped.map((f) => f.range?.reason ?? null),
    days,
    numbers,
    minFields,
  };
}

/**
 * Validates and normalizes one row of a declarative source. `check` leaves the row's dates and numbers in `days`
 * and `numbers` (no allocation per row). Shared by the import and the preview.
 */
class FieldValidator implements RowJudge {
  readonly r: Resolved;
  /** The dates of the row just checked, by day slot (NO_DAY for a blank optional cell). */
  readonly days: Int32Array;
  /** The numbers of the row just checked, by number slot (NaN for a blank optional cell). */
  readonly numbers: Float64Array;
  problemColumn = -1;
  private readonly o: ImportOptions;
  /** Last plausible day: a year after today (see PLAUSIBLE_FIRST_DAY). */
  private readonly lastPlausibleDay = lastPlausibleDay();

  constructor(fields: readonly DeclaredField[], options: ImportOptions) {
    this.o = options;
    this.r = resolve(fields, options);
    for (const f of fields) {
      if (f.required && options.roles[f.role] === undefined)
        throw new Error(`a column for ${f.role} is required`);
    }
    this.days = new Int32Array(this.r.days);
    this.numbers = new Float64Array(this.r.numbers);
  }

  private fail(reason: RejectReason, column: number): RejectReason {
    this.problemColumn = column;
    return reason;
  }

  /** The reject reason of a row, or null. A spreadsheet's sum row ("Summe", "Total") that fails is a sum row. */
  check(f: string[]): RejectReason | null {
    const problem = this.checkFields(f);
    return problem !== null && problem !== 'unclosedQuote' && isTotalRow(f) ? 'totalRow' : problem;
  }

  private checkFields(f: string[]): RejectReason | null {
    const r = this.r;
    if (f.length < r.minFields) return this.fail('tooFewFields', -1);
    const n = r.src.length;
    for (let i = 0; i < n; i++) {
      const col = r.src[i];
      const cell = f[col];
      const kind = r.kind[i];
      if (isBlank(cell)) {
        const missing = r.missing[i];
        if (missing !== null) return this.fail(missing, col);
        if (kind === DAY) this.days[r.slot[i]] = NO_DAY;
        else if (kind === NUMBER) this.numbers[r.slot[i]] = NaN;
      } else if (kind === ID) {
        // A sum row labelled in the id column ("Summe;;;3;1.234,50") is not a customer.
        if (isTotalCell(cell)) return this.fail('totalRow', col);
      } else if (kind === DAY || kind === PERIOD) {
        const day = kind === DAY ? parseDate(cell, this.o.dateFormat) : parsePeriod(cell, this.o.dateFormat);
        if (day !== day) return this.fail(r.invalid[i]!, col);
        if (r.plausible[i] === 1 && (day < PLAUSIBLE_FIRST_DAY || day > this.lastPlausibleDay))
          return this.fail('outlierDate', col);
        this.days[r.slot[i]] = day;
      } else if (kind === NUMBER) {
        const v = parseNumber(cell, this.o.decimal);
        if (v !== v) return this.fail(r.invalid[i]!, col);
        if (r.money[i] === 1 && namesOtherCurrency(cell, this.o.currency))
          return this.fail('otherCurrency', col);
        if (v < r.min[i] || v > r.max[i]) return this.fail(r.outOfRange[i]!, col);
        this.numbers[r.slot[i]] = v;
      }
    }
    this.problemColumn = -1;
    return null;
  }

  describe(f: string[], row: PreviewRow): void {
    const r = this.r;
    r.fields.forEach((field, i) => {
      if (field.preview === 'customer') {
        const cell = f[r.src[i]] ?? '';
        row.customer = r.kind[i] === ID ? normalizeId(cell) : cell;
      } else if (field.preview === 'date') {
        const day = r.slot[i] >= 0 ? this.days[r.slot[i]] : NO_DAY;
        row.date = day === NO_DAY ? null : dayToIso(day);
      } else if (field.preview === 'amount') {
        const v = r.slot[i] >= 0 ? this.numbers[r.slot[i]] : NaN;
        row.amount = v === v ? v : null;
      }
    });
  }
}

interface DayColumn {
  key: string;
  slot: number;
  buf: Int32Array;
}

interface NumberColumn {
  key: string;
  slot: number;
  buf: Float64Array;
}

/** The import of one file of a declarative source. */
class FieldColumnizer implements SourceImporter {
  readonly columns: ColumnInfo[] = [];
  private readonly o: ImportOptions;
  private readonly v: FieldValidator;
  private readonly out: ChunkWriter;
  private readonly codeCols: CodeColumn[] = [];
  /** 1 where the code column holds ids (normalized like customer ids), else 0. */
  private readonly isId: Uint8Array;
  private readonly codeBufs: Int32Array[];
  private readonly dayCols: DayColumn[] = [];
  private readonly numberCols: NumberColumn[] = [];
  /** The first id column: its distinct values are the summary's customers. */
  private readonly idCol: CodeColumn | null;
  private pos = 0;
  private chunkIndex = 0;

  rowsRead = 0;
  imported = 0;
  blankLines = 0;
  rejected = 0;
  rejectReasons: Partial<Record<RejectReason, number>> = {};
  /** Earliest and latest date of the first day field. */
  minDay = Infinity;
  maxDay = -Infinity;

  constructor(source: SourceDeclaration, options: ImportOptions, headers: string[], sink: ChunkSink) {
    this.o = options;
    this.out = new ChunkWriter(sink);
    this.v = new FieldValidator(source.fields, options);
    const r = this.v.r;
    const ids: number[] = [];
    r.fields.forEach((f, i) => {
      const key = f.column ?? f.role;
      const label = headers[r.src[i]] ?? key;
      const kind = r.kind[i];
      if (kind === ID || kind === CODE) {
        this.codeCols.push(codeColumn(key, r.src[i], label));
        ids.push(kind === ID ? 1 : 0);
        this.columns.push({ key, kind: 'code', label });
      } else if (kind === DAY || kind === PERIOD) {
        this.dayCols.push({ key, slot: r.slot[i], buf: new Int32Array(CHUNK_ROWS) });
        this.columns.push({ key, kind: 'day', label });
      } else {
        this.numberCols.push({ key, slot: r.slot[i], buf: new Float64Array(CHUNK_ROWS) });
        this.columns.push({ key, kind: 'number', label });
      }
    });
    if (source.attributes) {
      for (const a of options.attributes) {
        const key = `attr:${a.name}`;
        this.codeCols.push(codeColumn(key, a.index, a.name));
        ids.push(0);
        this.columns.push({ key, kind: 'code', label: a.name });
      }
    }
    this.isId = Uint8Array.from(ids);
    this.idCol = this.codeCols.find((_, i) => ids[i] === 1) ?? null;
    this.codeBufs = this.codeCols.map(() => new Int32Array(CHUNK_ROWS));
  }

  row(
    f: string[],
    text: string,
    start: number,
    end: number,
    lines: LineCounter,
    error: RowError | null,
    _ascii: AsciiBytes | null,
  ): void {
    if (isBlank(f[0]) && f.every(isBlank)) {
      this.blankLines++;
      return;
    }
    this.rowsRead++;
    const v = this.v;
    const problem = error ?? v.check(f);
    if (problem !== null) {
      const reason = rejectReason(problem, f);
      this.rejected++;
      this.rejectReasons[reason] = (this.rejectReasons[reason] ?? 0) + 1;
      this.out.reject(lines.lineAt(start), reason, text.slice(start, end));
      return;
    }
    const p = this.pos;
    for (let i = 0; i < this.codeCols.length; i++) {
      const c = this.codeCols[i];
      const cell = f[c.src] ?? '';
      this.codeBufs[i][p] = this.isId[i] === 1 ? codeOf(c, cell, normalizeId) : codeOf(c, cell);
    }
    for (let i = 0; i < this.dayCols.length; i++) {
      const c = this.dayCols[i];
      const day = v.days[c.slot];
      c.buf[p] = day;
      if (i === 0 && day !== NO_DAY) {
        if (day < this.minDay) this.minDay = day;
        if (day > this.maxDay) this.maxDay = day;
      }
    }
    for (let i = 0; i < this.numberCols.length; i++) {
      const c = this.numberCols[i];
      c.buf[p] = v.numbers[c.slot];
    }
    this.imported++;
    this.pos = p + 1;
    if (this.pos === CHUNK_ROWS) this.flushChunk();
  }

  private flushChunk(): void {
    const n = this.pos;
    if (n === 0) return;
    const columns: Record<string, ColumnValues> = {};
    this.codeCols.forEach(
      (c, i) => (columns[c.key] = narrowCodes(this.codeBufs[i].subarray(0, n), c.dict.size)),
    );
    for (const c of this.dayCols) {
      const days = c.buf.subarray(0, n);
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < n; i++) {
        if (days[i] < min) min = days[i];
        if (days[i] > max) max = days[i];
      }
      columns[c.key] = narrowDays(days, min, max);
    }
    for (const c of this.numberCols) columns[c.key] = narrowNumbers(c.buf.slice(0, n));
    this.out.writeChunk({ index: this.chunkIndex++, rows: n, columns });
    this.pos = 0;
  }

  afterChunk(): Promise<void> {
    return this.out.afterChunk();
  }

  abandon(): Promise<void> {
    return this.out.abandon();
  }

  async finish(): Promise<Record<string, string[]>> {
    this.flushChunk();
    await this.out.wait(this.out.drain());
    const dicts: Record<string, string[]> = {};
    for (const c of this.codeCols) dicts[c.key] = c.dict.values;
    return dicts;
  }

  get chunkCount(): number {
    return this.chunkIndex;
  }

  summary(durationMs: number): ImportSummary {
    const dated = this.minDay <= this.maxDay;
    return {
      rowsRead: this.rowsRead,
      imported: this.imported,
      rejected: this.rejected,
      blankLines: this.blankLines,
      rejectReasons: this.rejectReasons,
      rejectedRevenue: {},
      netRevenue: null,
      revenueWithRejected: null,
      returnLines: 0,
      returnsValue: null,
      duplicateLines: 0,
      duplicateRevenue: null,
      customers: this.idCol ? this.idCol.dict.size : 0,
      orders: 0,
      firstDate: dated ? dayToIso(this.minDay) : null,
      lastDate: dated ? dayToIso(this.maxDay) : null,
      hasAmount: false,
      durationMs,
      storageWaitMs: this.out.storageWaitMs,
      encoding: this.o.encoding,
    };
  }
}

/** Builds an import source from its declaration; throws when the declaration is incomplete. */
export function defineSource(d: SourceDeclaration): ImportSource {
  const roles = new Set<string>();
  const columns = new Set<string>();
  for (const f of d.fields) {
    const column = f.column ?? f.role;
    if (roles.has(f.role)) throw new Error(`${d.id}: the role ${f.role} is declared twice`);
    if (columns.has(column)) throw new Error(`${d.id}: the column ${column} is declared twice`);
    roles.add(f.role);
    columns.add(column);
    if (f.required && !f.missing)
      throw new Error(`${d.id}: the required ${f.role} needs a reason when missing`);
    if ((f.kind === 'day' || f.kind === 'period' || f.kind === 'number') && !f.invalid)
      throw new Error(`${d.id}: ${f.role} needs a reason when unreadable`);
    if (f.range && f.kind !== 'number') throw new Error(`${d.id}: only numbers have a range (${f.role})`);
  }
  const slots: PreviewSlot[] = [];
  for (const f of d.fields) if (f.preview && !slots.includes(f.preview)) slots.push(f.preview);
  return {
    id: d.id,
    fields: d.fields,
    partialOrder: d.partialOrder,
    attributes: d.attributes,
    attributeNames: d.attributeNames ?? [],
    recommended: d.recommended ?? null,
    cancelMarker: null,
    duplicates: false,
    currency: d.currency ?? false,
    preview: slots,
    createImporter: (options, headers, sink) => new FieldColumnizer(d, options, headers, sink),
    createJudge: (options) => new FieldValidator(d.fields, options),
  };
}
