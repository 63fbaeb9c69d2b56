/**
 * The seam for import sources. A source (order lines, and later customer master data or marketing spend) is one
 * description: the fields it maps with their header synonyms, which are required, how a row is validated and which
 * columns are stored. Decoding, sniffing, parsing and reading numbers and dates are shared by all sources.
 *
 * Adding a source: a description file in this folder (usually `defineSource({...})` from ./define, which validates
 * and stores the declared fields), its entry in ./registry, its storage table, and the texts of its new roles and
 * reject reasons in the dictionaries.
 */
import type {
  ColumnInfo,
  ImportOptions,
  ImportSummary,
  PreviewRow,
  RejectReason,
  RoleLabelKey,
  SourceField,
  SourceSpec,
} from '../../shared/types';
import type { ChunkSink } from '../columnize';
import type { RowSink } from '../parse';

/** A field as a source declares it: what the mapping step shows, plus how the mapping proposal finds its column. */
export interface SourceFieldDef extends Omit<SourceField, 'required' | 'labelKey'> {
  /** Required fields must be mapped before an import can start. Default false. */
  required?: boolean;
  /** Default `role.<role>`. */
  labelKey?: RoleLabelKey;
  /**
   * Header names, normalized (lower case, umlauts folded, no separators: mapping.normalizeHeader), German and
   * English. Earlier entries win.
   */
  synonyms: readonly string[];
  /** Distinctive parts of header names, for headers with extra words ("Betrag netto", "Umsatz EUR"). */
  partial?: readonly string[];
  /**
   * How the proposal finds the column when no header names it: `dates` takes the first unused column of dates (right
   * after the name pass for this field); `repeating` takes, in a file without a header row, the first unused column
   * with repeating values.
   */
  guess?: 'dates' | 'repeating';
}

/** The import of one file of a source: fed row by row by the parser, it writes chunks and counts what it saw. */
export interface SourceImporter extends RowSink {
  readonly columns: ColumnInfo[];
  readonly rowsRead: number;
  readonly imported: number;
  readonly rejectReasons: Partial<Record<RejectReason, number>>;
  readonly chunkCount: number;
  afterChunk(): Promise<void>;
  /** Flushes the remaining rows, waits for the writes and returns the dictionaries (column key → values by code). */
  finish(): Promise<Record<string, string[]>>;
  /** After a failure or cancel: waits for the writes still in flight, ignoring their errors. */
  abandon(): Promise<void>;
  summary(durationMs: number): ImportSummary;
}

/** Judges single rows like the import does, for the mapping step's preview. */
export interface RowJudge {
  /** The reject reason of a row, or null; the row's normalized values stay in the judge until the next call. */
  check(fields: string[]): RejectReason | null;
  /** Column index of the last problem, or -1. */
  readonly problemColumn: number;
  /** Fills the preview's normalized values (the source's preview slots) of the row just accepted by `check`. */
  describe(fields: string[], row: PreviewRow): void;
}

/**
 * One import source. The plain parts (the SourceSpec without the fields' synonyms) go to the mapping step through
 * the worker's sniff answer (registry.describeSource). Both factories are called once per import or preview, before
 * the row loop: whatever the description decides is resolved there, never per row.
 */
export interface ImportSource extends Omit<SourceSpec, 'fields'> {
  /** In the order the mapping step shows them. The proposal claims day fields first, then the rest in this order. */
  readonly fields: readonly SourceFieldDef[];
  /** The order of the proposal's second pass (headers with extra words); default: the fields' order. */
  readonly partialOrder?: readonly SourceFieldDef['role'][];
  /** Normalized header names kept as attributes by default (when the source has attributes). */
  readonly attributeNames: readonly string[];
  /** Builds the importer of one file. `headers` label the stored columns. */
  createImporter(options: ImportOptions, headers: string[], sink: ChunkSink): SourceImporter;
  /** Builds the preview's judge; called only when every required role is mapped. */
  createJudge(options: ImportOptions): RowJudge;
}
