/**
 * The schema upgrade ladder: a database left by each earlier version (1, 2, 3, 4; test/unit/fixtures/) opens with the
 * current KundenwertDB as version 5, every row reads back exactly as written (plus the one documented change: the
 * version-3 upgrade copies the figures a self-check held into `figures`), the tables added since are there and empty,
 * and the app's repositories read the old rows: workspaces, datasets and their columns, dictionaries, rejects, the
 * self-check, the value stream map, the figures and the record files.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KundenwertDB, useDatabase } from '../../src/storage/db';
import {
  getDataset,
  getSelfCheck,
  getValueStream,
  listDatasets,
  listWorkspaces,
  openDataset,
  readColumn,
  readDictionary,
  readRejects,
} from '../../src/storage/datasets';
import { getFigures } from '../../src/storage/figures';
import { listRecordFiles, readRecordRejects } from '../../src/storage/records';
import { EMPTY_COSTS } from '../../src/shared/figures';
import { daysFromCivil } from '../../src/shared/days';
import {
  LEGACY_VERSIONS,
  STORES_ADDED,
  legacyDatabase,
  tablesOf,
  type LegacyVersion,
} from './fixtures/schema-history';
import { V2_FIGURES, V2_SELFCHECK_AT, writeLegacyDatabase, type Rows } from './fixtures/legacy-databases';

const CURRENT_VERSION = 5;
const ALL_TABLES = [
  'workspaces',
  'datasets',
  'chunks',
  'dictionaries',
  'rejects',
  'settings',
  'selfChecks',
  'valueStreams',
  'figures',
  'customerFiles',
  'spendFiles',
  'campaigns',
];

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

/** Writes the fixture of `version`, then opens it with the current schema (running the upgrades). */
async function upgraded(version: LegacyVersion) {
  const name = `kundenwert-ladder-v${version}-${++n}`;
  const fixture = await writeLegacyDatabase(name, version);
  const d = new KundenwertDB(name);
  opened.push(d);
  await d.open();
  useDatabase(d);
  return { d, fixture };
}

/** The primary key of a row, by the table's key path. */
function keyOf(d: Dexie, table: string, row: object): IDBValidKey {
  const path = d.table(table).schema.primKey.keyPath;
  const r = row as Record<string, IDBValidKey>;
  return Array.isArray(path) ? path.map((p) => r[p]) : r[path as string];
}

/** Rows in primary-key order, as a table lists them. */
function sorted(d: Dexie, table: string, rows: object[]): object[] {
  return [...rows].sort((a, b) => indexedDB.cmp(keyOf(d, table, a), keyOf(d, table, b)));
}

/** What every table should hold after the upgrade: the rows written, plus the documented changes. */
function expectedAfterUpgrade(version: LegacyVersion, rows: Rows, workspace: number): Rows {
  const out: Rows = Object.fromEntries(ALL_TABLES.map((t) => [t, rows[t] ?? []]));
  if (version === 2) {
    // Version 3 copies the CAC and budget split a self-check held into `figures` (margin and costs not entered);
    // the self-check whose figures are all empty gets no row. The self-checks themselves stay as they were.
    out.figures = [
      {
        workspaceId: workspace,
        cac: V2_FIGURES.cac,
        marginPercent: null,
        acquisitionShare: V2_FIGURES.acquisitionShare,
        existingShare: V2_FIGURES.existingShare,
        costs: EMPTY_COSTS,
        updatedAt: V2_SELFCHECK_AT,
      },
    ];
  }
  return out;
}

describe('the schema history the fixtures use', () => {
  it('declares the tables and indexes of versions 1-4 exactly as the current schema still does', async () => {
    const shape = (d: Dexie, tables: string[]) =>
      tables.map((t) => {
        const s = d.table(t).schema;
        return { t, key: s.primKey.src, indexes: s.indexes.map((i) => i.src).sort() };
      });
    const old = legacyDatabase(`kundenwert-ladder-shape-${++n}`, 4);
    const now = new KundenwertDB(`kundenwert-ladder-shape-${++n}`);
    opened.push(old, now);
    expect(shape(old, tablesOf(4))).toEqual(shape(now, tablesOf(4)));
    expect(now.tables.map((t) => t.name).sort()).toEqual([...ALL_TABLES].sort());
    expect(now.verno).toBe(CURRENT_VERSION);
  });

  it('has a fixture for every earlier schema version: exactly 1 … (the current version − 1)', () => {
    // Read from the app's schema, not from CURRENT_VERSION: a new schema version without a fixture fails here.
    const now = new KundenwertDB(`kundenwert-ladder-versions-${++n}`);
    opened.push(now);
    const earlier = Array.from({ length: now.verno - 1 }, (_, i) => i + 1);
    expect([...LEGACY_VERSIONS]).toEqual(earlier);
    expect(Object.keys(STORES_ADDED).map(Number)).toEqual(earlier);
  });
});

describe.each(LEGACY_VERSIONS)('a database of version %i', (version) => {
  it(`opens as version ${CURRENT_VERSION} with every row intact`, async () => {
    const { d, fixture } = await upgraded(version);
    expect(d.verno).toBe(CURRENT_VERSION);
    expect(tablesOf(version).every((t) => (fixture.rows[t]?.length ?? 0) > 0)).toBe(true);
    const expected = expectedAfterUpgrade(version, fixture.rows, fixture.workspace);
    for (const table of ALL_TABLES) {
      const actual = await d.table(table).toArray();
      expect({ table, rows: actual }).toStrictEqual({ table, rows: sorted(d, table, expected[table]) });
    }
  });

  it('is read by the repositories: workspaces, the dataset, its columns, dictionary and rejects', async () => {
    const { fixture } = await upgraded(version);
    const ws = fixture.workspace;
    expect(await listWorkspaces()).toEqual([
      { id: ws, name: 'Kunden 2023', createdAt: 1_600_000_000_000, datasetCount: 1 },
      { id: fixture.emptyWorkspace, name: 'Leer', createdAt: 1_600_000_100_000, datasetCount: 0 },
    ]);
    const listed = await listDatasets(ws);
    expect(listed.map((x) => [x.id, x.name, x.fileName, x.rowCount])).toEqual([
      [fixture.dataset, 'bestellungen', 'bestellungen.csv', 4],
    ]);
    expect(await listDatasets(fixture.emptyWorkspace)).toEqual([]);
    const info = await getDataset(fixture.dataset);
    expect(info?.headerLine).toBe('Kunde;Datum;Betrag;Region');
    expect(info?.summary?.rejected).toBe(1);
    const byRole = (kind: string) => info!.columns.filter((c) => c.kind === kind).map((c) => c.label);
    expect(byRole('day')).toEqual(['Datum']);
    expect(byRole('number')).toEqual(['Betrag']);
    expect(byRole('code')).toContain('Kunde');

    const key = (label: string) => info!.columns.find((c) => c.label === label)!.key;
    const widen = (chunks: ArrayLike<number>[], C: Int32ArrayConstructor | Float64ArrayConstructor) =>
      chunks.flatMap((c) => Array.from(new C(c)));
    const days = widen(await readColumn(fixture.dataset, key('Datum')), Int32Array);
    const amounts = widen(await readColumn(fixture.dataset, key('Betrag')), Float64Array);
    const codes = widen(await readColumn(fixture.dataset, key('Kunde')), Int32Array);
    const dict = await readDictionary(fixture.dataset, key('Kunde'));
    // The four good lines of ORDERS_CSV (line 4 has no customer id), whatever order the import keeps them in.
    const lines = days.map((day, i) => `${dict[codes[i]]} ${day} ${amounts[i]}`).sort();
    expect(lines).toEqual(
      [
        `A ${daysFromCivil(1970, 10, 28)} 100`,
        `B ${daysFromCivil(1970, 10, 8)} 50`,
        `A ${daysFromCivil(1971, 12, 1)} 150`,
        `C ${daysFromCivil(1972, 6, 19)} 200`,
      ].sort(),
    );
    expect([...dict].sort()).toEqual(['A', 'B', 'C']);
    expect(await readRejects(fixture.dataset)).toEqual([
      { line: 4, reason: 'missingCustomer', raw: expect.stringContaining(';09.10.1970;20,00;Süd') },
    ]);

    // The analysis opens it in one transaction, every column and the code columns' dictionaries.
    const seen: string[] = [];
    const opened = await openDataset(fixture.dataset, { onColumn: (c) => seen.push(c) });
    expect(seen.sort()).toEqual(info!.columns.map((c) => c.key).sort());
    expect(opened?.dicts[key('Kunde')]).toEqual(dict);
  });

  it('is read by the repositories: self-check, value stream map, figures and record files', async () => {
    const { fixture } = await upgraded(version);
    const ws = fixture.workspace;
    const selfCheck = await getSelfCheck(ws);
    const valueStream = await getValueStream(ws);
    if (version === 1) {
      expect(selfCheck).toBeNull();
      expect(valueStream).toBeNull();
    } else {
      expect(selfCheck?.answers.segmentValue).toEqual({ answer: 'yes', note: 'Quartalsbericht' });
      expect(selfCheck?.implementation).toEqual({ currentState: true, mapStream: false });
      expect(valueStream?.steps.map((s) => [s.name, s.processHours])).toEqual([
        ['Anfrage', 0.25],
        ['Angebot', 1.5],
      ]);
    }

    // Figures as the app reads them (no margin left over in this browser's localStorage).
    const figures = await getFigures(ws, null);
    const emptyFigures = await getFigures(fixture.emptyWorkspace, null);
    expect(emptyFigures).toEqual({
      cac: null,
      marginPercent: null,
      acquisitionShare: null,
      existingShare: null,
      costs: EMPTY_COSTS,
    });
    const expectedFigures = {
      1: { cac: null, marginPercent: null, acquisitionShare: null, existingShare: null, costs: EMPTY_COSTS },
      2: { cac: 1250, marginPercent: null, acquisitionShare: 70, existingShare: 30, costs: EMPTY_COSTS },
      // Version 3 kept no cost settings: they read as not entered.
      3: { cac: 1250, marginPercent: 40, acquisitionShare: 70, existingShare: 30, costs: EMPTY_COSTS },
      4: {
        cac: 900,
        marginPercent: 40,
        acquisitionShare: 60,
        existingShare: 40,
        costs: { ...EMPTY_COSTS, costPerOrder: 4.5, marginByCategory: { Kaffee: 35 } },
      },
    }[version];
    expect(figures).toEqual(expectedFigures);

    const masters = await listRecordFiles('customers', ws);
    const spends = await listRecordFiles('spend', ws);
    if (version < 4) {
      expect(masters).toEqual([]);
      expect(spends).toEqual([]);
    } else {
      expect(masters.map((f) => [f.id, f.fileName, f.rowCount])).toEqual([
        [fixture.customerFile, 'kunden.csv', 2],
      ]);
      expect(spends.map((f) => [f.id, f.fileName, f.rowCount])).toEqual([
        [fixture.spendFile, 'marketing.csv', 2],
      ]);
      const masterRejects = await readRecordRejects('customers', fixture.customerFile!);
      expect(masterRejects?.rows.map((r) => [r.line, r.reason])).toEqual([[3, 'missingCustomer']]);
      const spendRejects = await readRecordRejects('spend', fixture.spendFile!);
      expect(spendRejects?.rows.map((r) => [r.line, r.reason])).toEqual([[3, 'badPeriod']]);
    }
  });
});
