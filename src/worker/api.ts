/**
 * The worker's API. Every method returns a Result: errors cross the boundary as data (code + message).
 * No Comlink import here: engine.worker.ts exposes this object; tests call it directly.
 */
import Papa from 'papaparse';
import { AppFailure, isQuotaError, ok, toAppError, type Result } from '../shared/errors';
import type {
  DatasetInfo,
  ImportOptions,
  ImportProgress,
  PreviewRow,
  RejectedRow,
  SniffAnswer,
  StorageEstimate,
  WorkspaceInfo,
} from '../shared/types';
import { SNIFF_BYTES, binaryKind, sniff, type SniffLayout } from '../ingest/sniff';
import { proposeImport } from '../ingest/mapping';
import { headersOf, previewRows } from '../ingest/preview';
import { fileSource } from '../ingest/parse';
import { runImport } from '../ingest/import';
import type { ChunkSink } from '../ingest/columnize';
import * as repo from '../storage/datasets';
import { rejectsToCsv, type RejectsCsvFormat } from '../ingest/export';
import * as analysis from './analysis';
import type { Evidence } from '../analytics/evidence';
import type { EvidenceKind } from '../analytics/selfcheck';
import type { SelfCheckRow, ValueStreamRow } from '../storage/db';
import type {
  AnalysisRequest,
  CohortRequest,
  CustomerPageRequest,
  CustomerRow,
  DatasetMeta,
  EvidenceRequest,
  ForecastRequest,
  ForecastResponse,
  OverviewResult,
  RfmSummary,
  SegmentsResult,
  TimelineEntry,
} from './analysis';

async function guard<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

async function head(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
}

const LOCK_PREFIX = 'kundenwert-import-';

/**
 * Test hook: the next import holds once its column chunk `afterChunk` is stored, until it is cancelled (or its page
 * closes). A million-row import takes about a second, too short for a test to close the page or press Cancel at a
 * chosen point by watching the progress; with the hold, the test acts on an import that is surely mid-way.
 */
let testHold: { afterChunk: number; signal: () => void } | null = null;
let testHoldReached: Promise<void> | null = null;

function holdForTest(sink: repo.IndexedDbSink, job: { cancelled: boolean }): ChunkSink {
  const hold = testHold;
  if (!hold) return sink;
  testHold = null;
  return {
    writeRejects: (index, chunk) => sink.writeRejects(index, chunk),
    async writeChunk(chunk) {
      await sink.writeChunk(chunk);
      if (chunk.index !== hold.afterChunk || !chunk.columns.customer) return;
      hold.signal();
      while (!job.cancelled) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
/** Imports running in this worker; Cancel stops all of them (the UI runs one at a time). */
const activeImports = new Set<{ cancelled: boolean }>();

/** Runs `fn` while holding a Web Lock named after the dataset, so other tabs can tell a live import from a dead one. */
async function withImportLock<T>(datasetId: number, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request(LOCK_PREFIX + datasetId, fn) as Promise<T>;
}

async function liveImportIds(): Promise<Set<number>> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const ids = new Set<number>();
  if (!locks) return ids;
  const state = await locks.query();
  for (const l of state.held ?? []) {
    if (l.name?.startsWith(LOCK_PREFIX)) ids.add(Number(l.name.slice(LOCK_PREFIX.length)));
  }
  return ids;
}

async function checkQuota(bytes: number): Promise<void> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return;
  const { usage = 0, quota = Infinity } = await storage.estimate();
  // Stored columns take about as much space as the file (typed arrays plus rejects), so ask for the file size.
  if (quota - usage < bytes) {
    throw new AppFailure('quota', 'There is not enough free browser storage for this file.', {
      needed: bytes,
      free: Math.max(0, quota - usage),
    });
  }
}

export const api = {
  async ping(): Promise<Result<string>> {
    return ok('pong');
  },

  /**
   * Sniffs a file and proposes the mapping; again with the user's `layout` (encoding, delimiter, rows to skip,
   * header) when they change it. A proposal without a date column is still returned: the mapping step says that no
   * column holds readable dates and lets the user fix the layout or choose the column.
   */
  async sniffFile(file: File, layout?: SniffLayout): Promise<Result<SniffAnswer>> {
    return guard(async () => {
      if (file.size === 0) throw new AppFailure('emptyFile', 'The file is empty.');
      const bytes = await head(file);
      const kind = binaryKind(bytes);
      if (kind) throw new AppFailure('notCsv', 'The file is not a CSV text file.', { kind });
      const s = sniff(bytes, file.name, file.size, layout);
      if (s.sampleRows.length === 0) {
        throw new AppFailure(s.hasHeader ? 'headerOnly' : 'emptyFile', 'The file has no data rows.');
      }
      return proposeImport(s);
    });
  },

  /** Headers and normalized preview rows under the given (possibly user-edited) options. */
  async preview(
    file: File,
    options: ImportOptions,
  ): Promise<Result<{ headers: string[]; rows: PreviewRow[] }>> {
    return guard(async () => {
      const bytes = await head(file);
      const headers = headersOf(bytes, file.size, options);
      return { headers, rows: await previewRows(bytes, file.size, options) };
    });
  },

  async startImport(
    workspaceId: number,
    file: File,
    options: ImportOptions,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<Result<DatasetInfo>> {
    const job = { cancelled: false };
    activeImports.add(job);
    const t0 = performance.now();
    const result = await guard(async () => {
      await checkQuota(file.size);
      let opts = options;
      let fallbackLine: number | null = null;
      for (;;) {
        const bytes = await head(file);
        const headers = headersOf(bytes, file.size, opts);
        const id = await repo.beginDataset({
          workspaceId,
          name: opts.name || file.name,
          fileName: file.name,
          fileSize: file.size,
          createdAt: Date.now(),
          rowCount: 0,
          chunkCount: 0,
          columns: [],
          options: opts,
          summary: null,
        });
        try {
          return await withImportLock(id, async () => {
            const store = new repo.IndexedDbSink(id);
            const sink = holdForTest(store, job);
            const res = await runImport(fileSource(file), opts, headers, sink, {
              isCancelled: () => job.cancelled,
              onProgress,
            });
            // The parser checks for a cancel only before each read: a cancel during the last read lands here.
            if (job.cancelled) throw new AppFailure('cancelled', 'The import was cancelled.');
            await store.writeDictionaries(res.dictionaries);
            // The duration covers everything until the dataset is stored and ready.
            const summary = {
              ...res.summary,
              durationMs: performance.now() - t0,
              encodingFallbackLine: fallbackLine,
            };
            await repo.completeDataset(id, {
              headerLine: res.headerLine,
              headerLineNo: res.headerLineNo,
              rowCount: summary.imported,
              chunkCount: res.chunkCount,
              columns: res.columns,
              summary,
            });
            const info = await repo.getDataset(id);
            if (!info) throw new AppFailure('notFound', 'The dataset vanished after the import.');
            return info;
          });
        } catch (e) {
          // All or nothing: whatever was written is removed, also after a quota error.
          await repo.deleteDataset(id).catch(() => undefined);
          // Not UTF-8 after an all-ASCII start: the file is most likely Windows-1252 throughout, so read it again as
          // such (and say so in the summary). A file that mixes UTF-8 and other bytes is refused with the line.
          if (
            e instanceof AppFailure &&
            e.code === 'encoding' &&
            opts.encoding === 'utf-8' &&
            !e.params?.mixed
          ) {
            opts = { ...opts, encoding: 'windows-1252' };
            fallbackLine = Number(e.params?.line ?? 0);
            continue;
          }
          if (isQuotaError(e)) {
            throw new AppFailure(
              'quota',
              'The browser storage ran full during the import. Nothing was kept.',
            );
          }
          throw e;
        }
      }
    });
    activeImports.delete(job);
    return result;
  },

  async cancelImport(): Promise<Result<true>> {
    for (const job of activeImports) job.cancelled = true;
    return ok(true);
  },

  async cleanupInterrupted(): Promise<Result<number>> {
    return guard(async () => {
      const live = await liveImportIds();
      return repo.deleteInterrupted((id) => live.has(id));
    });
  },

  async listWorkspaces(): Promise<Result<WorkspaceInfo[]>> {
    return guard(() => repo.listWorkspaces());
  },

  async createWorkspace(name: string): Promise<Result<number>> {
    return guard(() => repo.createWorkspace(name));
  },

  async renameWorkspace(id: number, name: string): Promise<Result<true>> {
    return guard(async () => {
      await repo.renameWorkspace(id, name);
      return true as const;
    });
  },

  async deleteWorkspace(id: number): Promise<Result<true>> {
    return guard(async () => {
      analysis.forgetAll();
      await repo.deleteWorkspace(id);
      return true as const;
    });
  },

  async listDatasets(workspaceId: number): Promise<Result<DatasetInfo[]>> {
    return guard(() => repo.listDatasets(workspaceId));
  },

  async deleteDataset(id: number): Promise<Result<true>> {
    return guard(async () => {
      analysis.forget(id);
      await repo.deleteDataset(id);
      return true as const;
    });
  },

  async renameDataset(id: number, name: string): Promise<Result<true>> {
    return guard(async () => {
      await repo.updateDataset(id, { name: name.trim() });
      return true as const;
    });
  },

  /** Keeps or drops the exact duplicate lines in every analysis of this dataset. */
  async setDropDuplicates(id: number, drop: boolean): Promise<Result<DatasetInfo>> {
    return guard(async () => {
      const d = await repo.getDataset(id);
      if (!d) throw new AppFailure('notFound', 'Dataset not found.');
      await repo.updateDataset(id, { options: { ...d.options, dropDuplicates: drop } });
      analysis.forget(id);
      return (await repo.getDataset(id))!;
    });
  },

  async rejects(id: number, limit = 200): Promise<Result<{ total: number; rows: RejectedRow[] }>> {
    return guard(async () => {
      const d = await repo.getDataset(id);
      if (!d) throw new AppFailure('notFound', 'Dataset not found.');
      return { total: d.summary?.rejected ?? 0, rows: await repo.readRejects(id, limit) };
    });
  },

  /** The rejected rows as CSV text: line number, reason code, original line. */
  async rejectsCsv(id: number, format?: RejectsCsvFormat): Promise<Result<string>> {
    return guard(async () => {
      const d = await repo.getDataset(id);
      if (!d) throw new AppFailure('notFound', 'Dataset not found.');
      const header = d.headerLine !== null ? { line: d.headerLineNo ?? 1, text: d.headerLine } : null;
      return rejectsToCsv(await repo.readRejects(id), format, header);
    });
  },

  async storageEstimate(): Promise<Result<StorageEstimate>> {
    return guard(async () => {
      const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
      const est = storage?.estimate ? await storage.estimate() : {};
      const persisted = storage?.persisted ? await storage.persisted() : false;
      return { usage: est.usage ?? null, quota: est.quota ?? null, persisted };
    });
  },

  async deleteAllData(): Promise<Result<true>> {
    return guard(async () => {
      analysis.forgetAll();
      await repo.deleteAllData();
      return true as const;
    });
  },

  /** The date range and filterable attributes of a dataset (for the as-of and filter controls). */
  async datasetMeta(datasetId: number): Promise<Result<DatasetMeta>> {
    return guard(() => analysis.datasetMeta(datasetId));
  },

  /** KPIs, the Pareto/Lorenz figures and the monthly trend of a dataset at an as-of date, with filters. */
  async overview(req: AnalysisRequest): Promise<Result<OverviewResult>> {
    return guard(() => analysis.overview(req));
  },

  /** Cohort matrices (monthly or quarterly, by first purchase or by an attribute). */
  async cohorts(req: CohortRequest): Promise<Result<Awaited<ReturnType<typeof analysis.cohorts>>>> {
    return guard(() => analysis.cohorts(req));
  },

  /** RFM: the 5 × 5 map and the segment table. */
  async rfm(req: AnalysisRequest): Promise<Result<RfmSummary>> {
    return guard(() => analysis.rfm(req));
  },

  /** One page of the customer table (sorted, searched, optionally one segment). */
  async customerPage(
    req: CustomerPageRequest,
  ): Promise<Result<{ total: number; rows: CustomerRow[]; forecastMonths: number | null }>> {
    return guard(() => analysis.customerPage(req));
  },

  /**
   * The forecast: a validation fit at the calibration end and a forecast fit at D, with P(alive), expected
   * purchases and CLV per customer (added to the customer table), per RFM segment and per attribute value.
   * `onStage` reports progress ('load', then 'fit').
   */
  async forecast(
    req: ForecastRequest,
    onStage?: (stage: 'load' | 'fit') => void,
  ): Promise<Result<ForecastResponse>> {
    return guard(() => analysis.forecast(req, onStage));
  },

  /** The self-check evidence of every question (see src/analytics/evidence.ts). */
  async selfCheckEvidence(req: EvidenceRequest): Promise<Result<Record<EvidenceKind, Evidence>>> {
    return guard(() => analysis.selfCheckEvidence(req));
  },

  async getSelfCheck(workspaceId: number): Promise<Result<SelfCheckRow | null>> {
    return guard(() => repo.getSelfCheck(workspaceId));
  },

  async saveSelfCheck(row: Omit<SelfCheckRow, 'updatedAt'>): Promise<Result<true>> {
    return guard(async () => {
      await repo.saveSelfCheck(row);
      return true as const;
    });
  },

  async resetSelfCheck(workspaceId: number): Promise<Result<true>> {
    return guard(async () => {
      await repo.resetSelfCheck(workspaceId);
      return true as const;
    });
  },

  async getValueStream(workspaceId: number): Promise<Result<ValueStreamRow | null>> {
    return guard(() => repo.getValueStream(workspaceId));
  },

  async saveValueStream(workspaceId: number, steps: ValueStreamRow['steps']): Promise<Result<true>> {
    return guard(async () => {
      await repo.saveValueStream(workspaceId, steps);
      return true as const;
    });
  },

  /** The order timeline of one customer. */
  async customerTimeline(req: AnalysisRequest & { code: number }): Promise<Result<TimelineEntry[]>> {
    return guard(() => analysis.customerTimeline(req));
  },

  /** The KPI table per value of an attribute. */
  async segments(req: AnalysisRequest & { attribute: string }): Promise<Result<SegmentsResult>> {
    return guard(() => analysis.segments(req));
  },

  /** Benchmark: times the full analysis (aggregates, KPIs, RFM, cohorts, trend) without caches. */
  async timeFullAnalysis(req: AnalysisRequest): Promise<Result<Record<string, number>>> {
    return guard(() => analysis.timeFullAnalysis(req));
  },

  /**
   * Benchmark baseline: decode the file in stream mode and run a plain PapaParse pass over it, nothing else.
   * Returns the row count and the milliseconds taken.
   */
  async plainParse(file: File, delimiter: string): Promise<Result<{ rows: number; ms: number }>> {
    return guard(async () => {
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
    });
  },

  /** Test hook: the next import holds after storing column chunk `afterChunk` until it is cancelled. */
  async holdImportForTest(afterChunk: number): Promise<Result<true>> {
    let signal = () => undefined as void;
    testHoldReached = new Promise<void>((r) => (signal = r));
    testHold = { afterChunk, signal };
    return ok(true);
  },

  /** Test hook: resolves once the held import has reached its hold. */
  async importHeldForTest(): Promise<Result<true>> {
    return guard(async () => {
      if (!testHoldReached) throw new AppFailure('notFound', 'No import hold was set.');
      await testHoldReached;
      return true as const;
    });
  },

  /** Test hook: crashes the worker with an uncaught error, to prove the client recovers. */
  async crashForTest(): Promise<Result<true>> {
    setTimeout(() => {
      throw new Error('deliberate crash for a test');
    });
    return new Promise(() => undefined);
  },
};

export type WorkerApi = typeof api;
