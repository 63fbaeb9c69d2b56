/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis", J. Marketing Research 42(4); Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value").
 * Transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
 */
import { namedFit, type FitOptions, type ModelFit } from './model';
import { fitPositive, type PositiveObjective } from './optimize';
import { digamma, lnGamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends ModelFit<GammaGammaParams> {
  /** Customers in the fit (x > 0 and m > 0). */
  customers: number;
}

const KEYS = ['p', 'q', 'gamma'] as const;

/** The customers usable by the spend model: x > 0 and a finite m > 0. */
function usable(x: ArrayLike<number>, m: ArrayLike<number>): { x: Float64Array; m: Float64Array } {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < x.length; i++)
    if (x[i] > 0 && m[i] > 0 && Number.isFinite(m[i])) {
      xs.push(x[i]);
      ms.push(m[i]);
    }
  return { x: Float64Array.from(xs), m: Float64Array.from(ms) };
}

/**
 * Negative log-likelihood with analytic gradient. Density of the mean repeat value m of x transactions:
 * f(m | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m^(px−1) x^(px) / (γ + m x)^(px+q).
 * Data-only sums are precomputed; an evaluation does one log per customer and ln Γ / ψ once per distinct x.
 */
function gammaGammaObjective(x: Float64Array, m: Float64Array): PositiveObjective {
  const n = x.length;
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  const levels = [...counts.keys()];
  const count = levels.map((l) => counts.get(l)!);
  let sumLnM = 0;
  let sumXLnM = 0;
  let sumXLnX = 0;
  for (let i = 0; i < n; i++) {
    sumLnM += Math.log(m[i]);
    sumXLnM += x[i] * Math.log(m[i]);
    sumXLnX += x[i] * Math.log(x[i]);
  }
  return (v, grad) => {
    const [p, q, g] = v;
    if (!(p > 0 && q > 0 && g > 0)) return Infinity;
    const lnG = Math.log(g);
    let ll = n * (q * lnG - lnGamma(q)) + p * sumXLnM - sumLnM + p * sumXLnX;
    let dp = sumXLnM + sumXLnX;
    let dq = n * (lnG - (grad ? digamma(q) : 0));
    let dg = (n * q) / g;
    for (let k = 0; k < levels.length; k++) {
      const px = p * levels[k];
      ll += count[k] * (lnGamma(px + q) - lnGamma(px));
      if (!grad) continue;
      const psiSum = digamma(px + q);
      dp += count[k] * levels[k] * (psiSum - digamma(px));
      dq += count[k] * psiSum;
    }
    for (let i = 0; i < n; i++) {
      const s = g + m[i] * x[i];
      const l = Math.log(s);
      const e = p * x[i] + q;
      ll -= e * l;
      if (!grad) continue;
      dp -= x[i] * l;
      dq -= l;
      dg -= e / s;
    }
    if (grad) {
      grad[0] = -dp;
      grad[1] = -dq;
      grad[2] = -dg;
    }
    return -ll;
  };
}

/** Gamma-Gamma log-likelihood summed over the customers with x > 0 and m > 0 (the density of m given x). */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  x: ArrayLike<number>,
  m: ArrayLike<number>,
) {
  const u = usable(x, m);
  return -gammaGammaObjective(u.x, u.m)(
    Float64Array.from(KEYS, (k) => params[k]),
    null,
  );
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the customers with x > 0 and m > 0 (BFGS over log-parameters with the
 * analytic gradient; starts scaled so that the implied mean spend pγ/(q−1) equals the mean of m).
 */
export function fitGammaGamma(
  x: ArrayLike<number>,
  m: ArrayLike<number>,
  options: FitOptions = {},
): GammaGammaFit {
  const u = usable(x, m);
  const meanM = u.m.reduce((s, v) => s + v, 0) / Math.max(u.m.length, 1) || 1;
  const starts = options.starts ?? [
    [2, 3, meanM],
    [5, 2, meanM / 5],
  ];
  const fit = fitPositive(gammaGammaObjective(u.x, u.m), starts, {
    analyticGradient: true,
    maxIterations: options.maxIterations,
  });
  return { ...namedFit(fit, KEYS), customers: u.x.length };
}

/**
 * Expected spend per transaction E[Z | m, x] = (γ + m x) p / (p x + q − 1) (Fader, Hardie & Lee 2005). For a
 * customer without a usable m (x = 0 or m undefined) this is the population mean p γ / (q − 1). Infinite when
 * q ≤ 1 (the model then has no finite mean).
 */
export function expectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const known = x > 0 && m > 0 && Number.isFinite(m);
  const xx = known ? x : 0;
  const mx = known ? m * x : 0;
  const denominator = params.p * xx + params.q - 1;
  return denominator > 0 ? ((params.gamma + mx) * params.p) / denominator : Infinity;
}

/** Pearson correlation of m and x over the customers with x > 0 and m > 0; warn when |corr| > 0.3. */
export function spendFrequencyCorrelation(x: ArrayLike<number>, m: ArrayLike<number>) {
  const u = usable(x, m);
  const correlation = pearson(u.x, u.m);
  return { correlation, warning: Math.abs(correlation) > 0.3, customers: u.x.length };
}

/** Pearson correlation coefficient; NaN when either series is constant or shorter than 2. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n < 2) return NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
