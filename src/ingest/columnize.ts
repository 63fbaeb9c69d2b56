/**
 * What every import source shares when it turns parsed rows into typed-array chunks: the chunk and sink types, the
 * narrowing of chunks for storage, code columns with their dictionaries, the writer that queues storage writes with
 * back-pressure and keeps the rejected lines, and the rules for sum rows and customer ids. The sources' own row
 * loops (sources/orders-columnize.ts, sources/define.ts) build on these; nothing here runs once per row except the
 * small helpers, which take no closures and allocate nothing.
 */
import { REJECT_REASONS, type RejectChunk, type RejectReason } from '../shared/types';
import { FLAG_DUPLICATE, FLAG_RETURN, NO_DAY, type ColumnValues } from '../shared/columns';
import { StringDict } from './string-dict';
import { currencyOf } from './normalize';

export const CHUNK_ROWS = 65536;
export const REJECT_CHUNK_ROWS = 5000;

/** Rounds (decoded slices of about 4 MB) whose storage writes may still be running while parsing goes on. */
const MAX_ROUNDS_IN_FLIGHT = 8;

/** How long a failed or cancelled import waits at most for its writes still in flight. */
const ABANDON_WAIT_MS = 3000;

export { FLAG_DUPLICATE, FLAG_RETURN, NO_DAY, type ColumnValues };

export interface ColumnChunk {
  index: number;
  rows: number;
  columns: Record<string, ColumnValues>;
}

/** Where columnized data goes: IndexedDB in the app, memory in Node (report, tests). */
export interface ChunkSink {
  writeChunk(chunk: ColumnChunk): Promise<void>;
  writeRejects(index: number, chunk: RejectChunk): Promise<void>;
}

/** Codes below `limit` fit Uint8 or Uint16; the copy converts natively. */
export function narrowCodes(a: Int32Array, limit: number): ColumnValues {
  if (limit <= 0x100) return new Uint8Array(a);
  if (limit <= 0x10000) return new Uint16Array(a);
  return a.slice();
}

export function narrowDays(a: Int32Array, min: number, max: number): ColumnValues {
  return min >= 0 && max < 0x10000 ? new Uint16Array(a) : a.slice();
}

/** Whole numbers in Int32 range are stored as Int32 (exact); anything else stays Float64. */
export function narrowNumbers(a: Float64Array): ColumnValues {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if ((v | 0) !== v || Object.is(v, -0)) return a;
  }
  return new Int32Array(a);
}

/** A text column stored as codes into a dictionary. */
export interface CodeColumn {
  key: string;
  src: number;
  label: string;
  dict: StringDict;
  /** The previous row's value and code: exports repeat order, customer and date on consecutive lines. */
  last: string;
  lastCode: number;
}

export function codeColumn(key: string, src: number, label: string): CodeColumn {
  return { key, src, label, dict: new StringDict(), last: '\u0000', lastCode: -1 };
}

export function codeOf(col: CodeColumn, raw: string, normalize?: (s: string) => string): number {
  if (raw === col.last) return col.lastCode;
  const code = col.dict.code(normalize ? normalize(raw) : raw);
  col.last = raw;
  col.lastCode = code;
  return code;
}

/**
 * Dates before 1900-01-01 or more than a year after today (a placeholder `9999-12-31`, `01.01.1000`, a typo in the
 * year) are rejected with their own reason, `outlierDate`, rather than stretching every analysis over centuries.
 */
export const PLAUSIBLE_FIRST_DAY = -25567; // 1900-01-01

/** The last plausible day of an import started now: a year after today. */
export function lastPlausibleDay(): number {
  return Math.floor(Date.now() / 86_400_000) + 366;
}

/**
 * Whether a readable amount names a currency other than the import's (`$12.50` in a euro file): such amounts are
 * rejected, not summed with the others. Plain numbers (a digit first and last) take one comparison.
 */
export function namesOtherCurrency(cell: string, currency: string): boolean {
  const a = cell.charCodeAt(0);
  const z = cell.charCodeAt(cell.length - 1);
  if (((a >= 48 && a <= 57) || a === 45) && z >= 48 && z <= 57) return false;
  const c = currencyOf(cell);
  return c !== null && c !== currency;
}

const TOTAL_WORDS =
  /^(summe|gesamt|gesamtsumme|endsumme|zwischensumme|total|totals|sum|grand total|subtotal)\b/i;

/** A row whose first non-blank cell is "Summe", "Gesamt", "Total" …: a spreadsheet's sum row. */
export function isTotalRow(fields: string[]): boolean {
  for (const f of fields) {
    const t = f.trim();
    if (t !== '') return TOTAL_WORDS.test(t);
  }
  return false;
}

/** A cell that starts with "Summe", "Gesamt", "Total" …: never an id, but the label of a sum row. */
export function isTotalCell(cell: string): boolean {
  return TOTAL_WORDS.test(cell.trim());
}

/** The reason a row is rejected for: a spreadsheet's sum row is a sum row, not a row with a missing field. */
export function rejectReason(problem: RejectReason, fields: string[]): RejectReason {
  const couldBeSum = problem === 'missingCustomer' || problem === 'missingDate' || problem === 'tooFewFields';
  return couldBeSum && isTotalRow(fields) ? 'totalRow' : problem;
}

/** Zero-width spaces and joiners, the word joiner and a byte-order mark: invisible, never part of an id. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** `17850.0`, `17850.00`, `17850,0`: a whole number exported from a float column. */
const WHOLE_FLOAT = /^(\d+)[.,]0+$/;
/** `1.785E4`, `1,785E+04`: a number in scientific notation, as a spreadsheet shows a long one. */
const SCIENTIFIC = /^\d[.,]\d+[eE]\+?\d{1,2}$/;

/**
 * The id a customer cell stands for. Surrounding whitespace (also no-break and ideographic spaces) and invisible
 * characters are dropped, so a cell of only those is blank; a whole number exported from a float column (`17850.0`,
 * `17850.00`, `17850,0`) or in scientific notation (`1.785E4`) is the same id as `17850`. Plain ids take the first
 * loop only.
 */
export function normalizeId(s: string): string {
  const n = s.length;
  let plain = n > 0;
  for (let i = 0; i < n && plain; i++) {
    const c = s.charCodeAt(i);
    // Digits and ASCII letters, `-`, `_`, `/`: nothing to normalize.
    plain =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 45 ||
      c === 95 ||
      c === 47;
  }
  if (plain) return s;
  let t = s.replace(INVISIBLE, '').trim();
  const whole = WHOLE_FLOAT.exec(t);
  if (whole) return whole[1];
  if (SCIENTIFIC.test(t)) {
    const v = Number(t.replace(',', '.'));
    if (Number.isSafeInteger(v)) t = String(v);
  }
  return t;
}

/**
 * The storage side of an import: queues chunk writes with back-pressure, collects rejected lines into reject
 * chunks, and lets a failed or cancelled import wait for what is still in flight. Every source's columnizer owns one.
 */
export class ChunkWriter {
  /** Time the import waited for storage writes (diagnostics for the benchmark). */
  storageWaitMs = 0;
  private readonly sink: ChunkSink;
  private writes: Promise<void>[] = [];
  private rounds: Promise<void>[][] = [];
  /** Every write not yet settled, whichever round it belongs to. */
  private unsettled = new Set<Promise<void>>();

  // The current reject chunk: line numbers, reason indexes and the original lines.
  private rejectLines = new Int32Array(REJECT_CHUNK_ROWS);
  private rejectCodes = new Uint8Array(REJECT_CHUNK_ROWS);
  private rejectRaw: string[] = [];
  private rejectChunk = 0;

  constructor(sink: ChunkSink) {
    this.sink = sink;
  }

  writeChunk(chunk: ColumnChunk): void {
    this.queue(this.sink.writeChunk(chunk));
  }

  /** Keeps a rejected line with its line number and reason; written in chunks of REJECT_CHUNK_ROWS. */
  reject(line: number, reason: RejectReason, raw: string): void {
    const k = this.rejectRaw.length;
    this.rejectLines[k] = line;
    this.rejectCodes[k] = REJECT_REASONS.indexOf(reason);
    this.rejectRaw.push(raw);
    if (k + 1 === REJECT_CHUNK_ROWS) this.flushRejects();
  }

  private flushRejects(): void {
    const raw = this.rejectRaw;
    const n = raw.length;
    if (n === 0) return;
    const ends = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) ends[i] = at += raw[i].length;
    const chunk: RejectChunk = {
      lines: this.rejectLines.slice(0, n),
      reasons: this.rejectCodes.slice(0, n),
      text: raw.join(''),
      ends,
    };
    this.queue(this.sink.writeRejects(this.rejectChunk++, chunk));
    this.rejectRaw = [];
  }

  /** Queues a write. Its failure surfaces where it is awaited, never as an unhandled rejection. */
  private queue(write: Promise<void>): void {
    this.unsettled.add(write);
    write.then(
      () => this.unsettled.delete(write),
      () => this.unsettled.delete(write),
    );
    this.writes.push(write);
  }

  /** Back-pressure after each decoded slice: wait for storage writes so that memory stays flat. */
  async afterChunk(): Promise<void> {
    // The writes of a round run while later rounds are parsed. Waiting only for rounds older than
    // MAX_ROUNDS_IN_FLIGHT bounds what the browser buffers without stalling the parser on IndexedDB round trips.
    this.rounds.push(this.writes);
    this.writes = [];
    while (this.rounds.length > MAX_ROUNDS_IN_FLIGHT) {
      const oldest = this.rounds.shift()!;
      if (oldest.length === 0) continue;
      await this.wait(Promise.all(oldest));
    }
  }

  /**
   * Writes the last reject chunk and returns one promise for every write queued so far. The caller may compute
   * (the duplicate search) before it waits for it with `wait`.
   */
  drain(): Promise<unknown> {
    this.flushRejects();
    const pending = Promise.all([...this.rounds.flat(), ...this.writes]);
    this.rounds = [];
    this.writes = [];
    return pending;
  }

  /** Waits for writes, counting the time as storage wait. */
  async wait(pending: Promise<unknown>): Promise<void> {
    const t0 = performance.now();
    await pending;
    this.storageWaitMs += performance.now() - t0;
  }

  /**
   * After a failure or cancel: waits for every write still in flight to settle, ignoring their errors, so that the
   * clean-up sees everything written. When the disk runs full, Chromium closes the database connection and a write
   * queued behind the failing one may never settle; the wait ends after ABANDON_WAIT_MS then (a write that lands
   * later is removed as an orphan at the next start).
   */
  async abandon(): Promise<void> {
    this.rounds = [];
    this.writes = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...this.unsettled]),
      new Promise((resolve) => (timer = setTimeout(resolve, ABANDON_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }
}
