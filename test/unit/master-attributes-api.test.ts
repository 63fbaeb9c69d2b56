// Master data attributes through the worker's API: filters, segments, cohort groups and the forecast's byAttribute
// with a master:* attribute. The workspace's master data is stubbed at the records reader (masterOf), as the
// customer files' table is not part of this branch's storage yet.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import { api } from '../../src/worker/api';
import { NOT_IN_MASTER } from '../../src/shared/attributes';
import type { RecordColumns } from '../../src/shared/economics';
import type { RecordFile } from '../../src/worker/records';

const stub = vi.hoisted(() => ({ master: null as RecordFile | null, fail: false }));
vi.mock('../../src/worker/records', () => ({
  masterOf: async () => {
    if (stub.fail) throw new Error('no customer files yet');
    return stub.master;
  },
  spendOf: async () => [],
}));

freshDatabasePerTest('kundenwert-master-attributes');

/** A master file of (id, industry) rows; '' is a blank industry cell. */
function masterFile(rows: [string, string][], id = 1): RecordFile {
  const ids: string[] = [];
  const industries: string[] = [];
  const code = (dict: string[], v: string) => (dict.includes(v) ? dict.indexOf(v) : dict.push(v) - 1);
  const data: RecordColumns = {
    n: rows.length,
    codes: {
      customer: Int32Array.from(rows, ([c]) => code(ids, c)),
      industry: Int32Array.from(rows, ([, i]) => code(industries, i)),
    },
    dicts: { customer: ids, industry: industries },
    days: {},
    numbers: { tickets: Float64Array.from(rows, () => 1) },
    labels: { customer: 'Kundennummer', industry: 'Branche' },
  };
  return {
    info: {
      id,
      workspaceId: 1,
      source: 'customers',
      name: 'Kunden',
      fileName: 'kunden.csv',
      createdAt: id,
      rowCount: rows.length,
      summary: null,
      columns: [],
    },
    data,
  };
}

// The KPI case (A 100 + 150 Nord, B 50 + 30 Süd, C 200 Nord, D 40 Süd, E 10 + 60 Süd): A and C are Maschinenbau, B
// is Bau, D has a blank industry, E has no master row, Z is a prospect without orders.
const KPI_MASTER: [string, string][] = [
  ['A', 'Maschinenbau'],
  ['B', 'Bau'],
  ['C', 'Maschinenbau'],
  ['D', ''],
  ['Z', 'Bau'],
];

beforeEach(() => {
  stub.master = null;
  stub.fail = false;
});

describe('master attributes in the analyses', () => {
  it('lists master:industry among the attributes, with the values the customers carry', async () => {
    stub.master = masterFile(KPI_MASTER);
    const info = await importCsv();
    const listed = unwrap(await api.listDatasets(info.workspaceId));
    expect(listed[0].columns.filter((c) => c.kind === 'code').map((c) => [c.key, c.label])).toEqual([
      ['customer', 'Kunde'],
      ['region', 'Region'],
      ['master:industry', 'Branche'],
    ]);
    const meta = unwrap(await api.datasetMeta(info.id));
    expect(meta.attributes).toEqual([
      { key: 'region', label: 'Region', values: ['Nord', 'Süd'] },
      { key: 'master:industry', label: 'Branche', values: ['Maschinenbau', 'Bau', '', NOT_IN_MASTER] },
    ]);
  });

  it('filters the overview by a master attribute (hand-computed customers and revenue)', async () => {
    stub.master = masterFile(KPI_MASTER);
    const info = await importCsv();
    const filtered = (values: string[]) =>
      api.overview({ datasetId: info.id, filters: [{ attribute: 'master:industry', values }] });
    const machines = unwrap(await filtered(['Maschinenbau']));
    expect(machines.customers).toBe(2); // A, C
    expect(machines.kpis.kpis.clvHistoric.value).toBe((250 + 200) / 2);
    const outside = unwrap(await filtered([NOT_IN_MASTER]));
    expect(outside.customers).toBe(1); // E
    expect(outside.kpis.kpis.clvHistoric.value).toBe(70);
    // With an order attribute: Maschinenbau and Süd is nobody; Bau or blank and Süd are B and D.
    const both = unwrap(
      await api.overview({
        datasetId: info.id,
        filters: [
          { attribute: 'master:industry', values: ['Bau', ''] },
          { attribute: 'region', values: ['Süd'] },
        ],
      }),
    );
    expect(both.customers).toBe(2);
    expect(both.kpis.kpis.clvHistoric.value).toBe((80 + 40) / 2);
  });

  it('compares segments and groups cohorts by a master attribute', async () => {
    stub.master = masterFile(KPI_MASTER);
    const info = await importCsv();
    const seg = unwrap(await api.segments({ datasetId: info.id, attribute: 'master:industry' }));
    expect(seg.rows.map((r) => [r.value, r.customers, r.lines, r.kpis.clvHistoric.value])).toEqual([
      ['Maschinenbau', 2, 3, 225],
      ['Bau', 1, 2, 80],
      ['', 1, 1, 40],
      [NOT_IN_MASTER, 1, 2, 70],
    ]);
    const co = unwrap(await api.cohorts({ datasetId: info.id, groupBy: 'master:industry' }));
    expect(Object.fromEntries(co.cohorts.map((c) => [c.key, c.size]))).toEqual({
      Maschinenbau: 2,
      Bau: 1,
      '': 1,
      [NOT_IN_MASTER]: 1,
    });
  });

  it("groups the forecast's customers by a master attribute", async () => {
    // 30 customers K01…K30 with 2–6 purchases each; K01–K20 alternate Bau / Handel, K21–K30 have no master row.
    const rows = ['Kunde;Datum;Betrag'];
    for (let k = 1; k <= 30; k++) {
      const purchases = 2 + (k % 5);
      for (let p = 0; p < purchases; p++) {
        const day = 1 + ((k * 7 + p * (40 + k * 3)) % 700);
        const date = new Date(Date.UTC(2023, 0, day));
        const de = `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
        rows.push(`K${String(k).padStart(2, '0')};${de};${50 + k * 3 + p * 7},00`);
      }
    }
    stub.master = masterFile(
      Array.from({ length: 20 }, (_, i) => [`K${String(i + 1).padStart(2, '0')}`, i % 2 ? 'Handel' : 'Bau']),
    );
    const info = await importCsv(rows.join('\n'));
    const f = unwrap(
      await api.forecast({
        datasetId: info.id,
        model: 'bgnbd',
        unit: 'week',
        calibrationEnd: null,
        monthlyDiscount: 0.01,
        clvMarginRate: 1,
        horizonMonths: 12,
      }),
    );
    expect(f.failure).toBeNull();
    const byIndustry = f.byAttribute.find((a) => a.attribute === 'master:industry');
    expect(byIndustry).toBeDefined();
    expect(Object.fromEntries(byIndustry!.rows.map((r) => [r.key, r.customers]))).toEqual({
      Bau: 10,
      Handel: 10,
      [NOT_IN_MASTER]: 10,
    });
  });

  it('works without master data, and when the master data cannot be read', async () => {
    stub.fail = true;
    const info = await importCsv();
    expect(unwrap(await api.datasetMeta(info.id)).attributes.map((a) => a.key)).toEqual(['region']);
    expect(unwrap(await api.overview({ datasetId: info.id })).customers).toBe(5);
    // Master data imported later: the next request of the open dataset carries its attributes.
    stub.fail = false;
    stub.master = masterFile(KPI_MASTER);
    const meta = unwrap(await api.datasetMeta(info.id));
    expect(meta.attributes.map((a) => a.key)).toEqual(['region', 'master:industry']);
    // A filter by an attribute that no longer exists fails with a clear code.
    stub.master = null;
    expect(
      await api.overview({
        datasetId: info.id,
        filters: [{ attribute: 'master:industry', values: ['Bau'] }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});
