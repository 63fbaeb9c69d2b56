/**
 * Seeded random numbers for the forecast intervals (METRICS.md, "Intervals (forecast uncertainty)": S seeded draws):
 * a small 32-bit generator, the distributions the BTYD posterior predictives need, and correlated normal draws
 * through the Cholesky factor of a covariance matrix. The same seed gives the same numbers on every engine.
 */

/** mulberry32: a small seeded 32-bit generator; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samplers on top of a seeded uniform generator. */
export class Random {
  private spare: number | null = null;
  readonly uniform: () => number;

  constructor(seed: number) {
    this.uniform = mulberry32(seed);
  }

  /** Uniform in (0, 1]. */
  open(): number {
    return 1 - this.uniform();
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const radius = Math.sqrt(-2 * Math.log(this.open()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Gamma(shape, rate 1): Marsaglia & Tsang (2000); shape < 1 through Gamma(shape + 1) · U^(1/shape). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(this.open()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  exponential(rate: number): number {
    return -Math.log(this.open()) / rate;
  }

  /**
   * Poisson(mean): inversion for means up to 30; above, the normal approximation rounded to an integer ≥ 0 (its
   * error in the first two moments is below 1 % there, which is all the intervals use).
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = this.uniform();
    while (u > cdf && k < 1000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  /** Geometric on {1, 2, …}: the number of trials up to and including the first success of probability p. */
  geometric(p: number): number {
    if (p >= 1) return 1;
    if (!(p > 0)) return Infinity;
    return 1 + Math.floor(Math.log(this.open()) / Math.log1p(-p));
  }
}

/** Cholesky factor L (row-major, lower) of a symmetric n × n matrix, or null if it is not positive definite. */
export function choleskyFactor(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j];
    }
  return l;
}

/**
 * `count` draws from the multivariate normal N(mean, Σ) given the Cholesky factor L of Σ: mean + L z with z standard
 * normal. Row-major: draw s is out[s·n … s·n + n − 1].
 */
export function normalDraws(
  mean: ArrayLike<number>,
  cholesky: Float64Array,
  count: number,
  random: Random,
): Float64Array {
  const n = mean.length;
  const out = new Float64Array(count * n);
  const z = new Float64Array(n);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < n; i++) z[i] = random.normal();
    for (let i = 0; i < n; i++) {
      let v = mean[i];
      for (let k = 0; k <= i; k++) v += cholesky[i * n + k] * z[k];
      out[s * n + i] = v;
    }
  }
  return out;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending sorted values, linearly interpolated (type 7); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
