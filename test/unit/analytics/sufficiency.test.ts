// The one data-sufficiency rule (src/analytics/sufficiency.ts), used by the Overview's KPIs and by the self-check's
// evidence: hand-computed day counts, and the same refusal on both screens for the same data.
import { describe, expect, it } from 'vitest';
import { hasHistoryFor, historyDays, REQUIREMENT } from '../../../src/analytics/sufficiency';
import { computeKpis } from '../../../src/analytics/kpis';
import { customerAggregates } from '../../../src/analytics/customers';
import { computeRfm } from '../../../src/analytics/rfm';
import { computeCohorts } from '../../../src/analytics/cohorts';
import { purchaseOccasions } from '../../../src/analytics/occasions';
import { computeEvidence } from '../../../src/analytics/evidence';
import type { Lines } from '../../../src/analytics/lines';

function lines(rows: [number, number, number][], customers: number): Lines {
  return {
    n: rows.length,
    customer: Int32Array.from(rows, (r) => r[0]),
    day: Int32Array.from(rows, (r) => r[1]),
    amount: Float64Array.from(rows, (r) => r[2]),
    order: null,
    flags: new Uint8Array(rows.length),
    margin: null,
    codes: {},
    dicts: { customer: Array.from({ length: customers }, (_, i) => 'ABCDEFGH'[i]) },
  };
}

describe('historyDays', () => {
  const L = lines(
    [
      [0, 100, 10],
      [1, 150, 10],
      [0, 829, 10],
      [1, 900, 10],
    ],
    2,
  );
  it('counts D − first day + 1, ignoring lines after D', () => {
    expect(historyDays(L, 829)).toBe(730); // 829 − 100 + 1
    expect(historyDays(L, 828)).toBe(729);
    expect(historyDays(L, 100)).toBe(1);
    expect(historyDays(L, 99)).toBe(0); // nothing on or before D
  });
  it('the figures of both screens need 730 days: 729 is refused, 730 is enough', () => {
    for (const f of Object.keys(REQUIREMENT) as (keyof typeof REQUIREMENT)[]) {
      expect(REQUIREMENT[f]).toBe(730);
      expect(hasHistoryFor(f, 729)).toBe(false);
      expect(hasHistoryFor(f, 730)).toBe(true);
    }
  });
});

describe('the same refusal on the Overview and in the self-check evidence', () => {
  // 374 days: 2024-01-01 is day 19723; D = 19723 + 373.
  const first = 19723;
  const D = first + 373;
  const rows: [number, number, number][] = [
    [0, first, 100], // A bought only in the first days: "inactive for 12 months" would count it
    [1, first + 5, 50],
    [1, first + 200, 70],
    [2, first + 300, 40],
    [2, D, 30],
  ];
  const L = lines(rows, 3);
  const opts = { asOf: D, marginRate: 0 };
  const table = customerAggregates(L, opts);
  const kpis = computeKpis(L, opts, table);
  const rfm = computeRfm(table);
  const ev = computeEvidence({
    lines: L,
    table,
    rfm,
    kpis,
    cohorts: computeCohorts(L, table, { ...opts, grain: 'month' }),
    occasions: purchaseOccasions(L, opts),
    summary: null,
    dropDuplicates: false,
    columns: ['customer', 'date', 'amount'],
    forecast: null,
    valueStream: null,
    user: { cac: null, acquisitionShare: null, existingShare: null },
  });
  it('374 days of data', () => expect(kpis.historyDays).toBe(374));
  it('the Overview refuses churn and NRR, the evidence refuses the budget split and the inactive customers', () => {
    expect(kpis.kpis.churnRate).toEqual({ id: 'churnRate', value: null, reason: 'historyTooShort' });
    expect(kpis.kpis.nrr).toEqual({ id: 'nrr', value: null, reason: 'historyTooShort' });
    for (const k of ['budgetShare', 'reactivation'] as const) {
      expect(ev[k].available).toBe(false);
      expect(ev[k].reason).toBe('historyTooShort');
      expect(ev[k].values).toEqual({ needDays: 730, haveDays: 374 });
    }
  });
  it('with 730 days the evidence speaks: A (last purchase 729 days before D) is inactive', () => {
    const D2 = first + 729;
    const L2 = lines([...rows, [2, D2, 10]], 3);
    const o2 = { asOf: D2, marginRate: 0 };
    const t2 = customerAggregates(L2, o2);
    const k2 = computeKpis(L2, o2, t2);
    expect(k2.historyDays).toBe(730);
    expect(k2.kpis.churnRate.reason).toBeUndefined();
    const e2 = computeEvidence({
      lines: L2,
      table: t2,
      rfm: computeRfm(t2),
      kpis: k2,
      cohorts: computeCohorts(L2, t2, { ...o2, grain: 'month' }),
      occasions: purchaseOccasions(L2, o2),
      summary: null,
      dropDuplicates: false,
      columns: ['customer', 'date', 'amount'],
      forecast: null,
      valueStream: null,
      user: { cac: null, acquisitionShare: null, existingShare: null },
    });
    // A: last day first (729 days before D2), B: last day first + 200 (529 days): both more than 365 days ago.
    expect(e2.reactivation.values.inactive).toBe(2);
    expect(e2.budgetShare.available).toBe(true);
  });
});

describe("the forecast's warning travels with the CLV the self-check quotes", () => {
  const L = lines(
    [
      [0, 100, 10],
      [0, 900, 20],
      [1, 200, 30],
    ],
    2,
  );
  const opts = { asOf: 900, marginRate: 0 };
  const table = customerAggregates(L, opts);
  const forecastWith = (warnings: 'weakDropout'[]) =>
    ({
      failure: null,
      fit: {},
      settings: { marginRate: 0.3 },
      warnings,
      horizons: [
        { months: 12, expectedTotal: 1, clvTotal: 200, meanClv: 100 },
        { months: 36, expectedTotal: 2, clvTotal: 500, meanClv: 250 },
      ],
    }) as unknown as Parameters<typeof computeEvidence>[0]['forecast'];
  const evidence = (warnings: 'weakDropout'[]) =>
    computeEvidence({
      lines: L,
      table,
      rfm: computeRfm(table),
      kpis: computeKpis(L, opts, table),
      cohorts: computeCohorts(L, table, { ...opts, grain: 'month' }),
      occasions: purchaseOccasions(L, opts),
      summary: null,
      dropDuplicates: false,
      columns: ['customer', 'date', 'amount'],
      forecast: forecastWith(warnings),
      valueStream: null,
      user: { cac: 100, acquisitionShare: null, existingShare: null },
    }).clvVsCac;
  it('a weak dropout parameter: the CLV evidence carries the warning, with its figures', () => {
    const e = evidence(['weakDropout']);
    expect(e.available).toBe(true);
    expect(e.values.ratio).toBe(2.5); // 250 / 100
    expect(e.warnings).toEqual(['weakDropout']);
  });
  it('no warning, none carried', () => expect(evidence([]).warnings).toEqual([]));
});
