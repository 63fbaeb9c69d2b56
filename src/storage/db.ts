/**
 * The IndexedDB schema (Dexie). Only keys are indexed, never a binary field.
 * Schema changes go through new `this.version(n)` blocks with upgrade functions; see test/unit/storage.test.ts.
 */
import Dexie, { type Table } from 'dexie';
import type { ColumnInfo, ImportOptions, ImportSummary, RejectChunk } from '../shared/types';
import type { ColumnValues } from '../shared/columns';
import type { Answers } from '../analytics/selfcheck';
import type { UserFigures } from '../analytics/evidence';
import type { VsmStep } from '../analytics/valuestream';
import { cleanFigures, EMPTY_COSTS, type FiguresRecord } from '../shared/figures';
import type { RecordColumns } from '../shared/economics';
import type { CampaignRecord } from '../shared/actions';

export interface WorkspaceRow {
  id?: number;
  name: string;
  createdAt: number;
}

export interface DatasetRow {
  id?: number;
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
  /** The file's header row as it stands, and its line number (for the download of rejected rows). */
  headerLine?: string | null;
  headerLineNo?: number | null;
}

/** One column of one chunk of a dataset: a typed array, narrowed per chunk (see ColumnValues). */
export interface ChunkRow {
  datasetId: number;
  column: string;
  chunk: number;
  rows: number;
  values: ColumnValues;
}

export interface DictionaryRow {
  datasetId: number;
  column: string;
  values: string[];
}

/** Up to 5,000 rejected rows: their original lines joined into `text`, split at `ends`. */
export interface RejectChunkRow extends RejectChunk {
  datasetId: number;
  chunk: number;
}

export interface SettingsRow {
  workspaceId: number;
  currency: string;
  marginRate: number;
  discountRateMonthly: number;
  horizonMonths: number;
  inactivityDays: number;
}

/** The self-check of a workspace: answers and notes, the implementation steps done, the figures entered. */
export interface SelfCheckRow {
  workspaceId: number;
  answers: Answers;
  implementation: Record<string, boolean>;
  /** Until version 3; since then the figures live in `figures` (one row per workspace). */
  figures?: UserFigures;
  updatedAt: number;
}

/** The value stream map of a workspace. */
export interface ValueStreamRow {
  workspaceId: number;
  steps: VsmStep[];
  updatedAt: number;
}

/** "Your figures" of a workspace (CAC, margin, budget split), since version 3. */
export type FiguresRow = FiguresRecord;

/**
 * One imported record file (customer master data or marketing spend), since version 4: the whole file in one row,
 * written with one put at the end of its import (all or nothing), its rows column-wise and its rejected rows.
 */
export interface RecordFileRow {
  id?: number;
  workspaceId: number;
  name: string;
  fileName: string;
  fileSize: number;
  createdAt: number;
  options: ImportOptions;
  summary: ImportSummary;
  columns: ColumnInfo[];
  headerLine: string | null;
  headerLineNo: number | null;
  data: RecordColumns;
  rejects: RejectChunk[];
}

/** A campaign saved from an action list, since version 5 (see shared/actions.ts). */
export type CampaignRow = CampaignRecord;

export const DB_NAME = 'kundenwert';

/**
 * The version-3 upgrade of one self-check: the figures it held (CAC and budget split) as the workspace's figures row,
 * or null when none were entered. Shared by the schema upgrade and the restore of an older workspace file.
 */
export function figuresOfSelfCheck(r: SelfCheckRow): FiguresRow | null {
  if (!r.figures) return null;
  const { cac, acquisitionShare, existingShare } = cleanFigures(r.figures);
  if (cac === null && acquisitionShare === null && existingShare === null) return null;
  return {
    workspaceId: r.workspaceId,
    cac,
    marginPercent: null,
    acquisitionShare,
    existingShare,
    costs: EMPTY_COSTS,
    updatedAt: r.updatedAt,
  };
}

export class KundenwertDB extends Dexie {
  workspaces!: Table<WorkspaceRow, number>;
  datasets!: Table<DatasetRow, number>;
  chunks!: Table<ChunkRow, [number, string, number]>;
  dictionaries!: Table<DictionaryRow, [number, string]>;
  rejects!: Table<RejectChunkRow, [number, number]>;
  settings!: Table<SettingsRow, number>;
  selfChecks!: Table<SelfCheckRow, number>;
  valueStreams!: Table<ValueStreamRow, number>;
  figures!: Table<FiguresRow, number>;
  customerFiles!: Table<RecordFileRow, number>;
  spendFiles!: Table<RecordFileRow, number>;
  campaigns!: Table<CampaignRow, number>;

  constructor(name = DB_NAME) {
    // Relaxed durability: no fsync per transaction; an import is all or nothing through its status flag anyway.
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores({
      workspaces: '++id',
      datasets: '++id, workspaceId, status',
      chunks: '[datasetId+column+chunk], datasetId',
      dictionaries: '[datasetId+column], datasetId',
      rejects: '[datasetId+chunk], datasetId',
      settings: 'workspaceId',
    });
    // Version 2 (issue #5): the self-check and the value stream map, one row per workspace. No data to migrate.
    this.version(2).stores({
      selfChecks: 'workspaceId',
      valueStreams: 'workspaceId',
    });
    // Version 3 (issue #12): "your figures" once per workspace. The figures entered in a self-check move over, so
    // nothing entered is lost; the margin kept in localStorage is taken over by the UI (shared/figures.ts).
    this.version(3)
      .stores({ figures: 'workspaceId' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('selfChecks').toArray()) as SelfCheckRow[];
        const figures = tx.table('figures');
        for (const r of rows) {
          const row = figuresOfSelfCheck(r);
          if (row) await figures.put(row);
        }
      });
    // Version 4 (issue #13): the workspace's customer master data and marketing spend files. No data to migrate.
    this.version(4).stores({
      customerFiles: '++id, workspaceId',
      spendFiles: '++id, workspaceId',
    });
    // Version 5 (issue #14): the campaigns saved from the action lists, per workspace. No data to migrate.
    this.version(5).stores({
      campaigns: '++id, workspaceId',
    });
  }
}

let instance: KundenwertDB | null = null;

export function db(): KundenwertDB {
  instance ??= new KundenwertDB();
  return instance;
}

/** For tests: use a database with another name (fake-indexeddb). */
export function useDatabase(d: KundenwertDB): void {
  instance = d;
}
