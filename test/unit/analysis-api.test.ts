// The worker's analysis API on fake-indexeddb: columns are read back from storage and analysed.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KundenwertDB, useDatabase } from '../../src/storage/db';
import { api } from '../../src/worker/api';
import type { Result } from '../../src/shared/errors';

let n = 0;
let d: KundenwertDB;
beforeEach(() => {
  d = new KundenwertDB(`kundenwert-analysis-${++n}`);
  useDatabase(d);
});
afterEach(async () => {
  await d.delete();
});

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

// The KPI test case (days 100..900 from 1970) written as a CSV with a region column.
const CSV = [
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

async function importCsv() {
  const ws = unwrap(await api.createWorkspace('W'));
  const file = new File([CSV], 'kpi.csv');
  const { options } = unwrap(await api.sniffFile(file));
  return unwrap(await api.startImport(ws, file, { ...options, attributes: [] }));
}

describe('api.overview', () => {
  it('reads the stored columns back and gives the hand-computed KPIs', async () => {
    const info = await importCsv();
    expect(info.columns.map((c) => c.key)).toEqual(['customer', 'date', 'amount', 'region', 'flags']);
    const o = unwrap(await api.overview({ datasetId: info.id, asOf: '1972-09-27' })); // day 1000
    expect(o.asOf).toBe('1972-09-27');
    expect([o.firstDate, o.lastDate]).toEqual(['1970-04-11', '1972-06-19']);
    expect(o.customers).toBe(5);
    expect(o.kpis.kpis.aov.value).toBe(80);
    expect(o.kpis.kpis.churnRate.value).toBeCloseTo(1 / 3, 12);
    expect(o.kpis.kpis.nrr.value).toBeCloseTo(210 / 190, 12);
    expect(o.attributes).toEqual([{ key: 'region', label: 'Region', values: ['Nord', 'Süd'] }]);
  });

  it('the as-of date moves the figures; a filter keeps one region; results are cached', async () => {
    const info = await importCsv();
    const last = unwrap(await api.overview({ datasetId: info.id }));
    expect(last.asOf).toBe('1972-06-19');
    const early = unwrap(await api.overview({ datasetId: info.id, asOf: '1970-12-31' }));
    expect(early.customers).toBe(3); // A, B, D
    const north = unwrap(
      await api.overview({ datasetId: info.id, filters: [{ attribute: 'region', values: ['Nord'] }] }),
    );
    expect(north.customers).toBe(2); // A, C
    expect(north.kpis.kpis.clvHistoric.value).toBe(225);
    const again = unwrap(
      await api.overview({ datasetId: info.id, filters: [{ attribute: 'region', values: ['Nord'] }] }),
    );
    expect(again.computeMs).toBe(north.computeMs);
    expect(await api.overview({ datasetId: 999 })).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});
