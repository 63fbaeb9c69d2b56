/**
 * Import: sniff a file and propose the mapping, preview it, import it into a new dataset (all or nothing), cancel,
 * and clean up imports that a closed tab left behind.
 */
import { AppFailure, isQuotaError } from '../../shared/errors';
import type {
  DatasetInfo,
  ImportOptions,
  ImportProgress,
  ImportSummary,
  PreviewRow,
  SniffAnswer,
} from '../../shared/types';
import { binaryKind, readSample, sniff, type SniffLayout } from '../../ingest/sniff';
import { proposeImport } from '../../ingest/mapping';
import { SOURCES } from '../../ingest/sources/registry';
import { headersOf, previewRows } from '../../ingest/preview';
import { fileSource } from '../../ingest/parse';
import { runImport, type ImportResult } from '../../ingest/import';
import type { ChunkSink } from '../../ingest/columnize';
import { RecordSink } from '../../ingest/record-sink';
import * as repo from '../../storage/datasets';
import * as records from '../../storage/records';
import { liveImportIds, withImportLock } from '../../storage/import-locks';
import type { RecordColumns, RecordFileInfo, RecordSourceId } from '../../shared/economics';
import { joinMaster } from '../../analytics/master-join';
import { masterOf, usedValues } from '../records';
import { recordsChanged } from './records';

/** An import in flight; Cancel sets `cancelled`. */
export interface ImportJob {
  cancelled: boolean;
}

/**
 * The seam between the import and the store its chunks go to: a test build may wrap the sink of the next import
 * (see handlers/dev.ts). Null in the app.
 */
export const importSeam: { wrapSink: ((sink: ChunkSink, job: ImportJob) => ChunkSink) | null } = {
  wrapSink: null,
};

/** The bytes the sniff, the preview and the headers are taken from (longer when the first rows are long). */
async function head(file: Blob): Promise<Uint8Array> {
  return readSample(file.size, async (n) => new Uint8Array(await file.slice(0, n).arrayBuffer()));
}

/** Imports running in this worker; Cancel stops all of them (the UI runs one at a time). */
const activeImports = new Set<ImportJob>();

/** One attempt at an import: the file, the options of this attempt and the job that can cancel it. */
interface Attempt {
  workspaceId: number;
  file: File;
  opts: ImportOptions;
  job: ImportJob;
  /** When the import started (the summary's duration counts from here, over all attempts). */
  t0: number;
  /** The line after which a UTF-8 file turned out to be Windows-1252 (this attempt reads it as such), or null. */
  fallbackLine: number | null;
  onProgress?: (p: ImportProgress) => void;
}

/** Reads the whole file of an attempt into `sink`; a cancel, also one during the last read, throws. */
async function parseInto(a: Attempt, sink: ChunkSink): Promise<ImportResult> {
  const bytes = await head(a.file);
  const headers = headersOf(bytes, a.file.size, a.opts);
  const res = await runImport(fileSource(a.file), a.opts, headers, sink, {
    isCancelled: () => a.job.cancelled,
    onProgress: a.onProgress,
  });
  // The parser checks for a cancel only before each read: a cancel during the last read lands here.
  if (a.job.cancelled) throw new AppFailure('cancelled', 'The import was cancelled.');
  return res;
}

/** One attempt at importing the file with `opts` into a new dataset; removes whatever it wrote if it fails. */
async function importOnce(a: Attempt): Promise<DatasetInfo> {
  const { workspaceId, file, opts, job, t0, fallbackLine } = a;
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
      const sink = importSeam.wrapSink?.(store, job) ?? store;
      const res = await parseInto(a, sink);
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
    throw e;
  }
}

/** Channel names as they are compared: trimmed, lower case. */
const channelKey = (s: string) => s.trim().toLowerCase();

/**
 * Channels of a spend file that no customer of the workspace came through: not the acquisition channel of any row of
 * the master data in use, nor a value of the channel column of the newest orders dataset. Shown, never dropped.
 */
async function unknownChannels(workspaceId: number, data: RecordColumns): Promise<string[]> {
  const known = new Set<string>();
  const master = await masterOf(workspaceId);
  if (master) for (const v of usedValues(master.data, 'acquisitionChannel')) known.add(channelKey(v));
  const newest = (await repo.listDatasets(workspaceId))[0];
  if (newest?.columns.some((c) => c.key === 'channel')) {
    for (const v of await repo.readDictionary(newest.id, 'channel')) known.add(channelKey(v));
  }
  return usedValues(data, 'channel').filter((v) => !known.has(channelKey(v)));
}

/**
 * How master ids meet the customers of the workspace's newest orders dataset (`join` null without one), and how
 * many master rows repeat an id of an earlier row: one join for both.
 */
async function masterSummary(
  workspaceId: number,
  data: RecordColumns,
): Promise<Pick<ImportSummary, 'masterJoin' | 'duplicateIds'>> {
  const newest = (await repo.listDatasets(workspaceId))[0];
  const dict = newest ? await repo.readDictionary(newest.id, 'customer') : [];
  const j = joinMaster(dict, data);
  return {
    masterJoin: newest
      ? { matched: j.matched, onlyInMaster: j.onlyInMaster, onlyInOrders: dict.length - j.matched }
      : null,
    duplicateIds: j.duplicateIds,
  };
}

/**
 * One attempt at importing a record file (customer master data, marketing spend): the rows are collected in memory
 * and stored with one write at the end, so a cancel, a failure or a closed tab leave nothing.
 */
async function importRecordsOnce(source: RecordSourceId, a: Attempt): Promise<RecordFileInfo> {
  const { workspaceId, file, opts, job, t0, fallbackLine } = a;
  const store = new RecordSink();
  const res = await parseInto(a, store);
  const data = store.columns(res.columns, res.dictionaries);
  const summary = {
    ...res.summary,
    encodingFallbackLine: fallbackLine,
    ...(source === 'spend'
      ? { unknownChannels: await unknownChannels(workspaceId, data) }
      : await masterSummary(workspaceId, data)),
  };
  summary.durationMs = performance.now() - t0;
  if (job.cancelled) throw new AppFailure('cancelled', 'The import was cancelled.');
  const row = {
    workspaceId,
    name: opts.name || file.name,
    fileName: file.name,
    fileSize: file.size,
    createdAt: Date.now(),
    options: opts,
    summary,
    columns: res.columns,
    headerLine: res.headerLine,
    headerLineNo: res.headerLineNo,
    data,
    rejects: store.rejects,
  };
  const id = await records.saveRecordFile(source, row);
  recordsChanged(source, workspaceId);
  return records.toRecordInfo(source, { ...row, id });
}

export const importHandler = {
  /**
   * Sniffs a file and proposes the mapping; again with the user's `layout` (encoding, delimiter, rows to skip,
   * header) when they change it. A proposal without a date column is still returned: the mapping step says that no
   * column holds readable dates and lets the user fix the layout or choose the column. `source` names the kind of
   * file (src/ingest/sources/registry.ts; order lines when absent); the answer describes its fields.
   */
  async sniffFile(file: File, layout?: SniffLayout, source?: string): Promise<SniffAnswer> {
    const kindOfFile = source === undefined ? undefined : SOURCES.find((x) => x.id === source);
    if (source !== undefined && !kindOfFile) {
      throw new AppFailure('notFound', `There is no import source "${source}".`);
    }
    if (file.size === 0) throw new AppFailure('emptyFile', 'The file is empty.');
    const bytes = await head(file);
    const kind = binaryKind(bytes);
    if (kind) throw new AppFailure('notCsv', 'The file is not a CSV text file.', { kind });
    const s = sniff(bytes, file.name, file.size, layout);
    if (s.sampleRows.length === 0) {
      throw new AppFailure(s.hasHeader ? 'headerOnly' : 'emptyFile', 'The file has no data rows.');
    }
    return proposeImport(s, kindOfFile);
  },

  /** Headers and normalized preview rows under the given (possibly user-edited) options. */
  async preview(file: File, options: ImportOptions): Promise<{ headers: string[]; rows: PreviewRow[] }> {
    const bytes = await head(file);
    const headers = headersOf(bytes, file.size, options);
    return { headers, rows: await previewRows(bytes, file.size, options) };
  },

  async startImport(
    workspaceId: number,
    file: File,
    options: ImportOptions,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<DatasetInfo | RecordFileInfo> {
    const job: ImportJob = { cancelled: false };
    const recordSource = records.isRecordSource(options.source) ? options.source : null;
    activeImports.add(job);
    const t0 = performance.now();
    try {
      // Whether the file will likely fit is asked before (src/app/browser/storage-fit.ts); a storage that runs
      // full during the import rolls it back below.
      let opts = options;
      let fallbackLine: number | null = null;
      for (;;) {
        try {
          const attempt: Attempt = { workspaceId, file, opts, job, t0, fallbackLine, onProgress };
          if (recordSource !== null) return await importRecordsOnce(recordSource, attempt);
          return await importOnce(attempt);
        } catch (e) {
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
    } finally {
      activeImports.delete(job);
    }
  },

  async cancelImport(): Promise<true> {
    for (const job of activeImports) job.cancelled = true;
    return true;
  },

  async cleanupInterrupted(): Promise<number> {
    return repo.deleteInterrupted(liveImportIds);
  },
};
