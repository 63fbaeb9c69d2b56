// The report's economics section on the demo's three files (orders, customer master data, marketing spend), read
// through the app's import sources. The expected numbers are the generator's own: its known CAC per channel, its
// count of new customers per channel and month, the ids it left on one side only, the first contacts it dated after
// the first purchase, and the customers it gave many tickets and returns.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KNOWN_CAC,
  SPEND_ONLY_CHANNEL,
  encodeWindows1252,
  generateDemoFiles,
  toCsv,
} from '../../scripts/generate-demo.mjs';
import { buildReport, importRecords, type ReportDocument } from '../../src/report/report';
import type { ReportRecordFile } from '../../src/report/economics';
import { bytesSource } from '../../src/ingest/parse';
import { cleanFigures } from '../../src/shared/figures';
import type { RecordSourceId } from '../../src/shared/economics';

const demo = generateDemoFiles();
const { stats } = demo;
const csv = (file: { header: string[]; rows: string[][] }) =>
  encodeWindows1252(toCsv(file.header, file.rows));
const orderBytes = csv(demo.orders);

async function record(
  file: { header: string[]; rows: string[][] },
  name: string,
  kind: RecordSourceId,
): Promise<ReportRecordFile> {
  return { fileName: name, ...(await importRecords(bytesSource(csv(file)), name, kind)) };
}

/** The report as `npm run report -- orders.csv --customers … --spend … --figures …` builds it. */
async function report(figures: Parameters<typeof cleanFigures>[0] | null, withFiles: boolean) {
  const economics = withFiles
    ? {
        customers: await record(demo.customers, 'kunden.csv', 'customers'),
        spend: [await record(demo.spend, 'marketing.csv', 'spend')],
      }
    : {};
  return buildReport(bytesSource(orderBytes), 'kundenwert-demo.csv', {
    economics: { ...economics, ...(figures ? { figures: cleanFigures(figures) } : {}) },
  });
}

/** `MM.YYYY` of the generator for a period label `YYYY-MM`. */
const germanMonth = (label: string) => `${label.slice(5, 7)}.${label.slice(0, 4)}`;

describe('report: economics on the demo files', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    // A margin and a cost per ticket, as the Your figures card saves them.
    doc = await report({ marginPercent: 30, costs: { serviceCostPerTicket: 50 } }, true);
  }, 60_000);

  it('imports the master and spend files with the app sources', () => {
    const e = doc.economics;
    expect(e.files.customers?.import.imported).toBe(stats.masterRows);
    expect(e.files.spend[0].import.imported).toBe(demo.spend.rows.length);
    expect(e.spend?.firstMonth).toBe('2023-01');
    expect(e.spend?.lastMonth).toBe('2025-12');
  });

  it('gives back the known CAC of every paid channel, per month and over the last year', () => {
    const e = doc.economics;
    // The last 365 days up to D lie inside the months the spend covers.
    expect(e.asOf >= '2025-01-01' && e.asOf <= '2025-12-31').toBe(true);
    for (const [channel, cac] of Object.entries(KNOWN_CAC)) {
      const row = e.channels.find((c) => c.channel === channel)!;
      expect(row.cac.id).toBe('cac');
      expect(Math.abs(row.cac.value! - cac) / cac).toBeLessThan(0.01);
      expect(row.inSpend && row.inCustomers).toBe(true);
      let spend = 0;
      for (const p of e.cacPeriods.periods) {
        const cell = p.byChannel.find((c) => c.channel === channel);
        const known = stats.newCustomers[channel][germanMonth(p.label)] ?? 0;
        expect(cell?.newCustomers ?? 0).toBe(known);
        if (known > 0) expect(Math.abs(cell!.cac! - cac) / cac).toBeLessThan(0.01);
        spend += cell?.spend ?? 0;
      }
      expect(spend).toBeCloseTo(stats.spend[channel], 2);
    }
    expect(e.cacPeriods.periods).toHaveLength(36);
    // Referrals have customers and no spend: no CAC, and why.
    const referral = e.channels.find((c) => c.channel === 'Empfehlung')!;
    expect(referral.cac).toEqual({ id: 'cac', value: null, reason: 'noSpend' });
  });

  it('lists the spend-only channel with its spend and no customers', () => {
    const e = doc.economics;
    const row = e.channels.find((c) => c.channel === SPEND_ONLY_CHANNEL)!;
    // A fixed monthly amount over the 36 months of the file: 12 of them in the last year.
    expect(row.spend).toBeCloseTo((stats.spend[SPEND_ONLY_CHANNEL] / 36) * 12, 2);
    expect(row.customers).toBe(0);
    expect(row.newCustomers).toBe(0);
    expect(row.inCustomers).toBe(false);
    expect(row.cac).toEqual({ id: 'cac', value: null, reason: 'noNewCustomers' });
    expect(e.spend?.channelsNotInCustomers).toEqual([SPEND_ONLY_CHANNEL]);
  });

  it('counts the master ids on one side only and the contacts after the first purchase', () => {
    const e = doc.economics;
    expect(e.master?.onlyInMaster).toBe(stats.onlyInMaster);
    expect(e.master?.onlyInOrders).toBe(stats.onlyInOrders);
    expect(stats.onlyInMaster).toBe(25);
    expect(stats.onlyInOrders).toBe(15);
    expect([...e.master!.sampleOnlyInOrders].sort()).toEqual(stats.onlyInOrdersIds);
    expect(e.master?.matched).toBe(stats.matched);
    expect(e.timeToValue.id).toBe('timeToValue');
    expect(e.timeToValue.contactsAfterFirstPurchase).toBe(5);
    expect(e.timeToValue.value).toBeGreaterThan(0);
  });

  it('finds the customers with many tickets unprofitable once a cost per ticket is set', () => {
    const e = doc.economics;
    expect(e.settings.serviceBasis).toBe('tickets');
    expect(e.settings.serviceCostPerTicket).toBe(50);
    expect(e.contribution.id).toBe('contributionMargin');
    expect(e.contribution.unprofitable.count).toBeGreaterThanOrEqual(stats.problemCustomers.length);
    const worst = new Set(e.contribution.worst.map((w) => w.customer));
    for (const id of stats.problemCustomers) expect(worst.has(id)).toBe(true);
  });

  it('names every figure by its definition', () => {
    const e = doc.economics;
    const row = e.channels.find((c) => c.channel === 'Webshop')!;
    expect([
      row.newCustomerClv.id,
      row.maxAffordableCac.id,
      row.ltvToCac.id,
      row.paybackMonths.id,
      row.observedPaybackMonth.id,
    ]).toEqual(['newCustomerClv', 'maxAffordableCac', 'ltvToCac', 'paybackMonths', 'observedPaybackMonth']);
    // maxAffordableCac = newCustomerClv / target (default 3); ltvToCac = newCustomerClv / cac.
    expect(row.maxAffordableCac.value).toBeCloseTo(row.newCustomerClv.value! / 3, 6);
    expect(row.ltvToCac.value).toBeCloseTo(row.newCustomerClv.value! / row.cac.value!, 6);
    expect(e.blended.cac.id).toBe('blendedCac');
    expect(e.retention.map((r) => [r.year, r.nrr.id, r.grr.id])).toEqual([
      [2023, 'nrr', 'grr'],
      [2024, 'nrr', 'grr'],
    ]);
    expect(e.funnel.id).toBe('funnel');
    expect(e.budget.id).toBe('budgetAllocation');
    // All the demo's spend is for acquisition.
    expect(e.budget.source).toBe('spend');
    expect(e.budget.acquisitionShare).toBe(1);
  });

  it('exists without the two files, the figures carrying their reasons', async () => {
    const bare = (await report(null, false)).economics;
    expect(bare.master).toBeNull();
    expect(bare.spend).toBeNull();
    expect(bare.files).toEqual({ customers: null, spend: [] });
    expect(bare.timeToValue.reason).toBe('noMaster');
    expect(bare.blended.cac).toEqual({ id: 'blendedCac', value: null, reason: 'noSpend' });
    expect(bare.contribution.reason).toBe('noMargin');
    for (const row of bare.channels) expect(row.cac.reason).toBe('noSpend');
  }, 60_000);
});
