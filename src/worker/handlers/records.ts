/**
 * Record files of a workspace (customer master data, marketing spend): list, rename, delete, and their rejected rows.
 * A change to the customer files drops every analysis session, since the sessions join the master data in use.
 */
import { AppFailure } from '../../shared/errors';
import type { RecordFileInfo, RecordSourceId } from '../../shared/economics';
import type { RejectedRow } from '../../shared/types';
import * as records from '../../storage/records';
import { rejectsToCsv, type RejectsCsvFormat } from '../../ingest/export';
import { forgetRecords, spendOf, usedValues } from '../records';
import { forgetAll } from '../session';

function checkSource(source: string): RecordSourceId {
  if (!records.isRecordSource(source)) throw new AppFailure('notFound', `There are no "${source}" files.`);
  return source;
}

async function existing(source: RecordSourceId, id: number) {
  const r = await records.getRecordFile(source, id);
  if (!r) throw new AppFailure('notFound', 'File not found.');
  return r;
}

/** After a record file of a workspace changed: what the worker holds of it is read again. */
export function recordsChanged(source: RecordSourceId, workspaceId: number): void {
  forgetRecords(workspaceId);
  if (source === 'customers') forgetAll();
}

export const recordsHandler = {
  /** The workspace's customer files and spend files, newest first (the first customer file is the one in use). */
  async listRecordFiles(
    workspaceId: number,
  ): Promise<{ customers: RecordFileInfo[]; spend: RecordFileInfo[] }> {
    const [customers, spend] = await Promise.all([
      records.listRecordFiles('customers', workspaceId),
      records.listRecordFiles('spend', workspaceId),
    ]);
    return { customers, spend };
  },

  /** The channel names of the workspace's spend files, in the order first seen (for the channel purposes). */
  async spendChannels(workspaceId: number): Promise<string[]> {
    const seen = new Set<string>();
    for (const f of await spendOf(workspaceId))
      for (const v of usedValues(f.data, 'channel')) seen.add(v.trim());
    return [...seen];
  },

  async deleteRecordFile(source: RecordSourceId, id: number): Promise<true> {
    const s = checkSource(source);
    const r = await records.getRecordFile(s, id);
    if (!r) return true;
    await records.deleteRecordFile(s, id);
    recordsChanged(s, r.workspaceId);
    return true;
  },

  async renameRecordFile(source: RecordSourceId, id: number, name: string): Promise<RecordFileInfo> {
    const s = checkSource(source);
    await existing(s, id);
    await records.renameRecordFile(s, id, name);
    const r = await existing(s, id);
    forgetRecords(r.workspaceId);
    return records.toRecordInfo(s, r);
  },

  async recordRejects(
    source: RecordSourceId,
    id: number,
    limit = 200,
  ): Promise<{ total: number; rows: RejectedRow[] }> {
    const r = await records.readRecordRejects(checkSource(source), id, limit);
    if (!r) throw new AppFailure('notFound', 'File not found.');
    return { total: r.total, rows: r.rows };
  },

  /** The rejected rows as CSV text (with the file's header row first), like a dataset's. */
  async recordRejectsCsv(source: RecordSourceId, id: number, format?: RejectsCsvFormat): Promise<string> {
    const r = await records.readRecordRejects(checkSource(source), id);
    if (!r) throw new AppFailure('notFound', 'File not found.');
    const header = r.headerLine !== null ? { line: r.headerLineNo ?? 1, text: r.headerLine } : null;
    return rejectsToCsv(r.rows, format, header);
  },
};
