// A margin figure without a margin (METRICS "Economics", margin of a line): a file without a cost or margin column,
// no category margin and no workspace gross-margin rate. Every margin figure is unavailable with the reason
// `noMargin`, never 0, and never "no customers" (the file has five customers), through the worker's real API.
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest, importCsv, unwrap } from '../worker-fixture';
import { api } from '../../../src/worker/api';
import { recordReader } from '../../../src/worker/handlers/economics';
import { EMPTY_FIGURES } from '../../../src/shared/figures';
import { computeKpis } from '../../../src/analytics/kpis';
import { customerAggregates } from '../../../src/analytics/customers';
import { computeRfm } from '../../../src/analytics/rfm';
import type { Lines } from '../../../src/analytics/lines';

freshDatabasePerTest('economics-no-margin');

const original = { ...recordReader };
afterEach(() => Object.assign(recordReader, original));

describe('no cost column and no margin set', () => {
  it('the economics figures on margin are unavailable with noMargin, the others are there', async () => {
    recordReader.master = async () => null;
    recordReader.spend = async () => [];
    // The KPI case (worker-fixture): five customers, days 100..900 (1970-04-11 … 1972-06-19), amounts only.
    const ds = await importCsv();
    const req = {
      datasetId: ds.id,
      figures: EMPTY_FIGURES,
      granularity: 'year' as const,
      horizonMonths: 12 as const,
    };
    expect(EMPTY_FIGURES.marginPercent).toBeNull();
    const r = unwrap(await api.economics(req));
    expect(r.customers).toBe(5);
    expect(r.settings.marginSource).toBe('none');
    // Contribution margin per customer, unprofitable customers and the predicted contribution.
    expect(r.contribution.available).toBe(false);
    expect(r.contribution.reason).toBe('noMargin');
    expect(r.contribution.predicted).toMatchObject({ total: null, mean: null, reason: 'noMargin' });
    // No figure of it is 0: the totals are not defined (NaN, null in the report's JSON).
    const cm = r.contribution;
    for (const v of [cm.total, cm.mean, cm.median, cm.parts.lineMargin, cm.unprofitable.count])
      expect(v).toBeNaN();
    expect(JSON.parse(JSON.stringify(cm)).total).toBeNull();
    // Per channel (all five customers have no channel: the unknown one): new-customer CLV, max. affordable CAC,
    // LTV:CAC, payback and the observed payback month.
    expect(r.channels).toHaveLength(1);
    const ch = r.channels[0];
    expect(ch.customers).toBe(5);
    for (const f of [
      ch.newCustomerClv,
      ch.maxAffordableCac,
      ch.ltvToCac,
      ch.paybackMonths,
      ch.observedPaybackMonth,
    ])
      expect([f.value, f.reason]).toEqual([null, 'noMargin']);
    // The calculator has no margin rate; the figures without a margin are there: AOV = 640 / 8 = 80.
    expect(r.calculator.marginRate).toBeNull();
    expect(r.calculator.aov).toBe(80);
    // The what-if simulator: the simple CLV on margin is unavailable, the one on revenue is not.
    const w = unwrap(await api.whatIf({ ...req, levers: { aov: 10, frequency: 0, churn: 0, cac: 0 } }));
    expect(w.before.clvSimpleMargin).toBeNull();
    expect(w.after.clvSimpleMargin).toBeNull();
    expect(w.before.clvSimple).not.toBeNull();
  });

  it('the KPI figures on margin (overview, report) are unavailable with noMargin, not 0 and not noCustomers', async () => {
    const ds = await importCsv();
    const o = unwrap(await api.overview({ datasetId: ds.id }));
    expect(o.customers).toBe(5);
    for (const id of ['clvHistoricMargin', 'clvSimpleMargin', 'top20ShareMargin'] as const)
      expect(o.kpis.kpis[id]).toEqual({ id, value: null, reason: 'noMargin' });
    // The same figures on revenue are there: mean revenue 640 / 5 = 128.
    expect(o.kpis.kpis.clvHistoric.value).toBe(128);
  });

  it('a margin column or a gross-margin rate gives the KPI margin figures', () => {
    // One customer, one line of 100 with a margin of 30 (column) — or no column and a rate of 25 %.
    const lines = (margin: Float64Array | null): Lines => ({
      n: 1,
      customer: Int32Array.of(0),
      day: Int32Array.of(10),
      amount: Float64Array.of(100),
      margin,
      flags: Uint8Array.of(0),
      order: null,
      codes: {},
      dicts: { customer: ['K'] },
    });
    expect(computeKpis(lines(Float64Array.of(30)), { asOf: 10 }).kpis.clvHistoricMargin.value).toBe(30);
    expect(computeKpis(lines(null), { asOf: 10, marginRate: 0.25 }).kpis.clvHistoricMargin.value).toBe(25);
    expect(computeKpis(lines(null), { asOf: 10 }).kpis.clvHistoricMargin.reason).toBe('noMargin');
    // The RFM segments' margin (the report's rfm.segments): null without a margin, 0.25 × 100 = 25 with the rate.
    const without = computeRfm(customerAggregates(lines(null), { asOf: 10 }));
    expect(without.segments.map((g) => g.margin)).toEqual(without.segments.map(() => null));
    const withRate = computeRfm(customerAggregates(lines(null), { asOf: 10, marginRate: 0.25 }));
    expect(withRate.segments.reduce((a, g) => a + (g.margin ?? 0), 0)).toBe(25);
  });
});
