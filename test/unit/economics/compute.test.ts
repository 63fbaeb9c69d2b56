import { describe, expect, it } from 'vitest';
import {
  computeEconomics,
  computeWhatIf,
  type EconomicsInputs,
} from '../../../src/analytics/economics/compute';
import { fitValueModel } from '../../../src/analytics/economics/acquisition';
import { computeForecast, horizonIndex } from '../../../src/analytics/forecast';
import { computeKpis } from '../../../src/analytics/kpis';
import { computeRfm } from '../../../src/analytics/rfm';
import { purchaseOccasions } from '../../../src/analytics/occasions';
import { bgnbdUnconditionalExpected, type BgNbdParams } from '../../../src/analytics/btyd/bgnbd';
import { EMPTY_FIGURES, type YourFigures } from '../../../src/shared/figures';
import { day, makeLines, records, tableOf, type Row } from './fixture';

// A deterministic shop: 300 customers over three years, three channels (from the master data), monthly spend.
const START = day('2021-01-01');
const D = day('2023-12-31');
const CHANNELS = ['Ads', 'Web', 'Shop'];
let seed = 7;
const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const rows: Row[] = [];
const firstDay: number[] = [];
for (let i = 0; i < 300; i++) {
  const id = `K${i}`;
  let d = START + Math.floor(rand() * 1000);
  firstDay.push(d);
  rows.push({ c: id, d, a: Math.round(20 + rand() * 80) });
  if (i % 5 === 0) rows.push({ c: id, d: d + 1, a: -10 });
  while (rand() > 0.3) {
    d += 30 + Math.floor(rand() * 170);
    if (d > D) break;
    rows.push({ c: id, d, a: Math.round(20 + rand() * 80) });
  }
}
const LINES = makeLines(rows);
const TABLE = tableOf(LINES, D);
const OPTS = { asOf: D };
const OCC = purchaseOccasions(LINES, OPTS);
const FORECAST = computeForecast(LINES, TABLE, computeRfm(TABLE), OPTS, {
  model: 'bgnbd',
  unit: 'week',
  calibrationEnd: null,
  monthlyDiscount: 0.01,
  marginRate: 1,
});
const MASTER = records({
  codes: {
    customer: Array.from({ length: 300 }, (_, i) => `K${i}`),
    acquisitionChannel: firstDay.map((_, i) => CHANNELS[i % 3]),
  },
});
// 100 a month on Ads and 50 on Web in 2023; a newsletter to existing customers (existing by the channel setting).
const months = Array.from({ length: 12 }, (_, m) => day(`2023-${String(m + 1).padStart(2, '0')}-01`));
const SPEND = records({
  days: { period: [...months, ...months, ...months] },
  codes: {
    channel: [...months.map(() => 'Ads'), ...months.map(() => 'web'), ...months.map(() => 'Newsletter')],
  },
  numbers: { amount: [...months.map(() => 100), ...months.map(() => 50), ...months.map(() => 30)] },
});
const FIGURES: YourFigures = {
  ...EMPTY_FIGURES,
  marginPercent: 40,
  costs: { ...EMPTY_FIGURES.costs, channelPurpose: { newsletter: 'existing' } },
};

function inputs(over: Partial<EconomicsInputs> = {}): EconomicsInputs {
  return {
    lines: LINES,
    opts: OPTS,
    table: TABLE,
    occasions: OCC,
    currency: 'EUR',
    figures: FIGURES,
    options: { granularity: 'quarter', horizonMonths: 12 },
    master: { fileName: 'kunden.csv', data: MASTER },
    spend: [SPEND],
    kpis: computeKpis(LINES, OPTS, TABLE),
    forecast: FORECAST,
    ...over,
  };
}

/** New customers of a channel in (from, to], counted from the generator. */
const newOf = (ch: number, from: number, to: number) =>
  firstDay.filter((f, i) => i % 3 === ch && f > from && f <= to).length;

describe('computeEconomics', () => {
  const ctx = computeEconomics(inputs());
  const r = ctx.result;

  it('the forecast behind it was fitted', () => {
    expect(FORECAST.report.failure).toBeNull();
    expect(FORECAST.report.spend?.fit).not.toBeNull();
    expect(r.forecastFailure).toBeNull();
  });

  it('says which settings it used and which rest on defaults', () => {
    expect(r.settings.marginSource).toBe('workspace');
    expect(r.settings.serviceBasis).toBe('none');
    expect(r.settings.discountMonthly).toBe(0.01);
    expect(r.settings.targetLtvToCac).toBe(3);
    expect(r.settings.defaults).toEqual([
      'costPerOrder',
      'costPerReturn',
      'serviceCostPerTicket',
      'serviceCostPerCustomerYear',
      'discountPercentMonthly',
      'targetLtvToCac',
    ]);
  });

  it('a target LTV:CAC of 0 or less is not usable: the default 3 applies, said as a default', () => {
    for (const target of [0, -2]) {
      const n = computeEconomics(
        inputs({ figures: { ...FIGURES, costs: { ...FIGURES.costs, targetLtvToCac: target } } }),
      ).result;
      expect(n.settings.targetLtvToCac).toBe(3);
      expect(n.settings.defaults).toContain('targetLtvToCac');
      const ads = n.channels.find((c) => c.channel === 'Ads')!;
      expect(ads.maxAffordableCac.value).toBeCloseTo(ads.newCustomerClv.value! / 3, 9);
    }
  });

  it('joins the master data', () => {
    expect(r.master).toMatchObject({ masterRows: 300, matched: 300, onlyInMaster: 0, onlyInOrders: 0 });
  });

  it('CAC per channel over the last year: spend / new customers of the channel', () => {
    const ads = r.channels.find((c) => c.channel === 'Ads')!;
    const web = r.channels.find((c) => c.channel === 'Web')!;
    expect(ads.newCustomers).toBe(newOf(0, D - 365, D));
    expect(ads.spend).toBe(1200);
    expect(ads.cac.value).toBeCloseTo(1200 / newOf(0, D - 365, D), 9);
    // The spend's 'web' is the master's 'Web'.
    expect(web.spend).toBe(600);
    expect(web.inSpend).toBe(true);
    expect(r.blended.spend).toBe(1800);
    expect(r.blended.newCustomers).toBe(newOf(0, D - 365, D) + newOf(1, D - 365, D) + newOf(2, D - 365, D));
    expect(r.spend!.channelsNotInCustomers).toEqual(['Newsletter']);
    expect(r.spend!.existing).toBe(360);
  });

  it('new-customer CLV on the fit of all customers (channels under 500 customers); ratios from it', () => {
    const ads = r.channels.find((c) => c.channel === 'Ads')!;
    expect(ads.newCustomerClv.fit).toBe('all');
    const clv = ads.newCustomerClv.value!;
    expect(clv).toBeGreaterThan(0);
    expect(ads.maxAffordableCac.value).toBeCloseTo(clv / 3, 9);
    expect(ads.ltvToCac.value).toBeCloseTo(clv / ads.cac.value!, 9);
  });

  it('new-customer CLV = 40 % × (mean first order of the channel’s new customers + the repeat value)', () => {
    // The first order of customer i is its first row (its first day); Ads are the customers i % 3 = 0.
    const firsts = firstDay
      .map((f, i) => ({ f, i, a: rows.find((row) => row.c === `K${i}` && row.d === f)!.a }))
      .filter((x) => x.i % 3 === 0 && x.f > D - 365 && x.f <= D);
    const meanFirst = firsts.reduce((s, x) => s + x.a, 0) / firsts.length;
    // Repeat value: E[spend] = pγ / (q − 1) times the discounted increments of the unconditional E[X] (weeks).
    const bg = FORECAST.report.fit!.params as unknown as BgNbdParams;
    const gg = FORECAST.report.spend!.fit!.params as unknown as { p: number; q: number; gamma: number };
    const weeks = (k: number) => (k * 365.25) / 12 / 7;
    let repeat = 0;
    for (let k = 1; k <= 12; k++)
      repeat +=
        (bgnbdUnconditionalExpected(bg, weeks(k)) - bgnbdUnconditionalExpected(bg, weeks(k - 1))) / 1.01 ** k;
    repeat *= (gg.p * gg.gamma) / (gg.q - 1);
    const ads = r.channels.find((c) => c.channel === 'Ads')!;
    expect(ads.newCustomerClv.value).toBeCloseTo(0.4 * (meanFirst + repeat), 6);
  });

  it('without costs, the predicted contribution is the margin rate × the forecast CLV', () => {
    const clvTotal = FORECAST.report.horizons[horizonIndex(12)].clvTotal!;
    expect(r.contribution.predicted.total).toBeCloseTo(0.4 * clvTotal, 6);
    // Historic: 40 % of the revenue.
    let revenue = 0;
    for (let c = 0; c < TABLE.size; c++) revenue += TABLE.revenue[c];
    expect(r.contribution.total).toBeCloseTo(0.4 * revenue, 6);
  });

  it('CAC per quarter: 2023 quarters carry 300 on Ads', () => {
    const q = r.cacPeriods.periods.filter((p) => p.label.startsWith('2023'));
    expect(q.map((p) => p.label)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
    for (const p of q) expect(p.byChannel.find((b) => b.channel === 'Ads')!.spend).toBe(300);
  });

  it('the what-if simulator: AOV +10 % gives 1.1 × the base value; before is the forecast on margin', () => {
    const w = computeWhatIf(ctx, { aov: 10, frequency: 0, churn: 0, cac: 0 });
    const clvTotal = FORECAST.report.horizons[horizonIndex(12)].clvTotal!;
    expect(w.before.baseValue).toBeCloseTo(0.4 * clvTotal, 6);
    expect(w.after.baseValue! / w.before.baseValue!).toBeCloseTo(1.1, 12);
    expect(w.onMargin).toBe(true);
  });

  it('no margin: margin figures unavailable (noMargin), CAC still there', () => {
    const n = computeEconomics(inputs({ figures: { ...FIGURES, marginPercent: null } })).result;
    expect(n.contribution.reason).toBe('noMargin');
    const ads = n.channels.find((c) => c.channel === 'Ads')!;
    expect(ads.newCustomerClv.reason).toBe('noMargin');
    expect(ads.paybackMonths.reason).toBe('noMargin');
    expect(ads.cac.value).not.toBeNull();
    expect(n.calculator.marginRate).toBeNull();
  });

  it('with a filter: spend against customers is unavailable (filtered); the rest stays', () => {
    const f = computeEconomics({ ...inputs(), filtered: true }).result;
    expect(f.filtered).toBe(true);
    const ads = f.channels.find((c) => c.channel === 'Ads')!;
    expect(ads.spend).toBe(1200);
    expect([ads.cac.reason, ads.ltvToCac.reason, ads.paybackMonths.reason]).toEqual([
      'filtered',
      'filtered',
      'filtered',
    ]);
    expect(f.blended.cac.reason).toBe('filtered');
    expect(f.cacPeriods.periods.every((p) => p.blended.cac === null)).toBe(true);
    expect(f.budget).toMatchObject({ reason: 'filtered', source: 'none', verdict: null });
    expect(f.calculator.cacSource).not.toBe('spend');
    // The customer figures are those of the scope as before.
    expect(f.contribution.total).toBe(r.contribution.total);
    expect(ads.newCustomerClv.value).toBe(r.channels.find((c) => c.channel === 'Ads')!.newCustomerClv.value);
  });

  it('no master data and no spend: channels unknown, no spend, time-to-value says noMaster', () => {
    const n = computeEconomics(inputs({ master: null, spend: [], forecast: null })).result;
    expect(n.channels.map((c) => c.channel)).toEqual([null]);
    expect(n.spend).toBeNull();
    expect(n.blended.cac.reason).toBe('noSpend');
    expect(n.timeToValue.reason).toBe('noMaster');
    expect(n.budget.reason).toBe('noSpend');
    expect(n.contribution.predicted.reason).toBe('noForecast');
  });
});

describe('a channel’s own fit', () => {
  // 900 customers on Big, 300 on Small (from the orders' channel column), over three years.
  const big: Row[] = [];
  let s = 11;
  const rnd = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < 1200; i++) {
    let d = START + Math.floor(rnd() * 1000);
    const ch = i < 900 ? 'Big' : 'Small';
    // Customers differ in their dropout after a purchase, their pace and their spend.
    const dropout = 0.05 + 0.5 * rnd();
    const pace = 30 + 300 * rnd();
    const level = 20 + 200 * rnd() ** 2;
    const amount = () => Math.round(level * (0.5 + rnd()));
    big.push({ c: `C${i}`, d, a: amount(), ch });
    while (rnd() > dropout) {
      d += 5 + Math.floor(rnd() * pace);
      if (d > D) break;
      big.push({ c: `C${i}`, d, a: amount(), ch });
    }
  }
  const lines = makeLines(big);
  const table = tableOf(lines, D);
  const occ = purchaseOccasions(lines, OPTS);
  const forecast = computeForecast(lines, table, computeRfm(table), OPTS, {
    model: 'bgnbd',
    unit: 'week',
    calibrationEnd: null,
    monthlyDiscount: 0.01,
    marginRate: 1,
  });
  const asked: string[] = [];
  const r = computeEconomics({
    ...inputs({
      lines,
      table,
      occasions: occ,
      forecast,
      master: null,
      spend: [],
      kpis: computeKpis(lines, OPTS, table),
    }),
    channelFit: (name, keep) => {
      asked.push(name);
      return fitValueModel(occ, keep(), D, 'bgnbd');
    },
  }).result;

  it('at least 500 customers and 100 repeat customers: the channel’s own fit; else the fit on all', () => {
    expect(r.forecastFailure).toBeNull();
    expect(asked).toEqual(['Big']);
    const of = (n: string) => r.channels.find((c) => c.channel === n)!.newCustomerClv;
    expect(of('Big').fit).toBe('channel');
    expect(of('Big').value).toBeGreaterThan(0);
    expect(of('Small').fit).toBe('all');
  });

  it('a channel under 500 customers gets no fit of its own', () => {
    const keep = Uint8Array.from({ length: table.size }, (_, c) => (c >= 900 ? 1 : 0));
    expect(fitValueModel(occ, keep, D, 'bgnbd')).toBeNull();
  });
});
