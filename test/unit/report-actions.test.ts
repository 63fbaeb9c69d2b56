// The report's actions section on a hand-made file (the same case as test/unit/actions/handler.test.ts):
//   A 2022-01-10 100 Food, 2022-03-10 50 Toys · B 2023-01-15 200 Food · C 2024-06-01 80 Food, 2024-06-30 40 Toys
//   D 2023-08-01 30 Toys · E 2024-06-30 60 Food; D = 2024-06-30.
// Reactivation (12 months): B (200), A (150). Due now: no forecast for five customers. Co-purchase: Food bought by
// A, B, C, E (4 of 5), Toys by A, C, D (3 of 5), both by A, C: confidence(Food → Toys) = 2/4, lift = 0.5 / 0.6;
// confidence(Toys → Food) = 2/3, lift = (2/3) / 0.8. Whitespace: Toys → Food (D; 1 × 2/3 × mean(100, 80) = 60)
// before Food → Toys (B, E; 2 × 0.5 × 45 = 45). Journey: A and C, Food then Toys. Upsell: A alone (F 4, AOV 75 below
// the atRisk median 137.5; gap 125; the RFM worked out in test/unit/actions/handler.test.ts).
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/report';
import { bytesSource } from '../../src/ingest/parse';
import { HAND_CSV as CSV } from './actions/fixtures';

describe('report: actions', () => {
  it('list sizes, top entries, lifts, whitespace and journey of a hand-made file', async () => {
    const doc = await buildReport(bytesSource(new TextEncoder().encode(CSV)), 'orders.csv');
    const a = doc.actions;
    expect(a.asOf).toBe('2024-06-30');
    expect(a.customers).toBe(5);
    expect(a.crossSellKey).toBe('category');
    expect(a.lists.reactivation.summary).toMatchObject({ total: 2, valueTotal: 350, valueBasis: 'revenue' });
    expect(a.lists.reactivation.top.map((e) => [e.id, e.value])).toEqual([
      ['B', 200],
      ['A', 150],
    ]);
    expect(a.lists.reactivation.top[1]).toMatchObject({ yearlyValue: 150, reasons: ['noPurchase'] });
    expect(a.lists.upsell.summary).toMatchObject({ total: 1, valueTotal: 125 });
    expect(a.lists.upsell.top).toEqual([
      { id: 'A', name: null, value: 125, aov: 75, segmentMedianAov: 137.5, f: 4, orders: 2 },
    ]);
    expect(a.lists.due.summary).toMatchObject({ total: 0, unavailable: 'forecastFailed' });
    expect(a.lists.whitespace.pair).toEqual({ a: 'Toys', b: 'Food' });
    expect(a.lists.whitespace.summary.total).toBe(1);
    expect(a.lists.whitespace.top.map((e) => e.id)).toEqual(['D']);
    expect(a.lists.whitespace.top[0].value).toBeCloseTo(60, 12);
    const lift = a.lifts.find((l) => l.a === 'Food' && l.b === 'Toys')!;
    expect(lift).toMatchObject({ both: 2, supportA: 0.8, supportB: 0.6, confidence: 0.5 });
    expect(lift.lift).toBeCloseTo(0.5 / 0.6, 12);
    expect(a.lifts.find((l) => l.a === 'Toys' && l.b === 'Food')!.lift).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(a.lifts).toHaveLength(2);
    expect(a.whitespace.map((w) => [w.a, w.b, w.whitespace])).toEqual([
      ['Toys', 'Food', 1],
      ['Food', 'Toys', 2],
    ]);
    expect(a.journey).toEqual([{ from: 'Food', to: 'Toys', customers: 2, share: 1 }]);
    expect(a.journeyCustomers).toBe(2);
  });
});
