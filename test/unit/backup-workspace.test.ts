/**
 * A workspace's tables as entries and back (fake-indexeddb): every table of the schema belongs to a rule; a
 * workspace with two datasets, record files, settings, figures, self-check, value stream and campaigns restores
 * into a new workspace with every row equal (ids remapped) and another workspace untouched; a stream that fails
 * halfway, a quota error and a table from a newer app leave no trace; replace mode deletes the old workspace only
 * at the end; a dataset still importing is not carried; deleting a workspace leaves none of its rows in any table.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db, type DatasetRow } from '../../src/storage/db';
import {
  NO_DATASET,
  restoreWorkspace,
  workspaceEntries,
  workspaceTables,
} from '../../src/storage/backup/workspace';
import { BackupError, type BackupEntry } from '../../src/storage/backup/types';
import { deleteWorkspace } from '../../src/storage/datasets';
import { api } from '../../src/worker/api';
import { freshDatabasePerTest, importCsv, KPI_CSV, unwrap } from './worker-fixture';
import { EMPTY_FIGURES } from '../../src/shared/figures';
import type { CampaignRecord } from '../../src/shared/actions';
import type { RecordFileInfo } from '../../src/shared/economics';

freshDatabasePerTest('backup-workspace');

// The KPI case with one line whose date cannot be read: one rejected row.
const ORDERS_A = `${KPI_CSV}\nF;kein Datum;10,00;Nord`;
const ORDERS_B = ['Kunde;Datum;Betrag', 'X;01.01.1971;5,00', 'Y;02.01.1971;7,50'].join('\n');
const MASTER = [
  'Kundennummer;Firma;Akquisekanal;NPS',
  'A;Alpha GmbH;Messe;9',
  'C;Gamma AG;Empfehlung;7',
].join('\n');
const SPEND = ['Monat;Kanal;Kosten;Neukunden', '01.1971;Messe;1.000,00;2', '02.1971;Radio;250,00;0'].join(
  '\n',
);

async function importRecords(ws: number, source: 'customers' | 'spend', csv: string) {
  const file = new File([csv], `${source}.csv`);
  const answer = unwrap(await api.sniffFile(file, undefined, source));
  return unwrap(await api.startImport(ws, file, answer.options)) as RecordFileInfo;
}

function campaign(workspaceId: number, datasetId: number, name: string): Omit<CampaignRecord, 'id'> {
  return {
    workspaceId,
    name,
    createdAt: 1000,
    query: { list: 'whitespace', pair: { a: 'Schrauben', b: 'Dübel' }, segment: null },
    datasetId,
    datasetName: 'kpi',
    savedAsOf: '1972-06-30',
    filters: [{ attribute: 'region', values: ['Nord'] }],
    customers: ['A', 'C'],
    comparison: ['E'],
    target: 'Dübel',
    windowDays: 90,
    stages: [{ day: 0, title: 'Erinnerung', text: 'Hallo {name}', doneAt: null }],
    updatedAt: 1000,
  };
}

/** A workspace with a row in every table; `gone` is a dataset id no dataset has (a campaign's deleted dataset). */
async function populate(name: string, gone = 999) {
  const ws = unwrap(await api.createWorkspace(name));
  const a = await importCsv(ORDERS_A, ws);
  const b = await importCsv(ORDERS_B, ws);
  await importRecords(ws, 'customers', MASTER);
  await importRecords(ws, 'spend', SPEND);
  const d = db();
  await d.settings.put({
    workspaceId: ws,
    currency: 'EUR',
    marginRate: 0.3,
    discountRateMonthly: 0.01,
    horizonMonths: 24,
    inactivityDays: 365,
  });
  await d.selfChecks.put({
    workspaceId: ws,
    answers: { q1: { answer: 'partly', note: 'Nur im CRM' } },
    implementation: { s1: true },
    updatedAt: 5,
  });
  await d.valueStreams.put({
    workspaceId: ws,
    steps: [
      {
        id: 's1',
        name: 'Angebot',
        phase: 'decision',
        owner: 'Vertrieb',
        processHours: 2,
        waitDays: 3,
        costPerCustomer: 40,
        rating: 'valueAdding',
        handoff: true,
      },
    ],
    updatedAt: 6,
  });
  await d.figures.put({ workspaceId: ws, ...EMPTY_FIGURES, cac: 120, updatedAt: 7 });
  await d.campaigns.add(campaign(ws, a.id, 'Aus A') as CampaignRecord);
  await d.campaigns.add(campaign(ws, gone, 'Datensatz gelöscht') as CampaignRecord);
  return { ws, a: a.id, b: b.id };
}

async function collect(entries: AsyncIterable<BackupEntry>): Promise<BackupEntry[]> {
  const out: BackupEntry[] = [];
  for await (const e of entries) out.push(e);
  return out;
}

async function* from(entries: BackupEntry[]): AsyncGenerator<BackupEntry> {
  for (const e of entries) yield e;
}

/** Row counts of every table. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db().tables) out[t.name] = await t.count();
  return out;
}

/**
 * Every row of every table that belongs to the workspace, read straight from the tables (not through the code
 * under test), with the workspace id, dataset ids (numbered in id order; 'none' for a dataset that is not there)
 * and auto-increment ids taken out, so that a restored copy compares equal.
 */
async function snapshot(ws: number, withName = false): Promise<Record<string, unknown[]>> {
  const d = db();
  const datasets = (await d.datasets.toArray()).filter((r) => r.workspaceId === ws).map((r) => r.id!);
  const datasetName = (id: unknown) =>
    datasets.includes(id as number) ? `D${datasets.indexOf(id as number)}` : 'none';
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) {
    const rows = ((await t.toArray()) as Record<string, unknown>[]).filter((r) =>
      t.name === 'workspaces'
        ? r.id === ws
        : 'workspaceId' in r
          ? r.workspaceId === ws
          : datasets.includes(r.datasetId as number),
    );
    out[t.name] = rows.map((r) => {
      const c: Record<string, unknown> = { ...r };
      if (t.schema.primKey.auto) delete c[t.schema.primKey.keyPath as string];
      if (!withName && t.name === 'workspaces') delete c.name;
      if ('workspaceId' in c) c.workspaceId = 'W';
      if ('datasetId' in c) c.datasetId = datasetName(c.datasetId);
      return c;
    });
  }
  return out;
}

describe('the tables of a workspace', () => {
  it('every table of the schema belongs to a rule (a new table must be keyed by workspaceId or datasetId)', () => {
    const plans = workspaceTables(db());
    expect(plans.map((p) => p.name)).toEqual(db().tables.map((t) => t.name));
    const without = plans.filter((p) => p.rule === null).map((p) => p.name);
    expect(without, `tables that belong to no workspace rule: ${without.join(', ')}`).toEqual([]);
    expect(Object.fromEntries(plans.map((p) => [p.name, p.rule]))).toMatchObject({
      workspaces: 'workspace',
      datasets: 'datasets',
      chunks: 'byDataset',
      dictionaries: 'byDataset',
      rejects: 'byDataset',
      settings: 'byWorkspace',
      campaigns: 'byWorkspace',
      customerFiles: 'byWorkspace',
    });
  });

  it('the entries hold a row of every table, the workspace first and each dataset followed by its rows', async () => {
    const { ws, a, b } = await populate('Kunde A');
    await populate('Kunde B');
    const entries = await collect(workspaceEntries(ws));
    // The fixture fills every table: a table left out of the entries is named in this diff.
    expect([...new Set(entries.map((e) => e.table))].sort()).toEqual(
      db()
        .tables.map((t) => t.name)
        .sort(),
    );
    expect(entries[0]).toEqual({
      table: 'workspaces',
      row: { id: ws, name: 'Kunde A', createdAt: expect.any(Number) },
    });
    const owner = (e: BackupEntry) => e.row as { workspaceId?: number; datasetId?: number; id?: number };
    expect(
      entries.every(
        (e) =>
          e.table === 'workspaces' ||
          owner(e).workspaceId === ws ||
          owner(e).datasetId === a ||
          owner(e).datasetId === b,
      ),
    ).toBe(true);
    // Dataset A, then its chunks, dictionaries and rejects, then dataset B with its own.
    const iA = entries.findIndex((e) => e.table === 'datasets' && owner(e).id === a);
    const iB = entries.findIndex((e) => e.table === 'datasets' && owner(e).id === b);
    expect(iA).toBe(1);
    const ofA = entries.slice(iA + 1, iB);
    expect(ofA.length).toBeGreaterThan(0);
    expect(ofA.every((e) => owner(e).datasetId === a && e.table !== 'campaigns')).toBe(true);
    // One rejected line in A (the unreadable date), none in B.
    expect(entries.filter((e) => e.table === 'rejects').map((e) => owner(e).datasetId)).toEqual([a]);
    // Two order datasets, two record files, two campaigns, one row each of the per-workspace tables.
    const count = (table: string) => entries.filter((e) => e.table === table).length;
    expect([count('datasets'), count('customerFiles'), count('spendFiles'), count('campaigns')]).toEqual([
      2, 1, 1, 2,
    ]);
    expect([count('settings'), count('selfChecks'), count('valueStreams'), count('figures')]).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('a dataset still importing is not carried, nor its rows', async () => {
    const { ws } = await populate('Kunde A');
    const d = db();
    const importing = await d.datasets.add({
      ...((await d.datasets.where('workspaceId').equals(ws).first()) as DatasetRow),
      id: undefined,
      status: 'importing',
    });
    await d.chunks.put({
      datasetId: importing,
      column: 'amount',
      chunk: 0,
      rows: 1,
      values: new Float64Array([1]),
    });
    const entries = await collect(workspaceEntries(ws));
    expect(entries.filter((e) => e.table === 'datasets')).toHaveLength(2);
    expect(entries.some((e) => (e.row as { id?: number; datasetId?: number }).datasetId === importing)).toBe(
      false,
    );
    expect(entries.some((e) => e.table === 'datasets' && (e.row as DatasetRow).id === importing)).toBe(false);
  });
});

describe('restore', () => {
  it('restores into a new workspace: every row equal with new ids, the other workspace untouched', async () => {
    const { ws, a } = await populate('Kunde A');
    const other = await populate('Kunde B');
    const before = await snapshot(ws);
    const otherBefore = await snapshot(other.ws, true);
    // The fixture fills every table, so the comparison below covers every table.
    expect(Object.entries(before).filter(([, rows]) => rows.length === 0)).toEqual([]);
    const restored = await restoreWorkspace(workspaceEntries(ws), { name: 'Kunde A (2)' });

    expect([ws, other.ws]).not.toContain(restored);
    expect(await snapshot(restored)).toEqual(before);
    expect(await snapshot(other.ws, true)).toEqual(otherBefore);
    expect(await snapshot(ws)).toEqual(before);

    const d = db();
    expect((await d.workspaces.get(restored))?.name).toBe('Kunde A (2)');
    const datasets = await d.datasets.where('workspaceId').equals(restored).sortBy('id');
    expect(datasets.map((r) => [r.status, r.rowCount])).toEqual([
      ['ready', 8],
      ['ready', 2],
    ]);
    const newA = datasets[0].id!;
    expect([ws, other.ws, a, other.a, other.b]).not.toContain(newA);
    // The campaign of dataset A points to the new A; the one whose dataset was gone points to none.
    const campaigns = await d.campaigns.where('workspaceId').equals(restored).sortBy('id');
    expect(campaigns.map((c) => [c.name, c.datasetId])).toEqual([
      ['Aus A', newA],
      ['Datensatz gelöscht', NO_DATASET],
    ]);
    // Typed arrays come back as the same typed arrays.
    const kinds = async (id: number) =>
      (await d.chunks.where('datasetId').equals(id).toArray()).map(
        (c) => `${c.column}:${c.values.constructor.name}`,
      );
    expect(await kinds(newA)).toEqual(await kinds(a));
    expect((await kinds(newA)).length).toBeGreaterThan(0);
    expect((await d.rejects.where('datasetId').equals(newA).first())?.text).toBe('F;kein Datum;10,00;Nord');
    // The restored datasets are listed like any other.
    expect(
      unwrap(await api.listDatasets(restored))
        .map((x) => x.id)
        .sort(),
    ).toEqual(datasets.map((r) => r.id).sort());
  });

  it('a stream that fails halfway leaves no trace', async () => {
    const { ws } = await populate('Kunde A');
    await populate('Kunde B');
    const entries = await collect(workspaceEntries(ws));
    const before = await counts();
    let during: Record<string, number> | null = null;
    async function* failing(): AsyncGenerator<BackupEntry> {
      yield* entries.slice(0, Math.floor(entries.length / 2));
      during = await counts();
      throw new BackupError('tampered', 'A chunk does not authenticate.');
    }
    await expect(restoreWorkspace(failing(), { name: 'X' })).rejects.toMatchObject({ kind: 'tampered' });
    // It had written a workspace and a dataset before the failure, and deleted them.
    expect(during!.workspaces).toBe(before.workspaces + 1);
    expect(during!.datasets).toBeGreaterThan(before.datasets);
    expect(await counts()).toEqual(before);
  });

  it('a quota error while writing chunks leaves no trace and is rethrown', async () => {
    const { ws } = await populate('Kunde A');
    const before = await counts();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const spy = vi.spyOn(db().table('chunks'), 'bulkAdd').mockRejectedValueOnce(quota);
    await expect(restoreWorkspace(workspaceEntries(ws), { name: 'X' })).rejects.toBe(quota);
    spy.mockRestore();
    expect(await counts()).toEqual(before);
  });

  it('a table this version does not know is refused as a newer file, with no trace', async () => {
    const { ws } = await populate('Kunde A');
    const entries = await collect(workspaceEntries(ws));
    const before = await counts();
    const newer = [
      ...entries.slice(0, 3),
      { table: 'forecastScenarios', row: { workspaceId: ws } },
      ...entries.slice(3),
    ];
    const error = await restoreWorkspace(from(newer), { name: 'X' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error).toMatchObject({ kind: 'newerVersion' });
    expect((error as Error).message).toContain('forecastScenarios');
    expect(await counts()).toEqual(before);
  });

  it('a stream without its workspace first, or a dataset row out of place, is not a backup', async () => {
    const { ws } = await populate('Kunde A');
    const entries = await collect(workspaceEntries(ws));
    const before = await counts();
    await expect(restoreWorkspace(from([]), { name: 'X' })).rejects.toMatchObject({ kind: 'notABackup' });
    await expect(restoreWorkspace(from(entries.slice(1)), { name: 'X' })).rejects.toMatchObject({
      kind: 'notABackup',
    });
    // A chunk before any dataset.
    const chunk = entries.find((e) => e.table === 'chunks')!;
    await expect(
      restoreWorkspace(from([entries[0], chunk, ...entries.slice(1)]), { name: 'X' }),
    ).rejects.toMatchObject({ kind: 'notABackup' });
    expect(await counts()).toEqual(before);
  });

  it('replace mode: the old workspace goes only once the new one is complete, which takes its name', async () => {
    const { ws } = await populate('Kunde A');
    const other = await populate('Kunde B');
    const before = await snapshot(ws);
    const otherBefore = await snapshot(other.ws, true);
    const entries = await collect(workspaceEntries(ws));
    const countsBefore = await counts();

    // A failure in replace mode leaves the old workspace as it was.
    async function* failing(): AsyncGenerator<BackupEntry> {
      yield* entries.slice(0, entries.length - 1);
      throw new BackupError('truncated', 'The file ends before its last chunk.');
    }
    await expect(
      restoreWorkspace(failing(), { name: 'Kunde A', replaceWorkspaceId: ws }),
    ).rejects.toMatchObject({
      kind: 'truncated',
    });
    expect(await counts()).toEqual(countsBefore);
    expect(await snapshot(ws)).toEqual(before);

    const restored = await restoreWorkspace(from(entries), { name: 'Neu', replaceWorkspaceId: ws });
    const d = db();
    expect(await d.workspaces.get(ws)).toBeUndefined();
    expect((await snapshot(ws)).datasets).toEqual([]);
    expect(await snapshot(restored)).toEqual(before);
    expect((await d.workspaces.get(restored))?.name).toBe('Kunde A');
    expect(await snapshot(other.ws, true)).toEqual(otherBefore);
    // Nothing of the old workspace is left in any table: the counts are those before.
    expect(await counts()).toEqual(countsBefore);
  });
});

describe('deleting a workspace', () => {
  it('deletes its rows of every table (read from the schema), the other workspace untouched', async () => {
    const gone = await populate('Weg');
    const kept = await populate('Bleibt');
    const goneBefore = await snapshot(gone.ws, true);
    // The workspace to delete has a row in every table of the schema, so every rule is exercised.
    const empty = Object.entries(goneBefore).filter(([, rows]) => rows.length === 0);
    expect(empty.map(([name]) => name)).toEqual([]);
    const keptBefore = await snapshot(kept.ws, true);

    await deleteWorkspace(gone.ws);

    expect(await snapshot(kept.ws, true)).toEqual(keptBefore);
    // Every row left in any table belongs to the other workspace: nothing of the deleted one remains.
    const onlyKept = Object.fromEntries(
      Object.entries(keptBefore).map(([name, rows]) => [name, rows.length]),
    );
    expect(await counts()).toEqual(onlyKept);
    expect(await db().datasets.bulkGet([gone.a, gone.b])).toEqual([undefined, undefined]);
  });
});
