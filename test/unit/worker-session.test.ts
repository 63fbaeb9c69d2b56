// The bounded analysis session (src/worker/session.ts) and the merged worker API (src/worker/handler.ts), on
// fake-indexeddb: scopes and datasets held up to their caps, least recently used out; evicted results recompute to the
// same figures; forgetting a dataset drops everything of it; every method guarded once.
import { describe, expect, it } from 'vitest';
import { freshDatabasePerTest, importCsv, KPI_CSV, unwrap } from './worker-fixture';
import { api } from '../../src/worker/api';
import { mergeHandlers } from '../../src/worker/handler';
import { MAX_SCOPES, MAX_SESSIONS, openDatasets, openSession } from '../../src/worker/session';
import { AppFailure } from '../../src/shared/errors';
import { seededInts } from './fixtures';

freshDatabasePerTest('kundenwert-session');

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const withoutTime = <T extends { computeMs: number }>(r: T) => ({ ...r, computeMs: 0 });

describe('the analysis session', () => {
  it('50 as-of dates on one dataset leave at most the cap of scopes; an evicted scope recomputes the same', async () => {
    const info = await importCsv();
    // Days 100, 117, …, 933: 50 different as-of dates across the data.
    const dates = Array.from({ length: 50 }, (_, k) => iso(100 + 17 * k));
    const first = {
      overview: unwrap(await api.overview({ datasetId: info.id, asOf: dates[0] })),
      rfm: unwrap(await api.rfm({ datasetId: info.id, asOf: dates[0] })),
      cohorts: unwrap(await api.cohorts({ datasetId: info.id, asOf: dates[0] })),
    };
    // Day 100: only D has bought (40.00).
    expect(first.overview.customers).toBe(1);
    expect(first.overview.kpis.kpis.aov.value).toBe(40);
    for (const asOf of dates.slice(1)) unwrap(await api.overview({ datasetId: info.id, asOf }));
    const session = await openSession(info.id);
    expect(MAX_SCOPES).toBeLessThan(50);
    expect(session.scopeKeys()).toHaveLength(MAX_SCOPES);
    // The newest scopes stay, the first one is gone.
    expect(session.scopeKeys().at(-1)).toContain(dates[49]);
    expect(session.scopeKeys().some((k) => k.includes(dates[0]))).toBe(false);
    // 1970-12-31 (day 364): A, B and D have bought (hand count, as in analysis-api.test.ts).
    expect(unwrap(await api.overview({ datasetId: info.id, asOf: '1970-12-31' })).customers).toBe(3);
    const again = {
      overview: unwrap(await api.overview({ datasetId: info.id, asOf: dates[0] })),
      rfm: unwrap(await api.rfm({ datasetId: info.id, asOf: dates[0] })),
      cohorts: unwrap(await api.cohorts({ datasetId: info.id, asOf: dates[0] })),
    };
    expect(session.scopeKeys().at(-1)).toContain(dates[0]);
    expect(session.scopeKeys().length).toBeLessThanOrEqual(MAX_SCOPES);
    // A fresh computation (a memoised one would carry the same computeMs), with the same figures.
    expect(again.overview.computeMs).not.toBe(first.overview.computeMs);
    expect(withoutTime(again.overview)).toEqual(withoutTime(first.overview));
    expect(again.rfm).toEqual(first.rfm);
    expect(withoutTime(again.cohorts)).toEqual(withoutTime(first.cohorts));
  });

  it('the forecast columns of the customer table belong to their scope and go with it', async () => {
    // 200 customers with their own purchase rates who drop out at their own time: enough for a BG/NBD fit.
    const rnd = seededInts(11);
    const rows = ['Kunde;Datum;Betrag'];
    for (let c = 0; c < 200; c++) {
      const gap = 5 + rnd(120);
      const end = rnd(730);
      for (let day = rnd(200); day <= end; day += 1 + rnd(2 * gap))
        rows.push(`K${c};${iso(day).split('-').reverse().join('.')};${10 + rnd(90)},00`);
    }
    const info = await importCsv(rows.join('\n'));
    const asOf = '1971-12-31';
    const page = async (date: string) =>
      unwrap(
        await api.customerPage({
          datasetId: info.id,
          asOf: date,
          sort: 'clv',
          descending: true,
          search: '',
          segment: null,
          offset: 0,
          limit: 5,
        }),
      );
    const f = unwrap(
      await api.forecast({
        datasetId: info.id,
        asOf,
        model: 'bgnbd',
        unit: 'week',
        calibrationEnd: null,
        monthlyDiscount: 0.01,
        clvMarginRate: 1,
        horizonMonths: 12,
      }),
    );
    expect(f.failure).toBeNull();
    expect(f.fit).not.toBeNull();
    expect((await page(asOf)).forecastMonths).toBe(12);
    // Another as-of date is another scope: no forecast columns there.
    expect((await page('1971-11-30')).forecastMonths).toBeNull();
    // Enough other scopes push the forecast's scope out; its columns go with it.
    for (let k = 0; k < MAX_SCOPES; k++)
      unwrap(await api.overview({ datasetId: info.id, asOf: iso(400 + k) }));
    const after = await page(asOf);
    expect(after.forecastMonths).toBeNull();
    expect(after.rows.every((r) => r.clv === null && r.pAlive === null)).toBe(true);
  });

  it('forgetting a dataset drops its lines and every scope of it', async () => {
    const a = await importCsv();
    const b = await importCsv();
    unwrap(await api.overview({ datasetId: a.id }));
    unwrap(await api.overview({ datasetId: b.id }));
    expect(openDatasets().sort()).toEqual([a.id, b.id].sort());
    const before = await openSession(a.id);
    unwrap(await api.setDropDuplicates(a.id, true));
    expect(openDatasets()).toEqual([b.id]);
    unwrap(await api.overview({ datasetId: a.id }));
    const reopened = await openSession(a.id);
    expect(reopened).not.toBe(before);
    expect(reopened.scopeKeys()).toHaveLength(1);
    unwrap(await api.deleteDataset(b.id));
    expect(openDatasets()).toEqual([a.id]);
    expect(await api.overview({ datasetId: b.id })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(openDatasets()).toEqual([a.id]);
    unwrap(await api.deleteAllData());
    expect(openDatasets()).toEqual([]);
  });

  it(`holds at most ${MAX_SESSIONS} datasets, the least recently used goes first; one load per dataset`, async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const ids = [];
    for (let k = 0; k < MAX_SESSIONS + 1; k++) ids.push((await importCsv(KPI_CSV, ws)).id);
    // Concurrent callers share one load.
    const [s1, s2] = await Promise.all([openSession(ids[0]), openSession(ids[0])]);
    expect(s1).toBe(s2);
    for (const id of ids.slice(1)) await openSession(id);
    expect(openDatasets()).toEqual(ids.slice(1));
    await openSession(ids[1]); // now the most recently used
    await openSession(ids[0]);
    expect(openDatasets()).toEqual([ids[1], ids[0]]);
  });
});

describe('mergeHandlers', () => {
  const seen: number[] = [];
  const handler = {
    async double(x: number): Promise<number> {
      return 2 * x;
    },
    async fails(): Promise<never> {
      throw new AppFailure('notFound', 'Nothing here.', { id: 7 });
    },
    async breaks(): Promise<never> {
      throw new Error('boom');
    },
    async withCallback(k: number, onStep?: (i: number) => void): Promise<true> {
      for (let i = 1; i <= k; i++) onStep?.(i);
      return true;
    },
  };

  it('wraps each method once: values, failures and thrown errors as Results; callbacks pass through', async () => {
    const merged = mergeHandlers(handler, {
      async ping(): Promise<string> {
        return 'pong';
      },
    });
    expect(await merged.double(21)).toEqual({ ok: true, value: 42 });
    expect(await merged.ping()).toEqual({ ok: true, value: 'pong' });
    expect(await merged.fails()).toEqual({
      ok: false,
      error: { code: 'notFound', message: 'Nothing here.', params: { id: 7 } },
    });
    expect(await merged.breaks()).toEqual({ ok: false, error: { code: 'unexpected', message: 'boom' } });
    expect(await merged.withCallback(3, (i) => seen.push(i))).toEqual({ ok: true, value: true });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses a method name defined twice', () => {
    expect(() =>
      mergeHandlers(handler, {
        async double(): Promise<number> {
          return 0;
        },
      }),
    ).toThrow('The worker method "double" is defined twice.');
  });

  it('the API has the methods of every feature, and under test the benchmarks and hooks', () => {
    for (const name of [
      'sniffFile',
      'startImport',
      'listWorkspaces',
      'datasetMeta',
      'overview',
      'customerPage',
      'cohorts',
      'segments',
      'forecast',
      'selfCheckEvidence',
      'selfCheckScore',
      'selfCheckMapEvidence',
      'saveValueStream',
      'valueStreamFigures',
      'getFigures',
      'saveFigures',
      'listRecordFiles',
      'ping',
    ])
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    // 37 of the app before the record files, 6 of the record files, 2 of the economics (economics, whatIf), 4 of the
    // action lists, 6 of the campaigns, 1 for other tabs' changes (forgetHeld), 4 of the workspace files, 1 for the
    // forecast's per-customer ranges (forecastRanges), and 7 of the test build (benchmarks and hooks, timeEconomics
    // and timeActions among them).
    expect(Object.keys(api)).toHaveLength(37 + 6 + 2 + 4 + 6 + 1 + 4 + 1 + 7);
    expect(typeof (api as Record<string, unknown>).economics).toBe('function');
    expect(typeof (api as Record<string, unknown>).whatIf).toBe('function');
    expect(typeof api.crashForTest).toBe('function');
  });
});
