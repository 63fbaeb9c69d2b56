// Every evidence function of the self-check on the demo data (through the app's own import), checked against
// figures computed here from the generator's raw rows with plain code, and on the same data without amounts.
import { beforeAll, describe, expect, it } from 'vitest';
import { importToLines } from '../../src/report/report';
import { bytesSource } from '../../src/ingest/parse';
import { customerAggregates } from '../../src/analytics/customers';
import { computeKpis } from '../../src/analytics/kpis';
import { computeRfm } from '../../src/analytics/rfm';
import { computeCohorts } from '../../src/analytics/cohorts';
import { purchaseOccasions } from '../../src/analytics/occasions';
import { computeForecast } from '../../src/analytics/forecast';
import { computeEvidence, type EvidenceInput, type UserFigures } from '../../src/analytics/evidence';
import { generateDemoRows, toCsv, encodeWindows1252 } from '../../scripts/generate-demo.mjs';
import { de, en } from '../../src/i18n/messages';
import { SEGMENT_LABEL } from '../../src/i18n/messages/customers';
import { REJECT_REASON_TEXT } from '../../src/i18n/messages/import';

const demo = generateDemoRows();

async function inputFor(header: string[], rows: string[][], user: UserFigures, withForecast: boolean) {
  const { lines, imported, options } = await importToLines(
    bytesSource(encodeWindows1252(toCsv(header, rows))),
    'demo.csv',
  );
  let asOf = -Infinity;
  for (let i = 0; i < lines.n; i++) asOf = Math.max(asOf, lines.day[i]);
  const opts = { asOf, marginRate: 0 };
  const table = customerAggregates(lines, opts);
  const rfm = computeRfm(table);
  const forecast =
    withForecast && table.hasAmount
      ? computeForecast(lines, table, rfm, opts, {
          model: 'bgnbd',
          unit: 'week',
          calibrationEnd: null,
          monthlyDiscount: 0.01,
          marginRate: 0.3,
        }).report
      : null;
  const x: EvidenceInput = {
    lines,
    table,
    rfm,
    kpis: computeKpis(lines, opts, table),
    cohorts: computeCohorts(lines, table, { ...opts, grain: 'month' }),
    occasions: purchaseOccasions(lines, opts),
    summary: imported.summary,
    dropDuplicates: options.dropDuplicates,
    columns: imported.columns.map((c) => c.key),
    forecast,
    valueStream: null,
    user,
  };
  return { x, asOf };
}

/** The demo's customers by METRICS.md, from the raw rows: purchase occasions, orders and revenue per customer. */
function plain() {
  const de = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
  const lineOk = (date: string, preis: string) => {
    if (!/^\d\d\.\d\d\.\d{4}$/.test(date) || !/^-?[\d.]+(,\d+)?$/.test(preis)) return null;
    const [d, m, y] = date.split('.').map(Number);
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    return back.getUTCDate() === d && back.getUTCMonth() === m - 1 ? t / 86_400_000 : null;
  };
  const days = new Map<string, { cust: string; day: number; net: number; buys: boolean }>();
  const orders = new Map<string, { cust: string; net: number; buys: boolean }>();
  const lines: { cust: string; day: number; amount: number }[] = [];
  for (const r of demo.rows) {
    const [invoice, date, cust, , , , , menge, preis] = r;
    const day = lineOk(date, preis);
    if (!cust || day === null) continue;
    const amount = Number(menge) * de(preis);
    const buys = Number(menge) >= 0;
    lines.push({ cust, day, amount });
    const k = `${cust}|${day}`;
    const e = days.get(k) ?? { cust, day, net: 0, buys: false };
    e.net += amount;
    e.buys ||= buys;
    days.set(k, e);
    const o = orders.get(invoice) ?? { cust, net: 0, buys: false };
    o.net += amount;
    o.buys ||= buys;
    orders.set(invoice, o);
  }
  const occasions = new Map<string, number[]>();
  for (const e of days.values())
    if (e.buys && e.net >= -1e-9)
      (occasions.get(e.cust) ?? occasions.set(e.cust, []).get(e.cust)!).push(e.day);
  for (const list of occasions.values()) list.sort((a, b) => a - b);
  const orderCount = new Map<string, number>();
  for (const o of orders.values())
    if (o.buys && o.net >= -1e-9) orderCount.set(o.cust, (orderCount.get(o.cust) ?? 0) + 1);
  return { occasions, orderCount, lines };
}

describe('self-check evidence on the demo data', () => {
  let ev: ReturnType<typeof computeEvidence>;
  let asOf: number;
  const p = plain();
  beforeAll(async () => {
    const r = await inputFor(
      demo.header,
      demo.rows,
      { cac: 250, acquisitionShare: 70, existingShare: 10 },
      true,
    );
    asOf = r.asOf;
    ev = computeEvidence(r.x);
  }, 60_000);

  it('segment value: the RFM segments by revenue share, with the mapped attributes', () => {
    const e = ev.segmentValue;
    expect(e.available).toBe(true);
    expect(e.values.attributes).toBe(4); // Warengruppe, Kanal, Region, Branche
    expect(e.notes).toEqual([]);
    const shares = e.items.map((i) => i.values.revenueShare!);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
  });

  it('pareto: the share of the top 20 % and the best customer first', () => {
    const revenue = new Map<string, number>();
    for (const l of p.lines)
      if (p.occasions.has(l.cust)) revenue.set(l.cust, (revenue.get(l.cust) ?? 0) + l.amount);
    const sorted = [...revenue].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const k = Math.ceil(0.2 * sorted.length);
    const total = sorted.reduce((a, [, v]) => a + v, 0);
    const top = sorted.slice(0, k).reduce((a, [, v]) => a + v, 0);
    expect(ev.pareto.values.customers).toBe(sorted.length);
    expect(ev.pareto.values.top).toBe(k);
    expect(ev.pareto.values.top20Share).toBeCloseTo(top / total, 9);
    expect(ev.pareto.items[0].key).toBe(sorted[0][0]);
    expect(ev.pareto.items).toHaveLength(10);
  });

  it('CLV vs CAC: the mean predicted 36-month CLV on margin over the CAC entered', () => {
    const e = ev.clvVsCac;
    expect(e.available).toBe(true);
    expect(e.values.cac).toBe(250);
    expect(e.values.marginRate).toBe(0.3);
    expect(e.values.meanClv36!).toBeGreaterThan(e.values.meanClv12!);
    expect(e.values.ratio).toBeCloseTo(e.values.meanClv36! / 250, 12);
  });

  it("budget share: the existing customers' share of last year's revenue against the budget split entered", () => {
    const first = new Map([...p.occasions].map(([c, d]) => [c, d[0]]));
    let existing = 0;
    let total = 0;
    for (const l of p.lines) {
      if (!first.has(l.cust) || l.day <= asOf - 365 || l.day > asOf) continue;
      total += l.amount;
      if (first.get(l.cust)! <= asOf - 365) existing += l.amount;
    }
    const e = ev.budgetShare;
    expect(e.values.existingValueShare).toBeCloseTo(existing / total, 9);
    expect(e.values.existingBudgetShare).toBe(0.1);
    expect(e.values.gap).toBeCloseTo(existing / total - 0.1, 9);
    expect(e.notes).toEqual(['budgetTyped']);
  });

  it('first-order drop-off: the share of customers with one order, and cohort months 1 to 3', () => {
    const single = [...p.occasions.keys()].filter((c) => p.orderCount.get(c) === 1).length;
    const e = ev.firstOrderDropoff;
    expect(e.values.singleOrder).toBe(single);
    expect(e.values.singleOrderShare).toBeCloseTo(single / p.occasions.size, 12);
    for (const k of ['month1', 'month2', 'month3']) {
      expect(e.values[k]!).toBeGreaterThan(0);
      expect(e.values[k]!).toBeLessThan(1);
    }
  });

  it('reactivation: customers without a purchase for more than 365 days and their revenue', () => {
    const inactive = [...p.occasions].filter(([, d]) => asOf - d[d.length - 1] > 365).map(([c]) => c);
    const set = new Set(inactive);
    const revenue = p.lines.filter((l) => set.has(l.cust)).reduce((a, l) => a + l.amount, 0);
    expect(ev.reactivation.values.inactive).toBe(inactive.length);
    expect(ev.reactivation.values.revenue).toBeCloseTo(revenue, 6);
  });

  it('time to value: the median days from the first to the second purchase; the map part waits for a map', () => {
    const gaps = [...p.occasions.values()]
      .filter((d) => d.length > 1)
      .map((d) => d[1] - d[0])
      .sort((a, b) => a - b);
    const m = gaps.length >> 1;
    const median = gaps.length % 2 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
    expect(ev.timeToValue.values.medianDaysToSecond).toBe(median);
    expect(ev.timeToValue.reason).toBe('noMap');
    expect(ev.handoffs).toMatchObject({ available: false, reason: 'noMap' });
  });

  it('data: the mapped columns and the import summary', () => {
    expect(ev.dataJoined.values).toMatchObject({
      amount: 1,
      order: 1,
      product: 1,
      category: 1,
      channel: 1,
      region: 1,
      margin: 0,
      attributes: 1,
    });
    const d = ev.dataQuality.values;
    expect(d.rowsRead).toBe(demo.stats.lines);
    const bad = demo.stats.badRows;
    expect(d.rejected).toBe(bad.missingCustomer + bad.badDate + bad.badAmount);
    expect(d.duplicates).toBe(demo.stats.duplicateRows);
    expect(d.returns).toBe(demo.stats.returnLines);
  });

  it('carries ids and numbers, not sentences; the UI has a text for every segment and reject reason in it', () => {
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(ev);
    expect(strings.length).toBeGreaterThan(20);
    for (const s of strings) expect(s).toMatch(/^[A-Za-z0-9_.:-]+$/);
    const bad = demo.stats.badRows;
    // The reasons of the demo's broken rows, most first; all 6 rows without a customer id share one reason.
    const rows = ev.dataQuality.items.map((i) => i.values.rows!);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(bad.missingCustomer + bad.badDate + bad.badAmount);
    expect([...rows].sort((a, b) => b - a)).toEqual(rows);
    expect(ev.dataQuality.items[0]).toEqual({
      key: 'missingCustomer',
      values: { rows: bad.missingCustomer },
    });
    for (const i of ev.dataQuality.items)
      expect(de[REJECT_REASON_TEXT[i.key]]).not.toBe(en[REJECT_REASON_TEXT[i.key]]);
    expect(ev.dataQuality.items.map((i) => en[REJECT_REASON_TEXT[i.key]])).toContain('Customer id missing');
    expect(ev.segmentValue.items.length).toBeGreaterThan(3);
    for (const i of ev.segmentValue.items) {
      expect(de[SEGMENT_LABEL[i.key]].length).toBeGreaterThan(3);
      expect(en[SEGMENT_LABEL[i.key]].length).toBeGreaterThan(3);
    }
  });
});

describe('self-check evidence without amounts', () => {
  it('says what cannot be shown and still shows what can', async () => {
    const keep = (r: string[]) => r.filter((_, i) => i !== 7 && i !== 8); // no Menge, no Einzelpreis
    const { x } = await inputFor(
      keep(demo.header),
      demo.rows.map(keep),
      { cac: 250, acquisitionShare: null, existingShare: null },
      true,
    );
    x.valueStream = {
      steps: 4,
      handoffsFirst90Days: 2,
      handoffsTotal: 3,
      timeToValueDays: 6.5,
      leadTimeDays: 40,
    };
    const ev = computeEvidence(x);
    for (const k of ['segmentValue', 'pareto', 'clvVsCac'] as const)
      expect(ev[k]).toMatchObject({ available: false, reason: 'noAmount' });
    expect(ev.budgetShare.notes).toEqual(['byOccasions', 'noBudget']);
    expect(ev.budgetShare.values.existingValueShare!).toBeGreaterThan(0);
    expect(ev.reactivation).toMatchObject({ available: true, notes: ['noAmount'] });
    expect(ev.reactivation.values.revenue).toBeNull();
    expect(ev.handoffs.values).toEqual({ first90Days: 2, total: 3, steps: 4 });
    expect(ev.timeToValue.values.mapDays).toBe(6.5);
    expect(ev.dataJoined.values.amount).toBe(0);
    expect(ev.firstOrderDropoff.available).toBe(true);
  }, 60_000);
});
