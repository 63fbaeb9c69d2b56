// fake-indexeddb must install its globals before Dexie is loaded: Dexie reads `indexedDB` at module load.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { KundenwertDB, db, useDatabase, type DatasetRow } from '../../src/storage/db';
import {
  beginDataset,
  completeDataset,
  createWorkspace,
  deleteAllData,
  deleteDataset,
  deleteInterrupted,
  deleteWorkspace,
  getDataset,
  IndexedDbSink,
  listDatasets,
  listWorkspaces,
  readColumn,
  readDictionary,
  readRejects,
} from '../../src/storage/datasets';
import { api } from '../../src/worker/api';
import { bytesSource } from '../../src/ingest/parse';
import { runImport } from '../../src/ingest/import';
import { sniff, SNIFF_BYTES } from '../../src/ingest/sniff';
import { defaultOptions } from '../../src/ingest/mapping';
import { CHUNK_ROWS, FLAG_DUPLICATE, FLAG_RETURN } from '../../src/ingest/columnize';
import { daysFromCivil } from '../../src/shared/days';
import { PairSet } from '../../src/ingest/pair-set';
import type { Result } from '../../src/shared/errors';
import { rejectChunk, type ImportOptions } from '../../src/shared/types';
import { EMPTY_COSTS } from '../../src/shared/figures';

const enc = new TextEncoder();

let dbCounter = 0;
let d: KundenwertDB;

beforeEach(() => {
  d = new KundenwertDB(`kundenwert-test-${++dbCounter}`);
  useDatabase(d);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await d.delete();
});

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function optionsFor(csv: string, fileName: string): { options: ImportOptions; headers: string[] } {
  const bytes = enc.encode(csv);
  const s = sniff(bytes.subarray(0, SNIFF_BYTES), fileName, bytes.length);
  return { options: defaultOptions(s), headers: s.headers };
}

/** Imports a CSV string through runImport into IndexedDB, like the worker does, and optionally flips it to ready. */
async function importCsv(
  workspaceId: number,
  csv: string,
  { complete = true, fileName = 'test.csv', createdAt = 1_700_000_000_000 } = {},
): Promise<number> {
  const bytes = enc.encode(csv);
  const { options, headers } = optionsFor(csv, fileName);
  const id = await beginDataset({
    workspaceId,
    name: options.name,
    fileName,
    fileSize: bytes.length,
    createdAt,
    rowCount: 0,
    chunkCount: 0,
    columns: [],
    options,
    summary: null,
  });
  const sink = new IndexedDbSink(id);
  const res = await runImport(bytesSource(bytes), options, headers, sink);
  await sink.writeDictionaries(res.dictionaries);
  if (complete) {
    await completeDataset(id, {
      rowCount: res.summary.imported,
      chunkCount: res.chunkCount,
      columns: res.columns,
      summary: res.summary,
    });
  }
  return id;
}

/** Rows of every table that belong to one dataset. */
async function rowsOf(id: number) {
  return {
    datasets: await d.datasets.where('id').equals(id).count(),
    chunks: await d.chunks.where('datasetId').equals(id).count(),
    dictionaries: await d.dictionaries.where('datasetId').equals(id).count(),
    rejects: await d.rejects.where('datasetId').equals(id).count(),
  };
}

/** Row count of every table, by table name. */
async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of d.tables) out[t.name] = await t.count();
  return out;
}

const ints = (bufs: ArrayLike<number>[]) => bufs.flatMap((b) => Array.from(new Int32Array(b)));
const floats = (bufs: ArrayLike<number>[]) => bufs.flatMap((b) => Array.from(new Float64Array(b)));
const bytesOf = (bufs: ArrayLike<number>[]) => bufs.flatMap((b) => Array.from(new Uint8Array(b)));

// Ten lines: a header, eight good rows, one row without a customer id (line 5) and one return (line 7).
const SMALL_CSV = [
  'Kundennummer,Datum,Betrag',
  'K001,2024-01-05,100.50',
  'K002,2024-01-06,20.00',
  'K001,2024-02-10,35.25',
  ',2024-02-11,99.99',
  'K003,2024-03-01,12.00',
  'K002,2024-03-15,-20.00',
  'K004,2024-03-20,5.50',
  'K003,2024-04-02,60.00',
  'K001,2024-04-30,7.75',
].join('\n');

// Same shape, other customers: used as "the other dataset" in deletion tests.
const OTHER_CSV = [
  'Kundennummer,Datum,Betrag',
  'X1,2023-06-01,1.00',
  ',2023-06-02,2.00',
  'X2,2023-06-03,3.00',
].join('\n');

describe('storage: import into IndexedDB', () => {
  it('stores columns, dictionary and rejects of a small CSV exactly', async () => {
    const ws = await createWorkspace('  Kunde A  ');
    const id = await importCsv(ws, SMALL_CSV, { fileName: 'umsatz.csv' });

    expect(await readColumn(id, 'customer').then(ints)).toEqual([0, 1, 0, 2, 1, 3, 2, 0]);
    expect(await readDictionary(id, 'customer')).toEqual(['K001', 'K002', 'K003', 'K004']);
    expect(await readColumn(id, 'date').then(ints)).toEqual([
      daysFromCivil(2024, 1, 5),
      daysFromCivil(2024, 1, 6),
      daysFromCivil(2024, 2, 10),
      daysFromCivil(2024, 3, 1),
      daysFromCivil(2024, 3, 15),
      daysFromCivil(2024, 3, 20),
      daysFromCivil(2024, 4, 2),
      daysFromCivil(2024, 4, 30),
    ]);
    // 2024-01-05 is day 19727 since 1970-01-01 (54 years incl. 13 leap days = 19723, plus 4).
    expect(daysFromCivil(2024, 1, 5)).toBe(19727);
    expect(await readColumn(id, 'amount').then(floats)).toEqual([100.5, 20, 35.25, 12, -20, 5.5, 60, 7.75]);
    expect(await readColumn(id, 'flags').then(bytesOf)).toEqual([0, 0, 0, 0, FLAG_RETURN, 0, 0, 0]);
    expect(await readColumn(id, 'quantity')).toEqual([]);
    expect(await readDictionary(id, 'order')).toEqual([]);

    expect(await readRejects(id)).toEqual([{ line: 5, reason: 'missingCustomer', raw: ',2024-02-11,99.99' }]);

    // One chunk row per stored column, one dictionary, one reject chunk.
    expect(await rowsOf(id)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    const chunkKeys = (await d.chunks.where('datasetId').equals(id).toArray()).map((c) => [c.column, c.rows]);
    expect(chunkKeys.sort()).toEqual([
      ['amount', 8],
      ['customer', 8],
      ['date', 8],
      ['flags', 8],
    ]);

    const [info] = await listDatasets(ws);
    expect(info).toMatchObject({
      id,
      workspaceId: ws,
      name: 'umsatz',
      fileName: 'umsatz.csv',
      status: 'ready',
      rowCount: 8,
      chunkCount: 1,
      columns: [
        { key: 'customer', kind: 'code', label: 'Kundennummer' },
        { key: 'date', kind: 'day', label: 'Datum' },
        { key: 'amount', kind: 'number', label: 'Betrag' },
        { key: 'flags', kind: 'flags', label: 'flags' },
      ],
    });
    expect(info.summary).toMatchObject({
      rowsRead: 9,
      imported: 8,
      rejected: 1,
      rejectReasons: { missingCustomer: 1 },
      rejectedRevenue: { missingCustomer: 99.99 },
      netRevenue: 221,
      returnLines: 1,
      returnsValue: 20,
      duplicateLines: 0,
      customers: 4,
      orders: 8,
      firstDate: '2024-01-05',
      lastDate: '2024-04-30',
    });
    expect(info.summary!.revenueWithRejected).toBeCloseTo(320.99, 10);
    expect(await listWorkspaces()).toEqual([
      { id: ws, name: 'Kunde A', createdAt: expect.any(Number), datasetCount: 1 },
    ]);
  });

  it('reads chunks back in chunk order and rejects in file order across reject chunks', async () => {
    const id = await beginDataset({
      workspaceId: 1,
      name: 'x',
      fileName: 'x.csv',
      fileSize: 0,
      createdAt: 0,
      rowCount: 0,
      chunkCount: 0,
      columns: [],
      options: {} as ImportOptions,
      summary: null,
    });
    const sink = new IndexedDbSink(id);
    // Written out of order on purpose: chunk 10 sorts after chunk 2 only numerically.
    await sink.writeChunk({ index: 10, rows: 1, columns: { amount: Float64Array.of(3) } });
    await sink.writeChunk({ index: 2, rows: 2, columns: { amount: Float64Array.of(1, 2) } });
    await sink.writeRejects(1, rejectChunk([{ line: 9, reason: 'badDate', raw: 'b' }]));
    await sink.writeRejects(
      0,
      rejectChunk([
        { line: 3, reason: 'missingCustomer', raw: 'a' },
        { line: 4, reason: 'badAmount', raw: 'a2' },
      ]),
    );
    expect(await readColumn(id, 'amount').then(floats)).toEqual([1, 2, 3]);
    expect(await readRejects(id)).toEqual([
      { line: 3, reason: 'missingCustomer', raw: 'a' },
      { line: 4, reason: 'badAmount', raw: 'a2' },
      { line: 9, reason: 'badDate', raw: 'b' },
    ]);
    // Another dataset's column is not mixed in.
    await new IndexedDbSink(id + 1).writeChunk({
      index: 0,
      rows: 1,
      columns: { amount: Float64Array.of(99) },
    });
    expect(await readColumn(id, 'amount').then(floats)).toEqual([1, 2, 3]);
  });
});

describe('storage: atomic imports', () => {
  it('removes rows whose dataset is gone (a write that landed after its import was cleaned up)', async () => {
    const ws = await createWorkspace('W');
    const ready = await importCsv(ws, OTHER_CSV);
    const gone = ready + 100;
    await new IndexedDbSink(gone).writeChunk({ index: 0, rows: 1, columns: { amount: Float64Array.of(1) } });
    await new IndexedDbSink(gone).writeRejects(0, rejectChunk([{ line: 2, reason: 'badDate', raw: 'x' }]));
    await new IndexedDbSink(gone).writeDictionaries({ customer: ['K1'] });
    expect(await rowsOf(gone)).toEqual({ datasets: 0, chunks: 1, dictionaries: 1, rejects: 1 });
    expect(await deleteInterrupted(() => new Set())).toBe(0);
    expect(await rowsOf(gone)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(ready)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
  });

  it('never lists an importing dataset and deletes interrupted ones with everything they wrote', async () => {
    const ws = await createWorkspace('W');
    const ready = await importCsv(ws, OTHER_CSV);
    const dead = await importCsv(ws, SMALL_CSV, { complete: false });
    const live = await importCsv(ws, SMALL_CSV, { complete: false });

    const readyRow = await d.datasets.get(ready);
    const deadRow = (await d.datasets.get(dead)) as DatasetRow;
    expect(readyRow!.status).toBe('ready');
    expect(deadRow.status).toBe('importing');
    expect((await listDatasets(ws)).map((x) => x.id)).toEqual([ready]);
    expect(await getDataset(dead)).toBeNull();
    expect((await listWorkspaces())[0].datasetCount).toBe(1);

    expect(await rowsOf(dead)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await rowsOf(live)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await rowsOf(ready)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 3,
      chunks: 12,
      dictionaries: 3,
      rejects: 3,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });

    // The live import (held lock) survives; only the dead one goes.
    expect(await deleteInterrupted(() => new Set([live]))).toBe(1);
    expect(await rowsOf(dead)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(live)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 2,
      chunks: 8,
      dictionaries: 2,
      rejects: 2,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });

    expect(await deleteInterrupted(() => new Set())).toBe(1);
    expect(await rowsOf(live)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(ready)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 1,
      chunks: 4,
      dictionaries: 1,
      rejects: 1,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
    expect(await deleteInterrupted(() => new Set())).toBe(0);
    expect((await listDatasets(ws)).map((x) => x.id)).toEqual([ready]);
  });

  it('api.cleanupInterrupted deletes importing datasets (no Web Locks in Node: none is live)', async () => {
    const ws = await createWorkspace('W');
    const dead = await importCsv(ws, SMALL_CSV, { complete: false });
    const ready = await importCsv(ws, OTHER_CSV);
    expect(await api.cleanupInterrupted()).toEqual({ ok: true, value: 1 });
    expect(await rowsOf(dead)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(ready)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
  });

  it('lists ready datasets newest first, per workspace', async () => {
    const a = await createWorkspace('A');
    const b = await createWorkspace('B');
    const older = await importCsv(a, OTHER_CSV, { createdAt: 1000 });
    const newer = await importCsv(a, OTHER_CSV, { createdAt: 2000 });
    const inB = await importCsv(b, OTHER_CSV, { createdAt: 3000 });
    expect((await listDatasets(a)).map((x) => x.id)).toEqual([newer, older]);
    expect((await listDatasets(b)).map((x) => x.id)).toEqual([inB]);
    expect(await listDatasets(999)).toEqual([]);
  });
});

describe('storage: deletion', () => {
  it('deleting a dataset removes its rows in every table and leaves another dataset alone', async () => {
    const ws = await createWorkspace('W');
    const a = await importCsv(ws, SMALL_CSV);
    const b = await importCsv(ws, OTHER_CSV);
    expect(await rowsOf(a)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });

    await deleteDataset(a);
    expect(await rowsOf(a)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(b)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await readColumn(b, 'customer').then(ints)).toEqual([0, 1]);
    expect(await readDictionary(b, 'customer')).toEqual(['X1', 'X2']);
    expect(await readRejects(b)).toEqual([{ line: 3, reason: 'missingCustomer', raw: ',2023-06-02,2.00' }]);
    expect((await listDatasets(ws)).map((x) => x.id)).toEqual([b]);
    // Deleting a dataset that does not exist is a no-op.
    await deleteDataset(12345);
    expect(await rowsOf(b)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
  });

  it('deleting a workspace deletes its datasets (also importing ones) and settings, not another workspace', async () => {
    const w1 = await createWorkspace('One');
    const w2 = await createWorkspace('Two');
    const a = await importCsv(w1, SMALL_CSV);
    const half = await importCsv(w1, SMALL_CSV, { complete: false });
    const b = await importCsv(w2, OTHER_CSV);
    const settings = {
      currency: 'EUR',
      marginRate: 0.3,
      discountRateMonthly: 0.01,
      horizonMonths: 36,
      inactivityDays: 365,
    };
    await d.settings.bulkPut([
      { workspaceId: w1, ...settings },
      { workspaceId: w2, ...settings },
    ]);

    await deleteWorkspace(w1);
    expect(await rowsOf(a)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(half)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await rowsOf(b)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 1,
      chunks: 4,
      dictionaries: 1,
      rejects: 1,
      settings: 1,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
    expect((await listWorkspaces()).map((w) => [w.id, w.name, w.datasetCount])).toEqual([[w2, 'Two', 1]]);
    expect(await d.settings.get(w2)).toEqual({ workspaceId: w2, ...settings });
  });

  it('deleteAllData empties every table', async () => {
    const w1 = await createWorkspace('One');
    await importCsv(w1, SMALL_CSV);
    await importCsv(w1, OTHER_CSV, { complete: false });
    await d.settings.put({
      workspaceId: w1,
      currency: 'EUR',
      marginRate: 0.3,
      discountRateMonthly: 0.01,
      horizonMonths: 24,
      inactivityDays: 180,
    });
    await d.figures.put({
      workspaceId: w1,
      cac: 1250,
      marginPercent: 30,
      acquisitionShare: null,
      existingShare: null,
      costs: EMPTY_COSTS,
      updatedAt: 1,
    });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 2,
      chunks: 8,
      dictionaries: 2,
      rejects: 2,
      settings: 1,
      selfChecks: 0,
      valueStreams: 0,
      figures: 1,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
    await deleteAllData();
    expect(await tableCounts()).toEqual({
      workspaces: 0,
      datasets: 0,
      chunks: 0,
      dictionaries: 0,
      rejects: 0,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
    // The database stays usable.
    expect(await createWorkspace('')).toBeGreaterThan(0);
    expect((await listWorkspaces()).map((w) => w.name)).toEqual(['Workspace']);
  });

  it('db() returns the database set with useDatabase', () => {
    expect(db()).toBe(d);
    expect(d.tables.map((t) => t.name).sort()).toEqual([
      'campaigns',
      'chunks',
      'customerFiles',
      'datasets',
      'dictionaries',
      'figures',
      'rejects',
      'selfChecks',
      'settings',
      'spendFiles',
      'valueStreams',
      'workspaces',
    ]);
  });
});

// Twenty-four data lines (semicolon, German dates and decimals), header on line 1.
// Rejected: line 4 (starts with `=`, bad date), line 8 (starts with `-`, bad amount), line 12 (starts with `@`,
// missing amount), line 16 (quoted cell, 31 February). Line 21 repeats line 20 exactly (a duplicate).
const API_LINES = [
  'Kundennummer;Datum;Betrag',
  'K1;02.01.2024;10,00',
  'K2;03.01.2024;20,00',
  '=2+3;32.01.2024;10,00',
  'K3;04.01.2024;5,50',
  'K1;05.01.2024;-4,00',
  'K4;06.01.2024;7,25',
  '-K9;07.01.2024;abc',
  'K2;08.01.2024;1,00',
  'K5;09.01.2024;2,00',
  'K6;10.01.2024;3,00',
  '@cmd;11.01.2024;',
  'K1;12.01.2024;4,00',
  'K2;13.01.2024;5,00',
  'K3;14.01.2024;6,00',
  '"K 7";31.02.2024;1,00',
  'K4;15.01.2024;7,00',
  'K5;16.01.2024;8,00',
  'K6;17.01.2024;9,00',
  'K7;18.01.2024;10,00',
  'K7;18.01.2024;10,00',
  'K8;19.01.2024;11,00',
  'K1;20.01.2024;12,00',
  'K2;21.01.2024;13,00',
  'K3;22.01.2024;14,00',
];
const API_CSV = API_LINES.join('\r\n') + '\r\n';

describe('worker api end to end', () => {
  it('imports a File, lists it, exports rejects as CSV, toggles duplicates and deletes it', async () => {
    const ws = unwrap(await api.createWorkspace('Kunde'));
    const file = new File([API_CSV], 'Umsatz 2024.csv', { type: 'text/csv' });
    const sniffed = unwrap(await api.sniffFile(file));
    const options = sniffed.options;
    expect(options).toMatchObject({
      name: 'Umsatz 2024',
      delimiter: ';',
      decimal: ',',
      lineEnding: 'CRLF',
      hasHeader: true,
      dateFormat: 'dmy-dot',
      roles: { customer: 0, date: 1, amount: 2 },
      dropDuplicates: false,
    });

    const progress: number[] = [];
    const res = await api.startImport(ws, file, options, (p) => progress.push(p.bytesRead));
    const info = unwrap(res);
    expect(progress).toEqual([API_CSV.length]);
    expect(info).toMatchObject({
      workspaceId: ws,
      name: 'Umsatz 2024',
      fileName: 'Umsatz 2024.csv',
      fileSize: API_CSV.length,
      status: 'ready',
      rowCount: 20,
      chunkCount: 1,
    });
    expect(info.summary).toMatchObject({
      rowsRead: 24,
      imported: 20,
      rejected: 4,
      rejectReasons: { badDate: 2, badAmount: 1, missingAmount: 1 },
      returnLines: 1,
      returnsValue: 4,
      duplicateLines: 1,
      duplicateRevenue: 10,
      customers: 8,
      firstDate: '2024-01-02',
      lastDate: '2024-01-22',
    });
    // 10+20+5.5-4+7.25+1+2+3+4+5+6+7+8+9+10+10+11+12+13+14
    expect(info.summary!.netRevenue).toBeCloseTo(153.75, 10);

    const listed = unwrap(await api.listDatasets(ws));
    expect(listed).toEqual([info]);
    expect(unwrap(await api.listWorkspaces())).toEqual([
      { id: ws, name: 'Kunde', createdAt: expect.any(Number), datasetCount: 1 },
    ]);

    expect(await readDictionary(info.id, 'customer')).toEqual([
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'K6',
      'K7',
      'K8',
    ]);
    // Accepted rows in order: the 4th (K1, -4,00) is a return, the 16th (second K7 line) a duplicate.
    const expectedFlags = new Array<number>(20).fill(0);
    expectedFlags[3] = FLAG_RETURN;
    expectedFlags[15] = FLAG_DUPLICATE;
    expect(await readColumn(info.id, 'flags').then(bytesOf)).toEqual(expectedFlags);

    const csv = unwrap(await api.rejectsCsv(info.id));
    expect(csv).toBe(
      'line,reason,original_line\r\n' +
        `4,badDate,"'=2+3;32.01.2024;10,00"\r\n` +
        `8,badAmount,'-K9;07.01.2024;abc\r\n` +
        `12,missingAmount,'@cmd;11.01.2024;\r\n` +
        `16,badDate,"""K 7"";31.02.2024;1,00"\r\n`,
    );
    const rej = unwrap(await api.rejects(info.id, 2));
    expect(rej.total).toBe(4);
    expect(rej.rows).toEqual([
      { line: 4, reason: 'badDate', raw: '=2+3;32.01.2024;10,00' },
      { line: 8, reason: 'badAmount', raw: '-K9;07.01.2024;abc' },
    ]);

    const toggled = unwrap(await api.setDropDuplicates(info.id, true));
    expect(toggled.options.dropDuplicates).toBe(true);
    expect(toggled.options).toEqual({ ...options, dropDuplicates: true });
    expect(unwrap(await api.listDatasets(ws))[0].options.dropDuplicates).toBe(true);
    expect(unwrap(await api.setDropDuplicates(info.id, false)).options.dropDuplicates).toBe(false);
    expect(await api.setDropDuplicates(9999, true)).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });

    expect(unwrap(await api.renameDataset(info.id, '  Umsatz  '))).toBe(true);
    expect(unwrap(await api.listDatasets(ws))[0].name).toBe('Umsatz');

    expect(await api.deleteDataset(info.id)).toEqual({ ok: true, value: true });
    expect(unwrap(await api.listDatasets(ws))).toEqual([]);
    expect(await rowsOf(info.id)).toEqual({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 0,
      chunks: 0,
      dictionaries: 0,
      rejects: 0,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });

    expect(await api.deleteAllData()).toEqual({ ok: true, value: true });
    expect(unwrap(await api.listWorkspaces())).toEqual([]);
  });

  it('reports missing required roles without leaving a dataset behind', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([SMALL_CSV], 'a.csv');
    const { options } = optionsFor(SMALL_CSV, 'a.csv');
    const res = await api.startImport(ws, file, { ...options, roles: { date: 1, amount: 2 } });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'missingRequired', params: { roles: 'customer' } },
    });
    expect(await tableCounts()).toMatchObject({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
  });
});

/** A CSV with `rows` good data lines (plus one rejected line after the header), about 24 bytes a line. */
function bigCsv(rows: number): string {
  const lines = ['Kundennummer,Datum,Betrag', ',2024-01-01,1.00'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    lines.push(`C${i % 5000},2024-02-${day < 10 ? '0' : ''}${day},${(i % 100) + 0.25}`);
  }
  return lines.join('\n') + '\n';
}

describe('worker api: failures leave nothing behind', () => {
  const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  // Dexie reports a quota failure as an AbortError of the transaction, with the DOMException in `.inner`.
  const dexieAbort = () => Object.assign(new Dexie.AbortError(), { inner: quotaError() });

  it.each([
    ['QuotaExceededError', quotaError],
    ['AbortError with .inner', dexieAbort],
  ])('%s on the 2nd chunk write becomes code quota and removes the dataset', async (_label, makeError) => {
    const ws = unwrap(await api.createWorkspace('W'));
    const other = await importCsv(ws, OTHER_CSV);
    const csv = bigCsv(CHUNK_ROWS + 100);
    const file = new File([csv], 'big.csv');
    const { options } = optionsFor(csv, 'big.csv');

    const table = db().chunks;
    const original = table.bulkPut.bind(table);
    let calls = 0;
    const spy = vi.spyOn(table, 'bulkPut').mockImplementation(((...args: Parameters<typeof original>) => {
      calls++;
      if (calls === 2) return Promise.reject(makeError());
      return original(...args);
    }) as typeof table.bulkPut);

    const res = await api.startImport(ws, file, options);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'quota',
        message: 'The browser storage ran full during the import. Nothing was kept.',
        params: undefined,
      },
    });
    // Chunk 0 was written before the failure; now nothing of the new dataset is left, the other one is intact.
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 1,
      chunks: 4,
      dictionaries: 1,
      rejects: 1,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
    expect(await rowsOf(other)).toEqual({ datasets: 1, chunks: 4, dictionaries: 1, rejects: 1 });
    expect((await listDatasets(ws)).map((x) => x.id)).toEqual([other]);
  });

  it('memory running out mid-import (a RangeError) becomes code tooLarge with the rows read, and nothing is kept', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = bigCsv(2 * CHUNK_ROWS + 100);
    const { options } = optionsFor(csv, 'big.csv');
    // The file has no order id, so every imported row adds its customer-day; the 100,000th cannot grow the table.
    let calls = 0;
    const original = PairSet.prototype.add;
    vi.spyOn(PairSet.prototype, 'add').mockImplementation(function (this: PairSet, a: number, b: number) {
      if (++calls === 100_000) throw new RangeError('Array buffer allocation failed');
      original.call(this, a, b);
    });
    const res = await api.startImport(ws, new File([csv], 'big.csv'), options);
    expect(res).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
    // Rows read include the rejected line 2; the failing row is counted as read.
    expect(!res.ok && res.error.params).toEqual({ rows: 100_001 });
    expect(await tableCounts()).toMatchObject({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
  });

  it('a quota error on the 1st chunk write while the 2nd is still being written removes both', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = bigCsv(2 * CHUNK_ROWS + 100);
    const file = new File([csv], 'big.csv');
    const { options } = optionsFor(csv, 'big.csv');
    const table = db().chunks;
    const original = table.bulkPut.bind(table);
    let calls = 0;
    const spy = vi.spyOn(table, 'bulkPut').mockImplementation(((...args: Parameters<typeof original>) => {
      calls++;
      if (calls === 1) return Promise.reject(dexieAbort());
      return original(...args);
    }) as typeof table.bulkPut);

    const res = await api.startImport(ws, file, options);
    // Both full chunks are handed to storage within one read, before the first failure is awaited (with double
    // buffering of writes, the last partial chunk may be handed over too).
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(res).toMatchObject({ ok: false, error: { code: 'quota' } });
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 0,
      chunks: 0,
      dictionaries: 0,
      rejects: 0,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
  });

  it('cancelling after the first progress report returns code cancelled and removes the dataset', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    // About 5.4 MB: more than one 4 MB read, so the import checks for cancellation again after the first report.
    const csv = bigCsv(220_000);
    expect(csv.length).toBeGreaterThan(4 * 1024 * 1024 + 1);
    const file = new File([csv], 'big.csv');
    const { options } = optionsFor(csv, 'big.csv');
    const spy = vi.spyOn(db().chunks, 'bulkPut');

    let reports = 0;
    const res = await api.startImport(ws, file, options, () => {
      reports++;
      if (reports === 1) void api.cancelImport();
    });
    expect(res).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'The import was cancelled.', params: undefined },
    });
    expect(reports).toBe(1);
    // The first 4 MB read held more than two chunks of rows, handed to storage before the cancellation took effect.
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(await tableCounts()).toEqual({
      workspaces: 1,
      datasets: 0,
      chunks: 0,
      dictionaries: 0,
      rejects: 0,
      settings: 0,
      selfChecks: 0,
      valueStreams: 0,
      figures: 0,
      customerFiles: 0,
      spendFiles: 0,
      campaigns: 0,
    });
    expect(unwrap(await api.listDatasets(ws))).toEqual([]);

    // A later import is not affected by the earlier cancellation.
    const small = new File([SMALL_CSV], 'small.csv');
    const again = unwrap(await api.startImport(ws, small, optionsFor(SMALL_CSV, 'small.csv').options));
    expect(again.rowCount).toBe(8);
  });

  it('a cancel that arrives while the last read is processed still keeps nothing', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([SMALL_CSV], 'small.csv');
    let reports = 0;
    const res = await api.startImport(ws, file, optionsFor(SMALL_CSV, 'small.csv').options, () => {
      reports++;
      void api.cancelImport();
    });
    // The file is read in one piece, so the only report comes after the last cancellation check of the parser.
    expect(reports).toBe(1);
    expect(res).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await tableCounts()).toMatchObject({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
  });

  // An import that stops early leaves writes in flight; runImport lets them settle, so a late failure is no
  // unhandled rejection and the clean-up sees everything.
  it('a write that fails after a cancel is not an unhandled rejection', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = bigCsv(220_000);
    const { options } = optionsFor(csv, 'big.csv');
    const table = db().chunks;
    const original = table.bulkPut.bind(table);
    let calls = 0;
    vi.spyOn(table, 'bulkPut').mockImplementation(((...args: Parameters<typeof original>) => {
      calls++;
      if (calls === 2) return new Promise((_, reject) => setTimeout(() => reject(quotaError()), 5));
      return original(...args);
    }) as typeof table.bulkPut);
    const res = await api.startImport(ws, new File([csv], 'big.csv'), options, () => void api.cancelImport());
    expect(res).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(await tableCounts()).toMatchObject({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
  });
});

describe('encodings beyond the sniffed part', () => {
  // 300 KB of ASCII rows, so the sniffed 256 KB see no byte above 0x7F.
  const asciiRows = Array.from(
    { length: 6000 },
    (_, i) => `K${i % 50};02.01.2024;1,00;Schrauben und Muttern ${i}`,
  );
  const head = 'Kunde;Datum;Betrag;Text\n' + asciiRows.join('\n') + '\n';

  it('an ASCII start with Windows-1252 later is read again as Windows-1252, and the summary says from which line', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const tail = Uint8Array.from(
      [...'K1;03.01.2024;2,00;Wei'].map((c) => c.charCodeAt(0)).concat([0xdf, 0x0a]),
    );
    const file = new File([head, tail], 'latin.csv');
    const sniffed = unwrap(await api.sniffFile(file));
    expect(sniffed.options.encoding).toBe('utf-8');
    const info = unwrap(await api.startImport(ws, file, sniffed.options));
    expect(info.summary).toMatchObject({
      encoding: 'windows-1252',
      encodingFallbackLine: 6002,
      imported: 6001,
    });
  });

  it('a UTF-8 file with one invalid byte later is refused with the line, not silently garbled', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const utf8Head = head.replace('Schrauben', 'Müller');
    const tail = Uint8Array.from(
      [...'K1;03.01.2024;2,00;Wei'].map((c) => c.charCodeAt(0)).concat([0xdf, 0x0a]),
    );
    const file = new File([utf8Head, tail], 'mixed.csv');
    const sniffed = unwrap(await api.sniffFile(file));
    const res = await api.startImport(ws, file, sniffed.options);
    expect(res).toMatchObject({ ok: false, error: { code: 'encoding', params: { line: 6002, mixed: 1 } } });
    expect(await tableCounts()).toMatchObject({ datasets: 0, chunks: 0, dictionaries: 0, rejects: 0 });
  });
});

describe('schema version 2', () => {
  it('opens a version-1 database, keeps its rows and adds the self-check and value stream tables', async () => {
    const name = 'kundenwert-upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      workspaces: '++id',
      datasets: '++id, workspaceId, status',
      chunks: '[datasetId+column+chunk], datasetId',
      dictionaries: '[datasetId+column], datasetId',
      rejects: '[datasetId+chunk], datasetId',
      settings: 'workspaceId',
    });
    const id = (await v1.table('workspaces').add({ name: 'Alt', createdAt: 1 })) as number;
    v1.close();
    const v2 = new KundenwertDB(name);
    expect((await v2.workspaces.get(id))?.name).toBe('Alt');
    expect(v2.verno).toBe(5);
    await v2.valueStreams.put({ workspaceId: id, steps: [], updatedAt: 2 });
    expect((await v2.valueStreams.get(id))?.updatedAt).toBe(2);
    await v2.delete();
  });
});
