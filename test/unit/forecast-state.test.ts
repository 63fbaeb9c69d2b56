// The Forecast view's state on a stand-in engine whose answers the test delivers by hand, in any order: a slow
// older forecast never replaces a newer one, only the newest request's progress shows, and another dataset gets
// its default calibration end (two thirds into its history) from its own date range only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/shared/errors';
import type { ForecastRequest, ForecastResponse } from '../../src/worker/handlers/forecast';

type Stage = 'load' | 'fit';
interface ForecastCall {
  req: ForecastRequest;
  onStage: (s: Stage) => void;
  resolve: (r: Result<ForecastResponse>) => void;
}
interface MetaCall {
  datasetId: number;
  resolve: (r: Result<{ firstDate: string; lastDate: string; attributes: [] }>) => void;
}

const engine = vi.hoisted(() => {
  const stored = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
  } as Storage;
  return { forecastCalls: [] as ForecastCall[], metaCalls: [] as MetaCall[] };
});

vi.mock('../../src/client/worker-client', () => ({
  callback: <T>(fn: T) => fn,
  engine: {
    forecast: (req: ForecastRequest, onStage: (s: Stage) => void) =>
      new Promise((resolve) => engine.forecastCalls.push({ req, onStage, resolve })),
    datasetMeta: (datasetId: number) =>
      new Promise((resolve) => engine.metaCalls.push({ datasetId, resolve })),
  },
}));

const { forecast } = await import('../../src/views/forecast/forecast-state.svelte');

const settled = () => new Promise((r) => setTimeout(r, 0));
const request = (datasetId: number, model: ForecastRequest['model']): ForecastRequest => ({
  datasetId,
  asOf: null,
  filters: [],
  model,
  unit: 'week',
  calibrationEnd: null,
  monthlyDiscount: 0.01,
  clvMarginRate: 1,
  horizonMonths: 12,
});
/** A stand-in answer, told apart by its compute time. */
const answer = (computeMs: number): Result<ForecastResponse> => ({
  ok: true,
  value: { computeMs } as ForecastResponse,
});

beforeEach(() => {
  forecast.reset();
  engine.forecastCalls.length = 0;
  engine.metaCalls.length = 0;
});

describe('the forecast state', () => {
  it('a slow older forecast never replaces a newer one, and only the newest progress shows', async () => {
    void forecast.load(request(1, 'bgnbd'));
    void forecast.load(request(1, 'paretonbd'));
    const [older, newer] = engine.forecastCalls;
    expect(forecast.stage).toBe('load');
    older.onStage('fit');
    expect(forecast.stage).toBe('load');
    newer.onStage('fit');
    expect(forecast.stage).toBe('fit');
    newer.resolve(answer(2));
    await settled();
    expect(forecast.result?.computeMs).toBe(2);
    expect(forecast.stage).toBeNull();
    older.resolve(answer(1));
    older.onStage('load');
    await settled();
    expect(forecast.result?.computeMs).toBe(2);
    expect(forecast.stage).toBeNull();
  });

  it('an error drops the previous result and ends the progress', async () => {
    void forecast.load(request(1, 'bgnbd'));
    engine.forecastCalls[0].resolve(answer(5));
    await settled();
    void forecast.load(request(1, 'paretonbd'));
    engine.forecastCalls[1].resolve({ ok: false, error: { code: 'unexpected', message: 'no fit' } });
    await settled();
    expect(forecast.result).toBeNull();
    expect(forecast.error?.message).toBe('no fit');
    expect(forecast.stage).toBeNull();
  });

  it('another dataset: no old result, the default calibration end from its own range', async () => {
    void forecast.load(request(1, 'bgnbd'));
    engine.forecastCalls[0].resolve(answer(5));
    await settled();
    const toTwo = forecast.useDataset(2, null);
    expect(forecast.result).toBeNull();
    const toThree = forecast.useDataset(3, '2024-10-01');
    const [two, three] = engine.metaCalls;
    expect([two.datasetId, three.datasetId]).toEqual([2, 3]);
    // 2024-01-01 to the as-of date 2024-10-01 is 274 days; 2/3 of it is 182.67, rounded 183: 2024-07-02.
    three.resolve({ ok: true, value: { firstDate: '2024-01-01', lastDate: '2024-12-31', attributes: [] } });
    await toThree;
    expect([forecast.formDataset, forecast.form.calibrationEnd]).toEqual([3, '2024-07-02']);
    // The older dataset's range, arriving last, changes nothing.
    two.resolve({ ok: true, value: { firstDate: '2020-01-01', lastDate: '2020-12-31', attributes: [] } });
    await toTwo;
    expect([forecast.formDataset, forecast.form.calibrationEnd]).toEqual([3, '2024-07-02']);
    // Without an as-of date, to the last date: 2024-01-01 + round(365 × 2/3 = 243.33) days = 2024-08-31.
    const toFour = forecast.useDataset(4, null);
    engine.metaCalls[2].resolve({
      ok: true,
      value: { firstDate: '2024-01-01', lastDate: '2024-12-31', attributes: [] },
    });
    await toFour;
    expect([forecast.formDataset, forecast.form.calibrationEnd]).toEqual([4, '2024-08-31']);
  });
});
