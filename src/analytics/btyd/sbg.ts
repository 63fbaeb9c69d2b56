/**
 * Shifted-beta-geometric (sBG) model for contractual settings (Fader & Hardie 2007, "How to project customer
 * retention", J. Interactive Marketing 21(1)): each customer churns at the end of a period with probability
 * θ ~ Beta(α, β). DERL from Fader & Hardie 2010, "Customer-base valuation in a contractual setting: the perils
 * of ignoring heterogeneity", Marketing Science 29(1).
 */
import { namedFit, type ModelFit } from './model';
import { fitPositive } from './optimize';
import { hyp2f1 } from './special';

export interface SbgParams {
  alpha: number;
  beta: number;
}

export type SbgFit = ModelFit<SbgParams>;

/** P(T = t) for t = 1..n by the recursion P(1) = α/(α+β), P(t) = (β+t−2)/(α+β+t−1) · P(t−1). */
function churnProbabilities(alpha: number, beta: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let prob = alpha / (alpha + beta);
  for (let t = 1; t <= n; t++) {
    if (t > 1) prob *= (beta + t - 2) / (alpha + beta + t - 1);
    out[t - 1] = prob;
  }
  return out;
}

/** Survival S(t) = B(α, β+t) / B(α, β) for t = 0..periods, by S(t) = S(t−1) · (β+t−1)/(α+β+t−1). */
export function sbgSurvival(params: SbgParams, periods: number): Float64Array {
  const out = new Float64Array(periods + 1);
  out[0] = 1;
  for (let t = 1; t <= periods; t++) out[t] = out[t - 1] * sbgRetentionAt(params, t);
  return out;
}

/** Retention rate of period t ≥ 1: r_t = S(t)/S(t−1) = (β+t−1)/(α+β+t−1). */
export function sbgRetentionAt(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * sBG log-likelihood of a survival curve: Σ_{t=1..n} (n_{t−1} − n_t) ln P(T = t) + n_n ln S(n), with the
 * counts n_t = cohortSize · survival[t] / survival[0].
 */
export function sbgLogLikelihood(
  params: SbgParams,
  survival: readonly number[],
  cohortSize?: number,
): number {
  const n = survival.length - 1;
  const size = cohortSize ?? survival[0];
  const counts = survival.map((v) => (size * v) / survival[0]);
  const probs = churnProbabilities(params.alpha, params.beta, n);
  let ll = 0;
  let alive = 1;
  for (let t = 1; t <= n; t++) {
    ll += (counts[t - 1] - counts[t]) * Math.log(probs[t - 1]);
    alive -= probs[t - 1];
  }
  return ll + counts[n] * Math.log(alive);
}

/**
 * Maximum-likelihood α, β from a survival curve (survival[0] is the cohort at the start, any scale such as
 * percent). The estimates do not depend on the scale; the standard errors assume `cohortSize` customers
 * (default survival[0]).
 */
export function fitSbg(survival: readonly number[], options: { cohortSize?: number } = {}): SbgFit {
  const nll = (v: Float64Array) =>
    -sbgLogLikelihood({ alpha: v[0], beta: v[1] }, survival, options.cohortSize);
  const fit = fitPositive(
    nll,
    [
      [1, 1],
      [0.5, 3],
    ],
    { gradTol: 1e-10 },
  );
  return namedFit(fit, ['alpha', 'beta'] as const);
}

/**
 * Discounted expected residual lifetime of a customer who has made `renewals` = n − 1 renewals, just before the
 * n-th renewal decision (Fader & Hardie 2010):
 * DERL(d | α, β, n−1) = (β+n−1)/(α+β+n−1) · 2F1(1, β+n; α+β+n; 1/(1+d)),
 * i.e. Σ_{k≥0} S(n+k)/S(n−1) / (1+d)^k, the discounted number of payments still to come.
 */
export function sbgDerl(params: SbgParams, discountRate: number, renewals: number): number {
  const n = renewals + 1;
  const { alpha, beta } = params;
  return (
    ((beta + n - 1) / (alpha + beta + n - 1)) * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate))
  );
}
