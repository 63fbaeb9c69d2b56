// The forecast's intervals through the worker API on fake-indexeddb: totals and per-segment bands travel with the
// forecast, and per-customer ranges come for the rows the customer table asks for.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import { api } from '../../src/worker/api';
import { hasSharedData, sharedFile } from './helpers';

freshDatabasePerTest('kundenwert-forecast-intervals');

const request = (datasetId: number) => ({
  datasetId,
  model: 'bgnbd' as const,
  unit: 'week' as const,
  calibrationEnd: null,
  monthlyDiscount: 0.01,
  clvMarginRate: 1,
  horizonMonths: 36,
});

describe('forecast intervals in the worker', () => {
  it('has none when the fit failed, and no ranges for the table', async () => {
    const info = await importCsv();
    const f = unwrap(await api.forecast(request(info.id)));
    expect(f.failure?.code).toBe('tooFewCustomers');
    expect(f.intervals).toBeNull();
    expect(unwrap(await api.forecastRanges({ datasetId: info.id, codes: [0, 1] }))).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)('forecast intervals on cdnow_sample.csv', () => {
  it('brackets the point forecast in total, per segment and per customer row', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([readFileSync(sharedFile('cdnow_sample.csv'))], 'cdnow_sample.csv');
    const { options } = unwrap(await api.sniffFile(file));
    const info = unwrap(await api.startImport(ws, file, options));
    const f = unwrap(await api.forecast(request(info.id)));
    const iv = f.intervals;
    if (!iv?.ok) throw new Error(`no intervals: ${JSON.stringify(iv)}`);
    expect(iv.draws).toBe(200);
    expect(iv.total.customers).toBe(f.customers);
    expect(iv.bySegment.reduce((s, g) => s + g.customers, 0)).toBe(f.customers);
    f.horizons.forEach((h, i) => {
      const band = iv.total.horizons[i];
      expect(band.months).toBe(h.months);
      expect(band.expected.low95).toBeLessThan(h.expectedTotal);
      expect(band.expected.high95).toBeGreaterThan(h.expectedTotal);
      expect(band.clv!.low95).toBeLessThan(h.clvTotal!);
      expect(band.clv!.high95).toBeGreaterThan(h.clvTotal!);
      expect(band.clv!.low95).toBeLessThanOrEqual(band.clv!.low80);
      expect(band.clv!.high80).toBeLessThanOrEqual(band.clv!.high95);
    });
    const top = f.top.slice(0, 3);
    const ranges = unwrap(await api.forecastRanges({ datasetId: info.id, codes: top.map((t) => t.code) }));
    expect(ranges.map((r) => r.code)).toEqual(top.map((t) => t.code));
    ranges.forEach((r, i) => {
      expect(r.months).toBe(36);
      expect(r.pAlive.low95).toBeLessThanOrEqual(top[i].pAlive);
      expect(r.pAlive.high95).toBeGreaterThanOrEqual(top[i].pAlive);
      expect(r.clv!.low95).toBeLessThan(top[i].clv!);
      expect(r.clv!.high95).toBeGreaterThan(top[i].clv!);
    });
  });

  it('gives the holdout total of the validation at 1997-09-30 (weeks) its intervals', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([readFileSync(sharedFile('cdnow_sample.csv'))], 'cdnow_sample.csv');
    const { options } = unwrap(await api.sniffFile(file));
    const info = unwrap(await api.startImport(ws, file, options));
    const f = unwrap(await api.forecast({ ...request(info.id), calibrationEnd: '1997-09-30' }));
    const v = f.validation!;
    const h = f.holdoutInterval;
    if (!h?.ok) throw new Error(`no holdout interval: ${JSON.stringify(h)}`);
    // The same figures as the validation report: 39 weeks from 1997-10-01 to 1998-06-30, 1,882 repeat purchases.
    expect(h.predictedTotal).toBe(v.predictedTotal);
    expect(h.actualTotal).toBe(1882);
    expect(h.holdoutLength).toBe(v.holdoutLength);
    expect(h.totals).toBe('simulated');
    const b = h.total;
    expect(b.low95).toBeLessThanOrEqual(b.low90);
    expect(b.low90).toBeLessThanOrEqual(b.low80);
    expect(b.low80).toBeLessThan(h.predictedTotal);
    expect(b.high80).toBeGreaterThan(h.predictedTotal);
    expect(b.high80).toBeLessThanOrEqual(b.high90);
    expect(b.high90).toBeLessThanOrEqual(b.high95);
    console.log(
      `[CDNOW holdout] predicted ${h.predictedTotal.toFixed(1)} (80 %: ${b.low80}–${b.high80}, ` +
        `90 %: ${b.low90}–${b.high90}, 95 %: ${b.low95}–${b.high95}) vs actual ${h.actualTotal}`,
    );
    // Without a calibration end there is no holdout interval.
    expect(unwrap(await api.forecast(request(info.id))).holdoutInterval).toBeNull();
  });

  it('gives a file without amounts (grocery.csv) ranges of the expected purchases, and no CLV ranges', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const file = new File([readFileSync(sharedFile('grocery.csv'))], 'grocery.csv');
    const { options } = unwrap(await api.sniffFile(file));
    const info = unwrap(await api.startImport(ws, file, options));
    const f = unwrap(await api.forecast({ ...request(info.id), unit: 'day' as const }));
    expect(f.failure).toBeFalsy();
    const iv = f.intervals;
    if (!iv?.ok) throw new Error(`no intervals: ${JSON.stringify(iv)}`);
    f.horizons.forEach((h, i) => {
      const band = iv.total.horizons[i];
      expect(h.clvTotal).toBeNull();
      expect(band.clv).toBeNull();
      expect(band.expected.low95).toBeLessThan(h.expectedTotal);
      expect(band.expected.high95).toBeGreaterThan(h.expectedTotal);
    });
    const top = f.top.slice(0, 3);
    const ranges = unwrap(await api.forecastRanges({ datasetId: info.id, codes: top.map((t) => t.code) }));
    expect(ranges).toHaveLength(3);
    ranges.forEach((r, i) => {
      expect(r.clv).toBeNull();
      expect(r.expected.low95).toBeLessThanOrEqual(top[i].expected);
      expect(r.expected.high95).toBeGreaterThanOrEqual(top[i].expected);
    });
  });
});
