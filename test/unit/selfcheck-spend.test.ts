// The self-check's evidence with the workspace's spend data, through the worker API (fake-indexeddb): the CLV : CAC
// evidence uses the blended CAC of the last 365 days from the spend, the budget evidence the spend split by purpose,
// and each says so; without spend data the typed figures are used, and the notes say that instead.
//
// The case: the demo's orders and master data for 600 customers (the generator counts their new customers per channel
// and month where the app does), seen at D = 31.12.2025, so that the last 365 days are the calendar year 2025; and a
// hand-made spend file: Messe 12.000 (01.2025) + Webshop 18.000 (06.2025) for acquisition, Newsletter 10.000
// (03.2025) for existing customers (its purpose set per channel in the cost settings), and Messe 50.000 of 11.2024
// before the year. Blended CAC = 30.000 / the new customers of 2025; spend split = 30.000 : 10.000 = 75 % : 25 %.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { api } from '../../src/worker/api';
import { encodeWindows1252, generateDemoFiles, toCsv } from '../../scripts/generate-demo.mjs';
import type { DatasetInfo } from '../../src/shared/types';
import { EMPTY_FIGURES } from '../../src/shared/figures';
import type { RecordFileInfo } from '../../src/shared/economics';
import { freshDatabasePerTest, unwrap } from './worker-fixture';

freshDatabasePerTest('selfcheck-spend');

const demo = generateDemoFiles({ customers: 600 });
const csv = (f: { header: string[]; rows: string[][] }) =>
  new Uint8Array(encodeWindows1252(toCsv(f.header, f.rows)));
const ORDERS = csv(demo.orders);
const MASTER = csv(demo.customers);
/** New customers of 2025 over all channels, as the generator counted them. */
const NEW_2025 = Object.values(demo.stats.newCustomers)
  .flatMap((byMonth) => Object.entries(byMonth))
  .filter(([month]) => month.endsWith('.2025'))
  .reduce((sum, [, n]) => sum + n, 0);

const SPEND = [
  'Monat;Kanal;Kosten',
  '11.2024;Messe;50.000,00',
  '01.2025;Messe;12.000,00',
  '03.2025;Newsletter;10.000,00',
  '06.2025;Webshop;18.000,00',
].join('\n');

async function importOrders() {
  const ws = unwrap(await api.createWorkspace('W'));
  const file = new File([ORDERS], 'demo.csv');
  const { options } = unwrap(await api.sniffFile(file));
  return unwrap(await api.startImport(ws, file, options)) as DatasetInfo;
}

async function importRecords(
  ws: number,
  source: 'customers' | 'spend',
  data: string | Uint8Array<ArrayBuffer>,
) {
  const file = new File([data], `${source}.csv`);
  const answer = unwrap(await api.sniffFile(file, undefined, source));
  return unwrap(await api.startImport(ws, file, answer.options)) as RecordFileInfo;
}

const TYPED = { cac: 999, acquisitionShare: 50, existingShare: 50 };

async function evidence(datasetId: number) {
  return unwrap(
    await api.selfCheckEvidence({
      datasetId,
      asOf: '2025-12-31',
      user: TYPED,
      marginPercent: 100,
      valueStream: null,
    }),
  );
}

describe('self-check evidence from the spend data', () => {
  it('uses the blended CAC of the last year and the spend split by purpose, and says so', async () => {
    const ds = await importOrders();
    const ws = ds.workspaceId;
    await importRecords(ws, 'customers', MASTER);
    await importRecords(ws, 'spend', SPEND);
    unwrap(
      await api.saveFigures(ws, {
        ...EMPTY_FIGURES,
        ...TYPED,
        costs: { ...EMPTY_FIGURES.costs, channelPurpose: { Newsletter: 'existing' } },
      }),
    );
    const ev = await evidence(ds.id);

    const clv = ev.clvVsCac;
    expect(clv.available).toBe(true);
    expect(NEW_2025).toBeGreaterThan(50);
    expect(clv.values.cac).toBeCloseTo(30_000 / NEW_2025, 9);
    expect(clv.values.ratio).toBeCloseTo(clv.values.meanClv36! / (30_000 / NEW_2025), 9);
    expect(clv.notes).toEqual(['cacFromSpend']);

    const budget = ev.budgetShare;
    expect(budget.available).toBe(true);
    expect(budget.values.acquisitionBudgetShare).toBeCloseTo(0.75, 12);
    expect(budget.values.existingBudgetShare).toBeCloseTo(0.25, 12);
    expect(budget.values.gap).toBeCloseTo(budget.values.existingValueShare! - 0.25, 12);
    expect(budget.notes).toEqual(['budgetFromSpend']);
  }, 60_000);

  it('counts all spend for acquisition without a purpose, and sees a new spend file', async () => {
    const ds = await importOrders();
    const ws = ds.workspaceId;
    await importRecords(ws, 'spend', SPEND);
    // Without the Newsletter's purpose (and without master data) all 40.000 of the year are acquisition.
    const ev = await evidence(ds.id);
    expect(ev.clvVsCac.values.cac).toBeCloseTo(40_000 / NEW_2025, 9);
    expect(ev.budgetShare.values.acquisitionBudgetShare).toBe(1);
    expect(ev.budgetShare.values.existingBudgetShare).toBe(0);
    // A second spend file with 8.000 more on Messe in 10.2025.
    await importRecords(ws, 'spend', 'Monat;Kanal;Kosten\n10.2025;Messe;8.000,00');
    expect((await evidence(ds.id)).clvVsCac.values.cac).toBeCloseTo(48_000 / NEW_2025, 9);
  }, 60_000);

  it('falls back on the typed figures without spend data, and says that the typed figure is used', async () => {
    const ds = await importOrders();
    await importRecords(ds.workspaceId, 'customers', MASTER);
    const ev = await evidence(ds.id);
    expect(ev.clvVsCac.values.cac).toBe(999);
    expect(ev.clvVsCac.notes).toEqual(['cacTyped']);
    expect(ev.budgetShare.values.acquisitionBudgetShare).toBe(0.5);
    expect(ev.budgetShare.values.existingBudgetShare).toBe(0.5);
    expect(ev.budgetShare.notes).toEqual(['budgetTyped']);

    // Nothing typed either: the notes ask for the figures.
    const none = unwrap(
      await api.selfCheckEvidence({
        datasetId: ds.id,
        asOf: '2025-12-31',
        user: { cac: null, acquisitionShare: null, existingShare: null },
        marginPercent: 100,
        valueStream: null,
      }),
    );
    expect(none.clvVsCac.values.cac).toBeNull();
    expect(none.clvVsCac.notes).toEqual(['noCac']);
    expect(none.budgetShare.notes).toEqual(['noBudget']);
  }, 60_000);
});
