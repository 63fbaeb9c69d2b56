/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): Poisson transactions with rate λ ~ Gamma(r, α) and an
 * exponential lifetime with dropout rate μ ~ Gamma(s, β). Likelihood and predictions as in Fader & Hardie
 * (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions".
 */
import { meanRate } from './bgnbd';
import { namedFit, type BtydModel, type FitOptions, type ModelFit } from './model';
import { fitPositive, type PositiveObjective } from './optimize';
import { digamma, lnGamma, lnHyp2f1, log1mExp } from './special';
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

/** Above this argument the 2F1 of an A₀ term may take the 1 − z connection formula (special.ts). */
const COMPLEMENT_Z = 0.9;
const COMPLEMENT_MAX_PARAM = 40;
const INTEGER_GAP = 1e-3;
const EPS = 2.220446049250313e-16;
const MAX_TERMS = 1_000_000;

/**
 * ln A₀-term and its partial derivatives for one (x, t) pair, through the integral the term stands for:
 * term(t) = (r+s+x) ∫ₜ^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, which for α ≥ β is the first and for α < β the second
 * form of `lnA0Term`. With L the larger and S the smaller of α, β, e_L and e_S their exponents (r+x and s+1)
 * and z = (L−S)/(L+t) ∈ [0, 1), Euler's transformation turns either form into
 *   ln term = ln G − e_L ln(L+t) − (e_S − 1) ln(S+t),  G = 2F1(1, e_L; e_L+e_S; z) = Σₖ (e_L)ₖ/(e_L+e_S)ₖ zᵏ,
 * a series of positive terms with ratio below z. Its derivatives follow term by term:
 *   ∂G/∂z = Σ k (e_L)ₖ/(e_L+e_S)ₖ zᵏ⁻¹,
 *   ∂G/∂c = −Σ tₖ Σ_{j<k} 1/(c+j)   (c = e_L+e_S, raising e_S alone),
 *   ∂G/∂e_L + ∂G/∂c = Σ tₖ Σ_{j<k} e_S / ((e_L+j)(c+j))   (raising e_L, and with it c),
 * with no cancellation in either sum. r enters e_α = r+x, s enters e_β = s+1; z carries α and β.
 * Writes the value to out[0] and ∂/∂(r, α, s, β) to out[1..4]; returns false (out untouched) when the series
 * does not converge within MAX_TERMS.
 */
function pairSeries(p: ParetoNbdParams, x: number, t: number, out: Float64Array, withGrad: boolean): boolean {
  const alphaBig = p.alpha >= p.beta;
  const big = alphaBig ? p.alpha : p.beta;
  const small = alphaBig ? p.beta : p.alpha;
  const eBig = alphaBig ? p.r + x : p.s + 1;
  const eSmall = alphaBig ? p.s + 1 : p.r + x;
  const c = eBig + eSmall;
  const bigT = big + t;
  const smallT = small + t;
  const z = (big - small) / bigT;
  const oneMinusZ = smallT / bigT;
  if (!withGrad) {
    // The value alone: Σ tₖ until the tail, below tₖ z/(1 − z), is under ε G.
    let g = 1;
    let term = 1;
    let k = 1;
    for (; k <= MAX_TERMS; k++) {
      term *= ((eBig + k - 1) / (c + k - 1)) * z;
      g += term;
      if (term <= EPS * oneMinusZ * g) break;
    }
    if (k > MAX_TERMS) return false;
    out[0] = Math.log(g) - eBig * Math.log(bigT) - (eSmall - 1) * Math.log(smallT);
    return true;
  }
  const tailFactor = 1e-13 * oneMinusZ * oneMinusZ;
  let g = 1;
  let gz = 0;
  let sumBoth = 0;
  let sumC = 0;
  let hBoth = 0;
  let hC = 0;
  let u = eBig / c; // (e_L)ₖ/(c)ₖ zᵏ⁻¹, here k = 1
  let k = 1;
  for (; k <= MAX_TERMS; k++) {
    const fb = eBig + k - 1;
    const ic = 1 / (c + k - 1);
    hC += ic;
    hBoth += (eSmall * ic) / fb;
    if (k > 1) u *= fb * ic * z;
    const term = u * z;
    g += term;
    gz += k * u;
    sumBoth += term * hBoth;
    sumC += term * hC;
    // Tails: terms fall at least by z per step, so G's tail is below tₖ z/(1 − z) (held to ε, as for the value
    // alone); the derivative sums' weights grow at most like k and H (held to 1e-13 relative).
    if (term <= EPS * oneMinusZ * g && u * (k + 1 + hC + hBoth) <= tailFactor * g) break;
  }
  if (k > MAX_TERMS) return false;
  const lnBigT = Math.log(bigT);
  const lnSmallT = Math.log(smallT);
  const dz = gz / g;
  const dBoth = sumBoth / g;
  const dC = -sumC / g;
  // ∂ln term/∂L and ∂/∂S: through z = (L−S)/(L+t) and the two powers.
  const dBig = (dz * smallT) / (bigT * bigT) - eBig / bigT;
  const dSmall = -dz / bigT - (eSmall - 1) / smallT;
  // ∂/∂e_L and ∂/∂e_S.
  const deBig = dBoth - lnBigT;
  const deSmall = dC - lnSmallT;
  out[0] = Math.log(g) - eBig * lnBigT - (eSmall - 1) * lnSmallT;
  if (alphaBig) {
    out[1] = deBig;
    out[2] = dBig;
    out[3] = deSmall;
    out[4] = dSmall;
  } else {
    out[1] = deSmall;
    out[2] = dSmall;
    out[3] = deBig;
    out[4] = dBig;
  }
  return true;
}

/**
 * Whether special.ts evaluates this pair's 2F1 by the 1 − z connection formula (z > 0.9, parameters up to 40,
 * c − a − b away from an integer): there the Gauss series above would need thousands of terms, so the value
 * is taken from `lnA0Term` and its derivatives from central differences of it.
 */
function usesComplement(p: ParetoNbdParams, x: number, t: number): boolean {
  const alphaBig = p.alpha >= p.beta;
  const z = alphaBig ? (p.alpha - p.beta) / (p.alpha + t) : (p.beta - p.alpha) / (p.beta + t);
  if (!(z > COMPLEMENT_Z) || p.r + p.s + x + 1 > COMPLEMENT_MAX_PARAM) return false;
  const gap = alphaBig ? p.s : p.r + x; // −(c − a − b) up to an integer
  return Math.abs(gap - Math.round(gap)) >= INTEGER_GAP;
}

const pv = (p: ParetoNbdParams, j: number) => (j === 0 ? p.r : j === 1 ? p.alpha : j === 2 ? p.s : p.beta);
const withParam = (p: ParetoNbdParams, j: number, v: number): ParetoNbdParams =>
  j === 0 ? { ...p, r: v } : j === 1 ? { ...p, alpha: v } : j === 2 ? { ...p, s: v } : { ...p, beta: v };

/** The pair term by `lnA0Term` and, if wanted, its derivatives by central differences with relative step 1e-5. */
function pairComplement(
  p: ParetoNbdParams,
  x: number,
  t: number,
  out: Float64Array,
  withGrad: boolean,
): void {
  out[0] = lnA0Term(p, x, t);
  if (!withGrad) return;
  for (let j = 0; j < 4; j++) {
    const v = pv(p, j);
    const h = 1e-5 * v;
    out[j + 1] = (lnA0Term(withParam(p, j, v + h), x, t) - lnA0Term(withParam(p, j, v - h), x, t)) / (2 * h);
  }
}

/** Per-x, per-time and per-pair terms (and their derivatives) refilled for every parameter vector. */
function paretoBuffers(tr: Triples) {
  return {
    lnGammaRatio: new Float64Array(tr.xLevels.length),
    dGammaRatio: new Float64Array(tr.xLevels.length),
    lnShare: new Float64Array(tr.xLevels.length),
    lnAlphaT: new Float64Array(tr.times.length),
    lnBetaT: new Float64Array(tr.times.length),
    invAlphaT: new Float64Array(tr.times.length),
    invBetaT: new Float64Array(tr.times.length),
    pairTerm: new Float64Array(tr.pairX.length),
    /** ∂ pairTerm / ∂(r, α, s, β), four per pair. */
    pairGrad: new Float64Array(4 * tr.pairX.length),
    scratch: new Float64Array(5),
  };
}

/**
 * Negative Pareto/NBD log-likelihood over the compressed triples, with its analytic gradient:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln{(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀}, all in log space:
 * A₀'s two terms come from the series of `pairSeries` (or ln 2F1 near z = 1, see `usesComplement`), evaluated
 * once per distinct (x, time) pair with their derivatives, and their difference from log1mexp. The gradient of
 * A₀ = e^a − e^b is e^a (∂a − q ∂b)/(1 − q), q = e^(b−a): its cancellation as t_x → T is bounded by the weight
 * of the dead term in the bracket, which vanishes at the same rate.
 */
export function paretoNbdObjective(tr: Triples): PositiveObjective {
  const buf = paretoBuffers(tr);
  const totalWeight = tr.weight.reduce((s, w) => s + w, 0);
  const out = buf.scratch;
  return (v, grad) => {
    const p: ParetoNbdParams = { r: v[0], alpha: v[1], s: v[2], beta: v[3] };
    if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) return Infinity;
    const withGrad = grad !== null;
    const lgr = lnGamma(p.r);
    const psiR = withGrad ? digamma(p.r) : 0;
    for (let k = 0; k < tr.xLevels.length; k++) {
      buf.lnGammaRatio[k] = lnGamma(p.r + tr.xLevels[k]) - lgr;
      buf.lnShare[k] = Math.log(p.s / (p.r + p.s + tr.xLevels[k]));
      if (withGrad) buf.dGammaRatio[k] = digamma(p.r + tr.xLevels[k]) - psiR;
    }
    for (let j = 0; j < tr.times.length; j++) {
      buf.lnAlphaT[j] = Math.log(p.alpha + tr.times[j]);
      buf.lnBetaT[j] = Math.log(p.beta + tr.times[j]);
      buf.invAlphaT[j] = 1 / (p.alpha + tr.times[j]);
      buf.invBetaT[j] = 1 / (p.beta + tr.times[j]);
    }
    for (let q = 0; q < tr.pairX.length; q++) {
      const x = tr.xLevels[tr.pairX[q]];
      const t = tr.times[tr.pairTime[q]];
      if (usesComplement(p, x, t) || !pairSeries(p, x, t, out, withGrad))
        pairComplement(p, x, t, out, withGrad);
      buf.pairTerm[q] = out[0];
      if (withGrad) for (let j = 0; j < 4; j++) buf.pairGrad[4 * q + j] = out[j + 1];
    }
    const lnAlpha = Math.log(p.alpha);
    const lnBeta = Math.log(p.beta);
    let ll = totalWeight * (p.r * lnAlpha + p.s * lnBeta);
    let gr = totalWeight * lnAlpha;
    let gAlpha = (totalWeight * p.r) / p.alpha;
    let gs = totalWeight * lnBeta;
    let gBeta = (totalWeight * p.s) / p.beta;
    for (let i = 0; i < tr.count; i++) {
      const k = tr.xRef[i];
      const x = tr.xLevels[k];
      const iT = tr.TRef[i];
      const w = tr.weight[i];
      const lnAlive = -(p.r + x) * buf.lnAlphaT[iT] - p.s * buf.lnBetaT[iT];
      const qa = tr.txPair[i];
      const qb = tr.TPair[i];
      const a = buf.pairTerm[qa];
      const d = buf.pairTerm[qb] - a;
      // Bracket: e^lnAlive + e^m (1 − q) with m = ln[s/(r+s+x)] + a and q = e^d (A₀ = e^a (1 − q)); 1 − q by
      // expm1 near d = 0 (Mächler's log1mexp), the sum by log-sum-exp around the larger of lnAlive and m.
      let l = lnAlive;
      let wDead = 0;
      let q = 0;
      let oneMinusQ = 1;
      if (d < 0) {
        if (d > -Math.LN2) {
          oneMinusQ = -Math.expm1(d);
          q = 1 - oneMinusQ;
        } else {
          q = Math.exp(d);
          oneMinusQ = 1 - q;
        }
        const m = buf.lnShare[k] + a;
        if (lnAlive >= m) {
          const e = Math.exp(m - lnAlive) * oneMinusQ;
          l = lnAlive + Math.log1p(e);
          wDead = e / (1 + e);
        } else {
          const sum = Math.exp(lnAlive - m) + oneMinusQ;
          l = m + Math.log(sum);
          wDead = oneMinusQ / sum;
        }
      }
      ll += w * (buf.lnGammaRatio[k] + l);
      if (!withGrad) continue;
      const wAlive = 1 - wDead;
      const n = p.r + p.s + x;
      gr += w * (buf.dGammaRatio[k] - wAlive * buf.lnAlphaT[iT] - wDead / n);
      gAlpha -= w * wAlive * (p.r + x) * buf.invAlphaT[iT];
      gs -= w * (wAlive * buf.lnBetaT[iT] - wDead * (1 / p.s - 1 / n));
      gBeta -= w * wAlive * p.s * buf.invBetaT[iT];
      if (wDead > 0) {
        // ∂ ln(e^a − e^b) = (∂a − q ∂b)/(1 − q), q = e^d.
        const f = (w * wDead) / oneMinusQ;
        gr += f * (buf.pairGrad[4 * qa] - q * buf.pairGrad[4 * qb]);
        gAlpha += f * (buf.pairGrad[4 * qa + 1] - q * buf.pairGrad[4 * qb + 1]);
        gs += f * (buf.pairGrad[4 * qa + 2] - q * buf.pairGrad[4 * qb + 2]);
        gBeta += f * (buf.pairGrad[4 * qa + 3] - q * buf.pairGrad[4 * qb + 3]);
      }
    }
    if (grad) {
      grad[0] = -gr;
      grad[1] = -gAlpha;
      grad[2] = -gs;
      grad[3] = -gBeta;
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

/**
 * Maximum-likelihood Pareto/NBD fit over log-parameters (BFGS with the analytic gradient, two starts), with
 * standard errors from the Hessian by differences of the gradient.
 */
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
  const fit = fitPositive(paretoNbdObjective(tr), starts, {
    analyticGradient: true,
    maxIterations: options.maxIterations,
  });
  return namedFit(fit, KEYS);
}

/** Nodes (positive half) and weights of the 16-point Gauss–Legendre rule on [−1, 1]. */
const GL_NODES = [
  0.09501250983763744, 0.2816035507792589, 0.45801677765722737, 0.6178762444026438, 0.755404408355003,
  0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
];
const GL_WEIGHTS = [
  0.18945061045506864, 0.18260341504492364, 0.16915651939500265, 0.1495959888165767, 0.12462897125553407,
  0.0951585116824926, 0.062253523938647456, 0.027152459411754176,
];

/**
 * ln of the odds of "dead" by quadrature, for the arguments where the 2F1 of the A₀ terms is slow (z near 1 at t_x):
 * s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀ equals the finite integral (the A₀ terms are n ∫ₜ^∞, see `pairSeries`)
 *   s ∫_{t_x}^{T} e^φ(τ) dτ,  φ(τ) = (r+x) ln((α+T)/(α+τ)) + s ln((β+T)/(β+τ)) − ln(β+τ),
 * the density of dying at τ times the likelihood ratio of the purchases. φ is convex and decreasing, so the integrand
 * peaks at t_x. Panels of 16-point Gauss–Legendre from t_x on, each at most 4/|φ'| wide at its start (the log of the
 * integrand falls by at most 4 across it) and at most α+τ and β+τ wide (the singularities of φ at −α and −β stay three
 * half-widths away, so the rule is exact to rounding); the panels stop at T or once the rest, below
 * e^φ(τ) (T − τ), is under 1e−17 of the sum. A few dozen panels at the most extreme parameters, whatever s and β are,
 * where the series would need up to millions of terms (its term ratio is z, 1 − z = (S+t)/(L+t)).
 */
export function paretoNbdLnOddsDeadQuadrature(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (!(tx < T)) return -Infinity;
  const A = p.r + x;
  // ln((α+T)/(α+τ)) by log1p: s reaches millions in such draws, where the difference of two logs loses digits.
  const phi = (tau: number) =>
    A * Math.log1p((T - tau) / (p.alpha + tau)) +
    p.s * Math.log1p((T - tau) / (p.beta + tau)) -
    Math.log(p.beta + tau);
  const phi0 = phi(tx);
  let sum = 0;
  let tau = tx;
  for (let panel = 0; panel < 10_000 && tau < T; panel++) {
    const slope = A / (p.alpha + tau) + (p.s + 1) / (p.beta + tau);
    const width = Math.min(4 / slope, p.alpha + tau, p.beta + tau, T - tau);
    const mid = tau + width / 2;
    let part = 0;
    for (let k = 0; k < GL_NODES.length; k++) {
      const d = (GL_NODES[k] * width) / 2;
      part += GL_WEIGHTS[k] * (Math.exp(phi(mid - d) - phi0) + Math.exp(phi(mid + d) - phi0));
    }
    sum += (part * width) / 2;
    tau += width;
    if (tau < T && Math.exp(phi(tau) - phi0) * (T - tau) < 1e-17 * sum) break;
  }
  return Math.log(p.s) + phi0 + Math.log(sum);
}

/** 1 − z of the A₀ terms at t_x below which `paretoNbdPAlive` takes the quadrature (z > 0.9, as special.ts's 1 − z formula). */
const QUADRATURE_ONE_MINUS_Z = 0.1;

/**
 * P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀) (Fader & Hardie 2005). Where the 2F1 of the
 * A₀ terms has its argument z near 1 at t_x (z > 0.9: one of α, β far above the other and t_x), the odds come from
 * `paretoNbdLnOddsDeadQuadrature` instead: the 2F1 series needs about ln(1/ε)/(1 − z) terms there, which went into the
 * hundreds of thousands (seconds per customer) for the draws of a fit with an unidentified dropout (sd of ln s above
 * 1, where draws of s and β spread over orders of magnitude).
 */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const big = Math.max(p.alpha, p.beta);
  const small = Math.min(p.alpha, p.beta);
  const lnOddsDead =
    (small + tx) / (big + tx) < QUADRATURE_ONE_MINUS_Z
      ? paretoNbdLnOddsDeadQuadrature(p, x, tx, T)
      : lnDeadTerm(p, x, lnA0Term(p, x, tx), lnA0Term(p, x, T)) - lnAliveTerm(p, x, T);
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
