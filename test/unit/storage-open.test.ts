// Opening a dataset for analysis (src/storage/datasets.ts openDataset): one read transaction, the columns handed
// over in chunk order as they are read (the ones asked first first), only those wanted, and the dictionaries.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KundenwertDB, useDatabase } from '../../src/storage/db';
import { beginDataset, completeDataset, IndexedDbSink, openDataset } from '../../src/storage/datasets';
import type { ColumnValues } from '../../src/ingest/columnize';
import type { ColumnInfo } from '../../src/shared/types';

let n = 0;
let d: KundenwertDB;
beforeEach(() => {
  d = new KundenwertDB(`kundenwert-open-${++n}`);
  useDatabase(d);
});
afterEach(async () => {
  await d.delete();
});

const COLUMNS: ColumnInfo[] = [
  { key: 'customer', kind: 'code', label: 'Kunde' },
  { key: 'date', kind: 'day', label: 'Datum' },
  { key: 'amount', kind: 'number', label: 'Betrag' },
  { key: 'quantity', kind: 'number', label: 'Menge' },
  { key: 'region', kind: 'code', label: 'Region' },
  { key: 'flags', kind: 'flags', label: 'flags' },
];

/** A dataset of 5 lines in two chunks (written second chunk first), ready unless `ready` is false. */
async function store(ready = true): Promise<number> {
  const id = await beginDataset({
    workspaceId: 1,
    name: 'd',
    fileName: 'd.csv',
    fileSize: 1,
    createdAt: 0,
    rowCount: 0,
    chunkCount: 0,
    columns: [],
    options: {} as never,
    summary: null,
  });
  const sink = new IndexedDbSink(id);
  await sink.writeChunk({
    index: 1,
    rows: 2,
    columns: {
      customer: Uint8Array.of(0, 2),
      date: Uint16Array.of(40, 50),
      amount: Float64Array.of(4, 5),
      quantity: Int32Array.of(1, 1),
      region: Uint8Array.of(1, 0),
      flags: Uint8Array.of(0, 1),
    },
  });
  await sink.writeChunk({
    index: 0,
    rows: 3,
    columns: {
      customer: Uint8Array.of(1, 0, 1),
      date: Uint16Array.of(10, 20, 30),
      amount: Float64Array.of(1, 2, 3),
      quantity: Int32Array.of(1, 2, 3),
      region: Uint8Array.of(0, 0, 1),
      flags: Uint8Array.of(0, 0, 0),
    },
  });
  await sink.writeDictionaries({ customer: ['K1', 'K2', 'K3'], region: ['Nord', 'Süd'] });
  if (ready) await completeDataset(id, { rowCount: 5, chunkCount: 2, columns: COLUMNS });
  return id;
}

describe('openDataset', () => {
  it('hands over each wanted column in chunk order, the first ones first, with the dictionaries', async () => {
    const id = await store();
    const seen: [string, number[]][] = [];
    const opened = await openDataset(id, {
      wanted: (c) => c !== 'quantity',
      first: ['date', 'customer'],
      onColumn: (column, values: ColumnValues[]) => seen.push([column, values.flatMap((v) => Array.from(v))]),
    });
    expect(opened?.info.id).toBe(id);
    expect(opened?.info.columns).toEqual(COLUMNS);
    expect(seen).toEqual([
      ['date', [10, 20, 30, 40, 50]],
      ['customer', [1, 0, 1, 0, 2]],
      ['amount', [1, 2, 3, 4, 5]],
      ['region', [0, 0, 1, 1, 0]],
      ['flags', [0, 0, 0, 0, 1]],
    ]);
    expect(opened?.dicts).toEqual({ customer: ['K1', 'K2', 'K3'], region: ['Nord', 'Süd'] });
  });

  it('opens nothing of a dataset that is still importing or gone', async () => {
    const id = await store(false);
    const seen: string[] = [];
    expect(await openDataset(id, { onColumn: (c) => seen.push(c) })).toBeNull();
    expect(await openDataset(id + 1, { onColumn: (c) => seen.push(c) })).toBeNull();
    expect(seen).toEqual([]);
  });
});
