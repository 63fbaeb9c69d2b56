/** The interface shared by the BG/NBD, Pareto/NBD and MBG/NBD models, and the fit result they both return. */
import type { PositiveFit } from './optimize';

export type ModelName = 'bgnbd' | 'paretonbd' | 'mbgnbd';

/**
 * Predictions of a "buy till you die" model with parameters P. Both models factor the conditional expectation
 * as E[X(t) | x, t_x, T] = P(alive | x, t_x, T) · E[X(t) | alive at T, x, T], which lets the CLV run once per
 * (x, T) pair instead of once per triple.
 */
export interface BtydModel<P> {
  readonly name: ModelName;
  /** P(alive at T | x, t_x, T). */
  pAlive(params: P, x: number, tx: number, T: number): number;
  /** Expected occasions in (T, T + t] of a customer who is alive at T, given x and T. */
  expectedIfAlive(params: P, t: number, x: number, T: number): number;
  /** E[X(t) | x, t_x, T]: expected occasions in (T, T + t]. */
  conditionalExpected(params: P, t: number, x: number, tx: number, T: number): number;
  /** E[X(t)]: expected repeat occasions in (0, t] of a customer born at 0. */
  unconditionalExpected(params: P, t: number): number;
}

/** A maximum-likelihood fit: estimates, their standard errors (same keys) and the optimiser's report. */
export interface ModelFit<P> {
  params: P;
  /** Log-likelihood summed over customers, in the fit's time unit. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** From the numerical Hessian; NaN (and hessianOk false) when it is not positive definite. */
  stdErrors: P;
  hessianOk: boolean;
  /**
   * Covariance of the log-parameters (row-major, in the order of the model's parameter keys): the inverse Hessian of
   * −LL in θ = ln p at the optimum; null when the Hessian is not positive definite. For the intervals.
   */
  logCovariance?: Float64Array | null;
}

/** Options of a model fit. */
export interface FitOptions {
  /** Starting points in natural units (each a full parameter vector); the defaults are data-driven. */
  starts?: readonly (readonly number[])[];
  maxIterations?: number;
}

/** Turns a positional fit (natural parameters in `keys` order) into a named ModelFit. */
export function namedFit<K extends string>(
  fit: PositiveFit,
  keys: readonly K[],
): ModelFit<Record<K, number>> {
  const named = (v: Float64Array) => Object.fromEntries(keys.map((k, i) => [k, v[i]])) as Record<K, number>;
  return {
    params: named(fit.params),
    logLikelihood: -fit.value,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    stdErrors: named(fit.stdErrors),
    hessianOk: fit.hessianOk,
    logCovariance: fit.logCovariance,
  };
}
