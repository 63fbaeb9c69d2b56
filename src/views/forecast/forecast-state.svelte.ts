/**
 * The Forecast view's state: its settings (kept while the app is open, the margin also in this browser) and the
 * last result. Settings changes ask the worker again; an older answer never overwrites a newer one.
 */
import { engine, callback } from '../../client/worker-client';
import type { AppError } from '../../shared/errors';
import type { ForecastRequest, ForecastResponse } from '../../worker/handlers/forecast';

export interface ForecastForm {
  model: 'bgnbd' | 'paretonbd';
  unit: 'day' | 'week';
  /** YYYY-MM-DD or '' for no validation; null until a default was chosen for the dataset. */
  calibrationEnd: string | null;
  horizonMonths: 12 | 36;
  /** Percent per month. */
  discountPercent: number;
  /** Gross margin in percent (100 = CLV on revenue). */
  marginPercent: number;
}

const MARGIN_KEY = 'kundenwert.forecastMargin';

/** The last margin entered in this browser (0 is a valid margin), else 100 %. */
function storedMargin(): number {
  const raw = localStorage.getItem(MARGIN_KEY);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : 100;
}

const defaultForm = (marginPercent: number): ForecastForm => ({
  model: 'bgnbd',
  unit: 'week',
  calibrationEnd: null,
  horizonMonths: 12,
  discountPercent: 1,
  marginPercent,
});

class ForecastState {
  form = $state<ForecastForm>(defaultForm(storedMargin()));
  /** The dataset whose default calibration end the form holds. */
  formDataset = $state<number | null>(null);
  result = $state.raw<ForecastResponse | null>(null);
  error = $state.raw<AppError | null>(null);
  stage = $state<'load' | 'fit' | null>(null);
  private seq = 0;

  /** "Delete all local data": the settings back to their defaults, no result. */
  reset() {
    this.seq++;
    this.form = defaultForm(100);
    this.formDataset = null;
    this.result = null;
    this.error = null;
    this.stage = null;
  }

  saveMargin() {
    localStorage.setItem(MARGIN_KEY, String(this.form.marginPercent));
  }

  async load(req: ForecastRequest) {
    const seq = ++this.seq;
    this.stage = 'load';
    let res: Awaited<ReturnType<typeof engine.forecast>>;
    try {
      res = await engine.forecast(
        req,
        callback((s: 'load' | 'fit') => {
          if (seq === this.seq) this.stage = s;
        }),
      );
    } finally {
      if (seq === this.seq) this.stage = null;
    }
    if (seq !== this.seq) return;
    if (res.ok) {
      this.result = res.value;
      this.error = null;
    } else {
      this.error = res.error;
      this.result = null;
    }
  }
}

export const forecast = new ForecastState();
