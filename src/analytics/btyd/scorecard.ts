/**
 * Model scorecard on the holdout (METRICS.md, "Predictive CLV": holdout validation; "Intervals": naive
 * baseline): BG/NBD, Pareto/NBD and MBG/NBD fitted on the calibration period and the naive baseline, each
 * predicting the occasions in (calibration end, end of data], compared on the total error, the per-customer mean
 * absolute error, the correlation and the calibration log-likelihood; with a proposal of the best one and why.
 *
 * Proposal rule: among the candidates that have figures (a model whose fit failed or did not converge never
 * is one), those whose per-customer MAE is within 5 % of the lowest are in contention, and of them the one with
 * the smallest absolute total error wins (then the lower MAE, then the order bgnbd, paretonbd, mbgnbd, naive).
 * Why not the lowest MAE alone: holdout counts are skewed (most customers buy 0 times), and the MAE rewards
 * predicting too few: in one simulated BG/NBD data set Pareto/NBD under-predicted the total by 14 % and still had a
 * 1.5 % lower MAE than the true model, whose total was right within 1 %. MAEs a few percent apart are a draw;
 * the total then decides. When the naive baseline wins, the proposal says so: no model beats it.
 */
import { bgnbdModel } from './bgnbd';
import { holdoutValidation } from './clv';
import {
  checkData,
  checkTransactionFit,
  fitTransactions,
  type ForecastFailureCode,
  type TransactionFit,
} from './fit';
import { pearson } from './gammagamma';
import { mbgnbdModel } from './mbgnbd';
import type { ModelName } from './model';
import { paretoNbdModel } from './paretonbd';
import { compress, type CalibrationSummary } from './summary';

export type ScorecardCandidate = ModelName | 'naive';

/** The candidates in their display (and final tie-break) order. */
export const SCORECARD_CANDIDATES: readonly ScorecardCandidate[] = ['bgnbd', 'paretonbd', 'mbgnbd', 'naive'];

/** MAEs within this share of the lowest MAE count as tied (in contention). */
export const MAE_TIE = 0.05;

export interface ScorecardEntry {
  candidate: ScorecardCandidate;
  /** Why the model has no figures (its fit failed), or null. Always null for the naive baseline. */
  failure: ForecastFailureCode | null;
  /** Null for the naive baseline (nothing is fitted). */
  converged: boolean | null;
  /** Calibration log-likelihood in the fit's unit; null for the naive baseline (no likelihood) and failed fits. */
  logLikelihood: number | null;
  /** Fitted parameters; null for the naive baseline and failed fits. */
  params: Record<string, number> | null;
  /** Holdout figures; null when the model has no figures. */
  predictedTotal: number | null;
  /** (predicted − actual) / actual × 100; null when the actual total is 0. */
  errorPercent: number | null;
  /** Mean absolute error per customer. */
  mae: number | null;
  /** Pearson correlation of predicted and actual occasions per customer; null when undefined (a constant). */
  correlation: number | null;
}

/**
 * `lowestMae`: the lowest per-customer MAE; `tieTotalError`: MAE tied (within 5 %) with `runnerUp`, and the
 * smaller absolute total error decides; `naiveBest`: no model beats the naive baseline; `onlyNaive`: no model
 * could be fitted, only the naive baseline has figures.
 */
export type ProposalReason = 'lowestMae' | 'tieTotalError' | 'naiveBest' | 'onlyNaive';

export interface ScorecardProposal {
  candidate: ScorecardCandidate;
  reason: ProposalReason;
  mae: number;
  errorPercent: number | null;
  /** The next best candidate and its figures (null when there is none). */
  runnerUp: ScorecardCandidate | null;
  runnerUpMae: number | null;
  runnerUpErrorPercent: number | null;
}

export interface Scorecard {
  /** Holdout length in the fit's unit. */
  holdoutLength: number;
  customers: number;
  actualTotal: number;
  entries: ScorecardEntry[];
  proposal: ScorecardProposal;
}

export interface ScorecardOptions {
  /** Models to score (default all three). */
  models?: readonly ModelName[];
  /** Fits already made on the same summary (e.g. the forecast's validation fit), reused instead of refitted. */
  fits?: readonly TransactionFit[];
  /** Minimum customers for a model fit (default 10, as the forecast). */
  minCustomers?: number;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

interface Figures {
  predictedTotal: number;
  errorPercent: number | null;
  mae: number;
  correlation: number | null;
}

/** Total, error %, MAE and correlation of predicted against actual occasions per customer. */
export function holdoutFigures(predicted: ArrayLike<number>, actual: ArrayLike<number>): Figures {
  let actualTotal = 0;
  let predictedTotal = 0;
  let abs = 0;
  for (let i = 0; i < predicted.length; i++) {
    actualTotal += actual[i];
    predictedTotal += predicted[i];
    abs += Math.abs(predicted[i] - actual[i]);
  }
  return {
    predictedTotal,
    errorPercent: actualTotal > 0 ? ((predictedTotal - actualTotal) / actualTotal) * 100 : null,
    mae: predicted.length > 0 ? abs / predicted.length : NaN,
    correlation: finiteOrNull(pearson(predicted, actual)),
  };
}

/**
 * Naive baseline (METRICS.md "Intervals"): each customer's occasions per unit since the first purchase,
 * (x + 1) / T, carried forward over the holdout of length `length`. A customer with T = 0 (first purchase on
 * the calibration end) has no rate of its own and gets the pooled rate Σ(x + 1) / ΣT of the customers with T > 0.
 */
export function naivePrediction(summary: CalibrationSummary, length: number): Float64Array {
  let occasions = 0;
  let time = 0;
  for (let i = 0; i < summary.x.length; i++)
    if (summary.T[i] > 0) {
      occasions += summary.x[i] + 1;
      time += summary.T[i];
    }
  const pooled = time > 0 ? occasions / time : 0;
  return Float64Array.from(summary.x, (x, i) =>
    summary.T[i] > 0 ? ((x + 1) / summary.T[i]) * length : pooled * length,
  );
}

function predictedHoldout(tf: TransactionFit, summary: CalibrationSummary, tr: ReturnType<typeof compress>) {
  switch (tf.model) {
    case 'bgnbd':
      return holdoutValidation(bgnbdModel, tf.fit.params, summary, tr)!.predicted;
    case 'paretonbd':
      return holdoutValidation(paretoNbdModel, tf.fit.params, summary, tr)!.predicted;
    case 'mbgnbd':
      return holdoutValidation(mbgnbdModel, tf.fit.params, summary, tr)!.predicted;
  }
}

const emptyEntry = (candidate: ScorecardCandidate, failure: ForecastFailureCode | null): ScorecardEntry => ({
  candidate,
  failure,
  converged: null,
  logLikelihood: null,
  params: null,
  predictedTotal: null,
  errorPercent: null,
  mae: null,
  correlation: null,
});

function modelEntry(
  model: ModelName,
  summary: CalibrationSummary,
  tr: ReturnType<typeof compress> | null,
  dataProblem: ForecastFailureCode | null,
  options: ScorecardOptions,
): ScorecardEntry {
  if (dataProblem || !tr) return emptyEntry(model, dataProblem);
  const tf = options.fits?.find((f) => f.model === model) ?? fitTransactions(model, tr);
  const problem = checkTransactionFit(tf, summary);
  const base = {
    ...emptyEntry(model, problem?.code ?? null),
    converged: tf.fit.converged,
    logLikelihood: finiteOrNull(tf.fit.logLikelihood),
  };
  if (problem) return base;
  const predicted = predictedHoldout(tf, summary, tr);
  if (!predicted.every(Number.isFinite)) return { ...base, failure: 'notConverged' };
  return {
    ...base,
    params: { ...tf.fit.params },
    ...holdoutFigures(predicted, summary.holdout),
  };
}

const absError = (e: ScorecardEntry) => (e.errorPercent === null ? Infinity : Math.abs(e.errorPercent));

/** The proposal over entries with figures (at least the naive baseline has them). */
export function propose(entries: readonly ScorecardEntry[]): ScorecardProposal {
  const scored = entries.filter((e) => e.mae !== null && Number.isFinite(e.mae));
  const order = (e: ScorecardEntry) => SCORECARD_CANDIDATES.indexOf(e.candidate);
  const lowest = scored.reduce((m, e) => Math.min(m, e.mae!), Infinity);
  const tied = (e: ScorecardEntry) => e.mae! <= lowest * (1 + MAE_TIE) + 1e-12;
  const ranked = [...scored].sort((p, q) => {
    const tp = tied(p);
    const tq = tied(q);
    if (tp !== tq) return tp ? -1 : 1;
    if (tp) return absError(p) - absError(q) || p.mae! - q.mae! || order(p) - order(q);
    return p.mae! - q.mae! || absError(p) - absError(q) || order(p) - order(q);
  });
  const best = ranked[0];
  const runnerUp = ranked[1] ?? null;
  const models = scored.filter((e) => e.candidate !== 'naive');
  let reason: ProposalReason;
  if (best.candidate === 'naive') reason = models.length === 0 ? 'onlyNaive' : 'naiveBest';
  else reason = runnerUp && tied(runnerUp) ? 'tieTotalError' : 'lowestMae';
  return {
    candidate: best.candidate,
    reason,
    mae: best.mae!,
    errorPercent: best.errorPercent,
    runnerUp: runnerUp?.candidate ?? null,
    runnerUpMae: runnerUp?.mae ?? null,
    runnerUpErrorPercent: runnerUp?.errorPercent ?? null,
  };
}

/**
 * The scorecard of a calibration summary with a holdout period (null when there is none: endDay ≤ calibration
 * end). A pure function: fits the models (or reuses `options.fits`), predicts the holdout and proposes.
 */
export function modelScorecard(
  summary: CalibrationSummary,
  options: ScorecardOptions = {},
): Scorecard | null {
  const length = (summary.endDay - summary.calibrationEndDay) / summary.unitDays;
  // No holdout, or nobody bought by the calibration end: nothing to compare (the validation says why).
  if (!(length > 0) || summary.x.length === 0) return null;
  const dataProblem = checkData(summary, options.minCustomers ?? 10)?.code ?? null;
  const tr = dataProblem ? null : compress(summary.x, summary.tx, summary.T);
  const models = options.models ?? (['bgnbd', 'paretonbd', 'mbgnbd'] as const);
  const entries = models.map((m) => modelEntry(m, summary, tr, dataProblem, options));
  const naive = holdoutFigures(naivePrediction(summary, length), summary.holdout);
  entries.push({ ...emptyEntry('naive', null), ...naive });
  const actualTotal = summary.holdout.reduce((s, v) => s + v, 0);
  return {
    holdoutLength: length,
    customers: summary.x.length,
    actualTotal,
    entries,
    proposal: propose(entries),
  };
}
