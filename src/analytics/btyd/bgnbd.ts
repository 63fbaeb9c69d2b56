/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2)). Transactions of an active customer follow a Poisson process with
 * rate λ ~ Gamma(r, α); after each repeat transaction the customer drops out with probability p ~ Beta(a, b).
 */
import { namedFit, type BtydModel, type FitOptions, type ModelFit } from './model';
import { fitPositive, type PositiveObjective } from './optimize';
import { digamma, hyp2f1, lnGamma } from './special';
import type { Triples } from './summary';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type BgNbdFit = ModelFit<BgNbdParams>;

const KEYS = ['r', 'alpha', 'a', 'b'] as const;

/** Per-x terms of the log-likelihood and of its gradient, refilled for every parameter vector. */
interface XTerms {
  c: Float64Array;
  lnRatio: Float64Array;
  dr: Float64Array;
  da: Float64Array;
  db: Float64Array;
  invB: Float64Array;
}

function fillXTerms(
  t: XTerms,
  xs: Int32Array,
  r: number,
  a: number,
  b: number,
  shift: 0 | 1,
  withGrad: boolean,
): void {
  const base = lnGamma(a + b) - lnGamma(r) - lnGamma(b);
  const psiR = withGrad ? digamma(r) : 0;
  const psiB = withGrad ? digamma(b) : 0;
  const psiAB = withGrad ? digamma(a + b) : 0;
  const lnA = Math.log(a);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const n = x + shift; // the dropout chances survived: x (BG/NBD) or x + 1 (MBG/NBD)
    // ln[Γ(r+x)/Γ(r)] + ln[B(a, b+n)/B(a, b)]
    t.c[k] = base + lnGamma(r + x) + lnGamma(b + n) - lnGamma(a + b + n);
    t.lnRatio[k] = n > 0 ? lnA - Math.log(b + n - 1) : -Infinity;
    if (!withGrad) continue;
    const psiABX = digamma(a + b + n);
    t.dr[k] = digamma(r + x) - psiR;
    t.da[k] = psiAB - psiABX;
    t.db[k] = digamma(b + n) - psiB + psiAB - psiABX;
    t.invB[k] = n > 0 ? 1 / (b + n - 1) : 0;
  }
}

/**
 * Negative log-likelihood of the beta-geometric/NBD family over the compressed triples, with its analytic gradient.
 * With n = x + shift dropout chances survived (shift 0: BG/NBD, FHL 2005, eq. 6; shift 1: MBG/NBD, whose dropout
 * chance comes at the first purchase too):
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+n) − ln B(a, b)
 *        + ln[(α+T)^−(r+x) + δ(n>0) · a/(b+n−1) · (α+t_x)^−(r+x)],
 * the last term by log-sum-exp. Buffers are allocated once; an evaluation does one exp and one log1p per triple.
 */
export function betaGeometricObjective(tr: Triples, shift: 0 | 1): PositiveObjective {
  const nx = tr.xLevels.length;
  const terms: XTerms = {
    c: new Float64Array(nx),
    lnRatio: new Float64Array(nx),
    dr: new Float64Array(nx),
    da: new Float64Array(nx),
    db: new Float64Array(nx),
    invB: new Float64Array(nx),
  };
  const lnAT = new Float64Array(tr.times.length);
  const invAT = new Float64Array(tr.times.length);
  const totalWeight = tr.weight.reduce((s, w) => s + w, 0);
  return (p, grad) => {
    const [r, alpha, a, b] = p;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Infinity;
    const withGrad = grad !== null;
    fillXTerms(terms, tr.xLevels, r, a, b, shift, withGrad);
    for (let j = 0; j < tr.times.length; j++) {
      lnAT[j] = Math.log(alpha + tr.times[j]);
      invAT[j] = 1 / (alpha + tr.times[j]);
    }
    const lnAlpha = Math.log(alpha);
    let ll = totalWeight * r * lnAlpha;
    let gr = totalWeight * lnAlpha;
    let gAlpha = (totalWeight * r) / alpha;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < tr.count; i++) {
      const k = tr.xRef[i];
      const w = tr.weight[i];
      const rx = r + tr.xLevels[k];
      const iT = tr.TRef[i];
      const iTx = tr.txRef[i];
      const u = -rx * lnAT[iT];
      const v = terms.lnRatio[k] - rx * lnAT[iTx];
      let l: number;
      let wv: number;
      if (v === -Infinity) {
        l = u;
        wv = 0;
      } else if (u >= v) {
        const e = Math.exp(v - u);
        l = u + Math.log1p(e);
        wv = e / (1 + e);
      } else {
        const e = Math.exp(u - v);
        l = v + Math.log1p(e);
        wv = 1 / (1 + e);
      }
      ll += w * (terms.c[k] + l);
      if (!withGrad) continue;
      const wu = 1 - wv;
      gr += w * (terms.dr[k] - wu * lnAT[iT] - wv * lnAT[iTx]);
      gAlpha -= w * rx * (wu * invAT[iT] + wv * invAT[iTx]);
      ga += w * (terms.da[k] + wv / a);
      gb += w * (terms.db[k] - wv * terms.invB[k]);
    }
    if (grad) {
      grad[0] = -gr;
      grad[1] = -gAlpha;
      grad[2] = -ga;
      grad[3] = -gb;
    }
    return -ll;
  };
}

/** Negative BG/NBD log-likelihood over the compressed triples, with its analytic gradient (FHL 2005, eq. 6). */
export function bgnbdObjective(tr: Triples): PositiveObjective {
  return betaGeometricObjective(tr, 0);
}

/** BG/NBD log-likelihood summed over customers (FHL 2005, eq. 6), in the time unit of the triples. */
export function bgnbdLogLikelihood(params: BgNbdParams, tr: Triples): number {
  return -bgnbdObjective(tr)(
    Float64Array.from(KEYS, (k) => params[k]),
    null,
  );
}

/** Mean transaction rate Σx / ΣT over customers, the scale for the default starting values of α. */
export function meanRate(tr: Triples): number {
  let xs = 0;
  let ts = 0;
  for (let i = 0; i < tr.count; i++) {
    xs += tr.weight[i] * tr.x[i];
    ts += tr.weight[i] * tr.T[i];
  }
  return ts > 0 && xs > 0 ? xs / ts : 1;
}

/**
 * Maximum-likelihood BG/NBD fit over log-parameters (BFGS with the analytic gradient, two starts), with
 * standard errors from the numerical Hessian.
 */
export function fitBgNbd(tr: Triples, options: FitOptions = {}): BgNbdFit {
  const rate = meanRate(tr);
  const starts = options.starts ?? [
    [1, 1 / rate, 1, 2],
    [0.3, 0.3 / rate, 0.5, 1],
  ];
  const fit = fitPositive(bgnbdObjective(tr), starts, {
    analyticGradient: true,
    maxIterations: options.maxIterations,
  });
  return namedFit(fit, KEYS);
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie & Lee 2008,
 * "Computing P(alive) using the BG/NBD model").
 */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return 1;
  const lnOdds =
    Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * Bracket of FHL 2005 eq. 10 for a customer alive at T: (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)
 * 2F1(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t). With Euler's transformation the product equals
 * 1 − (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z), which never overflows for large x.
 */
function bracket(p: BgNbdParams, a: number, t: number, x: number, T: number): number {
  const z = t / (p.alpha + T + t);
  const f = hyp2f1(a + p.b - 1 - p.r, a - 1, a + p.b + x - 1, z);
  return ((a + p.b + x - 1) / (a - 1)) * -Math.expm1((a - 1) * Math.log1p(-z) + Math.log(f));
}

/**
 * E[X(t) | alive at T, x, T] for BG/NBD: the numerator of FHL 2005 eq. 10. At a = 1 the formula is 0/0; within
 * 1e−4 of it the value is interpolated linearly between a = 1 ± 1e−4.
 */
export function bgnbdExpectedIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const h = 1e-4;
  if (Math.abs(p.a - 1) > h) return bracket(p, p.a, t, x, T);
  const lo = bracket(p, 1 - h, t, x, T);
  const hi = bracket(p, 1 + h, t, x, T);
  return lo + ((hi - lo) * (p.a - 1 + h)) / (2 * h);
}

/** Conditional expectation E[X(t) | x, t_x, T] (FHL 2005, eq. 10) = P(alive) · E[X(t) | alive]. */
export function bgnbdConditionalExpected(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return bgnbdPAlive(p, x, tx, T) * bgnbdExpectedIfAlive(p, t, x, T);
}

/** Unconditional E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))] (FHL 2005, eq. 9). */
export function bgnbdUnconditionalExpected(p: BgNbdParams, t: number): number {
  return bgnbdExpectedIfAlive(p, t, 0, 0);
}

export const bgnbdModel: BtydModel<BgNbdParams> = {
  name: 'bgnbd',
  pAlive: bgnbdPAlive,
  expectedIfAlive: bgnbdExpectedIfAlive,
  conditionalExpected: bgnbdConditionalExpected,
  unconditionalExpected: bgnbdUnconditionalExpected,
};
