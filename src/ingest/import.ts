/**
 * The import pipeline as one call: stream rows from a byte source through the import source's validation and
 * columnization into a sink. Runs in the worker for the app and in Node for the headless report and the tests.
 */
import { AppFailure } from '../shared/errors';
import type { ColumnInfo, ImportOptions, ImportProgress, ImportSummary } from '../shared/types';
import type { ChunkSink } from './columnize';
import { missingRoles } from './mapping';
import { streamRows, type ByteSource, type StreamResult } from './parse';
import { sourceOf } from './sources/registry';
import type { ImportSource } from './sources/types';

export interface ImportHooks {
  isCancelled?: () => boolean;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  summary: ImportSummary;
  columns: ColumnInfo[];
  dictionaries: Record<string, string[]>;
  chunkCount: number;
  /** The header row as it stands in the file, or null. */
  headerLine: string | null;
  headerLineNo: number | null;
}

/**
 * Imports the rows of `source` under `options` into `sink`. `kind` is the import source whose fields, validation and
 * columns apply: by default the one the options name (order lines when they name none).
 */
export async function runImport(
  source: ByteSource,
  options: ImportOptions,
  headers: string[],
  sink: ChunkSink,
  hooks: ImportHooks = {},
  kind: ImportSource = sourceOf(options),
): Promise<ImportResult> {
  const missing = missingRoles(options.roles, kind);
  if (missing.length) {
    throw new AppFailure('missingRequired', `Map a column for: ${missing.join(', ')}.`, {
      roles: missing.join(','),
    });
  }
  if (source.size === 0) throw new AppFailure('emptyFile', 'The file is empty.');
  const now = () => performance.now();
  const t0 = now();
  const col = kind.createImporter(options, headers, sink);
  let lastReport = 0;
  /** Reports progress at most every 100 ms, unless `final` (the whole file is read and parsed). */
  const report = (bytesRead: number, final: boolean) => {
    const t = now();
    if (!hooks.onProgress || (t - lastReport < 100 && !final)) return;
    lastReport = t;
    const elapsedMs = t - t0;
    const rate = elapsedMs > 0 ? bytesRead / elapsedMs : 0;
    hooks.onProgress({
      bytesRead,
      bytesTotal: source.size,
      rows: col.rowsRead,
      rowsPerSecond: elapsedMs > 0 ? (col.rowsRead / elapsedMs) * 1000 : 0,
      elapsedMs,
      remainingMs: rate > 0 && elapsedMs > 200 && !final ? (source.size - bytesRead) / rate : null,
      finishing: final,
    });
  };
  let streamed: StreamResult;
  let dictionaries: Record<string, string[]>;
  try {
    streamed = await streamRows(
      source,
      {
        encoding: options.encoding,
        delimiter: options.delimiter,
        skipRows: options.skipRows,
        hasHeader: options.hasHeader,
        lineEnding: options.lineEnding,
      },
      col,
      {
        isCancelled: hooks.isCancelled,
        // The bytes are reported as they are read, before they are parsed: the row count lags a little. The last
        // read is reported once it is parsed, below.
        onBytes: (bytesRead) => {
          if (bytesRead < source.size) report(bytesRead, false);
        },
      },
    );
    // The whole file is read and parsed: the final row count, while the last writes and the duplicate search run.
    report(source.size, true);
    dictionaries = await col.finish();
  } catch (e) {
    // Let writes still in flight settle, so that the caller's clean-up sees everything that was written.
    await col.abandon();
    // An array, buffer or table that could not grow: the file is too large for this browser's memory.
    if (
      e instanceof RangeError &&
      /allocation failed|invalid (typed )?array length|maximum size/i.test(e.message)
    ) {
      throw new AppFailure(
        'tooLarge',
        `The file is too large for the memory of this browser (${e.message}).`,
        {
          rows: col.rowsRead,
        },
      );
    }
    throw e;
  }
  if (col.rowsRead === 0) {
    throw new AppFailure(
      options.hasHeader ? 'headerOnly' : 'emptyFile',
      options.hasHeader ? 'The file has a header but no data rows.' : 'The file has no data rows.',
    );
  }
  if (col.imported === 0) {
    const top = Object.entries(col.rejectReasons).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
    throw new AppFailure('nothingImported', 'No row could be imported.', {
      rows: col.rowsRead,
      reason: top ? top[0] : '',
    });
  }
  return {
    summary: col.summary(now() - t0),
    columns: col.columns,
    dictionaries,
    chunkCount: col.chunkCount,
    headerLine: streamed.headerLine,
    headerLineNo: streamed.headerLineNo,
  };
}
