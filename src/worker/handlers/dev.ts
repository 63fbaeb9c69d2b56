/**
 * Benchmarks and test hooks. Only a test build merges this handler in (`vite build --mode test`, see api.ts); the
 * app that ships contains none of it.
 */
import Papa from 'papaparse';
import { AppFailure } from '../../shared/errors';
import type { ChunkSink } from '../../ingest/columnize';
import { customerAggregates } from '../../analytics/customers';
import { computeKpis } from '../../analytics/kpis';
import { computeRfm } from '../../analytics/rfm';
import { computeCohorts } from '../../analytics/cohorts';
import { computeTrend } from '../../analytics/trend';
import { openDatasets, openSession } from '../session';
import { asOfDay, type AnalysisRequest } from '../scope';
import { importSeam, type ImportJob } from './import';
import { economicsHandler, type EconomicsRequest } from './economics';
import { actionsHandler, type ActionPageRequest, type ActionsRequest, type MatrixRequest } from './actions';

/** Resolves once the held import has reached its hold (null without a hold set). */
let holdReached: Promise<void> | null = null;

/**
 * The next import's sink, held once its column chunk `afterChunk` is stored, until the import is cancelled (or its
 * page closes). A million-row import takes about a second, too short for a test to close the page or press Cancel at
 * a chosen point by watching the progress; with the hold, the test acts on an import that is surely mid-way.
 */
function holdingSink(afterChunk: number, signal: () => void) {
  return (sink: ChunkSink, job: ImportJob): ChunkSink => {
    importSeam.wrapSink = null;
    return {
      writeRejects: (index, chunk) => sink.writeRejects(index, chunk),
      async writeChunk(chunk) {
        await sink.writeChunk(chunk);
        if (chunk.index !== afterChunk || !chunk.columns.customer) return;
        signal();
        while (!job.cancelled) await new Promise((r) => setTimeout(r, 20));
      },
    };
  };
}

export const devHandler = {
  /**
   * Benchmark: the full analysis (aggregates, KPIs, RFM, cohorts, trend) without memoised results, with the time of
   * each part in ms. `load` is the time this call waited for the dataset's lines: opening it from storage (`read`,
   * `build`) if it was not held, about 0 if it was.
   */
  async timeFullAnalysis(req: AnalysisRequest): Promise<Record<string, number>> {
    const t: Record<string, number> = {};
    const wasOpen = openDatasets().includes(req.datasetId);
    let t0 = performance.now();
    const session = await openSession(req.datasetId);
    t.load = performance.now() - t0;
    t.read = wasOpen ? 0 : session.loadMs.read;
    t.build = wasOpen ? 0 : session.loadMs.build;
    const { lines } = session;
    const opts = { asOf: asOfDay(lines, req.asOf), marginRate: 0 };
    t0 = performance.now();
    const table = customerAggregates(lines, opts);
    t.aggregates = performance.now() - t0;
    t0 = performance.now();
    computeKpis(lines, opts, table);
    t.kpis = performance.now() - t0;
    t0 = performance.now();
    computeRfm(table);
    t.rfm = performance.now() - t0;
    t0 = performance.now();
    computeCohorts(lines, table, opts);
    t.cohorts = performance.now() - t0;
    t0 = performance.now();
    computeTrend(lines, table, opts);
    t.trend = performance.now() - t0;
    t.total = t.aggregates + t.kpis + t.rfm + t.cohorts + t.trend;
    t.customers = table.count;
    t.lines = lines.n;
    return t;
  },

  /**
   * Benchmark: the economics figures of a scope as the Economics view asks for them, timed in the worker. `workerMs`
   * is the whole call (the scope, the KPIs, the forecast and the channel fits when not yet memoised, then the
   * figures); `computeMs` the figures alone (computeEconomics).
   */
  async timeEconomics(
    req: EconomicsRequest,
  ): Promise<{ workerMs: number; computeMs: number; customers: number; channels: number }> {
    const t0 = performance.now();
    const r = await economicsHandler.economics(req);
    return {
      workerMs: performance.now() - t0,
      computeMs: r.computeMs,
      customers: r.customers,
      channels: r.channels.length,
    };
  },

  /**
   * Benchmark: one Actions call (the overview, a list page or a matrix page) timed in the worker, with the size of
   * its answer (`total`: list or matrix rows; the overview's customers).
   */
  async timeActions(
    call:
      | { method: 'actionsOverview'; req: ActionsRequest }
      | { method: 'actionPage'; req: ActionPageRequest }
      | { method: 'actionMatrix'; req: MatrixRequest },
  ): Promise<{ workerMs: number; total: number; rows: number }> {
    const t0 = performance.now();
    if (call.method === 'actionsOverview') {
      const o = await actionsHandler.actionsOverview(call.req);
      return { workerMs: performance.now() - t0, total: o.customers, rows: o.whitespace.length };
    }
    const r =
      call.method === 'actionPage'
        ? await actionsHandler.actionPage(call.req)
        : await actionsHandler.actionMatrix(call.req);
    return { workerMs: performance.now() - t0, total: r.total, rows: r.rows.length };
  },

  /**
   * Benchmark baseline: decode the file in stream mode and run a plain PapaParse pass over it, nothing else.
   * Returns the row count and the milliseconds taken.
   */
  async plainParse(file: File, delimiter: string): Promise<{ rows: number; ms: number }> {
    const t0 = performance.now();
    const decoder = new TextDecoder('utf-8');
    const step = 4 * 1024 * 1024;
    let rows = 0;
    let pending = '';
    for (let o = 0; o < file.size; o += step) {
      const bytes = new Uint8Array(await file.slice(o, o + step).arrayBuffer());
      const text = pending + decoder.decode(bytes, { stream: o + step < file.size });
      const cut = o + step < file.size ? text.lastIndexOf('\n') + 1 : text.length;
      rows += Papa.parse(text.slice(0, cut), { delimiter }).data.length;
      pending = text.slice(cut);
    }
    return { rows, ms: performance.now() - t0 };
  },

  /** Test hook: the next import holds after storing column chunk `afterChunk` until it is cancelled. */
  async holdImportForTest(afterChunk: number): Promise<true> {
    let signal = () => undefined as void;
    holdReached = new Promise<void>((r) => (signal = r));
    importSeam.wrapSink = holdingSink(afterChunk, signal);
    return true;
  },

  /** Test hook: resolves once the held import has reached its hold. */
  async importHeldForTest(): Promise<true> {
    if (!holdReached) throw new AppFailure('notFound', 'No import hold was set.');
    await holdReached;
    return true;
  },

  /** Test hook: crashes the worker with an uncaught error, to prove the client recovers. */
  async crashForTest(): Promise<true> {
    setTimeout(() => {
      throw new Error('deliberate crash for a test');
    });
    return new Promise(() => undefined);
  },
};
