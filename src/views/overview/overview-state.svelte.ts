/** The Overview's state: asks the worker for the figures whenever the dataset, the as-of date or a filter changes. */
import { engine } from '../../client/worker-client';
import type { AppError } from '../../shared/errors';
import type { OverviewResult } from '../../worker/handlers/overview';

class OverviewState {
  result = $state.raw<OverviewResult | null>(null);
  error = $state.raw<AppError | null>(null);
  loading = $state(false);
  private seq = 0;

  async load(datasetId: number, asOf: string | null, filters: { attribute: string; values: string[] }[]) {
    const seq = ++this.seq;
    this.loading = true;
    const res = await engine.overview({ datasetId, asOf, filters });
    if (seq !== this.seq) return;
    this.loading = false;
    if (res.ok) {
      this.result = res.value;
      this.error = null;
    } else {
      this.error = res.error;
    }
  }
}

export const overview = new OverviewState();
