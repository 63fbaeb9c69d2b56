/**
 * MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of models for
 * customer base analysis", International Journal of Research in Marketing 24(3)). As BG/NBD, transactions of an
 * active customer follow a Poisson process with rate λ ~ Gamma(r, α), and the customer drops out with
 * probability p ~ Beta(a, b); but the dropout chance comes at every purchase including the first, so a customer
 * with no repeat purchase (x = 0) can be gone (METRICS.md, "Predictive CLV").
 */
import { betaGeometricObjective, bgnbdExpectedIfAlive, meanRate } from './bgnbd';
import { namedFit, type BtydModel, type FitOptions, type ModelFit } from './model';
import { fitPositive, type PositiveObjective } from './optimize';
import type { Triples } from './summary';

export interface MbgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type MbgNbdFit = ModelFit<MbgNbdParams>;

const KEYS = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Negative MBG/NBD log-likelihood over the compressed triples, with its analytic gradient:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
 *        + ln[(α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x)];
 * BG/NBD's likelihood with one dropout chance more (the second term is there for x = 0 too, t_x = 0: the customer
 * dropped out right after the first purchase).
 */
export function mbgnbdObjective(tr: Triples): PositiveObjective {
  return betaGeometricObjective(tr, 1);
}

/** MBG/NBD log-likelihood summed over customers, in the time unit of the triples. */
export function mbgnbdLogLikelihood(params: MbgNbdParams, tr: Triples): number {
  return -mbgnbdObjective(tr)(
    Float64Array.from(KEYS, (k) => params[k]),
    null,
  );
}

/**
 * Maximum-likelihood MBG/NBD fit over log-parameters (BFGS with the analytic gradient, two starts as for
 * BG/NBD), with standard errors from the Hessian.
 */
export function fitMbgNbd(tr: Triples, options: FitOptions = {}): MbgNbdFit {
  const rate = meanRate(tr);
  const starts = options.starts ?? [
    [1, 1 / rate, 1, 2],
    [0.3, 0.3 / rate, 0.5, 1],
  ];
  const fit = fitPositive(mbgnbdObjective(tr), starts, {
    analyticGradient: true,
    maxIterations: options.maxIterations,
  });
  return namedFit(fit, KEYS);
}

/** P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)), below 1 also for x = 0. */
export function mbgnbdPAlive(p: MbgNbdParams, x: number, tx: number, T: number): number {
  const lnOdds =
    Math.log(p.a) - Math.log(p.b + x) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[X(t) | alive at T, x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; t/(α+T+t))].
 * A customer alive at T after x repeat purchases has survived x+1 dropout chances, so p ~ Beta(a, b+x+1); from
 * there on the process is BG/NBD's, which is the BG/NBD expression with b + 1 in place of b.
 */
export function mbgnbdExpectedIfAlive(p: MbgNbdParams, t: number, x: number, T: number): number {
  return bgnbdExpectedIfAlive({ r: p.r, alpha: p.alpha, a: p.a, b: p.b + 1 }, t, x, T);
}

/** Conditional expectation E[X(t) | x, t_x, T] = P(alive) · E[X(t) | alive]. */
export function mbgnbdConditionalExpected(
  p: MbgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return mbgnbdPAlive(p, x, tx, T) * mbgnbdExpectedIfAlive(p, t, x, T);
}

/**
 * Unconditional E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))] (Batislam et al. 2007): the
 * chance b/(a+b) of surviving the first purchase times the expectation of a customer alive at 0.
 */
export function mbgnbdUnconditionalExpected(p: MbgNbdParams, t: number): number {
  return mbgnbdConditionalExpected(p, t, 0, 0, 0);
}

export const mbgnbdModel: BtydModel<MbgNbdParams> = {
  name: 'mbgnbd',
  pAlive: mbgnbdPAlive,
  expectedIfAlive: mbgnbdExpectedIfAlive,
  conditionalExpected: mbgnbdConditionalExpected,
  unconditionalExpected: mbgnbdUnconditionalExpected,
};
