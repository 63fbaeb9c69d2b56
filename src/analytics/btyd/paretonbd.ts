/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): Poisson transactions with rate λ ~ Gamma(r, α) and an
 * exponential lifetime with dropout rate μ ~ Gamma(s, β). Likelihood and predictions as in Fader & Hardie
 * (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions".
 */
import { meanRate } from './bgnbd';
import { namedFit, type BtydModel, type FitOptions, type ModelFit } from './model';
import { fitPositive, type PositiveObjective } from './optimize';
import { lnGamma, lnHyp2f1, log1mExp, logSumExp } from './special';
import type { Triples } from './summary';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export type ParetoNbdFit = ModelFit<ParetoNbdParams>;

const KEYS = ['r', 'alpha', 's', 'beta'] as const;

/**
 * ln of one of the two A₀ terms at time t (t_x or T):
 * α ≥ β: 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) / (α+t)^(r+s+x);
 * α < β: 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) / (β+t)^(r+s+x).
 */
function lnA0Term(p: ParetoNbdParams, x: number, t: number): number {
  const n = p.r + p.s + x;
  if (p.alpha >= p.beta) {
    const z = (p.alpha - p.beta) / (p.alpha + t);
    return lnHyp2f1(n, p.s + 1, n + 1, z) - n * Math.log(p.alpha + t);
  }
  const z = (p.beta - p.alpha) / (p.beta + t);
  return lnHyp2f1(n, p.r + x, n + 1, z) - n * Math.log(p.beta + t);
}

/** ln A₀ = ln(term(t_x) − term(T)) from the two logs, −∞ when t_x = T. */
function lnA0(lnAtTx: number, lnAtT: number): number {
  const d = lnAtT - lnAtTx;
  return d < 0 ? lnAtTx + log1mExp(d) : -Infinity;
}

/** −(r+x) ln(α+T) − s ln(β+T): the log of the "alive at T" term. */
const lnAliveTerm = (p: ParetoNbdParams, x: number, T: number) =>
  -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);

/** ln[s/(r+s+x)] + ln A₀: the log of the "died in (t_x, T]" term of the likelihood's bracket. */
const lnDeadTerm = (p: ParetoNbdParams, x: number, lnAtTx: number, lnAtT: number) =>
  Math.log(p.s / (p.r + p.s + x)) + lnA0(lnAtTx, lnAtT);

/** Per-x, per-time and per-pair terms refilled for every parameter vector. */
function paretoBuffers(tr: Triples) {
  return {
    lnGammaRatio: new Float64Array(tr.xLevels.length),
    lnShare: new Float64Array(tr.xLevels.length),
    lnAlphaT: new Float64Array(tr.times.length),
    lnBetaT: new Float64Array(tr.times.length),
    pairTerm: new Float64Array(tr.pairX.length),
  };
}

/**
 * Negative Pareto/NBD log-likelihood over the compressed triples:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln{(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀}, all in log space:
 * A₀'s two terms come from ln 2F1 (evaluated once per distinct (x, time) pair) and their difference from
 * log1mexp. The gradient is left to the optimiser's central differences.
 */
export function paretoNbdObjective(tr: Triples): PositiveObjective {
  const buf = paretoBuffers(tr);
  const totalWeight = tr.weight.reduce((s, w) => s + w, 0);
  return (v) => {
    const p: ParetoNbdParams = { r: v[0], alpha: v[1], s: v[2], beta: v[3] };
    if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) return Infinity;
    const lgr = lnGamma(p.r);
    for (let k = 0; k < tr.xLevels.length; k++) {
      buf.lnGammaRatio[k] = lnGamma(p.r + tr.xLevels[k]) - lgr;
      buf.lnShare[k] = Math.log(p.s / (p.r + p.s + tr.xLevels[k]));
    }
    for (let j = 0; j < tr.times.length; j++) {
      buf.lnAlphaT[j] = Math.log(p.alpha + tr.times[j]);
      buf.lnBetaT[j] = Math.log(p.beta + tr.times[j]);
    }
    for (let q = 0; q < tr.pairX.length; q++)
      buf.pairTerm[q] = lnA0Term(p, tr.xLevels[tr.pairX[q]], tr.times[tr.pairTime[q]]);
    let ll = totalWeight * (p.r * Math.log(p.alpha) + p.s * Math.log(p.beta));
    for (let i = 0; i < tr.count; i++) {
      const k = tr.xRef[i];
      const x = tr.xLevels[k];
      const iT = tr.TRef[i];
      const lnAlive = -(p.r + x) * buf.lnAlphaT[iT] - p.s * buf.lnBetaT[iT];
      const lnDead = buf.lnShare[k] + lnA0(buf.pairTerm[tr.txPair[i]], buf.pairTerm[tr.TPair[i]]);
      ll += tr.weight[i] * (buf.lnGammaRatio[k] + logSumExp(lnAlive, lnDead));
    }
    return -ll;
  };
}

/** Pareto/NBD log-likelihood summed over customers, in the triples' time unit. */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, tr: Triples): number {
  return -paretoNbdObjective(tr)(
    Float64Array.from(KEYS, (k) => params[k]),
    null,
  );
}

/** Maximum-likelihood Pareto/NBD fit over log-parameters (BFGS, numerical gradient, two starts). */
export function fitParetoNbd(tr: Triples, options: FitOptions = {}): ParetoNbdFit {
  const rate = meanRate(tr);
  let meanT = 0;
  let n = 0;
  for (let i = 0; i < tr.count; i++) {
    meanT += tr.weight[i] * tr.T[i];
    n += tr.weight[i];
  }
  meanT = Math.max(meanT / Math.max(n, 1), 1e-3);
  const starts = options.starts ?? [
    [1, 1 / rate, 1, meanT],
    [0.5, 0.5 / rate, 0.5, 0.5 * meanT],
  ];
  const fit = fitPositive(paretoNbdObjective(tr), starts, { maxIterations: options.maxIterations });
  return namedFit(fit, KEYS);
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀) (Fader & Hardie 2005).
 */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const lnOddsDead = lnDeadTerm(p, x, lnA0Term(p, x, tx), lnA0Term(p, x, T)) - lnAliveTerm(p, x, T);
  return 1 / (1 + Math.exp(lnOddsDead));
}

/**
 * E[X(t) | alive at T, x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
 * (Fader & Hardie 2005, without the P(alive) factor); the s → 1 limit (r+x)(β+T)/(α+T) · ln(1 + t/(β+T)) is
 * reached smoothly through expm1.
 */
export function paretoNbdExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const L = Math.log1p(t / (p.beta + T));
  const u = (p.s - 1) * L;
  const factor = Math.abs(u) < 1e-10 ? L * (1 - u / 2) : (-Math.expm1(-u) / u) * L;
  return ((p.r + x) / (p.alpha + T)) * (p.beta + T) * factor;
}

/** Conditional expectation E[X(t) | x, t_x, T] = P(alive) · E[X(t) | alive] (Fader & Hardie 2005). */
export function paretoNbdConditionalExpected(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return paretoNbdPAlive(p, x, tx, T) * paretoNbdExpectedIfAlive(p, t, x, T);
}

/** Unconditional E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)] (Schmittlein et al. 1987; Fader & Hardie 2005). */
export function paretoNbdUnconditionalExpected(p: ParetoNbdParams, t: number): number {
  return paretoNbdExpectedIfAlive(p, t, 0, 0);
}

export const paretoNbdModel: BtydModel<ParetoNbdParams> = {
  name: 'paretonbd',
  pAlive: paretoNbdPAlive,
  expectedIfAlive: paretoNbdExpectedIfAlive,
  conditionalExpected: paretoNbdConditionalExpected,
  unconditionalExpected: paretoNbdUnconditionalExpected,
};
