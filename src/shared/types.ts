/** Types that cross the worker boundary. Keep them plain data (structured-clone safe). */

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';
export type DecimalSeparator = '.' | ',';

/** Date formats the importer understands. Every format accepts an optional time part, which is ignored. */
export type DateFormat = 'iso' | 'dmy-dot' | 'dmy-dot-short' | 'ymd-compact' | 'mdy-slash' | 'dmy-slash';

export const DATE_FORMATS: readonly DateFormat[] = [
  'iso',
  'dmy-dot',
  'dmy-dot-short',
  'ymd-compact',
  'mdy-slash',
  'dmy-slash',
];

/**
 * Roles a column can play, across all import sources: each source offers some of them (ingest/sources/). A new
 * source adds its roles here and a label `role.<name>` for each to the dictionaries. Other columns may be kept as
 * attributes.
 */
export type ColumnRole =
  | 'customer'
  | 'date'
  | 'amount'
  | 'quantity'
  | 'unitPrice'
  | 'orderId'
  | 'product'
  | 'category'
  | 'channel'
  | 'region'
  | 'cost'
  | 'margin'
  // Customer master data (ingest/sources/customers.ts).
  | 'name'
  | 'industry'
  | 'companySize'
  | 'acquisitionChannel'
  | 'firstContact'
  | 'lastContact'
  | 'tickets'
  | 'serviceCost'
  | 'nps'
  // Marketing spend (ingest/sources/spend.ts); `channel` and `amount` are shared with order lines.
  | 'period'
  | 'impressions'
  | 'clicks'
  | 'leads'
  | 'newCustomers'
  | 'purpose';

export type RoleMap = Partial<Record<ColumnRole, number>>;

export interface ColumnProfile {
  index: number;
  name: string;
  samples: string[];
  nonEmpty: number;
  distinct: number;
  /** Share of non-empty samples that parse as a number with the sniffed decimal separator. */
  numericShare: number;
  /** Share of non-empty samples that are whole numbers. */
  integerShare: number;
  /** Date formats that parse at least 60 % of the non-empty samples (DATE_SHARE), best first. */
  dateFormats: DateFormat[];
  /** True when several date formats fit equally well (for example 03/04/2024). */
  dateAmbiguous: boolean;
  /** A letter that starts some values while most are plain digits (a cancellation marker such as `C`), or ''. */
  letterPrefix: string;
}

export interface SniffResult {
  fileName: string;
  fileSize: number;
  encoding: Encoding;
  hasBom: boolean;
  delimiter: Delimiter;
  /** Rows before the header (for example a DATEV metadata line). */
  skipRows: number;
  hasHeader: boolean;
  decimal: DecimalSeparator;
  lineEnding: 'LF' | 'CRLF' | 'CR';
  headers: string[];
  profiles: ColumnProfile[];
  /** The first parsed data rows, raw. */
  sampleRows: string[][];
  /** Currency guessed from symbols or codes in the cells (€, $, £, EUR, …), or null. */
  currency: string | null;
}

export interface ImportOptions {
  /** The import source (what kind of file this is: ingest/sources/registry). Absent: order lines, the first source. */
  source?: string;
  name: string;
  encoding: Encoding;
  delimiter: Delimiter;
  lineEnding: 'LF' | 'CRLF' | 'CR';
  skipRows: number;
  hasHeader: boolean;
  decimal: DecimalSeparator;
  dateFormat: DateFormat;
  roles: RoleMap;
  /** Column indices kept as segment attributes, with their display names. */
  attributes: { index: number; name: string }[];
  /** Order ids starting with this marker are cancellations. '' disables the rule. */
  cancelPrefix: string;
  /** Whether exact duplicate lines are kept in the analysis. They are always counted and flagged. */
  dropDuplicates: boolean;
  /** ISO 4217 code of the dataset's single currency (amounts are shown in it). */
  currency: string;
}

export type RejectReason =
  | 'missingCustomer'
  | 'missingDate'
  | 'badDate'
  | 'missingAmount'
  | 'badAmount'
  | 'badQuantity'
  | 'badPrice'
  | 'badCost'
  | 'tooFewFields'
  | 'unclosedQuote'
  | 'totalRow'
  | 'swallowedLines'
  | 'outlierDate'
  | 'otherCurrency'
  | 'missingPeriod'
  | 'badPeriod'
  | 'missingChannel'
  | 'badNumber'
  | 'badScore';

export const REJECT_REASONS: readonly RejectReason[] = [
  'missingCustomer',
  'missingDate',
  'badDate',
  'missingAmount',
  'badAmount',
  'badQuantity',
  'badPrice',
  'badCost',
  'tooFewFields',
  'unclosedQuote',
  // Stored reject chunks keep the index into this list: append new reasons, never reorder.
  'totalRow',
  'swallowedLines',
  'outlierDate',
  'otherCurrency',
  'missingPeriod',
  'badPeriod',
  'missingChannel',
  'badNumber',
  'badScore',
];

export interface RejectedRow {
  line: number;
  reason: RejectReason;
  raw: string;
}

/**
 * Rejected rows as they are written: one string with end offsets and typed arrays, which clones and stores much
 * faster than thousands of small objects.
 */
export interface RejectChunk {
  lines: Int32Array;
  /** Index into REJECT_REASONS. */
  reasons: Uint8Array;
  text: string;
  ends: Int32Array;
}

/** The rows of a reject chunk, at most `limit` of them. */
export function rejectRows(c: RejectChunk, limit = Infinity): RejectedRow[] {
  const out: RejectedRow[] = [];
  let start = 0;
  for (let i = 0; i < c.ends.length && i < limit; i++) {
    out.push({ line: c.lines[i], reason: REJECT_REASONS[c.reasons[i]], raw: c.text.slice(start, c.ends[i]) });
    start = c.ends[i];
  }
  return out;
}

/** Packs rejected rows into a chunk (tests and small callers; the import fills chunks directly). */
export function rejectChunk(rows: RejectedRow[]): RejectChunk {
  const c: RejectChunk = {
    lines: new Int32Array(rows.length),
    reasons: new Uint8Array(rows.length),
    text: rows.map((r) => r.raw).join(''),
    ends: new Int32Array(rows.length),
  };
  let at = 0;
  rows.forEach((r, i) => {
    c.lines[i] = r.line;
    c.reasons[i] = REJECT_REASONS.indexOf(r.reason);
    c.ends[i] = at += r.raw.length;
  });
  return c;
}

/** A normalized preview row: the values as they will be stored, plus the problem if the row would be rejected. */
export interface PreviewRow {
  line: number;
  raw: string[];
  customer: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  date: string | null;
  amount: number | null;
  isReturn: boolean;
  problem: RejectReason | null;
  /** Column index that causes the problem. */
  problemColumn: number | null;
}

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  rowsPerSecond: number;
  elapsedMs: number;
  /** Estimated milliseconds left, or null while unknown. */
  remainingMs: number | null;
  /** The whole file is read and parsed; the last writes and the duplicate search are running. */
  finishing: boolean;
}

export interface ImportSummary {
  rowsRead: number;
  imported: number;
  rejected: number;
  blankLines: number;
  rejectReasons: Partial<Record<RejectReason, number>>;
  /** Net amount carried by rejected rows whose amount could be read, per reason. */
  rejectedRevenue: Partial<Record<RejectReason, number>>;
  /** Net revenue of the imported lines, returns included. Null without an amount column. */
  netRevenue: number | null;
  /** Net revenue of imported plus rejected rows (where readable). */
  revenueWithRejected: number | null;
  returnLines: number;
  returnsValue: number | null;
  duplicateLines: number;
  /** Net amount of the duplicate lines (the extra copies). */
  duplicateRevenue: number | null;
  customers: number;
  orders: number;
  /** ISO dates. */
  firstDate: string | null;
  lastDate: string | null;
  hasAmount: boolean;
  durationMs: number;
  /** Time the import waited for storage writes (diagnostics for the benchmark). */
  storageWaitMs: number;
  encoding: Encoding;
  /** Set when the file was read again as Windows-1252 because it stopped being UTF-8 at this line. */
  encodingFallbackLine?: number | null;
  /** Spend files: channels with spend that no customer of the workspace came through (shown, not dropped). */
  unknownChannels?: string[];
  /**
   * Master data files: how the master ids met the customers of the workspace's newest dataset at the import (null
   * without a dataset).
   */
  masterJoin?: { matched: number; onlyInMaster: number; onlyInOrders: number } | null;
  /** Customer master data: rows whose customer id appeared in an earlier row (the last row of an id is used). */
  duplicateIds?: number;
}

/**
 * How a source reads a column: an id or a text (stored as codes), a date (a day number), a period (a date or a month
 * such as `03.2024` or `März 2024`, stored as the day number of the date or of the month's first day) or a number.
 */
export type FieldKind = 'id' | 'code' | 'day' | 'period' | 'number';

/** The dictionary key of a role's label (shared cannot import the dictionaries; every `role.<role>` must exist). */
export type RoleLabelKey = `role.${ColumnRole}`;

/** One column a source asks for in the mapping step. */
export interface SourceField {
  role: ColumnRole;
  kind: FieldKind;
  required: boolean;
  labelKey: RoleLabelKey;
}

/** The normalized values the preview shows for each row (the fields of PreviewRow). */
export type PreviewSlot = 'customer' | 'date' | 'amount' | 'isReturn';

/** Dictionary keys a source may name for the mapping step's notes (every one must exist in the dictionaries). */
export type SourceTextKey = 'map.amountHint' | 'map.noAmount';

/**
 * What the mapping step needs to know about an import source, as plain data (it crosses the worker boundary in the
 * sniff answer): the fields to offer, which are required, and which of the step's parts apply.
 */
export interface SourceSpec {
  id: string;
  /** In the order the mapping step shows them. */
  fields: SourceField[];
  /**
   * Groups of roles of which one should be complete; without, the import runs but lacks a figure (order lines: an
   * amount, or quantity and unit price). `hintKey` explains the rule, `missingKey` warns when none is complete.
   */
  recommended: { anyOf: ColumnRole[][]; hintKey: SourceTextKey; missingKey: SourceTextKey } | null;
  /** The role whose values may carry a cancellation marker (order lines: the order id), or null. */
  cancelMarker: ColumnRole | null;
  /** Whether other columns can be kept as attributes. */
  attributes: boolean;
  /** Whether exact duplicate rows are found, so that the user may choose to drop them. */
  duplicates: boolean;
  /** Whether the source holds money (the mapping step asks for the currency). */
  currency: boolean;
  /** The normalized values the preview shows, in order. */
  preview: PreviewSlot[];
}

/** The worker's answer to a sniff: what the file looks like, the proposed options and the source they are for. */
export interface SniffAnswer {
  sniff: SniffResult;
  options: ImportOptions;
  source: SourceSpec;
}

export interface ColumnInfo {
  key: string;
  kind: 'code' | 'day' | 'number' | 'flags';
  /** Display name: the source header. */
  label: string;
}

export interface DatasetInfo {
  id: number;
  workspaceId: number;
  name: string;
  fileName: string;
  fileSize: number;
  status: 'importing' | 'ready';
  createdAt: number;
  rowCount: number;
  chunkCount: number;
  columns: ColumnInfo[];
  options: ImportOptions;
  summary: ImportSummary | null;
  headerLine: string | null;
  headerLineNo: number | null;
}

export interface WorkspaceInfo {
  id: number;
  name: string;
  createdAt: number;
  datasetCount: number;
}

export interface StorageEstimate {
  usage: number | null;
  quota: number | null;
  persisted: boolean;
}
