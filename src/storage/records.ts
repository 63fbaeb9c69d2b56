/**
 * Repository of the record files of a workspace: customer master data (`customerFiles`) and marketing spend
 * (`spendFiles`). A file is one row, written with one put when its import is complete; listing, reading, renaming
 * and deleting go by source and id.
 */
import type { RecordFileInfo, RecordSourceId } from '../shared/economics';
import { rejectRows, type RejectedRow } from '../shared/types';
import { db, type RecordFileRow } from './db';

export const RECORD_SOURCES: readonly RecordSourceId[] = ['customers', 'spend'];

export function isRecordSource(s: string | undefined): s is RecordSourceId {
  return s === 'customers' || s === 'spend';
}

function table(source: RecordSourceId) {
  const d = db();
  return source === 'customers' ? d.customerFiles : d.spendFiles;
}

export function toRecordInfo(source: RecordSourceId, r: RecordFileRow): RecordFileInfo {
  return {
    id: r.id!,
    workspaceId: r.workspaceId,
    source,
    name: r.name,
    fileName: r.fileName,
    fileSize: r.fileSize,
    createdAt: r.createdAt,
    rowCount: r.data.n,
    summary: r.summary,
    columns: r.columns,
  };
}

/** Stores a complete record file in one put; returns its id. */
export async function saveRecordFile(
  source: RecordSourceId,
  row: Omit<RecordFileRow, 'id'>,
): Promise<number> {
  return table(source).add(row as RecordFileRow);
}

/** The whole row of a record file (its data and rejects included), or null. */
export async function getRecordFile(source: RecordSourceId, id: number): Promise<RecordFileRow | null> {
  return (await table(source).get(id)) ?? null;
}

/** The full rows of a workspace's files of one source, oldest first (by id, the order they were imported). */
export async function recordFilesOf(source: RecordSourceId, workspaceId: number): Promise<RecordFileRow[]> {
  const rows = await table(source).where('workspaceId').equals(workspaceId).toArray();
  return rows.sort((a, b) => a.id! - b.id!);
}

/** The files of a workspace of one source, newest first. */
export async function listRecordFiles(
  source: RecordSourceId,
  workspaceId: number,
): Promise<RecordFileInfo[]> {
  const rows = await recordFilesOf(source, workspaceId);
  return rows.reverse().map((r) => toRecordInfo(source, r));
}

export async function renameRecordFile(source: RecordSourceId, id: number, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === '') return;
  await table(source).update(id, { name: trimmed });
}

export async function deleteRecordFile(source: RecordSourceId, id: number): Promise<void> {
  await table(source).delete(id);
}

/** The rejected rows of a record file in file order (at most `limit`), with the file's header row. */
export async function readRecordRejects(
  source: RecordSourceId,
  id: number,
  limit = Infinity,
): Promise<{
  rows: RejectedRow[];
  total: number;
  headerLine: string | null;
  headerLineNo: number | null;
} | null> {
  const r = await getRecordFile(source, id);
  if (!r) return null;
  const rows: RejectedRow[] = [];
  for (const c of r.rejects) {
    if (rows.length >= limit) break;
    for (const x of rejectRows(c, limit - rows.length)) rows.push(x);
  }
  return { rows, total: r.summary.rejected, headerLine: r.headerLine, headerLineNo: r.headerLineNo };
}
