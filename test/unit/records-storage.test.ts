/**
 * Record files (customer master data, marketing spend) in IndexedDB (fake-indexeddb): the import through the worker
 * API stores one row per file with its columns and rejects, the worker's reader sees the newest master file and
 * every spend file, deleting a workspace or all data deletes them, a failed or cancelled import leaves nothing, and
 * a version-3 database opens as version 4 with its data intact.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { KundenwertDB, db } from '../../src/storage/db';
import * as records from '../../src/storage/records';
import { api } from '../../src/worker/api';
import { masterOf, spendOf } from '../../src/worker/records';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import type { RecordFileInfo } from '../../src/shared/economics';

freshDatabasePerTest('records-storage');

const MASTER = [
  'Kundennummer;Firma;Akquisekanal;NPS',
  'A;Alpha GmbH;Messe;9', // line 2
  ';Ohne Nummer;Messe;5', // line 3: missingCustomer
  'B;Beta KG;Google Ads;11', // line 4: badScore
  'C;Gamma AG;Empfehlung;7', // line 5
  'X;Nur Stamm;Messe;8', // line 6
].join('\n');

const SPEND = [
  'Monat;Kanal;Kosten;Neukunden',
  '01.1971;Messe;1.000,00;2', // line 2
  '13.1971;Messe;500,00;1', // line 3: badPeriod
  '02.1971;Radio;250,00;0', // line 4
  '02.1971;Empfehlung;100,00;1', // line 5
].join('\n');

async function importRecords(ws: number, source: 'customers' | 'spend', csv: string, name = `${source}.csv`) {
  const file = new File([csv], name);
  const answer = unwrap(await api.sniffFile(file, undefined, source));
  expect(answer.options.source).toBe(source);
  return unwrap(await api.startImport(ws, file, answer.options)) as RecordFileInfo;
}

describe('record files', () => {
  it('stores a master data file in one row with its columns, rejects and header, and counts the join', async () => {
    const ds = await importCsv(); // customers A..E
    const ws = ds.workspaceId;
    const info = await importRecords(ws, 'customers', MASTER);
    expect(info).toMatchObject({ source: 'customers', workspaceId: ws, rowCount: 3, name: 'customers' });
    // A and C have orders, X has none; B, D and E of the orders have no (imported) master row.
    expect(info.summary?.masterJoin).toEqual({ matched: 2, onlyInMaster: 1, onlyInOrders: 3 });
    const row = await records.getRecordFile('customers', info.id);
    expect(row?.data.n).toBe(3);
    expect(row?.data.dicts.customer).toEqual(['A', 'C', 'X']);
    expect([...row!.data.codes.acquisitionChannel].map((c) => row!.data.dicts.acquisitionChannel[c])).toEqual(
      ['Messe', 'Empfehlung', 'Messe'],
    );
    expect([...row!.data.numbers.nps]).toEqual([9, 7, 8]);
    expect(row?.data.labels.nps).toBe('NPS');
    expect(row?.headerLine).toBe('Kundennummer;Firma;Akquisekanal;NPS');
    const rej = unwrap(await api.recordRejects('customers', info.id));
    expect(rej.total).toBe(2);
    expect(rej.rows.map((r) => [r.line, r.reason, r.raw])).toEqual([
      [3, 'missingCustomer', ';Ohne Nummer;Messe;5'],
      [4, 'badScore', 'B;Beta KG;Google Ads;11'],
    ]);
    const csv = unwrap(await api.recordRejectsCsv('customers', info.id));
    expect(csv.split(/\r?\n/).filter(Boolean)).toEqual([
      'line,reason,original_line',
      '3,missingCustomer,;Ohne Nummer;Messe;5',
      '4,badScore,B;Beta KG;Google Ads;11',
    ]);
  });

  it('lists the spend channels that no customer came through, and reads months as their first day', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    await importRecords(ws, 'customers', MASTER);
    const info = await importRecords(ws, 'spend', SPEND);
    // Messe and Empfehlung are acquisition channels of the master data; Radio is not.
    expect(info.summary?.unknownChannels).toEqual(['Radio']);
    expect(info.summary?.rejectReasons).toEqual({ badPeriod: 1 });
    const row = await records.getRecordFile('spend', info.id);
    // 1971-01-01 is day 365, 1971-02-01 day 396.
    expect([...row!.data.days.period]).toEqual([365, 396, 396]);
  });

  it('names the channels of the spend files once each, as first written (rejected rows left out)', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    expect(unwrap(await api.spendChannels(ws))).toEqual([]);
    await importRecords(ws, 'spend', SPEND);
    await importRecords(
      ws,
      'spend',
      ['Monat;Kanal;Kosten', '03.1971; Radio ;10,00', '03.1971;Podcast;5,00'].join('\n'),
      'b.csv',
    );
    // The first file: Messe (line 3 rejected, Messe still from line 2), Radio, Empfehlung; the second adds Podcast.
    expect(unwrap(await api.spendChannels(ws))).toEqual(['Messe', 'Radio', 'Empfehlung', 'Podcast']);
  });

  it('the worker reads the newest master file and every spend file oldest first, again after changes', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const other = unwrap(await api.createWorkspace('Other'));
    expect(await masterOf(ws)).toBeNull();
    expect(await spendOf(ws)).toEqual([]);
    const m1 = await importRecords(ws, 'customers', MASTER, 'alt.csv');
    expect((await masterOf(ws))?.info.id).toBe(m1.id);
    const m2 = await importRecords(ws, 'customers', 'Kundennummer;NPS\nZ;3\n', 'neu.csv');
    const master = await masterOf(ws);
    expect(master?.info).toMatchObject({ id: m2.id, fileName: 'neu.csv' });
    expect(master?.data.dicts.customer).toEqual(['Z']);
    const s1 = await importRecords(ws, 'spend', SPEND, 's1.csv');
    const s2 = await importRecords(ws, 'spend', SPEND, 's2.csv');
    await importRecords(other, 'spend', SPEND, 'fremd.csv');
    expect((await spendOf(ws)).map((f) => f.info.id)).toEqual([s1.id, s2.id]);
    const listed = unwrap(await api.listRecordFiles(ws));
    expect(listed.customers.map((f) => f.fileName)).toEqual(['neu.csv', 'alt.csv']);
    expect(listed.spend.map((f) => f.fileName)).toEqual(['s2.csv', 's1.csv']);
    unwrap(await api.deleteRecordFile('customers', m2.id));
    expect((await masterOf(ws))?.info.id).toBe(m1.id);
    unwrap(await api.renameRecordFile('spend', s1.id, '  Budget 2024 '));
    expect((await spendOf(ws))[0].info.name).toBe('Budget 2024');
  });

  it('deleting a workspace deletes its record files and no other; deleting all data empties them', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const other = unwrap(await api.createWorkspace('Other'));
    await importRecords(ws, 'customers', MASTER);
    await importRecords(ws, 'spend', SPEND);
    await importRecords(other, 'spend', SPEND);
    unwrap(await api.deleteWorkspace(ws));
    expect(await db().customerFiles.count()).toBe(0);
    expect(await db().spendFiles.where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db().spendFiles.where('workspaceId').equals(other).count()).toBe(1);
    unwrap(await api.deleteAllData());
    expect(await db().spendFiles.count()).toBe(0);
  });

  it('a failed store (quota) or a cancel leaves nothing behind', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([MASTER], 'k.csv');
    const { options } = unwrap(await api.sniffFile(file, undefined, 'customers'));
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(records, 'saveRecordFile').mockRejectedValueOnce(quota);
    const res = await api.startImport(ws, file, options);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('quota');
    spy.mockRestore();
    expect(await db().customerFiles.count()).toBe(0);
    const cancelled = await api.startImport(ws, file, options, () => void api.cancelImport());
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.error.code).toBe('cancelled');
    expect(await db().customerFiles.count()).toBe(0);
  });
});

describe('schema version 4', () => {
  it('opens a version-3 database with data, keeps it and adds the record file tables', async () => {
    const name = 'kundenwert-upgrade-v4-test';
    const v3 = new Dexie(name);
    v3.version(3).stores({
      workspaces: '++id',
      datasets: '++id, workspaceId, status',
      chunks: '[datasetId+column+chunk], datasetId',
      dictionaries: '[datasetId+column], datasetId',
      rejects: '[datasetId+chunk], datasetId',
      settings: 'workspaceId',
      selfChecks: 'workspaceId',
      valueStreams: 'workspaceId',
      figures: 'workspaceId',
    });
    const ws = (await v3.table('workspaces').add({ name: 'Alt', createdAt: 1 })) as number;
    const ds = (await v3
      .table('datasets')
      .add({ workspaceId: ws, name: 'Bestellungen', status: 'ready', createdAt: 2 })) as number;
    await v3
      .table('chunks')
      .put({ datasetId: ds, column: 'amount', chunk: 0, rows: 2, values: new Float64Array([1.5, 2]) });
    await v3.table('figures').put({ workspaceId: ws, cac: 120, updatedAt: 3 });
    v3.close();
    const v4 = new KundenwertDB(name);
    try {
      expect(v4.verno).toBe(5);
      expect((await v4.workspaces.get(ws))?.name).toBe('Alt');
      expect((await v4.datasets.get(ds))?.name).toBe('Bestellungen');
      const chunk = await v4.chunks.get([ds, 'amount', 0]);
      expect([...new Float64Array(chunk!.values)]).toEqual([1.5, 2]);
      expect((await v4.figures.get(ws))?.cac).toBe(120);
      expect(await v4.customerFiles.count()).toBe(0);
      expect(await v4.spendFiles.count()).toBe(0);
    } finally {
      await v4.delete();
    }
  });
});
