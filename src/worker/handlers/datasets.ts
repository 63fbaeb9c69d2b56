/** Datasets: list, rename, delete, the duplicates switch, the rejected rows and the date range and attributes. */
import { attributeColumns } from '../../shared/attributes';
import { AppFailure } from '../../shared/errors';
import type { DatasetInfo, RejectedRow } from '../../shared/types';
import * as repo from '../../storage/datasets';
import { rejectsToCsv, type RejectsCsvFormat } from '../../ingest/export';
import { dayToIso } from '../../shared/days';
import { dayRange, type Lines } from '../../analytics/lines';
import { currentMaster, forget, forgetAll, masterColumns, openSession } from '../session';
import { forgetRecords } from '../records';

export interface AttributeInfo {
  key: string;
  label: string;
  values: string[];
}

export interface DatasetMeta {
  firstDate: string;
  lastDate: string;
  attributes: AttributeInfo[];
}

/**
 * The filterable attributes of a dataset with their values: its own attribute columns and, from an analysis session,
 * the master data's (`master:<key>`; the session's info lists them).
 */
export function attributesOf(info: DatasetInfo, lines: Lines): AttributeInfo[] {
  return attributeColumns(info.columns).map((c) => ({
    key: c.key,
    label: c.label,
    values: lines.dicts[c.key] ?? [],
  }));
}

async function existing(id: number): Promise<DatasetInfo> {
  const d = await repo.getDataset(id);
  if (!d) throw new AppFailure('notFound', 'Dataset not found.');
  return d;
}

export const datasetsHandler = {
  /**
   * The datasets of a workspace. Their columns include the attribute columns of the workspace's master data
   * (kind 'code', key `master:<key>`, the master file's header label), as the analyses offer them.
   */
  async listDatasets(workspaceId: number): Promise<DatasetInfo[]> {
    const [datasets, master] = await Promise.all([
      repo.listDatasets(workspaceId),
      currentMaster(workspaceId),
    ]);
    const extra = masterColumns(master);
    if (extra.length === 0) return datasets;
    return datasets.map((d) => ({ ...d, columns: [...d.columns, ...extra] }));
  },

  async deleteDataset(id: number): Promise<true> {
    forget(id);
    await repo.deleteDataset(id);
    return true;
  },

  /**
   * Drops what this worker holds in memory because another tab of the app changed the stored data; writes nothing.
   * With ids: those datasets' sessions (they were deleted); without: every session and every record file held.
   */
  async forgetHeld(datasetIds?: number[]): Promise<true> {
    if (datasetIds) datasetIds.forEach(forget);
    else {
      forgetAll();
      forgetRecords();
    }
    return true;
  },

  async renameDataset(id: number, name: string): Promise<true> {
    await repo.updateDataset(id, { name: name.trim() });
    return true;
  },

  /** Keeps or drops the exact duplicate lines in every analysis of this dataset. */
  async setDropDuplicates(id: number, drop: boolean): Promise<DatasetInfo> {
    const d = await existing(id);
    await repo.updateDataset(id, { options: { ...d.options, dropDuplicates: drop } });
    forget(id);
    return (await repo.getDataset(id))!;
  },

  async rejects(id: number, limit = 200): Promise<{ total: number; rows: RejectedRow[] }> {
    const d = await existing(id);
    return { total: d.summary?.rejected ?? 0, rows: await repo.readRejects(id, limit) };
  },

  /** The rejected rows as CSV text: line number, reason code, original line. */
  async rejectsCsv(id: number, format?: RejectsCsvFormat): Promise<string> {
    const d = await existing(id);
    const header = d.headerLine !== null ? { line: d.headerLineNo ?? 1, text: d.headerLine } : null;
    return rejectsToCsv(await repo.readRejects(id), format, header);
  },

  /** The date range and filterable attributes of a dataset (for the as-of and filter controls of every view). */
  async datasetMeta(datasetId: number): Promise<DatasetMeta> {
    const { info, lines } = await openSession(datasetId);
    const [first, last] = dayRange(lines);
    return { firstDate: dayToIso(first), lastDate: dayToIso(last), attributes: attributesOf(info, lines) };
  },
};
