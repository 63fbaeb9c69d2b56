// The rules the Actions lists rest on, through the real worker API (every figure by hand below):
// - reactivation needs the self-check's history (sufficiency.ts): 730 days with N = 12, else N months + one year;
// - the forecast's warnings travel with every list that shows P(alive);
// - data without an amount column: reactivation by days since the last purchase (no value), upsell unavailable,
//   whitespace by expected additional buyers (confidence);
// - the due list for every customer of the forecast (`dueAll`), by expected next order date.
import { describe, expect, it } from 'vitest';
import {
  actionsRequest as dataset,
  freshDatabasePerTest,
  restoreActionRecordsAfterEach,
  unwrap,
} from '../worker-fixture';
import { api } from '../../../src/worker/api';
import { isoToDay } from '../../../src/shared/days';
import { reactivationRequirement } from '../../../src/analytics/sufficiency';
import { HAND_CSV, HAND_LINES, simulatedCsv } from './fixtures';

freshDatabasePerTest('actions-list-rules');
restoreActionRecordsAfterEach();

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

// The handler test's file: D = 2024-06-30, first line 2022-01-10. History = D − first + 1 = 365 (to 2023-01-10)
// + 366 (to 2024-01-10, over 29.02.2024) + 31 + 29 + 31 + 30 + 31 (to 2024-06-10) + 20 + 1 = 903 days.
const WITH_AMOUNTS = HAND_CSV;
const NO_AMOUNTS = ['Kunde;Datum;Kategorie', ...HAND_LINES.map(([c, d, , k]) => `${c};${d};${k}`)].join('\n');

describe('reactivation needs the history of the self-check', () => {
  it('the requirement: 730 days for N = 12 (the self-check), else N months of 30.4375 days + 365, rounded up', () => {
    expect(reactivationRequirement(12)).toBe(730);
    expect(reactivationRequirement(6)).toBe(183 + 365); // 182.625 → 183
    expect(reactivationRequirement(17)).toBe(518 + 365); // 517.4375 → 518
    expect(reactivationRequirement(18)).toBe(548 + 365); // 547.875 → 548
    expect(reactivationRequirement(24)).toBe(731 + 365); // 730.5 → 731
  });

  it('903 days of history: N = 17 (883 days needed) lists, N = 18 (913 needed) says too short', async () => {
    const req = await dataset(WITH_AMOUNTS);
    const page = (n: number) =>
      api.actionPage({ ...req, query: { list: 'reactivation', inactiveMonths: n }, offset: 0, limit: 10 });
    // N = 17: D − 517.4 days = 2023-01-30: A (2022-03-10) and B (2023-01-15).
    const ok = unwrap(await page(17));
    expect(ok.summary.unavailable).toBeNull();
    expect(ids(ok.rows)).toEqual(['B', 'A']);
    const short = unwrap(await page(18));
    expect(short.total).toBe(0);
    expect(short.summary).toMatchObject({ unavailable: 'tooShort', historyDays: 903, neededDays: 913 });
  });

  it('N = 12 on the boundary: 730 days of history list, 729 do not', async () => {
    // D = 2024-12-30. From 2023-01-01: 365 + 364 + 1 = 730 days; from 2023-01-02: 729.
    const csv = (first: string) =>
      ['Kunde;Datum;Betrag', `X;${first};10,00`, 'Y;30.12.2024;20,00'].join('\n');
    const long = await dataset(csv('01.01.2023'));
    const a = unwrap(
      await api.actionPage({ ...long, query: { list: 'reactivation' }, offset: 0, limit: 10 }),
    );
    expect(a.summary.unavailable).toBeNull();
    expect(ids(a.rows)).toEqual(['X']);
    const short = await dataset(csv('02.01.2023'));
    const b = unwrap(
      await api.actionPage({ ...short, query: { list: 'reactivation' }, offset: 0, limit: 10 }),
    );
    expect(b.summary).toMatchObject({ unavailable: 'tooShort', historyDays: 729, neededDays: 730, total: 0 });
    // The overview says the same.
    expect(unwrap(await api.actionsOverview(short)).lists.reactivation.unavailable).toBe('tooShort');
  });
});

describe('data without an amount column', () => {
  it('reactivation: no value basis, ranked by days since the last purchase', async () => {
    const req = await dataset(NO_AMOUNTS);
    const page = unwrap(
      await api.actionPage({ ...req, query: { list: 'reactivation' }, offset: 0, limit: 10 }),
    );
    // A: 843 days, B: 532 days (with amounts B ranks first by value, 200 against 150).
    expect(ids(page.rows)).toEqual(['A', 'B']);
    expect(page.rows.map((r) => [r.daysSinceLast, r.value])).toEqual([
      [843, 0],
      [532, 0],
    ]);
    expect(page.summary).toMatchObject({
      valueBasis: null,
      hasAmount: false,
      valueTotal: 0,
      withPAlive: false,
    });
    // Ascending "value" is ascending days.
    const asc = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'reactivation', sort: 'value', descending: false },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(asc.rows)).toEqual(['B', 'A']);
  });

  it('upsell needs amounts', async () => {
    const req = await dataset(NO_AMOUNTS);
    const page = unwrap(await api.actionPage({ ...req, query: { list: 'upsell' }, offset: 0, limit: 10 }));
    expect(page.summary.unavailable).toBe('noAmount');
    expect(page.total).toBe(0);
  });

  it('whitespace: support, confidence and lift hold; pairs and customers ranked by expected additional buyers', async () => {
    const req = await dataset(NO_AMOUNTS);
    const o = unwrap(await api.actionsOverview(req));
    expect(o.hasAmount).toBe(false);
    // Food → Toys: 2 whitespace customers (B, E) × confidence 2/4 = 1 buyer; Toys → Food: 1 (D) × 2/3.
    expect(o.whitespace.map((w) => [w.a, w.b, w.whitespace])).toEqual([
      ['Food', 'Toys', 2],
      ['Toys', 'Food', 1],
    ]);
    expect(o.whitespace[0].expectedBuyers).toBeCloseTo(1, 12);
    expect(o.whitespace[1].expectedBuyers).toBeCloseTo(2 / 3, 12);
    expect(o.whitespace[0].confidence).toBeCloseTo(0.5, 12);
    expect(o.whitespace[0].lift).toBeCloseTo(0.5 / 0.6, 12);
    expect(o.whitespace[0].expectedRevenue).toBe(0);
    const page = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'whitespace', pair: { a: 'Food', b: 'Toys' } },
        offset: 0,
        limit: 10,
      }),
    );
    expect(ids(page.rows)).toEqual(['B', 'E']);
    expect(page.rows.map((r) => r.value)).toEqual([0.5, 0.5]);
    expect(page.summary).toMatchObject({ valueTotal: 1, hasAmount: false });
  });

  it('with amounts the same lists keep their revenue basis', async () => {
    const req = await dataset(WITH_AMOUNTS);
    const o = unwrap(await api.actionsOverview(req));
    expect(o.hasAmount).toBe(true);
    expect(o.lists.reactivation).toMatchObject({
      valueBasis: 'revenue',
      hasAmount: true,
      forecastWarnings: [],
    });
    expect(o.lists.upsell.unavailable).toBeNull();
  });
});

describe('the due list for every customer of the forecast', () => {
  it('lists every customer with the expected next order date, earliest first, and finds one by id', async () => {
    const req = await dataset(simulatedCsv(0.8, 2.5, 3));
    const due = unwrap(await api.actionRows({ ...req, query: { list: 'due' } }));
    const all = unwrap(await api.actionRows({ ...req, query: { list: 'due', dueAll: true } }));
    const o = unwrap(await api.actionsOverview(req));
    expect(all.summary.unavailable).toBeNull();
    // Every customer of the scope, each once; the overdue ones among them.
    expect(all.total).toBe(o.customers);
    expect(new Set(ids(all.rows)).size).toBe(o.customers);
    expect(due.total).toBeLessThan(all.total);
    const dueIds = new Set(ids(due.rows));
    expect(ids(all.rows).filter((id) => dueIds.has(id)).length).toBe(due.total);
    // Sorted by the expected date, earliest first; every row has a date on or after D.
    const D = isoToDay(all.summary.asOf);
    for (let i = 0; i < all.rows.length; i++) {
      expect(isoToDay(all.rows[i].expectedNext!)).toBeGreaterThanOrEqual(D);
      if (i > 0) expect(all.rows[i].expectedNext! >= all.rows[i - 1].expectedNext!).toBe(true);
    }
    // One-time buyers have no own rhythm; repeat buyers t_x / x in days.
    for (const r of all.rows) expect(r.rhythmDays === null).toBe(r.orders < 2);
    // Look one customer up by id: the same date as on the overdue list.
    const one = due.rows[0];
    const found = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'due', dueAll: true, search: one.id },
        offset: 0,
        limit: 50,
      }),
    );
    const hit = found.rows.find((r) => r.id === one.id)!;
    expect(hit).toMatchObject({
      expectedNext: one.expectedNext,
      rhythmDays: one.rhythmDays,
      value: one.value,
    });
  });
});

describe('the forecast’s warnings beside the lists', () => {
  it('almost no dropout (a = 0.01, b = 100): weakDropout on every list that shows P(alive)', async () => {
    const req = await dataset(simulatedCsv(0.01, 100, 5));
    const o = unwrap(await api.actionsOverview(req));
    expect(o.lists.due.forecastWarnings).toEqual(['weakDropout']);
    expect(o.lists.reactivation.forecastWarnings).toEqual(['weakDropout']);
  });
  it('clear dropout (a = 0.8, b = 2.5): no warning', async () => {
    const req = await dataset(simulatedCsv(0.8, 2.5, 3));
    const o = unwrap(await api.actionsOverview(req));
    expect(o.lists.due.forecastWarnings).toEqual([]);
  });
});
