// The Actions lists through the real worker API on a hand-made dataset (every figure computed by hand below).
//
// D = 2024-06-30 (the last line). Lines (customer, date, amount, category):
//   A 2022-01-10 100 Food · A 2022-03-10 50 Toys           last 2022-03-10, D − last = 843 days: inactive
//   B 2023-01-15 200 Food                                  D − last = 532 days: inactive
//   C 2024-06-01 80 Food · C 2024-06-30 40 Toys            active
//   D 2023-08-01 30 Toys                                   D − last = 334 days < 365.25: active
//   E 2024-06-30 60 Food                                   active
// Yearly value = value / max(1, (last − first) / 365.25 years) = the whole value for each (at most 59 days).
// Five customers are too few for a forecast: no P(alive), due now unavailable (forecastFailed).
// RFM (tie-safe scores 1 + floor(5 · lower / 5)): orders A 2, B 1, C 2, D 1, E 1 → F = 4 for A and C, 1 otherwise;
// recency A 843, B 532, D 334, C 0, E 0 days → R = 1, 2, 3, 4, 4; revenue D 30, E 60, C 120, A 150, B 200 → M = 1 … 5;
// FM = (F + M + 1) >> 1: A 4, B 3, C 4, D 1, E 2. Segments: A atRisk (R 1, FM 4), B atRisk (R 2, FM 3), C champions,
// D aboutToSleep, E potentialLoyalists.
import { describe, expect, it } from 'vitest';
import {
  actionsRequest,
  freshDatabasePerTest,
  restoreActionRecordsAfterEach,
  unwrap,
} from '../worker-fixture';
import { api } from '../../../src/worker/api';
import { actionRecords } from '../../../src/worker/action-lists';
import type { RecordFile } from '../../../src/worker/records';
import { EMPTY_FIGURES } from '../../../src/shared/figures';
import { isoToDay } from '../../../src/shared/days';
import { records } from '../economics/fixture';
import { HAND_CSV } from './fixtures';

freshDatabasePerTest('actions-handler');
restoreActionRecordsAfterEach();

function master(data: RecordFile['data']): RecordFile {
  return {
    info: {
      id: 7,
      workspaceId: 1,
      source: 'customers',
      name: 'Kunden',
      fileName: 'kunden.csv',
      createdAt: 7,
      rowCount: data.n,
      summary: null,
      columns: [],
    },
    data,
  };
}

const setup = () => actionsRequest(HAND_CSV);

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('actions handler', () => {
  it('reactivation: members, reasons and value at stake on revenue, without a forecast', async () => {
    const req = await setup();
    const page = unwrap(
      await api.actionPage({ ...req, query: { list: 'reactivation' }, offset: 0, limit: 10 }),
    );
    expect(ids(page.rows)).toEqual(['B', 'A']);
    expect(page.rows.map((r) => r.value)).toEqual([200, 150]);
    expect(page.rows[0].reasons).toEqual(['noPurchase']);
    expect(page.rows[1]).toMatchObject({
      yearlyValue: 150,
      firstOrder: '2022-01-10',
      lastOrder: '2022-03-10',
      daysSinceLast: 843,
      orders: 2,
      revenue: 150,
      usualProducts: ['Food', 'Toys'],
      lastProducts: ['Toys'],
      pAlive: null,
      name: null,
      expectedNext: null,
    });
    expect(page.summary).toMatchObject({
      total: 2,
      valueTotal: 350,
      unavailable: null,
      valueBasis: 'revenue',
      withPAlive: false,
      contactCriterion: false,
      model: null,
      asOf: '2024-06-30',
    });
    // N = 6 months: D − 182.6 days; D (334 days) joins.
    const six = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'reactivation', inactiveMonths: 6 },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(six.rows)).toEqual(['B', 'A', 'D']);
  });

  it('reactivation with a margin of 50 % and master data: the contact criterion, names and search', async () => {
    const req = await setup();
    actionRecords.master = async () =>
      master(
        records({
          codes: { customer: ['A', 'B', 'C'], name: ['Alpha GmbH', 'Beta AG', 'Gamma KG'] },
          // A was contacted on 2024-05-01 (within 6 months of D); B and C never.
          days: { lastContact: [isoToDay('2024-05-01'), -0x80000000, -0x80000000] },
        }),
      );
    const figures = { ...EMPTY_FIGURES, marginPercent: 50 };
    const page = unwrap(
      await api.actionPage({ ...req, figures, query: { list: 'reactivation' }, offset: 0, limit: 10 }),
    );
    expect(ids(page.rows)).toEqual(['B']);
    expect(page.rows[0]).toMatchObject({
      name: 'Beta AG',
      reasons: ['noPurchase', 'noContact'],
      value: 100,
      yearlyValue: 100,
      lastContact: null,
    });
    expect(page.summary).toMatchObject({ valueBasis: 'margin', contactCriterion: true, valueTotal: 100 });
    // With M = 1 month, A's contact (60 days ago) is too old: A is back, with its contact date.
    const m1 = unwrap(
      await api.actionPage({
        ...req,
        figures,
        query: { list: 'reactivation', contactMonths: 1 },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(m1.rows)).toEqual(['B', 'A']);
    expect(m1.rows[1]).toMatchObject({ value: 75, lastContact: '2024-05-01', name: 'Alpha GmbH' });
    // Search by name, case-insensitive.
    const s = unwrap(
      await api.actionPage({
        ...req,
        figures,
        query: { list: 'reactivation', contactMonths: 1, search: 'ALPHA' },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(s.rows)).toEqual(['A']);
    expect(s.summary.total).toBe(1);
  });

  it('due now needs a forecast: five customers are too few', async () => {
    const req = await setup();
    const page = unwrap(await api.actionPage({ ...req, query: { list: 'due' }, offset: 0, limit: 10 }));
    expect(page.total).toBe(0);
    expect(page.summary.unavailable).toBe('forecastFailed');
  });

  it('whitespace Food → Toys: the buyers of Food without Toys, each worth confidence × mean revenue in Toys', async () => {
    const req = await setup();
    const none = unwrap(
      await api.actionPage({ ...req, query: { list: 'whitespace' }, offset: 0, limit: 10 }),
    );
    expect(none.summary.unavailable).toBe('noPair');
    const query = { list: 'whitespace' as const, pair: { a: 'Food', b: 'Toys' } };
    const page = unwrap(await api.actionPage({ ...req, query, offset: 0, limit: 10 }));
    // Food: A, B, C, E; Food and Toys: A, C (Toys revenue 50 and 40, mean 45); confidence 2/4.
    expect(ids(page.rows).sort()).toEqual(['B', 'E']);
    expect(page.rows.map((r) => r.value)).toEqual([22.5, 22.5]);
    expect(page.summary.valueTotal).toBe(45);
    // Equal values: by id.
    expect(ids(page.rows)).toEqual(['B', 'E']);
    // Sort by revenue, ascending; paging.
    const byRevenue = unwrap(
      await api.actionPage({
        ...req,
        query: { ...query, sort: 'revenue', descending: false },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(byRevenue.rows)).toEqual(['E', 'B']);
    const second = unwrap(
      await api.actionPage({ ...req, query: { ...query, sort: 'revenue' }, offset: 1, limit: 1 }),
    );
    expect(second.total).toBe(2);
    expect(ids(second.rows)).toEqual(['E']);
    // Segment filter: B is atRisk, E potentialLoyalists.
    expect(page.rows.map((r) => r.segment)).toEqual(['atRisk', 'potentialLoyalists']);
    const bySegment = unwrap(
      await api.actionPage({ ...req, query: { ...query, segment: 'atRisk' }, offset: 0, limit: 10 }),
    );
    expect(ids(bySegment.rows)).toEqual(['B']);
    // The whole list.
    expect(ids(unwrap(await api.actionRows({ ...req, query })).rows)).toEqual(['B', 'E']);
  });

  it('upsell: F ≥ 4 and an AOV below the segment median', async () => {
    const req = await setup();
    // A (F 4, atRisk): AOV 150 / 2 = 75 < median(75, 200) = 137.5, gap (137.5 − 75) × 2 = 125. C (F 4, champions
    // alone): AOV 60 = its segment's median, not below.
    const page = unwrap(await api.actionPage({ ...req, query: { list: 'upsell' }, offset: 0, limit: 10 }));
    expect(page.rows.map((r) => [r.id, r.value, r.aov, r.segmentMedianAov, r.f, r.segment])).toEqual([
      ['A', 125, 75, 137.5, 4, 'atRisk'],
    ]);
  });

  it('the overview: heatmap, whitespace ranking, journey and the matrix columns', async () => {
    const req = await setup();
    const o = unwrap(await api.actionsOverview(req));
    expect(o.customers).toBe(5);
    expect(o.crossSellKey).toBe('category');
    expect(o.matrixColumns).toEqual(['Food', 'Toys']);
    expect(o.heatmap!.labels).toEqual(['Food', 'Toys']);
    expect(o.heatmap!.buyers).toEqual([4, 3]);
    expect(o.heatmap!.both).toEqual([4, 2, 2, 3]);
    // confidence(Food → Toys) = 2/4, lift = 0.5 / (3/5); confidence(Toys → Food) = 2/3, lift = (2/3) / (4/5).
    expect(o.heatmap!.confidence[1]).toBeCloseTo(0.5, 12);
    expect(o.heatmap!.lift[1]).toBeCloseTo(0.5 / 0.6, 12);
    expect(o.heatmap!.lift[2]).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(Number.isNaN(o.heatmap!.confidence[0])).toBe(true);
    // Whitespace: Food → Toys: 2 × 0.5 × 45 = 45. Toys → Food: D; 1 × 2/3 × mean(100, 80) = 60.
    expect(o.whitespace.map((w) => [w.a, w.b, w.whitespace, w.both])).toEqual([
      ['Toys', 'Food', 1, 2],
      ['Food', 'Toys', 2, 2],
    ]);
    expect(o.whitespace[0].expectedRevenue).toBeCloseTo(60, 12);
    expect(o.whitespace[1].expectedRevenue).toBeCloseTo(45, 12);
    // The summary of the whitespace list is the top pair (Toys → Food: D alone).
    expect(o.lists.whitespace).toMatchObject({ total: 1, unavailable: null });
    expect(o.lists.whitespace.valueTotal).toBeCloseTo(60, 12);
    expect(o.lists.reactivation.total).toBe(2);
    expect(o.lists.upsell).toMatchObject({ total: 1, valueTotal: 125 });
    expect(o.lists.due.unavailable).toBe('forecastFailed');
    // Journey: A and C have two purchase orders, both Food then Toys.
    expect(o.journey).toEqual([{ from: 'Food', to: 'Toys', customers: 2, share: 1 }]);
    expect(o.journeyCustomers).toBe(2);
  });

  it('the matrix: has / has-not, sort by count and by a column, search, paging', async () => {
    const req = await setup();
    const q = (query: object, offset = 0, limit = 10) =>
      api.actionMatrix({ ...req, query: { sort: { by: 'id' }, descending: false, ...query }, offset, limit });
    const all = unwrap(await q({}));
    expect(all.columns).toEqual(['Food', 'Toys']);
    expect(all.rows.map((r) => [r.id, r.bought])).toEqual([
      ['A', [0, 1]],
      ['B', [0]],
      ['C', [0, 1]],
      ['D', [1]],
      ['E', [0]],
    ]);
    expect(ids(unwrap(await q({ has: ['Toys'], hasNot: ['Food'] })).rows)).toEqual(['D']);
    expect(ids(unwrap(await q({ has: ['Food'], hasNot: ['Toys'] })).rows)).toEqual(['B', 'E']);
    expect(ids(unwrap(await q({ sort: { by: 'count' }, descending: true })).rows)).toEqual([
      'A',
      'C',
      'B',
      'D',
      'E',
    ]);
    expect(ids(unwrap(await q({ sort: { by: 'column', column: 'Toys' }, descending: true })).rows)).toEqual([
      'A',
      'C',
      'D',
      'B',
      'E',
    ]);
    expect(ids(unwrap(await q({ sort: { by: 'revenue' }, descending: true })).rows)).toEqual([
      'B',
      'A',
      'C',
      'E',
      'D',
    ]);
    const p2 = unwrap(await q({}, 2, 2));
    expect(p2.total).toBe(5);
    expect(ids(p2.rows)).toEqual(['C', 'D']);
    expect(ids(unwrap(await q({ search: 'c' })).rows)).toEqual(['C']);
    expect(unwrap(await q({ has: ['Nothing'] })).total).toBe(0);
  });

  it('a customer row for any customer (the fields of campaign messages)', async () => {
    const req = await setup();
    const { customerRowOf, prepareActions } = await import('../../../src/worker/action-lists');
    const p = await prepareActions({ datasetId: req.datasetId });
    const c = (p.lines.dicts.customer ?? []).indexOf('C');
    const row = customerRowOf(p, req.figures, c);
    expect(row).toMatchObject({
      id: 'C',
      value: 0,
      reasons: [],
      orders: 2,
      revenue: 120,
      usualProducts: ['Food', 'Toys'],
      lastProducts: ['Toys'],
      lastOrder: '2024-06-30',
      daysSinceLast: 0,
    });
  });
});
