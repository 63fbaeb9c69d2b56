/**
 * The Actions lists through the real worker API, on hand-made files (every figure counted by hand in the comments):
 * the request's attribute filter narrows the lists and the matrix; the cross-sell key falls back to products when
 * there is no category column and at most 200 products; and the self-check's inactive count agrees with the
 * reactivation list at N = 12 months.
 */
import { describe, expect, it } from 'vitest';
import {
  actionsRequest as scope,
  freshDatabasePerTest,
  restoreActionRecordsAfterEach,
  unwrap,
} from '../worker-fixture';
import { api } from '../../../src/worker/api';
import { dayToIso, isoToDay } from '../../../src/shared/days';

freshDatabasePerTest('actions-scope-key');
restoreActionRecordsAfterEach();

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('a list in the scope of an attribute filter', () => {
  // D = 2024-06-30 in both regions (C's Nord line and E's Süd line are on that day).
  //   A 2022-01-10 100 Food Nord · A 2022-03-10 50 Toys Süd
  //   B 2023-01-15 200 Food Süd
  //   C 2024-06-01 80 Food Süd   · C 2024-06-30 40 Toys Nord
  //   D 2023-08-01 30 Toys Nord
  //   E 2024-06-30 60 Food Süd
  // Nord: A (last 2022-01-10, 902 days: inactive, 100 in one order), C (0 days), D (334 days < 365.25): the list is A.
  // Süd: A (last 2022-03-10, 843 days, 50), B (532 days, 200), C (29 days), E (0 days): the list is B, A.
  // Yearly value: first = last within the region for A and B, so the divisor is one year: the revenue itself.
  const CSV = [
    'Kunde;Datum;Betrag;Kategorie;Region',
    'A;10.01.2022;100,00;Food;Nord',
    'A;10.03.2022;50,00;Toys;Süd',
    'B;15.01.2023;200,00;Food;Süd',
    'C;01.06.2024;80,00;Food;Süd',
    'C;30.06.2024;40,00;Toys;Nord',
    'D;01.08.2023;30,00;Toys;Nord',
    'E;30.06.2024;60,00;Food;Süd',
  ].join('\n');
  const region = (v: string) => [{ attribute: 'region', values: [v] }];

  it('the reactivation list holds only the customers with lines of the value, with their values there', async () => {
    const req = await scope(CSV);
    const list = (filters?: { attribute: string; values: string[] }[]) =>
      api.actionPage({ ...req, filters, query: { list: 'reactivation' }, offset: 0, limit: 10 });
    // Unfiltered: A (150 over 2022-01-10 … 03-10) and B (200).
    const all = unwrap(await list());
    expect(ids(all.rows)).toEqual(['B', 'A']);
    expect(all.rows.map((r) => r.value)).toEqual([200, 150]);

    const nord = unwrap(await list(region('Nord')));
    expect(nord.summary).toMatchObject({ total: 1, valueTotal: 100, asOf: '2024-06-30' });
    expect(nord.rows).toHaveLength(1);
    expect(nord.rows[0]).toMatchObject({
      id: 'A',
      value: 100,
      orders: 1,
      revenue: 100,
      firstOrder: '2022-01-10',
      lastOrder: '2022-01-10',
      daysSinceLast: 902,
      usualProducts: ['Food'],
      lastProducts: ['Food'],
    });

    const sued = unwrap(await list(region('Süd')));
    expect(ids(sued.rows)).toEqual(['B', 'A']);
    expect(sued.rows.map((r) => [r.value, r.lastOrder, r.daysSinceLast])).toEqual([
      [200, '2023-01-15', 532],
      [50, '2022-03-10', 843],
    ]);
    expect(sued.summary).toMatchObject({ total: 2, valueTotal: 250 });

    // The overview's list sizes follow the filter too; it counts the customers in scope.
    const o = unwrap(await api.actionsOverview({ ...req, filters: region('Nord') }));
    expect(o.customers).toBe(3);
    expect(o.lists.reactivation).toMatchObject({ total: 1, valueTotal: 100 });
  });

  it('the matrix holds only the customers with lines of the value, and only what they bought there', async () => {
    const req = await scope(CSV);
    const matrix = async (v: string) => {
      const page = unwrap(
        await api.actionMatrix({
          ...req,
          filters: region(v),
          query: { sort: { by: 'id' }, descending: false },
          offset: 0,
          limit: 10,
        }),
      );
      return {
        total: page.total,
        rows: page.rows.map((r) => [r.id, r.bought.map((i) => page.columns[i]).sort(), r.revenue]),
      };
    };
    // Nord: A Food 100, C Toys 40, D Toys 30.
    expect(await matrix('Nord')).toEqual({
      total: 3,
      rows: [
        ['A', ['Food'], 100],
        ['C', ['Toys'], 40],
        ['D', ['Toys'], 30],
      ],
    });
    // Süd: A Toys 50, B Food 200, C Food 80, E Food 60.
    expect(await matrix('Süd')).toEqual({
      total: 4,
      rows: [
        ['A', ['Toys'], 50],
        ['B', ['Food'], 200],
        ['C', ['Food'], 80],
        ['E', ['Food'], 60],
      ],
    });
  });
});

describe('the cross-sell key without a category column', () => {
  // Products, no category:
  //   A 2024-01-10 10 P1 · A 2024-02-10 20 P2
  //   B 2024-03-10 30 P1
  //   C 2024-04-10 40 P2 · C 2024-05-10 50 P1
  //   D 2024-06-30  5 P3
  // Buyers: P1 A, B, C (3); P2 A, C (2); P3 D (1): the columns by buyers P1, P2, P3.
  // P1 → P2: both A and C (2), confidence 2/3; whitespace B; mean revenue in P2 of A and C (20 + 40) / 2 = 30;
  // expected 1 × 2/3 × 30 = 20. Every other pair has no buyer of both (P3 with anyone) or no whitespace (P2 → P1).
  const CSV = [
    'Kunde;Datum;Betrag;Artikel',
    'A;10.01.2024;10,00;P1',
    'A;10.02.2024;20,00;P2',
    'B;10.03.2024;30,00;P1',
    'C;10.04.2024;40,00;P2',
    'C;10.05.2024;50,00;P1',
    'D;30.06.2024;5,00;P3',
  ].join('\n');

  it('falls back to the products: the matrix columns are the products; a whitespace pair by product', async () => {
    const req = await scope(CSV);
    const o = unwrap(await api.actionsOverview(req));
    expect(o.crossSellKey).toBe('product');
    expect(o.crossSellUnavailable).toBeNull();
    expect(o.matrixColumns).toEqual(['P1', 'P2', 'P3']);
    expect(o.heatmap!.labels).toEqual(['P1', 'P2', 'P3']);
    expect(o.heatmap!.buyers).toEqual([3, 2, 1]);
    const top = o.whitespace[0];
    expect([top.a, top.b, top.whitespace, top.both]).toEqual(['P1', 'P2', 1, 2]);
    expect(top.confidence).toBeCloseTo(2 / 3, 12);
    expect(top.expectedRevenue).toBeCloseTo(20, 12);
    expect(o.whitespace.filter((w) => w.expectedRevenue > 0)).toHaveLength(1);

    const page = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'whitespace', pair: { a: 'P1', b: 'P2' } },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(page.rows)).toEqual(['B']);
    expect(page.rows[0].value).toBeCloseTo(20, 12);
    expect(page.summary.unavailable).toBeNull();

    const m = unwrap(
      await api.actionMatrix({
        ...req,
        query: { sort: { by: 'id' }, descending: false },
        offset: 0,
        limit: 10,
      }),
    );
    expect(m.columns).toEqual(['P1', 'P2', 'P3']);
    expect(m.rows.map((r) => [r.id, r.bought.map((i) => m.columns[i]).sort()])).toEqual([
      ['A', ['P1', 'P2']],
      ['B', ['P1']],
      ['C', ['P1', 'P2']],
      ['D', ['P3']],
    ]);
  });

  // n products, one customer each, one line a day from 2024-01-01.
  const generated = (n: number) =>
    [
      'Kunde;Datum;Betrag;Artikel',
      ...Array.from({ length: n }, (_, i) => {
        const [y, mo, d] = dayToIso(isoToDay('2024-01-01') + i).split('-');
        return `K${i};${d}.${mo}.${y};10,00;P${i}`;
      }),
    ].join('\n');

  it('200 products are still a matrix of products', async () => {
    const req = await scope(generated(200));
    const o = unwrap(await api.actionsOverview(req));
    expect(o.crossSellKey).toBe('product');
    expect(o.matrixColumns).toHaveLength(200);
  });

  it('201 products are too many: no cross-sell, and the reason says so', async () => {
    const req = await scope(generated(201));
    const o = unwrap(await api.actionsOverview(req));
    expect(o.customers).toBe(201);
    expect(o.crossSellKey).toBeNull();
    expect(o.crossSellUnavailable).toBe('tooManyProducts');
    expect(o.heatmap).toBeNull();
    expect(o.whitespace).toEqual([]);
    const page = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'whitespace', pair: { a: 'P0', b: 'P1' } },
        offset: 0,
        limit: 10,
      }),
    );
    expect(page.total).toBe(0);
    expect(page.summary.unavailable).toBe('tooManyProducts');
  });
});

describe('the self-check and the reactivation list agree', () => {
  // D = 2024-06-30; history from 2022-01-01 (911 days, over the two years the evidence needs).
  // 2023-06-30 is 366 days before D (2024 is a leap year), 2023-07-01 365, 2023-07-02 364.
  // Evidence: inactive when D − last > 365 days. List: no purchase in (D − 12 months, D] with a month of 365.25 / 12
  // days, so D − last ≥ 365.25. Both: K1 (2022-01-01), K2 (2023-06-30), K6 (2023-01-01): 3 of 6.
  const CSV = [
    'Kunde;Datum;Betrag',
    'K1;01.01.2022;10,00',
    'K2;30.06.2023;20,00',
    'K3;01.07.2023;30,00',
    'K4;02.07.2023;40,00',
    'K5;05.05.2022;50,00',
    'K5;30.06.2024;60,00',
    'K6;01.01.2023;70,00',
  ].join('\n');

  it('the evidence’s inactive count is the size of the list at N = 12 without the contact criterion', async () => {
    const req = await scope(CSV);
    const ev = unwrap(
      await api.selfCheckEvidence({
        datasetId: req.datasetId,
        user: { cac: null, acquisitionShare: null, existingShare: null },
        marginPercent: 100,
        valueStream: null,
      }),
    );
    expect(ev.reactivation.available).toBe(true);
    expect(ev.reactivation.values).toMatchObject({ inactive: 3, share: 0.5, revenue: 100 });
    const page = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'reactivation', inactiveMonths: 12, sort: 'id', descending: false },
        offset: 0,
        limit: 10,
      }),
    );
    expect(page.summary.contactCriterion).toBe(false);
    expect(ids(page.rows)).toEqual(['K1', 'K2', 'K6']);
    expect(page.total).toBe(ev.reactivation.values.inactive);
  });
});
