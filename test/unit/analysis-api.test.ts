// The worker's analysis API on fake-indexeddb: columns are read back from storage and analysed.
import { describe, expect, it } from 'vitest';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import { api } from '../../src/worker/api';
import { readFileSync } from 'node:fs';
import { hasSharedData, sharedFile } from './helpers';

freshDatabasePerTest('kundenwert-analysis');

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

  it("subtracts the CAC of the workspace's figures from the simple CLV, and says whether one was entered", async () => {
    const info = await importCsv();
    const req = { datasetId: info.id, asOf: '1972-09-27' };
    const none = unwrap(await api.overview(req)).kpis;
    const simple = none.kpis.clvSimple.value;
    expect(simple).not.toBeNull();
    expect([none.cac, none.cacFromSettings]).toEqual([0, false]);
    const withCac = unwrap(await api.overview({ ...req, cac: 1250 })).kpis;
    expect(withCac.kpis.clvSimple.value).toBeCloseTo(simple! - 1250, 9);
    expect([withCac.cac, withCac.cacFromSettings]).toEqual([1250, true]);
    // The historic CLV does not depend on the CAC; back without a CAC, the figure is as before.
    expect(withCac.kpis.clvHistoric.value).toBe(none.kpis.clvHistoric.value);
    expect(unwrap(await api.overview(req)).kpis.kpis.clvSimple.value).toBe(simple);
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

describe('api.customerPage filters', () => {
  it('a cell of the R × FM map keeps only its customers, where its segment keeps all of the segment', async () => {
    const info = await importCsv();
    // As of day 900, by hand: recency A 200, B 610, C 0, D 800, E 100 days → R A3 B2 C5 D1 E4; orders A2 B2 C1 D1 E2
    // → F A3 B3 C1 D1 E3; revenue A250 B80 C200 D40 E70 → M A5 B3 C4 D1 E2; FM = ⌊(F + M + 1) / 2⌋ → A4 B3 C3 D1 E3.
    // C (5, 3) and E (4, 3) are both potential loyalists.
    const base = {
      datasetId: info.id,
      sort: 'revenue' as const,
      descending: true,
      search: '',
      offset: 0,
      limit: 10,
    };
    const bySegment = unwrap(await api.customerPage({ ...base, segment: 'potentialLoyalists' }));
    expect(bySegment.rows.map((r) => r.id)).toEqual(['C', 'E']);
    const byCell = unwrap(await api.customerPage({ ...base, segment: null, cell: { r: 4, fm: 3 } }));
    expect(byCell.total).toBe(1);
    expect(byCell.rows.map((r) => [r.id, r.r])).toEqual([['E', 4]]);
    const other = unwrap(await api.customerPage({ ...base, segment: null, cell: { r: 3, fm: 4 } }));
    expect(other.rows.map((r) => r.id)).toEqual(['A']);
    const empty = unwrap(await api.customerPage({ ...base, segment: null, cell: { r: 5, fm: 5 } }));
    expect(empty.total).toBe(0);
  });
});

describe('api.forecast and the customer table', () => {
  it('says in a code why five customers are too few, and the table then sorts a CLV request by revenue', async () => {
    const info = await importCsv();
    const req = {
      datasetId: info.id,
      model: 'bgnbd' as const,
      unit: 'day' as const,
      calibrationEnd: null,
      monthlyDiscount: 0.01,
      clvMarginRate: 1,
      horizonMonths: 12,
    };
    const f = unwrap(await api.forecast(req));
    expect(f.fit).toBeNull();
    expect(f.failure).toEqual({ code: 'tooFewCustomers', details: { customers: 5, minimum: 10 } });
    const page = unwrap(
      await api.customerPage({
        datasetId: info.id,
        sort: 'clv',
        descending: true,
        search: '',
        segment: null,
        offset: 0,
        limit: 10,
      }),
    );
    // Revenue: A 250, C 200, B 80, E 70, D 40.
    expect(page.rows.map((r) => r.id)).toEqual(['A', 'C', 'B', 'E', 'D']);
    expect(page.rows.every((r) => r.clv === null && r.pAlive === null)).toBe(true);
    expect(page.forecastMonths).toBeNull();
  });
});

describe('self-check and value stream storage', () => {
  it('saves, reads back and resets per workspace; deleting the workspace deletes both', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    expect(unwrap(await api.getSelfCheck(ws))).toBeNull();
    const row = {
      workspaceId: ws,
      answers: { pareto: { answer: 'partly' as const, note: 'Top-Kunden nur im Kopf' } },
      implementation: { currentState: true },
      figures: { cac: 120, acquisitionShare: 70, existingShare: 10 },
    };
    unwrap(await api.saveSelfCheck(row));
    expect(unwrap(await api.getSelfCheck(ws))).toMatchObject(row);
    const steps = [
      {
        id: 's1',
        name: 'Angebot',
        phase: 'decision' as const,
        owner: 'Vertrieb',
        processHours: 2,
        waitDays: 1,
        costPerCustomer: 30,
        rating: 'necessary' as const,
        handoff: true,
      },
    ];
    unwrap(await api.saveValueStream(ws, steps));
    expect(unwrap(await api.getValueStream(ws))?.steps).toEqual(steps);
    unwrap(await api.resetSelfCheck(ws));
    expect(unwrap(await api.getSelfCheck(ws))).toBeNull();
    expect(unwrap(await api.getValueStream(ws))?.steps).toEqual(steps);
    unwrap(await api.saveSelfCheck(row));
    unwrap(await api.deleteWorkspace(ws));
    expect(unwrap(await api.getSelfCheck(ws))).toBeNull();
    expect(unwrap(await api.getValueStream(ws))).toBeNull();
  });
});

describe.skipIf(!hasSharedData)('api.forecast on cdnow_sample.csv through fake-indexeddb', () => {
  it('fits the published BG/NBD at the calibration end and feeds the customer table, sortable by CLV', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([readFileSync(sharedFile('cdnow_sample.csv'))], 'cdnow_sample.csv');
    const { options } = unwrap(await api.sniffFile(file));
    const info = unwrap(await api.startImport(ws, file, options));
    const f = unwrap(
      await api.forecast({
        datasetId: info.id,
        model: 'bgnbd',
        unit: 'week',
        calibrationEnd: '1997-09-30',
        monthlyDiscount: 0.01,
        clvMarginRate: 1,
        horizonMonths: 36,
      }),
    );
    expect(f.validation?.fit?.params.r).toBeCloseTo(0.2426, 3);
    expect(f.validation?.fit?.params.alpha).toBeCloseTo(4.4136, 2);
    expect(f.validation?.holdoutLength).toBe(39);
    expect(f.customers).toBe(2357);
    expect(f.top).toHaveLength(20);
    const page = unwrap(
      await api.customerPage({
        datasetId: info.id,
        sort: 'clv',
        descending: true,
        search: '',
        segment: null,
        offset: 0,
        limit: 3,
      }),
    );
    expect(page.forecastMonths).toBe(36);
    expect(page.rows[0].id).toBe(f.top[0].id);
    expect(page.rows[0].clv).toBeCloseTo(f.top[0].clv!, 9);
    expect(page.rows[0].clv!).toBeGreaterThanOrEqual(page.rows[1].clv!);
  });
});
