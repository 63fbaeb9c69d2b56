/**
 * A workspace's tables as a stream of entries, and back (issue #15, see types.ts). Which tables belong to a
 * workspace is read from the Dexie schema, not listed here, so that a table added later is carried too:
 * - `workspaces`: the workspace's own row;
 * - `datasets`: its datasets (only ready ones are carried);
 * - a table with a `datasetId` key or index (chunks, dictionaries, rejects): the rows of those datasets;
 * - a table with a `workspaceId` key or index (settings, figures, campaigns, record files, ...): its rows.
 * A table that fits none of these makes `workspaceTables` name it (and the unit test fail).
 *
 * The stream's order is part of the contract: the workspace row first, then each dataset followed by its rows of
 * every dataset table, then the rows of the workspace tables. Rows are read a few at a time (never a whole table);
 * a column chunk is one row.
 *
 * Restore writes into a new workspace with new ids (`workspaceId`, `datasetId` and the auto-increment keys), its
 * datasets marked as importing until the very end; any failure deletes what it wrote and rethrows.
 */
import type { Dexie, Table } from 'dexie';
import { db, type DatasetRow, type WorkspaceRow } from '../db';
import { BackupError, type BackupEntry } from './types';
import { upgradeEntries } from './upgrade';

/** How a table's rows belong to a workspace; null: they do not (the table is not carried). */
export type TableRule = 'workspace' | 'datasets' | 'byDataset' | 'byWorkspace';

export interface TablePlan {
  name: string;
  rule: TableRule | null;
}

const WORKSPACE_TABLE = 'workspaces';
const DATASET_TABLE = 'datasets';
/**
 * Not a table: the workspace's small settings this browser keeps in localStorage (the page reads and writes them),
 * one entry `{ name, value }` each, after every table's rows. Never the name of an IndexedDB table.
 */
export const LOCAL_PREFS = 'localPrefs';
/** The most local entries a file may carry, and the longest value (a logo's data URL is up to about 1.4 MB). */
const MAX_LOCAL_PREFS = 64;
const MAX_LOCAL_PREF_CHARS = 4 << 20;

/** What a campaign (or any row outside the dataset tables) points to when its dataset was not carried. */
export const NO_DATASET = -1;

/** Rows read per request: a chunk row holds up to 65,536 values, so a few at a time. */
const READ_BATCH = 8;
/** Rows written per request. */
const WRITE_BATCH = 8;

/** Whether `key` can be queried with `where(key)`: the primary key, an index, or the first part of a compound. */
function queryable(table: Table, key: string): boolean {
  const paths = [table.schema.primKey.keyPath, ...table.schema.indexes.map((i) => i.keyPath)];
  return paths.some((p) => p === key || (Array.isArray(p) && p[0] === key));
}

function ruleOf(table: Table): TableRule | null {
  if (table.name === WORKSPACE_TABLE) return 'workspace';
  if (table.name === DATASET_TABLE) return 'datasets';
  if (queryable(table, 'datasetId')) return 'byDataset';
  if (queryable(table, 'workspaceId')) return 'byWorkspace';
  return null;
}

/** Every table of the schema with the rule that carries it (null: none). */
export function workspaceTables(d: Dexie = db()): TablePlan[] {
  return d.tables.map((t) => ({ name: t.name, rule: ruleOf(t) }));
}

function plan(d: Dexie): Map<string, TableRule> {
  const out = new Map<string, TableRule>();
  for (const { name, rule } of workspaceTables(d)) {
    if (!rule)
      throw new Error(`Table "${name}" belongs to no workspace rule (src/storage/backup/workspace.ts).`);
    out.set(name, rule);
  }
  return out;
}

function tablesWith(rules: Map<string, TableRule>, rule: TableRule): string[] {
  return [...rules].filter(([, r]) => r === rule).map(([name]) => name);
}

/** Yields the rows with the given primary keys, a few per request, in the order of `keys`. */
async function* rowsOf(table: Table, keys: unknown[]): AsyncGenerator<BackupEntry> {
  for (let i = 0; i < keys.length; i += READ_BATCH) {
    const rows: unknown[] = await table.bulkGet(keys.slice(i, i + READ_BATCH));
    for (const row of rows) {
      // Deleted while being read (another tab): the file would be incomplete.
      if (row === undefined)
        throw new Error(`The workspace changed while it was being read (${table.name}).`);
      yield { table: table.name, row };
    }
  }
}

/**
 * Every row of a workspace, table by table (see the file comment for the order), then its local settings (`prefs`:
 * name → value, LOCAL_PREFS). Datasets still importing are left out with their rows. `d` is the app's database
 * unless given (a test passes a database of an earlier schema).
 */
export async function* workspaceEntries(
  workspaceId: number,
  prefs: Record<string, string> = {},
  d: Dexie = db(),
): AsyncGenerator<BackupEntry> {
  const rules = plan(d);
  const workspaces = d.table<WorkspaceRow, number>(WORKSPACE_TABLE);
  const datasets = d.table<DatasetRow, number>(DATASET_TABLE);
  const workspace = await workspaces.get(workspaceId);
  if (!workspace) throw new Error(`Workspace ${workspaceId} does not exist.`);
  yield { table: WORKSPACE_TABLE, row: workspace };
  const datasetKeys = await datasets.where('workspaceId').equals(workspaceId).primaryKeys();
  for (const id of datasetKeys) {
    const dataset = await datasets.get(id);
    if (!dataset || dataset.status !== 'ready') continue;
    yield { table: DATASET_TABLE, row: dataset };
    for (const name of tablesWith(rules, 'byDataset')) {
      const table = d.table(name);
      yield* rowsOf(table, await table.where('datasetId').equals(id).primaryKeys());
    }
  }
  for (const name of tablesWith(rules, 'byWorkspace')) {
    const table = d.table(name);
    yield* rowsOf(table, await table.where('workspaceId').equals(workspaceId).primaryKeys());
  }
  for (const [name, value] of Object.entries(prefs)) yield { table: LOCAL_PREFS, row: { name, value } };
}

/**
 * The entries without the workspace's local settings, which are gathered into `prefs` as they pass (complete once
 * `entries` has been iterated to its end). A malformed one is refused (notABackup).
 */
export function splitLocalPrefs(source: AsyncIterable<BackupEntry>): {
  entries: AsyncIterable<BackupEntry>;
  prefs: Record<string, string>;
} {
  const prefs: Record<string, string> = {};
  let n = 0;
  const entries = (async function* () {
    for await (const e of source) {
      if (e.table !== LOCAL_PREFS) {
        yield e;
        continue;
      }
      const { name, value } = (isRecord(e.row) ? e.row : {}) as { name?: unknown; value?: unknown };
      if (
        typeof name !== 'string' ||
        typeof value !== 'string' ||
        value.length > MAX_LOCAL_PREF_CHARS ||
        ++n > MAX_LOCAL_PREFS
      ) {
        throw notABackup('A local setting of the workspace is malformed.');
      }
      prefs[name] = value;
    }
  })();
  return { entries, prefs };
}

/**
 * Deletes a workspace and every row that belongs to it, by the same rules (and the rows of `alsoDatasets`, whose
 * dataset row may be gone); runs inside the caller's transaction over every table.
 */
async function deleteRowsByRules(
  d: Dexie,
  rules: Map<string, TableRule>,
  workspaceId: number,
  alsoDatasets: number[] = [],
) {
  const found = await d.table(DATASET_TABLE).where('workspaceId').equals(workspaceId).primaryKeys();
  const datasetIds = [...new Set([...found, ...alsoDatasets])];
  for (const name of tablesWith(rules, 'byDataset')) {
    await d.table(name).where('datasetId').anyOf(datasetIds).delete();
  }
  for (const name of tablesWith(rules, 'byWorkspace')) {
    await d.table(name).where('workspaceId').equals(workspaceId).delete();
  }
  await d.table(DATASET_TABLE).where('workspaceId').equals(workspaceId).delete();
  await d.table(WORKSPACE_TABLE).delete(workspaceId);
}

/**
 * Deletes a workspace and every row of every table that belongs to it by the schema rules above (so a table added
 * later goes with it); one transaction over every table: all or nothing.
 */
export async function deleteWorkspaceRows(workspaceId: number): Promise<void> {
  const d = db();
  const rules = plan(d);
  await d.transaction('rw', d.tables, () => deleteRowsByRules(d, rules, workspaceId));
}

function notABackup(message: string): BackupError {
  return new BackupError('notABackup', message);
}

function isRecord(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

export interface RestoreOptions {
  /** The name of the new workspace (in replace mode, until it takes the old one's name). */
  name: string;
  /** Replace this workspace: it is deleted only once the new one is complete, which then takes its name. */
  replaceWorkspaceId?: number | null;
  /**
   * The schema version the rows come from (the file header's): a later one than the app's is refused
   * (newerSchema) before anything is written, an earlier one's rows are upgraded (upgrade.ts). The app's by default.
   */
  schemaVersion?: number;
}

/**
 * Writes the entries into a new workspace and returns its id; all or nothing. Rows get new ids: `workspaceId` and
 * `datasetId` fields are remapped (a `datasetId` outside the dataset tables whose dataset was not carried becomes
 * NO_DATASET), auto-increment keys are assigned anew. Datasets stay importing (never listed) until every entry is
 * written; then, in one transaction, they turn ready and the replaced workspace goes. On any failure (the stream's
 * own errors included: a wrong passphrase, tampering, truncation) everything written is deleted and the error
 * rethrown; existing data is never touched. A table unknown to this version is refused (BackupError newerVersion).
 */
export async function restoreWorkspace(
  entries: AsyncIterable<BackupEntry>,
  opts: RestoreOptions,
): Promise<number> {
  const d = db();
  const rules = plan(d);
  const upgraded = upgradeEntries(entries, opts.schemaVersion ?? d.verno, d.verno);
  let workspaceId: number | null = null;
  const datasetIds = new Map<number, number>();
  let pending: { table: string; rows: Record<string, unknown>[] } | null = null;

  const flush = async () => {
    if (!pending) return;
    const { table, rows } = pending;
    pending = null;
    await d.table(table).bulkAdd(rows);
  };

  try {
    for await (const { table, row } of upgraded) {
      // The page's part (splitLocalPrefs): not written here.
      if (table === LOCAL_PREFS) continue;
      const rule = rules.get(table);
      if (!rule) {
        throw new BackupError(
          'newerVersion',
          `The file holds the table "${table}", which this version of the app does not know; update the app.`,
        );
      }
      if (!isRecord(row)) throw notABackup(`A row of "${table}" is not a record.`);
      if (rule === 'workspace') {
        if (workspaceId !== null) throw notABackup('The file holds more than one workspace.');
        const rest: Record<string, unknown> = { ...row };
        delete rest.id;
        workspaceId = await d.workspaces.add({ ...(rest as { createdAt: number }), name: opts.name });
        continue;
      }
      if (workspaceId === null) throw notABackup('The file does not begin with its workspace.');
      const t = d.table(table);
      const out: Record<string, unknown> = { ...row };
      const { keyPath, auto } = t.schema.primKey;
      if (auto && typeof keyPath === 'string') delete out[keyPath];
      // A row of a workspace table always gets the new workspace (so that a failure finds it to delete it).
      if (rule !== 'byDataset' || 'workspaceId' in out) out.workspaceId = workspaceId;
      if (rule === 'byDataset' || ('datasetId' in out && rule !== 'datasets')) {
        const mapped = datasetIds.get(out.datasetId as number);
        if (mapped === undefined && rule === 'byDataset') {
          throw notABackup(`A row of "${table}" does not follow its dataset.`);
        }
        out.datasetId = mapped ?? NO_DATASET;
      }
      if (rule === 'datasets') {
        if (typeof row.id !== 'number') throw notABackup('A dataset has no id.');
        if (datasetIds.has(row.id)) throw notABackup(`The dataset ${row.id} appears twice.`);
        await flush();
        const id = (await t.add({ ...out, workspaceId, status: 'importing' })) as number;
        datasetIds.set(row.id, id);
        continue;
      }
      if (pending && (pending.table !== table || pending.rows.length >= WRITE_BATCH)) await flush();
      pending ??= { table, rows: [] };
      pending.rows.push(out);
    }
    await flush();
    if (workspaceId === null) throw notABackup('The file holds no workspace.');
    const newId = workspaceId;
    const created = [...datasetIds.values()];
    await d.transaction('rw', d.tables, async () => {
      // Another tab's clean-up of interrupted imports may have taken a dataset meanwhile: then it is not complete.
      const rows = await d.datasets.bulkGet(created);
      if (!(await d.workspaces.get(newId)) || rows.some((r) => !r || r.status !== 'importing')) {
        throw new Error('The restored workspace was changed while it was written; nothing was restored.');
      }
      await d.datasets.bulkUpdate(created.map((key) => ({ key, changes: { status: 'ready' as const } })));
      const replaced = opts.replaceWorkspaceId ?? null;
      const old = replaced === null ? undefined : await d.workspaces.get(replaced);
      if (old && replaced !== null) {
        await deleteRowsByRules(d, rules, replaced);
        await d.workspaces.update(newId, { name: old.name });
      }
    });
    return newId;
  } catch (e) {
    if (workspaceId !== null) {
      const id = workspaceId;
      const created = [...datasetIds.values()];
      // The original error is what the user needs to see. Should the clean-up itself fail, what it wrote stays in
      // the new workspace; its datasets stay marked importing (never listed; the next start deletes them).
      await d
        .transaction('rw', d.tables, () => deleteRowsByRules(d, rules, id, created))
        .catch(() => undefined);
    }
    throw e;
  }
}
