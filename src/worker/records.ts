/**
 * The workspace's record files as the worker's analyses read them: the customer master data in use (the newest
 * customer file of the workspace) and every spend file. Read from storage once and held until a record file of the
 * workspace is imported or deleted (`forgetRecords`).
 */
import type { RecordColumns, RecordFileInfo } from '../shared/economics';
import * as records from '../storage/records';
import { db, type KundenwertDB } from '../storage/db';

export interface RecordFile {
  info: RecordFileInfo;
  data: RecordColumns;
}

interface Held {
  masters: Map<number, Promise<RecordFile | null>>;
  spends: Map<number, Promise<RecordFile[]>>;
}

/** What is held, per database (a test that opens a fresh database never sees the files of an earlier one). */
const held = new WeakMap<KundenwertDB, Held>();

function heldNow(): Held {
  const d = db();
  let h = held.get(d);
  if (!h) {
    h = { masters: new Map(), spends: new Map() };
    held.set(d, h);
  }
  return h;
}

/** The master data in use in a workspace (its newest customer file), or null. */
export async function masterOf(workspaceId: number): Promise<RecordFile | null> {
  const { masters } = heldNow();
  let p = masters.get(workspaceId);
  if (!p) {
    p = records.recordFilesOf('customers', workspaceId).then((rows) => {
      const newest = rows.at(-1);
      return newest ? { info: records.toRecordInfo('customers', newest), data: newest.data } : null;
    });
    masters.set(workspaceId, p);
    // A failed read is not kept: the next call reads again.
    p.catch(() => masters.delete(workspaceId));
  }
  return p;
}

/** Every spend file of a workspace, oldest first. */
export async function spendOf(workspaceId: number): Promise<RecordFile[]> {
  const { spends } = heldNow();
  let p = spends.get(workspaceId);
  if (!p) {
    p = records
      .recordFilesOf('spend', workspaceId)
      .then((rows) => rows.map((r) => ({ info: records.toRecordInfo('spend', r), data: r.data })));
    spends.set(workspaceId, p);
    p.catch(() => spends.delete(workspaceId));
  }
  return p;
}

/** Drops what is held of a workspace's record files (after an import or delete); without an id, of every workspace. */
export function forgetRecords(workspaceId?: number): void {
  const { masters, spends } = heldNow();
  if (workspaceId === undefined) {
    masters.clear();
    spends.clear();
    return;
  }
  masters.delete(workspaceId);
  spends.delete(workspaceId);
}

/** The non-blank values of a record file's code column that some row uses, in dictionary order. */
export function usedValues(data: RecordColumns, key: string): string[] {
  const codes = data.codes[key];
  const dict = data.dicts[key];
  if (!codes || !dict) return [];
  const used = new Uint8Array(dict.length);
  for (let i = 0; i < codes.length; i++) used[codes[i]] = 1;
  return dict.filter((v, c) => used[c] === 1 && v.trim() !== '');
}
