// What the worker API tests share: a fresh fake-indexeddb database per test, Result unwrapping, the KPI test case
// (days 100..900 from 1970, five customers, a region column) imported through the real API, and the Actions
// request on an imported file.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { KundenwertDB, useDatabase } from '../../src/storage/db';
import { api } from '../../src/worker/api';
import { forgetAll } from '../../src/worker/session';
import { actionRecords } from '../../src/worker/action-lists';
import { EMPTY_FIGURES } from '../../src/shared/figures';
import type { Result } from '../../src/shared/errors';

/** Every test gets a database of its own, whose dataset ids start at 1 again: nothing held may outlive it. */
export function freshDatabasePerTest(prefix: string): void {
  let n = 0;
  let d: KundenwertDB;
  beforeEach(() => {
    forgetAll();
    d = new KundenwertDB(`${prefix}-${++n}`);
    useDatabase(d);
  });
  afterEach(async () => {
    await d.delete();
  });
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

// The KPI test case written as a CSV with a region column.
export const KPI_CSV = [
  'Kunde;Datum;Betrag;Region',
  'A;28.10.1970;100,00;Nord', // day 300
  'A;01.12.1971;150,00;Nord', // day 700
  'B;08.10.1970;50,00;Süd', //   day 280
  'B;18.10.1970;30,00;Süd', //   day 290
  'C;19.06.1972;200,00;Nord', // day 900
  'D;11.04.1970;40,00;Süd', //   day 100
  'E;24.08.1971;10,00;Süd', //   day 600
  'E;11.03.1972;60,00;Süd', //   day 800
].join('\n');

/** Imports a CSV (the KPI case by default) with the proposed mapping, into a new workspace unless one is given. */
export async function importCsv(csv = KPI_CSV, workspace?: number) {
  const ws = workspace ?? unwrap(await api.createWorkspace('W'));
  const file = new File([csv], 'kpi.csv');
  const { options } = unwrap(await api.sniffFile(file));
  return unwrap(await api.startImport(ws, file, { ...options, attributes: [] }));
}

/** The Actions tests replace the worker's record sources (master data); each test gets the originals back. */
export function restoreActionRecordsAfterEach(): void {
  const original = { ...actionRecords };
  afterEach(() => Object.assign(actionRecords, original));
}

/** Imports a CSV without master data; the Actions request on it, with no figures of one's own. */
export async function actionsRequest(csv: string) {
  actionRecords.master = async () => null;
  const ds = await importCsv(csv);
  return { datasetId: ds.id, figures: EMPTY_FIGURES };
}
