// The worker's economics handler through the real API: scope, record reader and memo.
import { freshDatabasePerTest, importCsv, unwrap } from '../worker-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../src/worker/api';
import { recordReader } from '../../../src/worker/handlers/economics';
import type { RecordFile } from '../../../src/worker/records';
import { EMPTY_FIGURES } from '../../../src/shared/figures';
import { records } from './fixture';

freshDatabasePerTest('economics-handler');

const original = { ...recordReader };
afterEach(() => Object.assign(recordReader, original));

function file(source: 'customers' | 'spend', id: number, data: RecordFile['data']): RecordFile {
  return {
    info: {
      id,
      workspaceId: 1,
      source,
      name: source,
      fileName: `${source}.csv`,
      createdAt: id,
      rowCount: data.n,
      summary: null,
      columns: [],
    },
    data,
  };
}

describe('economics handler', () => {
  it('answers with the figures of the scope, the master join and the spend it was given', async () => {
    const ds = await importCsv();
    recordReader.master = async () =>
      file(
        'customers',
        1,
        records({ codes: { customer: ['A', 'B', 'X'], acquisitionChannel: ['Ads', 'Web', 'Ads'] } }),
      );
    // The KPI case's D is day 900 (1972-06-19): spend on day 800 is in the last year.
    recordReader.spend = async () => [
      file(
        'spend',
        2,
        records({ days: { period: [800] }, codes: { channel: ['Ads'] }, numbers: { amount: [90] } }),
      ),
    ];
    const req = {
      datasetId: ds.id,
      figures: { ...EMPTY_FIGURES, marginPercent: 50 },
      granularity: 'year' as const,
      horizonMonths: 12 as const,
    };
    const r = unwrap(await api.economics(req));
    expect(r.customers).toBe(5);
    expect(r.master).toMatchObject({
      matched: 2,
      onlyInMaster: 1,
      onlyInOrders: 3,
      sampleOnlyInMaster: ['X'],
    });
    // Five customers are too few for a forecast: the predicted figures say why.
    expect(r.forecastFailure).toBe('tooFewCustomers');
    expect(r.contribution.available).toBe(true);
    expect(r.spend!.total).toBe(90);
    // Ads: A (first day 300) is not new in (535, 900]; no new Ads customer, so no CAC.
    expect(r.channels.find((c) => c.channel === 'Ads')!.cac.reason).toBe('noNewCustomers');
    const w = unwrap(await api.whatIf({ ...req, levers: { aov: 10, frequency: 0, churn: 0, cac: 0 } }));
    expect(w.reason).toBe('noForecast');
    expect(w.after.clvSimple).not.toBeNull();
  });
});
