/** State of the import wizard: choose a file → confirm the mapping on a preview → import with progress → summary. */
import { callback, engine } from '../../client/worker-client';
import { app } from '../../app/app-state.svelte';
import type { AppError } from '../../shared/errors';
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
  result = $state.raw<DatasetInfo | null>(null);
  cancelling = $state(false);
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
  private previewSeq = 0;
  private layoutSeq = 0;

  async open(file: File) {
    this.error = null;
    this.file = file;
    this.step = 'sniffing';
    const res = await engine.sniffFile(file);
    if (!res.ok) {
      this.error = res.error;
      this.step = 'start';
      return;
    }
    this.sniff = res.value.sniff;
    this.source = res.value.source;
    this.options = res.value.options;
    this.headers = res.value.sniff.headers;
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
    const seq = ++this.layoutSeq;
    this.layoutPending = true;
    this.layoutError = null;
    const res = await engine.sniffFile(file, layout);
    // A newer layout change, another file or a reset took over.
    if (seq !== this.layoutSeq || file !== this.file || !this.options) return;
    this.layoutPending = false;
    if (!res.ok) {
      const noRows = res.error.code === 'headerOnly' || res.error.code === 'emptyFile';
      this.layoutError =
        noRows && layout.skipRows > 0
          ? { code: 'layoutNoRows', message: res.error.message, params: { skip: layout.skipRows } }
          : res.error;
      this.preview = [];
      return;
    }
    const before = this.sniff;
    const s = res.value.sniff;
    const proposal = res.value.options;
    this.sniff = s;
    this.source = res.value.source;
    this.headers = s.headers;
    // The options as they are now: the user may have changed other choices while the sniff ran.
    const cur = this.options;
    cur.lineEnding = s.lineEnding;
    const sameColumns = before !== null && before.headers.join('\u0000') === s.headers.join('\u0000');
    if (sameColumns) {
      // Same columns: keep the user's choices; a proposed date format that no longer fits its column is replaced.
      const date = cur.roles.date !== undefined ? s.profiles[cur.roles.date] : undefined;
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

  async loadDemo() {
    this.error = null;
    this.step = 'sniffing';
    try {
      const resp = await fetch(DEMO_URL);
      if (!resp.ok) throw new Error(String(resp.status));
      const blob = await resp.blob();
      await this.open(new File([blob], 'kundenwert-demo.csv', { type: 'text/csv' }));
    } catch {
      this.error = { code: 'demoMissing', message: 'The demo data file was not found.' };
      this.step = 'start';
    }
  }

  async refreshPreview() {
    // While a layout change is sniffed, the options are half old, half new; the preview follows once it is in.
    if (!this.file || !this.options || this.layoutPending || this.layoutError) return;
    const seq = ++this.previewSeq;
    const res = await engine.preview(this.file, $state.snapshot(this.options));
    if (seq !== this.previewSeq) return;
    if (!res.ok) {
      // Do not leave rows of other choices on screen under an error.
      this.previewError = res.error;
      this.preview = [];
      return;
    }
    this.previewError = null;
    this.headers = res.value.headers;
    this.preview = res.value.rows;
  }

  async start(workspaceId: number): Promise<DatasetInfo | null> {
    const file = this.file;
    if (!file || !this.options || this.layoutPending || this.layoutError) return null;
    this.error = null;
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
    this.result = res.value;
    this.step = 'summary';
    return res.value;
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
    this.previewError = null;
    this.dateChosen = false;
    this.forgetLayout();
  }

  private forgetLayout() {
    this.layoutSeq++;
    this.layoutPending = false;
    this.layoutError = null;
    this.startAfterLayout = false;
  }
}

export const flow = new ImportFlow();
