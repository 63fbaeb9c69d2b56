/** Repositories for workspaces, datasets, their column chunks, dictionaries and rejects. */
import type { ChunkSink, ColumnChunk } from '../ingest/columnize';
import type { ColumnValues } from '../shared/columns';
import {
  rejectRows,
  type DatasetInfo,
  type RejectChunk,
  type RejectedRow,
  type WorkspaceInfo,
} from '../shared/types';
import { deleteWorkspaceRows } from './backup/workspace';
import { db, type DatasetRow, type SelfCheckRow, type ValueStreamRow } from './db';

export const DEFAULT_WORKSPACE_NAME = 'Workspace';

export async function listWorkspaces(): Promise<WorkspaceInfo[]> {
  const d = db();
  const rows = await d.workspaces.toArray();
  const out: WorkspaceInfo[] = [];
  for (const w of rows) {
    const datasetCount = await d.datasets
      .where('workspaceId')
      .equals(w.id!)
      .filter((x) => x.status === 'ready')
      .count();
    out.push({ id: w.id!, name: w.name, createdAt: w.createdAt, datasetCount });
  }
  return out;
}

export async function createWorkspace(name: string): Promise<number> {
  return db().workspaces.add({ name: name.trim() || DEFAULT_WORKSPACE_NAME, createdAt: Date.now() });
}

export async function renameWorkspace(id: number, name: string): Promise<void> {
  await db().workspaces.update(id, { name: name.trim() || DEFAULT_WORKSPACE_NAME });
}

/**
 * Deletes a workspace with every row that belongs to it, in one transaction. Which tables those are is read from the
 * schema (src/storage/backup/workspace.ts), so a table added later goes with its workspace.
 */
export async function deleteWorkspace(id: number): Promise<void> {
  await deleteWorkspaceRows(id);
}

function toInfo(r: DatasetRow): DatasetInfo {
  const { id, headerLine, headerLineNo, ...rest } = r;
  return { ...rest, id: id!, headerLine: headerLine ?? null, headerLineNo: headerLineNo ?? null };
}

/** Ready datasets of a workspace, newest first. Datasets still importing are never listed. */
export async function listDatasets(workspaceId: number): Promise<DatasetInfo[]> {
  const rows = await db().datasets.where('workspaceId').equals(workspaceId).toArray();
  return rows
    .filter((r) => r.status === 'ready')
    .sort((a, b) => b.createdAt - a.createdAt)
    .map(toInfo);
}

export async function getDataset(id: number): Promise<DatasetInfo | null> {
  const r = await db().datasets.get(id);
  return r && r.status === 'ready' ? toInfo(r) : null;
}

export async function beginDataset(row: Omit<DatasetRow, 'id' | 'status'>): Promise<number> {
  return db().datasets.add({ ...row, status: 'importing' });
}

export async function completeDataset(id: number, patch: Partial<DatasetRow>): Promise<void> {
  await db().datasets.update(id, { ...patch, status: 'ready' });
}

export async function updateDataset(id: number, patch: Partial<DatasetRow>): Promise<void> {
  await db().datasets.update(id, patch);
}

/** Deletes a dataset with all its chunks, dictionaries and rejects in one transaction. */
export async function deleteDataset(id: number): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.datasets, d.chunks, d.dictionaries, d.rejects], () => deleteDatasetRows(id));
}

/** The deletes of one dataset; runs inside the caller's transaction. */
async function deleteDatasetRows(id: number): Promise<void> {
  const d = db();
  await d.chunks.where('datasetId').equals(id).delete();
  await d.dictionaries.where('datasetId').equals(id).delete();
  await d.rejects.where('datasetId').equals(id).delete();
  await d.datasets.delete(id);
}

/**
 * Deletes every dataset still marked as importing, except those whose write is alive: `liveIds` names the datasets
 * whose import lock is held (storage/import-locks.ts; an import's or a restore's). It is asked after the importing
 * datasets are read, so that a write which began in between is seen holding its lock.
 */
export async function deleteInterrupted(
  liveIds: () => Promise<ReadonlySet<number>> | ReadonlySet<number>,
): Promise<number> {
  const stale = (await db().datasets.where('status').equals('importing').primaryKeys()) as number[];
  const live = stale.length > 0 ? await liveIds() : new Set<number>();
  let n = 0;
  for (const id of stale) {
    if (live.has(id)) continue;
    await deleteDataset(id);
    n++;
  }
  // Housekeeping: a failure here must not stop the app from starting.
  await deleteOrphans().catch(() => undefined);
  return n;
}

/**
 * Deletes chunks, dictionaries and rejects whose dataset row is gone: the remains of a write that landed after its
 * failed import was cleaned up. One transaction, so that another tab cannot begin a dataset in between.
 */
async function deleteOrphans(): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.datasets, d.chunks, d.dictionaries, d.rejects], async () => {
    const ids = (await d.datasets.toCollection().primaryKeys()) as number[];
    await d.chunks.where('datasetId').noneOf(ids).delete();
    await d.dictionaries.where('datasetId').noneOf(ids).delete();
    await d.rejects.where('datasetId').noneOf(ids).delete();
  });
}

/** Writes column chunks and reject chunks of one dataset to IndexedDB. */
export class IndexedDbSink implements ChunkSink {
  constructor(private readonly datasetId: number) {}

  async writeChunk(chunk: ColumnChunk): Promise<void> {
    const rows = Object.entries(chunk.columns).map(([column, values]) => ({
      datasetId: this.datasetId,
      column,
      chunk: chunk.index,
      rows: chunk.rows,
      values,
    }));
    await db().chunks.bulkPut(rows);
  }

  async writeRejects(index: number, chunk: RejectChunk): Promise<void> {
    await db().rejects.put({ datasetId: this.datasetId, chunk: index, ...chunk });
  }

  async writeDictionaries(dicts: Record<string, string[]>): Promise<void> {
    const d = db();
    await d.dictionaries.bulkPut(
      Object.entries(dicts).map(([column, values]) => ({ datasetId: this.datasetId, column, values })),
    );
  }
}

/** Reads a column of a dataset as one typed array per chunk, in chunk order (widen with `new Int32Array(v)`). */
export async function readColumn(datasetId: number, column: string): Promise<ColumnValues[]> {
  const rows = await db()
    .chunks.where('[datasetId+column+chunk]')
    .between([datasetId, column, -Infinity], [datasetId, column, Infinity])
    .toArray();
  return rows.sort((a, b) => a.chunk - b.chunk).map((r) => r.values);
}

export async function readDictionary(datasetId: number, column: string): Promise<string[]> {
  return (await db().dictionaries.get([datasetId, column]))?.values ?? [];
}

/**
 * Opens a ready dataset for analysis in one read-only transaction with every read in flight at once: hands each
 * column it lists (one typed array per chunk, in chunk order) to `onColumn` as soon as it is read, `first` ones
 * first (so that work on them overlaps the reading of the rest), and returns the dataset with the dictionaries of its
 * code columns. Only the columns `wanted` are read. Null if the dataset is not there or not ready.
 */
export async function openDataset(
  datasetId: number,
  options: {
    wanted?: (column: string) => boolean;
    first?: string[];
    onColumn: (column: string, values: ColumnValues[]) => void;
  },
): Promise<{ info: DatasetInfo; dicts: Record<string, string[]> } | null> {
  const { wanted = () => true, first = [], onColumn } = options;
  const d = db();
  return d.transaction('r', [d.datasets, d.chunks, d.dictionaries], async () => {
    const row = await d.datasets.get(datasetId);
    if (!row || row.status !== 'ready') return null;
    const info = toInfo(row);
    const rank = (key: string) => (first.includes(key) ? first.indexOf(key) : first.length);
    const columnKeys = info.columns
      .map((c) => c.key)
      .filter(wanted)
      .sort((a, b) => rank(a) - rank(b));
    const dictionaryKeys = info.columns.filter((c) => c.kind === 'code' && wanted(c.key)).map((c) => c.key);
    const [, dictionaries] = await Promise.all([
      Promise.all(
        columnKeys.map((column) => readColumn(datasetId, column).then((values) => onColumn(column, values))),
      ),
      d.dictionaries.bulkGet(dictionaryKeys.map((column): [number, string] => [datasetId, column])),
    ]);
    const dicts: Record<string, string[]> = {};
    dictionaryKeys.forEach((key, i) => (dicts[key] = dictionaries[i]?.values ?? []));
    return { info, dicts };
  });
}

/** The rejected rows of a dataset in file order; with `limit`, only the first ones (reads only the chunks needed). */
export async function readRejects(datasetId: number, limit = Infinity): Promise<RejectedRow[]> {
  const out: RejectedRow[] = [];
  await db()
    .rejects.where('[datasetId+chunk]')
    .between([datasetId, -Infinity], [datasetId, Infinity])
    .until(() => out.length >= limit)
    .each((c) => {
      for (const r of rejectRows(c, limit - out.length)) out.push(r);
    });
  return out;
}

export async function deleteAllData(): Promise<void> {
  const d = db();
  await d.transaction('rw', d.tables, async () => {
    await Promise.all(d.tables.map((t) => t.clear()));
  });
}

export async function getSelfCheck(workspaceId: number): Promise<SelfCheckRow | null> {
  return (await db().selfChecks.get(workspaceId)) ?? null;
}

export async function saveSelfCheck(row: Omit<SelfCheckRow, 'updatedAt'>): Promise<void> {
  await db().selfChecks.put({ ...row, updatedAt: Date.now() });
}

export async function resetSelfCheck(workspaceId: number): Promise<void> {
  await db().selfChecks.delete(workspaceId);
}

export async function getValueStream(workspaceId: number): Promise<ValueStreamRow | null> {
  return (await db().valueStreams.get(workspaceId)) ?? null;
}

export async function saveValueStream(workspaceId: number, steps: ValueStreamRow['steps']): Promise<void> {
  await db().valueStreams.put({ workspaceId, steps, updatedAt: Date.now() });
}
