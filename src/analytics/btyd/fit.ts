/**
 * Facade of the BTYD library: checks the calibration summary for degenerate data, fits BG/NBD, Pareto/NBD or
 * MBG/NBD and
 * optionally the Gamma-Gamma spend model, and derives P(alive), expected occasions, CLV and the holdout
 * validation. A failure carries a reason code (and numbers for the message), never made-up estimates.
 */
import { bgnbdModel, fitBgNbd, type BgNbdFit } from './bgnbd';
import {
  DAYS_PER_MONTH,
  conditionalExpectedByCustomer,
  discountedOccasionsByTriple,
  holdoutValidation,
  pAliveByTriple,
  toCustomers,
  trackingSeries,
  type HoldoutValidation,
  type TrackingSeries,
} from './clv';
import { expectedSpend, fitGammaGamma, spendFrequencyCorrelation, type GammaGammaFit } from './gammagamma';
import { fitMbgNbd, mbgnbdModel, type MbgNbdFit } from './mbgnbd';
import type { BtydModel, ModelFit, ModelName } from './model';
import { fitParetoNbd, paretoNbdModel, type ParetoNbdFit } from './paretonbd';
import { compress, type CalibrationSummary, type Occasions, type Triples } from './summary';

export type ForecastFailureCode =
  | 'tooFewCustomers'
  | 'noRepeatCustomers'
  | 'noTimeSpan'
  | 'dropoutToZero'
  | 'notConverged'
  | 'spendNoAmounts'
  | 'spendTooFewRepeat'
  | 'spendNotConverged'
  | 'spendNoFiniteMean';

export interface ForecastFailure {
  ok: false;
  code: ForecastFailureCode;
  /** Numbers for the message, e.g. { customers: 1, minimum: 10 }. */
  details?: Record<string, number>;
}

export interface ForecastOptions {
  summary: CalibrationSummary;
  model: ModelName;
  /** Also fit the Gamma-Gamma spend model and compute CLV. */
  spend: boolean;
  /** CLV and expected-occasion horizons in months (default [12, 36]). */
  horizonsMonths?: readonly number[];
  /** Monthly discount rate (default 0.01). */
  monthlyDiscount?: number;
  /** Margin rate applied to spend in the CLV (default 1: revenue). */
  marginRate?: number;
  /** Minimum customers for a transaction model (default 10). */
  minCustomers?: number;
  /** Minimum customers with x > 0 and m > 0 for the spend model (default 10). */
  minSpendCustomers?: number;
  /** With the occasions, the result also carries the cumulative tracking series. */
  occasions?: Occasions;
  /** Period of the tracking series in days (default 7). */
  trackingPeriodDays?: number;
}

export type TransactionFit =
  | { model: 'bgnbd'; fit: BgNbdFit }
  | { model: 'paretonbd'; fit: ParetoNbdFit }
  | { model: 'mbgnbd'; fit: MbgNbdFit };

export interface SpendForecast {
  ok: true;
  fit: GammaGammaFit;
  /** Pearson correlation of m and x over the fitted customers; warning when |corr| > 0.3. */
  correlation: number;
  correlationWarning: boolean;
  /** Expected spend per occasion per customer (the population mean where m is undefined). */
  expectedSpend: Float64Array;
}

export interface HorizonForecast {
  months: number;
  /** Discounted expected occasions per customer over the horizon (d = monthlyDiscount). */
  discountedOccasions: Float64Array;
  /** Undiscounted E[X(H months) | x, t_x, T] per customer. */
  expectedOccasions: Float64Array;
  /** marginRate × expected spend × discounted occasions, per customer; null without a spend model. */
  clv: Float64Array | null;
  clvTotal: number | null;
}

export interface ForecastSuccess {
  ok: true;
  transactions: TransactionFit;
  /** Per customer of the summary, in its order. */
  pAlive: Float64Array;
  /** The spend model, its failure, or null when not requested. */
  spend: SpendForecast | ForecastFailure | null;
  horizons: HorizonForecast[];
  holdout: HoldoutValidation | null;
  tracking: TrackingSeries | null;
  /** Unique (x, t_x, T) triples of the summary (for further predictions). */
  triples: Triples;
}

export type ForecastResult = ForecastSuccess | ForecastFailure;

const fail = (code: ForecastFailureCode, details?: Record<string, number>): ForecastFailure => ({
  ok: false,
  code,
  details,
});

/** Degenerate summaries (exported for the scorecard): too few customers, no time span (every T = 0), no repeat customer. */
export function checkData(summary: CalibrationSummary, minCustomers: number): ForecastFailure | null {
  const customers = summary.x.length;
  if (customers < minCustomers) return fail('tooFewCustomers', { customers, minimum: minCustomers });
  if (!summary.T.some((t) => t > 0)) return fail('noTimeSpan', { customers });
  if (!summary.x.some((x) => x > 0)) return fail('noRepeatCustomers', { customers });
  return null;
}

const countNonFinite = (arrays: Float64Array[]) =>
  arrays.reduce((n, a) => n + a.reduce((m, v) => m + (Number.isFinite(v) ? 0 : 1), 0), 0);

const allFinite = (o: object) => Object.values(o).every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * Runaway dropout: BG/NBD or MBG/NBD with mean dropout probability a/(a+b) below 1e−5 per transaction, or Pareto/NBD
 * whose mean dropout rate s/β would lose fewer than 1e−5 customers over the longest T.
 */
function dropoutVanished(tf: TransactionFit, maxT: number): number | null {
  if (tf.model === 'bgnbd' || tf.model === 'mbgnbd') {
    const meanP = tf.fit.params.a / (tf.fit.params.a + tf.fit.params.b);
    return meanP < 1e-5 ? meanP : null;
  }
  const expectedLoss = (tf.fit.params.s / tf.fit.params.beta) * maxT;
  return expectedLoss < 1e-5 ? expectedLoss : null;
}

/** Fits one transaction model on the compressed triples. */
export function fitTransactions(model: ModelName, tr: Triples): TransactionFit {
  switch (model) {
    case 'bgnbd':
      return { model, fit: fitBgNbd(tr) };
    case 'paretonbd':
      return { model, fit: fitParetoNbd(tr) };
    case 'mbgnbd':
      return { model, fit: fitMbgNbd(tr) };
  }
}

/** Why a transaction fit cannot be used (dropout gone to 0, not converged, non-finite estimates), or null. */
export function checkTransactionFit(tf: TransactionFit, summary: CalibrationSummary): ForecastFailure | null {
  const maxT = summary.T.reduce((m, t) => Math.max(m, t), 0);
  const vanished = dropoutVanished(tf, maxT);
  if (vanished !== null) return fail('dropoutToZero', { meanDropout: vanished });
  const fit: ModelFit<object> = tf.fit;
  if (!fit.converged || !allFinite(fit.params) || !Number.isFinite(fit.logLikelihood))
    return fail('notConverged', { iterations: fit.iterations });
  return null;
}

/** Fits the spend model and the expected spend per customer, or says why it cannot. */
export function forecastSpend(
  summary: CalibrationSummary,
  minSpendCustomers = 10,
): SpendForecast | ForecastFailure {
  if (!summary.hasValues) return fail('spendNoAmounts');
  const { correlation, warning, customers } = spendFrequencyCorrelation(summary.x, summary.m);
  if (customers < minSpendCustomers)
    return fail('spendTooFewRepeat', { customers, minimum: minSpendCustomers });
  const fit = fitGammaGamma(summary.x, summary.m);
  if (!fit.converged || !allFinite(fit.params))
    return fail('spendNotConverged', { iterations: fit.iterations });
  if (!(fit.params.q > 1)) return fail('spendNoFiniteMean', { q: fit.params.q });
  const spend = Float64Array.from(summary.x, (x, i) => expectedSpend(fit.params, x, summary.m[i]));
  return { ok: true, fit, correlation, correlationWarning: warning, expectedSpend: spend };
}

/** Horizon forecasts: discounted and plain expected occasions and, with spend, the CLV per customer. */
function horizons<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  pAlive: Float64Array,
  options: ForecastOptions,
  spend: Float64Array | null,
): HorizonForecast[] {
  const unitDays = options.summary.unitDays;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const marginRate = options.marginRate ?? 1;
  return (options.horizonsMonths ?? [12, 36]).map((months) => {
    const byTriple = discountedOccasionsByTriple(
      model,
      params,
      tr,
      { unitDays, horizonMonths: months, monthlyDiscount },
      pAlive,
    );
    const discountedOccasions = toCustomers(byTriple, tr);
    const t = (months * DAYS_PER_MONTH) / unitDays;
    const clv = spend && discountedOccasions.map((occ, c) => marginRate * spend[c] * occ);
    return {
      months,
      discountedOccasions,
      expectedOccasions: conditionalExpectedByCustomer(model, params, tr, t, pAlive),
      clv,
      clvTotal: clv ? clv.reduce((s, v) => s + v, 0) : null,
    };
  });
}

function predictions<P>(
  model: BtydModel<P>,
  params: P,
  tr: Triples,
  options: ForecastOptions,
  spend: SpendForecast | ForecastFailure | null,
) {
  const pAliveTriples = pAliveByTriple(model, params, tr);
  const spendPerCustomer = spend?.ok ? spend.expectedSpend : null;
  return {
    pAlive: toCustomers(pAliveTriples, tr),
    horizons: horizons(model, params, tr, pAliveTriples, options, spendPerCustomer),
    holdout: holdoutValidation(model, params, options.summary, tr, pAliveTriples),
    tracking: options.occasions
      ? trackingSeries(model, params, options.summary, options.occasions, options.trackingPeriodDays)
      : null,
  };
}

/**
 * Fits the chosen transaction model (and the spend model if asked) on a calibration summary and predicts.
 * Failure codes: tooFewCustomers, noTimeSpan, noRepeatCustomers (data), dropoutToZero, notConverged (fit, or
 * a prediction that is not a finite number).
 * A spend model that cannot be fitted does not fail the forecast: `spend` then holds its failure
 * (spendNoAmounts, spendTooFewRepeat, spendNotConverged, spendNoFiniteMean) and CLV is null.
 */
export function fitForecast(options: ForecastOptions): ForecastResult {
  const { summary } = options;
  const dataProblem = checkData(summary, options.minCustomers ?? 10);
  if (dataProblem) return dataProblem;
  const tr = compress(summary.x, summary.tx, summary.T);
  const transactions = fitTransactions(options.model, tr);
  const fitProblem = checkTransactionFit(transactions, summary);
  if (fitProblem) return fitProblem;
  const spend = options.spend ? forecastSpend(summary, options.minSpendCustomers) : null;
  const rest =
    transactions.model === 'bgnbd'
      ? predictions(bgnbdModel, transactions.fit.params, tr, options, spend)
      : transactions.model === 'mbgnbd'
        ? predictions(mbgnbdModel, transactions.fit.params, tr, options, spend)
        : predictions(paretoNbdModel, transactions.fit.params, tr, options, spend);
  const nonFinite = countNonFinite([rest.pAlive, ...rest.horizons.map((h) => h.expectedOccasions)]);
  if (nonFinite > 0) return fail('notConverged', { nonFinitePredictions: nonFinite });
  return { ok: true, transactions, spend, triples: tr, ...rest };
}
