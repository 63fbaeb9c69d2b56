/**
 * The Forecast view's state: its settings (kept while the app is open; the gross margin is one of the workspace's
 * "your figures", views/settings/figures-state) and the last result. Settings changes ask the worker again through a query: a newer request supersedes an older one, so
 * an older answer never overwrites a newer one, and only the newest request's progress is shown.
 */
import { createQuery } from '../../client/query.svelte';
import { engine, callback } from '../../client/worker-client';
import type { ModelName } from '../../analytics/btyd/model';
import type { AppError } from '../../shared/errors';
import type { ForecastRequest } from '../../worker/handlers/forecast';
import { DEFAULT_DISCOUNT_PERCENT_MONTHLY } from '../../shared/figures';

export interface ForecastForm {
  model: ModelName;
  unit: 'day' | 'week';
  /** YYYY-MM-DD or '' for no validation; null until a default was chosen for the dataset. */
  calibrationEnd: string | null;
  horizonMonths: 12 | 36;
  /** Percent per month: the workspace's figure (costs.discountPercentMonthly) when entered, else the default. */
  discountPercent: number;
}

/** What the worker is doing for the newest request: opening the dataset, then fitting. */
export type ForecastStage = 'load' | 'fit';

const DAY_MS = 86_400_000;

const defaultForm = (): ForecastForm => ({
  model: 'bgnbd',
  unit: 'week',
  calibrationEnd: null,
  horizonMonths: 12,
  discountPercent: DEFAULT_DISCOUNT_PERCENT_MONTHLY,
});

/** Two thirds into the history from `first` to `last` (YYYY-MM-DD), so that a third is left to validate. */
function twoThirds(first: string, last: string): string {
  const a = Date.parse(first);
  const b = Date.parse(last);
  return new Date(a + Math.round(((b - a) * 2) / 3 / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

class ForecastState {
  form = $state<ForecastForm>(defaultForm());
  /** The dataset whose default calibration end the form holds. */
  formDataset = $state<number | null>(null);
  /** The forecast of the newest settings; an error drops the previous result. */
  readonly query = createQuery((req: ForecastRequest) => this.ask(req), { clearOnError: true });
  /** The date range of the dataset the form is being set up for. */
  private readonly range = createQuery(engine.datasetMeta);
  #stage = $state<ForecastStage | null>(null);
  /** The request whose progress `stage` shows: the newest one asked for. */
  private staged: ForecastRequest | null = null;

  get result() {
    return this.query.result;
  }

  /** The forecast's error, else that of reading the dataset's date range while there is no forecast. */
  get error(): AppError | null {
    return this.query.error ?? (this.query.result ? null : this.range.error);
  }

  /** The stage of the newest request while it is pending; null when its answer is in. */
  get stage(): ForecastStage | null {
    return this.query.loading ? this.#stage : null;
  }

  /** "Delete all local data": the settings back to their defaults, no result. */
  reset() {
    this.query.reset();
    this.range.reset();
    this.form = defaultForm();
    this.formDataset = null;
  }

  /**
   * Sets the form up for another dataset: no result until its own forecast is in, and the default calibration end
   * two thirds into its history up to the as-of date (null: its last date), or none if its range cannot be read.
   */
  async useDataset(datasetId: number, asOf: string | null) {
    this.query.reset();
    if (!(await this.range.run(datasetId))) return;
    const range = this.range.result;
    this.form.calibrationEnd =
      this.range.error || !range ? '' : twoThirds(range.firstDate, asOf ?? range.lastDate);
    this.formDataset = datasetId;
  }

  /** Asks for the forecast of `req`; a newer call supersedes this one. */
  load(req: ForecastRequest) {
    return this.query.run(req);
  }

  private ask(req: ForecastRequest) {
    this.staged = req;
    this.#stage = 'load';
    return engine.forecast(
      req,
      callback((stage: ForecastStage) => {
        if (this.staged === req) this.#stage = stage;
      }),
    );
  }
}

export const forecast = new ForecastState();
