/** State of the import wizard: choose a file → confirm the mapping on a preview → import with progress → summary. */
import { callback, engine } from '../../client/worker-client';
import { createQuery } from '../../client/query.svelte';
import { app } from '../../app/app-state.svelte';
import { appUpdate } from '../../app/browser/app-update.svelte';
import { CANCELLED, onOtherTabChange, type TabChange } from '../../app/browser/tabs';
import type { AppError } from '../../shared/errors';
import type { RecordFileInfo } from '../../shared/economics';
import { spaceShortfall, storageEstimate, type SpaceShortfall } from '../../app/browser/storage-fit';
import type {
  DatasetInfo,
  ImportOptions,
  ImportProgress,
  PreviewRow,
  SniffResult,
  SourceSpec,
} from '../../shared/types';

/** The layout choices that change how the file is cut into rows and columns. */
export type Layout = Pick<ImportOptions, 'encoding' | 'delimiter' | 'skipRows' | 'hasHeader'>;

export type Step = 'start' | 'sniffing' | 'mapping' | 'importing' | 'summary';

export const DEMO_URL = 'demo/kundenwert-demo.csv';
/** The demo's customer master data and marketing spend, imported after its orders with the proposed mapping. */
export const DEMO_RECORDS: readonly { url: string; source: 'customers' | 'spend' }[] = [
  { url: 'demo/kundenwert-demo-kunden.csv', source: 'customers' },
  { url: 'demo/kundenwert-demo-marketing.csv', source: 'spend' },
];

/** What kind of file the user imports: order lines (the default) or one of the workspace's record files. */
export type ImportKind = 'orders' | 'customers' | 'spend';
export const IMPORT_KINDS: readonly ImportKind[] = ['orders', 'customers', 'spend'];

/** Whether an import result is a record file (master data, spend) rather than an orders dataset. */
export function isRecordFile(r: DatasetInfo | RecordFileInfo): r is RecordFileInfo {
  return 'source' in r && (r.source === 'customers' || r.source === 'spend');
}

class ImportFlow {
  step = $state<Step>('start');
  file = $state.raw<File | null>(null);
  sniff = $state.raw<SniffResult | null>(null);
  /** The import source the options are for, as the worker describes it: the mapping step's fields come from it. */
  source = $state.raw<SourceSpec | null>(null);
  options = $state<ImportOptions | null>(null);
  headers = $state.raw<string[]>([]);
  preview = $state.raw<PreviewRow[]>([]);
  progress = $state.raw<ImportProgress | null>(null);
  error = $state.raw<AppError | null>(null);
  /** An error of the preview under the current choices (cleared when a later choice works). */
  previewError = $state.raw<AppError | null>(null);
  result = $state.raw<DatasetInfo | RecordFileInfo | null>(null);
  /** The kind of file the drop zone and the file picker open (order lines by default). */
  kind = $state<ImportKind>('orders');
  /** A notice beside the summary (the demo's record files were imported too, or are missing), or null. */
  notice = $state<'demoRecordsMissing' | 'demoRecordsImported' | null>(null);
  /** The demo's orders are being imported: its record files follow once they are in. */
  private demoPending = false;
  /** Counts record imports and deletes, so that the record lists reload. */
  recordsVersion = $state(0);
  cancelling = $state(false);
  /**
   * Start found that the file will likely not fit into the browser storage: the warning shows these figures and the
   * user goes on anyway or cancels (then nothing is imported). Null otherwise.
   */
  spaceWarning = $state.raw<SpaceShortfall | null>(null);
  /** An import of this tab runs or waits for another tab's write: a second Start is ignored meanwhile. */
  private writing = false;
  /** The user has picked a date format (required when the sniff found the dates ambiguous). */
  dateChosen = $state(false);
  /** A layout change is being sniffed: the preview waits and Start is blocked. */
  layoutPending = $state(false);
  /** The layout the user chose leaves nothing to import (for example more rows skipped than the file has). */
  layoutError = $state.raw<AppError | null>(null);
  /**
   * Start was clicked while a layout change was being sniffed (typing a number of rows to skip and clicking Start
   * sends the field's change on the way): the import starts once the new layout is in, unless it blocks Start.
   */
  startAfterLayout = $state(false);
  /** The first sniff of a file; opening another file supersedes it. */
  private sniffQuery = createQuery((r: { file: File; source?: string }) =>
    engine.sniffFile(r.file, undefined, r.source),
  );
  /** The preview under the current choices; a newer choice supersedes an older preview still on its way. */
  private previewQuery = createQuery((r: { file: File; options: ImportOptions }) =>
    engine.preview(r.file, r.options),
  );
  /** The sniff under a changed layout; a newer change, another file or a reset supersedes it. */
  private layoutQuery = createQuery((r: { file: File; layout: Layout; source?: string }) =>
    engine.sniffFile(r.file, r.layout, r.source),
  );

  /** A file is being read, mapped or imported: a reload would lose it (the update banner waits meanwhile). */
  get busy(): boolean {
    return this.step === 'sniffing' || this.step === 'mapping' || this.step === 'importing';
  }

  /** Opens a file of the kind chosen in the Data view. */
  openChosen(file: File) {
    this.demoPending = false;
    return this.open(file, this.kind === 'orders' ? undefined : this.kind);
  }

  /** Opens a file of the given import source (order lines when absent). */
  async open(file: File, source?: string) {
    this.error = null;
    this.spaceWarning = null;
    this.notice = null;
    this.file = file;
    this.step = 'sniffing';
    // Another file, the demo or a reset may follow before the answer: then this one is dropped.
    if (!(await this.sniffQuery.run({ file, source })) || this.file !== file) return;
    const answer = this.sniffQuery.result;
    if (this.sniffQuery.error || !answer) {
      this.error = this.sniffQuery.error;
      this.step = 'start';
      return;
    }
    this.sniff = answer.sniff;
    this.source = answer.source;
    this.options = answer.options;
    this.headers = answer.sniff.headers;
    this.dateChosen = false;
    this.forgetLayout();
    // The mapping step's effect runs the preview.
    this.step = 'mapping';
  }

  /**
   * The user changed the encoding, delimiter, rows to skip or the header: the file is sniffed again under that
   * layout, so the column profiles (dates, numbers) fit the new columns. When the columns are no longer the same
   * ones, the mapping is proposed anew; otherwise the user's column choices stay. Until the answer is in, the
   * preview waits and Start is blocked; a layout that leaves no data rows blocks Start with its own message.
   */
  async relayout(change: Partial<Layout>) {
    const file = this.file;
    if (!file || !this.options) return;
    Object.assign(this.options, change);
    const o = this.options;
    const layout: Layout = {
      encoding: o.encoding,
      delimiter: o.delimiter,
      skipRows: o.skipRows,
      hasHeader: o.hasHeader,
    };
    this.layoutPending = true;
    this.layoutError = null;
    const current = await this.layoutQuery.run({ file, layout, source: this.source?.id });
    // A newer layout change, another file or a reset took over.
    if (!current || file !== this.file || !this.options) return;
    this.layoutPending = false;
    const error = this.layoutQuery.error;
    const answer = this.layoutQuery.result;
    if (error || !answer) {
      const noRows = error?.code === 'headerOnly' || error?.code === 'emptyFile';
      this.layoutError =
        error && noRows && layout.skipRows > 0
          ? { code: 'layoutNoRows', message: error.message, params: { skip: layout.skipRows } }
          : error;
      this.preview = [];
      return;
    }
    const before = this.sniff;
    const s = answer.sniff;
    const proposal = answer.options;
    this.sniff = s;
    this.source = answer.source;
    this.headers = s.headers;
    // The options as they are now: the user may have changed other choices while the sniff ran.
    const cur = this.options;
    cur.lineEnding = s.lineEnding;
    const sameColumns = before !== null && before.headers.join('\u0000') === s.headers.join('\u0000');
    if (sameColumns) {
      // Same columns: keep the user's choices; a proposed date format that no longer fits its column is replaced.
      // The source's first date field (order lines: the order date).
      const dateRole = this.source?.fields.find((f) => f.kind === 'day' || f.kind === 'period')?.role;
      const dateColumn = dateRole === undefined ? undefined : cur.roles[dateRole];
      const date = dateColumn !== undefined ? s.profiles[dateColumn] : undefined;
      if (
        !this.dateChosen &&
        date &&
        date.dateFormats.length > 0 &&
        !date.dateFormats.includes(cur.dateFormat)
      ) {
        cur.dateFormat = date.dateFormats[0];
      }
      return;
    }
    Object.assign(cur, {
      decimal: proposal.decimal,
      dateFormat: proposal.dateFormat,
      roles: proposal.roles,
      attributes: proposal.attributes,
      cancelPrefix: proposal.cancelPrefix,
    });
    this.dateChosen = false;
  }

  /**
   * The demo file ships with the app (public/demo/) and the service worker keeps it for offline use. Only a 404
   * means it is not part of this installation; a failed request means the server cannot be reached and the file was
   * not stored yet (the first visit was offline, or the browser bypassed the service worker): then the Cache Storage
   * is asked directly, and if it has no copy either, the message says so.
   */
  async loadDemo() {
    this.error = null;
    this.step = 'sniffing';
    let blob: Blob | null = null;
    let error: AppError | null = null;
    try {
      const resp = await fetch(DEMO_URL);
      if (resp.ok) blob = await resp.blob();
      else if (resp.status === 404 || resp.status === 410)
        error = { code: 'demoMissing', message: 'The demo data file was not found.' };
      else error = { code: 'unexpected', message: `demo data: HTTP ${resp.status}` };
    } catch {
      blob = await cachedDemo();
      if (!blob)
        error = { code: 'demoUnreachable', message: 'The demo data could not be loaded (offline?).' };
    }
    if (!blob) {
      this.error = error;
      this.step = 'start';
      return;
    }
    await this.open(new File([blob], 'kundenwert-demo.csv', { type: 'text/csv' }));
    // The mapping step is open unless the file could not be read.
    this.demoPending = this.options !== null && this.error === null;
  }

  /**
   * After the demo's orders: its customer master data and marketing spend, each with the proposed mapping. A file
   * missing from this installation leaves the orders standing and sets a notice.
   */
  private async importDemoRecords(workspaceId: number) {
    let missing = false;
    for (const { url, source } of DEMO_RECORDS) {
      const blob = await fetchDemo(url);
      if (!blob) {
        missing = true;
        continue;
      }
      const file = new File([blob], url.slice(url.lastIndexOf('/') + 1), { type: 'text/csv' });
      const sniffed = await engine.sniffFile(file, undefined, source);
      if (!sniffed.ok) {
        missing = true;
        continue;
      }
      const res = await engine.startImport(workspaceId, file, sniffed.value.options);
      if (!res.ok) missing = true;
    }
    this.recordsVersion++;
    this.notice = missing ? 'demoRecordsMissing' : 'demoRecordsImported';
  }

  async refreshPreview() {
    // While a layout change is sniffed, the options are half old, half new; the preview follows once it is in.
    if (!this.file || !this.options || this.layoutPending || this.layoutError) return;
    const current = await this.previewQuery.run({ file: this.file, options: $state.snapshot(this.options) });
    if (!current) return;
    const answer = this.previewQuery.result;
    if (this.previewQuery.error || !answer) {
      // Do not leave rows of other choices on screen under an error.
      this.previewError = this.previewQuery.error;
      this.preview = [];
      return;
    }
    this.previewError = null;
    this.headers = answer.headers;
    this.preview = answer.rows;
  }

  /**
   * Imports the file as the only writer of every tab (another tab's import, delete or rename is waited for; the app
   * state says so and the user may give up waiting), then tells the other tabs, which list the result only now that
   * it is complete.
   */
  async start(workspaceId: number, anyway = false): Promise<DatasetInfo | RecordFileInfo | null> {
    const file = this.file;
    if (!file || !this.options || this.layoutPending || this.layoutError || this.writing) return null;
    this.error = null;
    this.spaceWarning = null;
    // Set before the storage check's await, so that a second Start meanwhile cannot import the file twice.
    this.writing = true;
    if (!anyway) {
      // Before anything is written: will the file likely fit? If not, the user decides (see storage-fit.ts).
      const shortfall = spaceShortfall(file.size, await storageEstimate());
      if (this.file !== file || shortfall) {
        if (this.file === file) this.spaceWarning = shortfall;
        this.writing = false;
        return null;
      }
    }
    let demoRecords = false;
    try {
      const out = await app.write(
        'import',
        async () => {
          // While this tab waited, the user may have opened another file or left the wizard.
          if (this.file !== file || !this.options) return null;
          const res = await this.run(file, workspaceId);
          demoRecords = res !== null && this.notice !== null;
          return res;
        },
        (r): TabChange[] =>
          r === null
            ? []
            : isRecordFile(r)
              ? [{ kind: 'records', workspaceId }]
              : [
                  { kind: 'datasets', workspaceId },
                  ...(demoRecords ? [{ kind: 'records', workspaceId } as const] : []),
                ],
      );
      return out === CANCELLED ? null : out;
    } finally {
      this.writing = false;
    }
  }

  private async run(file: File, workspaceId: number): Promise<DatasetInfo | RecordFileInfo | null> {
    if (!this.options) return null;
    this.progress = null;
    this.cancelling = false;
    this.step = 'importing';
    try {
      await navigator.storage?.persist?.();
    } catch {
      // Persistence is a request; the import works without it.
    }
    const res = await engine.startImport(
      workspaceId,
      file,
      $state.snapshot(this.options),
      callback((p: ImportProgress) => {
        this.progress = p;
      }),
    );
    if (!res.ok) {
      // The engine dies mid-import mostly when the browser runs out of memory on a large file: say so here, in place
      // of the general crash banner (the crash listeners ran before this call's answer arrived).
      if (res.error.code === 'workerCrashed') {
        this.error = { code: 'importCrashed', message: res.error.message, params: { size: file.size } };
        if (app.error?.code === 'workerCrashed') app.error = null;
      } else {
        this.error = res.error;
      }
      this.step = 'mapping';
      return null;
    }
    if (this.demoPending && !isRecordFile(res.value)) await this.importDemoRecords(workspaceId);
    this.demoPending = false;
    if (isRecordFile(res.value)) this.recordsVersion++;
    this.result = res.value;
    this.step = 'summary';
    return res.value;
  }

  /** The user cancels the import after the storage warning: nothing was written, the mapping stays. */
  dismissSpaceWarning() {
    this.spaceWarning = null;
  }

  async cancel() {
    this.cancelling = true;
    await engine.cancelImport();
  }

  reset() {
    this.step = 'start';
    this.file = null;
    this.sniff = null;
    this.source = null;
    this.options = null;
    this.preview = [];
    this.progress = null;
    this.result = null;
    this.error = null;
    this.notice = null;
    this.spaceWarning = null;
    this.demoPending = false;
    this.previewError = null;
    this.dateChosen = false;
    this.sniffQuery.reset();
    this.previewQuery.reset();
    this.forgetLayout();
  }

  private forgetLayout() {
    this.layoutQuery.reset();
    this.layoutPending = false;
    this.layoutError = null;
    this.startAfterLayout = false;
  }
}

/** A demo file of this installation, from the network or the service worker's cache; null when it is missing. */
async function fetchDemo(url: string): Promise<Blob | null> {
  try {
    const resp = await fetch(url);
    // A server that answers every path with the app's page has no such file either.
    if (resp.ok && !(resp.headers.get('content-type') ?? '').includes('text/html')) return await resp.blob();
    if (resp.ok || resp.status === 404 || resp.status === 410) return null;
  } catch {
    // Offline: the cache may have it.
  }
  return cachedDemo(url);
}

/** The demo file from the service worker's cache (its key carries a revision parameter), or null. */
async function cachedDemo(url = DEMO_URL): Promise<Blob | null> {
  try {
    if (typeof caches === 'undefined') return null;
    const hit = await caches.match(new URL(url, document.baseURI).href, { ignoreSearch: true });
    return hit ? await hit.blob() : null;
  } catch {
    return null;
  }
}

export const flow = new ImportFlow();
appUpdate.holdWhile(() => flow.busy);
// Record files imported, renamed or deleted in another tab: the record lists are read again.
onOtherTabChange((c) => {
  if (c.kind === 'records' || c.kind === 'all') flow.recordsVersion++;
});
