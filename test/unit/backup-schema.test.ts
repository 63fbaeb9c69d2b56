/**
 * The schema version in a workspace file's header (fake-indexeddb): a file whose rows come from a later schema than
 * the app's is refused with its own code and changes nothing; a file written from a database of each earlier schema
 * (the fixtures of test/unit/fixtures, versions 1-4) restores into the current schema with the same rows as the
 * Dexie upgrade of that database gives (the version-3 step moves a self-check's figures into `figures`), and the
 * repositories read it. A workspace's local settings travel with the file and come back from the restore.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import { db, KundenwertDB, type DatasetRow } from '../../src/storage/db';
import { writeBackup } from '../../src/storage/backup/format';
import { workspaceEntries, workspaceTables } from '../../src/storage/backup/workspace';
import { upgradeEntries } from '../../src/storage/backup/upgrade';
import type { BackupEntry } from '../../src/storage/backup/types';
import { getFigures } from '../../src/storage/figures';
import { getSelfCheck, listDatasets, readRejects } from '../../src/storage/datasets';
import { EMPTY_COSTS } from '../../src/shared/figures';
import { api } from '../../src/worker/api';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import { LEGACY_VERSIONS, legacyDatabase, type LegacyVersion } from './fixtures/schema-history';
import { V2_FIGURES, V2_SELFCHECK_AT, writeLegacyDatabase } from './fixtures/legacy-databases';

freshDatabasePerTest('backup-schema');

const PASS = 'richtig-geheim';
const CURRENT = 5;

async function fileOf(entries: AsyncIterable<BackupEntry>, schemaVersion: number): Promise<Blob> {
  return new Response(
    writeBackup(entries, PASS, { schemaVersion, iterations: 1000, chunkBytes: 256 }),
  ).blob();
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db().tables) out[t.name] = await t.count();
  return out;
}

/**
 * Every row of a workspace in `d`, by table, in primary-key order, with the ids a restore gives anew (workspace,
 * dataset and auto-increment ids) replaced by placeholders, so that two copies of a workspace compare equal.
 */
async function workspaceRows(d: Dexie, ws: number): Promise<Record<string, unknown[]>> {
  const datasets = (await d.table('datasets').where('workspaceId').equals(ws).toArray()) as DatasetRow[];
  const ids = datasets.map((r) => r.id!);
  const out: Record<string, unknown[]> = {};
  for (const { name, rule } of workspaceTables(d)) {
    const t = d.table(name);
    let rows: Record<string, unknown>[];
    if (rule === 'workspace') rows = [await t.get(ws)];
    else if (rule === 'byDataset') rows = await t.where('datasetId').anyOf(ids).toArray();
    else rows = await t.where('workspaceId').equals(ws).toArray();
    out[name] = rows.map((r) => {
      const x: Record<string, unknown> = { ...r };
      if (t.schema.primKey.auto) x.id = 'id';
      if ('workspaceId' in x) x.workspaceId = 'ws';
      if ('datasetId' in x) x.datasetId = ids.indexOf(x.datasetId as number);
      return x;
    });
  }
  return out;
}

describe('the schema version of a workspace file', () => {
  it(`a file of schema ${CURRENT + 1} is refused before and at restore, and nothing changes`, async () => {
    const info = await importCsv();
    const file = await fileOf(workspaceEntries(info.workspaceId), CURRENT + 1);
    const before = await counts();

    const header = await api.inspectBackup(file);
    expect(header.ok ? 'ok' : header.error).toMatchObject({
      code: 'backupNewerSchema',
      params: { file: CURRENT + 1, app: CURRENT },
    });
    const name = await api.backupWorkspaceName(file, PASS);
    expect(name.ok ? 'ok' : name.error.code).toBe('backupNewerSchema');
    const restored = await api.restoreBackup(file, PASS, { name: 'X' });
    expect(restored.ok ? 'ok' : restored.error.code).toBe('backupNewerSchema');
    expect(await counts()).toEqual(before);
  });

  it('a file of the current schema passes unchanged', async () => {
    const entries = [{ table: 'selfChecks', row: { workspaceId: 1, figures: V2_FIGURES } }];
    const out: BackupEntry[] = [];
    for await (const e of upgradeEntries(from(entries), CURRENT, CURRENT)) out.push(e);
    expect(out).toEqual(entries);
  });

  it('the version-3 step adds the figures row after a self-check that held figures, and only then', async () => {
    const withFigures = {
      workspaceId: 7,
      answers: {},
      implementation: {},
      figures: V2_FIGURES,
      updatedAt: 5,
    };
    const without = { ...withFigures, figures: { cac: null, acquisitionShare: null, existingShare: null } };
    const out: BackupEntry[] = [];
    const entries = [
      { table: 'workspaces', row: { id: 7, name: 'W', createdAt: 1 } },
      { table: 'selfChecks', row: withFigures },
      { table: 'selfChecks', row: without },
    ];
    for await (const e of upgradeEntries(from(entries), 2, CURRENT)) out.push(e);
    expect(out).toEqual([
      entries[0],
      entries[1],
      {
        table: 'figures',
        row: {
          workspaceId: 7,
          cac: 1250,
          marginPercent: null,
          acquisitionShare: 70,
          existingShare: 30,
          costs: EMPTY_COSTS,
          updatedAt: 5,
        },
      },
      entries[2],
    ]);
  });
});

async function* from(entries: BackupEntry[]): AsyncGenerator<BackupEntry> {
  yield* entries;
}

let n = 0;

describe.each(LEGACY_VERSIONS)('a workspace file written by schema version %i', (version: LegacyVersion) => {
  it(`restores into schema ${CURRENT} as the Dexie upgrade of the same database`, async () => {
    // The same fixture twice: one is backed up as that version's app had it, the other opened (upgraded) in place.
    const source = `backup-schema-legacy-v${version}-${++n}`;
    const ladder = `backup-schema-ladder-v${version}-${n}`;
    const fixture = await writeLegacyDatabase(source, version);
    // The very rows of the fixture (its import durations differ from one writing to the next) into a twin.
    const twin = legacyDatabase(ladder, version);
    for (const [table, rows] of Object.entries(fixture.rows)) await twin.table(table).bulkAdd(rows);
    twin.close();
    const old = legacyDatabase(source, version);
    const upgraded = new KundenwertDB(ladder);
    try {
      await old.open();
      const file = await fileOf(workspaceEntries(fixture.workspace, {}, old), version);
      const header = unwrap(await api.inspectBackup(file));
      expect(header.schemaVersion).toBe(version);

      const { workspaceId } = unwrap(await api.restoreBackup(file, PASS, { name: 'Kunden 2023' }));
      await upgraded.open();
      expect(await workspaceRows(db(), workspaceId)).toEqual(
        await workspaceRows(upgraded, fixture.workspace),
      );

      // Read through the repositories: the dataset with its rejected line, the self-check, the figures.
      expect((await listDatasets(workspaceId)).map((d) => [d.name, d.rowCount])).toEqual([
        ['bestellungen', 4],
      ]);
      const [dataset] = await listDatasets(workspaceId);
      expect((await readRejects(dataset.id)).map((r) => [r.line, r.reason])).toEqual([
        [4, 'missingCustomer'],
      ]);
      const selfCheck = await getSelfCheck(workspaceId);
      expect(selfCheck === null).toBe(version === 1);
      const figures = await getFigures(workspaceId, null);
      const expected = {
        1: { cac: null, marginPercent: null, acquisitionShare: null, existingShare: null },
        // Moved over from the self-check by the version-3 step (written at the self-check's time).
        2: { cac: 1250, marginPercent: null, acquisitionShare: 70, existingShare: 30 },
        3: { cac: 1250, marginPercent: 40, acquisitionShare: 70, existingShare: 30 },
        4: { cac: 900, marginPercent: 40, acquisitionShare: 60, existingShare: 40 },
      }[version];
      expect(figures).toMatchObject(expected);
      if (version === 2) {
        expect((await db().figures.get(workspaceId))?.updatedAt).toBe(V2_SELFCHECK_AT);
      }
    } finally {
      old.close();
      await old.delete();
      await upgraded.delete();
    }
  });
});

describe('local settings of the workspace', () => {
  it('travel with the file and come back from the restore, and are not written to any table', async () => {
    const info = await importCsv();
    const prefs = { actions: '{"champions":"Danke sagen"}', report: '{"client":"Müller & Söhne"}' };
    const before = await counts();
    const file = unwrap(await api.backupWorkspace(info.workspaceId, PASS, undefined, prefs));
    const restored = unwrap(await api.restoreBackup(file.blob, PASS, { name: 'W 2' }));
    expect(restored.prefs).toEqual(prefs);
    const after = await counts();
    expect(after.workspaces).toBe(before.workspaces + 1);
    expect(after.chunks).toBe(2 * before.chunks);
    // A file without local settings gives none back.
    const plain = unwrap(await api.backupWorkspace(info.workspaceId, PASS));
    expect(unwrap(await api.restoreBackup(plain.blob, PASS, { name: 'W 3' })).prefs).toEqual({});
  });
});
