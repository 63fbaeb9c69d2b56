/** State of the import wizard: choose a file → confirm the mapping on a preview → import with progress → summary. */
import { callback, engine } from '../../client/worker-client';
import type { AppError } from '../../shared/errors';
import type { DatasetInfo, ImportOptions, ImportProgress, PreviewRow, SniffResult } from '../../shared/types';

export type Step = 'start' | 'sniffing' | 'mapping' | 'importing' | 'summary';

export const DEMO_URL = 'demo/kundenwert-demo.csv';

class ImportFlow {
  step = $state<Step>('start');
  file = $state.raw<File | null>(null);
  sniff = $state.raw<SniffResult | null>(null);
  options = $state<ImportOptions | null>(null);
  headers = $state.raw<string[]>([]);
  preview = $state.raw<PreviewRow[]>([]);
  progress = $state.raw<ImportProgress | null>(null);
  error = $state.raw<AppError | null>(null);
  /** An error of the preview under the current choices (cleared when a later choice works). */
  previewError = $state.raw<AppError | null>(null);
  result = $state.raw<DatasetInfo | null>(null);
  cancelling = $state(false);
  private previewSeq = 0;

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
    this.options = res.value.options;
    this.headers = res.value.sniff.headers;
    // The mapping step's effect runs the preview.
    this.step = 'mapping';
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
    if (!this.file || !this.options) return;
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
    if (!this.file || !this.options) return null;
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
      this.file,
      $state.snapshot(this.options),
      callback((p: ImportProgress) => {
        this.progress = p;
      }),
    );
    if (!res.ok) {
      this.error = res.error;
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
    this.options = null;
    this.preview = [];
    this.progress = null;
    this.result = null;
    this.error = null;
    this.previewError = null;
  }
}

export const flow = new ImportFlow();
