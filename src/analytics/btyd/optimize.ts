/**
 * Maximum-likelihood machinery shared by all BTYD models: a BFGS minimiser over log-parameters with multiple
 * starts and a Nelder–Mead fallback, the numerical Hessian of the negative log-likelihood in the natural
 * parameters, and standard errors from its inverse.
 */

import { choleskyFactor } from '../random';

/** f(θ); when `grad` is given and the objective has an analytic gradient, it also writes ∇f(θ) into it. */
export type Objective = (theta: Float64Array, grad: Float64Array | null) => number;

export interface MinimizeOptions {
  /** The objective fills `grad` itself; otherwise central differences are used. */
  analyticGradient?: boolean;
  /** BFGS iterations per start (default 200). */
  maxIterations?: number;
  /**
   * Converged when max |∂f/∂θᵢ| ≤ gradTol · (1 + |f|) (default 1e-8), or when no step can lower f any more at
   * machine precision (a stalled line search or the stall test below) and max |∂f/∂θᵢ| ≤ stallGradTol · (1 + |f|)
   * (default 1e-5): rounding in a sum over thousands of customers can keep the strict test just out of reach on
   * one JavaScript engine and not on another, while the estimates agree to far more digits than are shown.
   */
  gradTol?: number;
  stallGradTol?: number;
  /** Stall test: relative decrease of f below fTol … (default 1e-13) */
  fTol?: number;
  /** … together with a step whose largest component is below xTol (default 1e-9). */
  xTol?: number;
  /** Box |θᵢ| ≤ bound; outside it the objective counts as +∞ (default 30, i.e. parameters in e^±30). */
  bound?: number;
}

export interface MinimizeResult {
  /** The minimiser θ*. */
  params: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

interface Settings {
  analyticGradient: boolean;
  maxIterations: number;
  gradTol: number;
  stallGradTol: number;
  fTol: number;
  xTol: number;
  bound: number;
}

const settingsOf = (o: MinimizeOptions): Settings => ({
  analyticGradient: o.analyticGradient ?? false,
  maxIterations: o.maxIterations ?? 200,
  gradTol: o.gradTol ?? 1e-8,
  stallGradTol: o.stallGradTol ?? 1e-5,
  fTol: o.fTol ?? 1e-13,
  xTol: o.xTol ?? 1e-9,
  bound: o.bound ?? 30,
});

/** Counts evaluations and maps NaN and out-of-box points to +∞. */
class Counted {
  evaluations = 0;
  constructor(
    private readonly f: Objective,
    private readonly s: Settings,
  ) {}

  value(theta: Float64Array, grad: Float64Array | null = null): number {
    this.evaluations++;
    for (let i = 0; i < theta.length; i++) if (!(Math.abs(theta[i]) <= this.s.bound)) return Infinity;
    const v = this.f(theta, grad);
    return Number.isFinite(v) ? v : Infinity;
  }

  /** f and ∇f: analytic, or central differences with step ε^(1/3) · max(1, |θᵢ|). */
  valueAndGradient(theta: Float64Array, grad: Float64Array): number {
    if (this.s.analyticGradient) return this.value(theta, grad);
    const v = this.value(theta);
    const probe = Float64Array.from(theta);
    for (let i = 0; i < theta.length; i++) {
      const h = 6e-6 * Math.max(1, Math.abs(theta[i]));
      probe[i] = theta[i] + h;
      const up = this.value(probe);
      probe[i] = theta[i] - h;
      const down = this.value(probe);
      probe[i] = theta[i];
      grad[i] = (up - down) / (2 * h);
    }
    return v;
  }
}

const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀs): the BFGS update of the inverse Hessian. */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number): void {
  const n = s.length;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hy[i] += h[i * n + j] * y[j];
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      h[i * n + j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
}

/** Backtracking (Armijo) line search along d; returns the accepted step length or 0. */
function lineSearch(
  fn: Counted,
  x: Float64Array,
  f: number,
  slope: number,
  d: Float64Array,
  out: Float64Array,
): { step: number; value: number } {
  let step = 1;
  for (let k = 0; k < 50; k++) {
    for (let i = 0; i < x.length; i++) out[i] = x[i] + step * d[i];
    const v = fn.value(out);
    if (v <= f + 1e-4 * step * slope) return { step, value: v };
    // Quadratic interpolation of the step, kept within [0.1, 0.5] of the previous one.
    const q = Number.isFinite(v) ? (-slope * step * step) / (2 * (v - f - slope * step)) : 0.1 * step;
    step = Math.min(0.5 * step, Math.max(0.1 * step, q));
  }
  return { step: 0, value: f };
}

/** One BFGS run from x0. Converged when the gradient test holds (see MinimizeOptions). */
function bfgs(fn: Counted, x0: readonly number[], s: Settings): MinimizeResult {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fn.valueAndGradient(x, g);
  const h = identity(n);
  const d = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const sv = new Float64Array(n);
  const yv = new Float64Array(n);
  let iterations = 0;
  let fresh = true;
  let stuck = false;
  const gradientSmall = () => maxAbs(g) <= s.gradTol * (1 + Math.abs(f));
  while (Number.isFinite(f) && iterations < s.maxIterations && !gradientSmall()) {
    iterations++;
    for (let i = 0; i < n; i++) d[i] = -h.subarray(i * n, i * n + n).reduce((acc, v, j) => acc + v * g[j], 0);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      h.set(identity(n));
      fresh = true;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    // Limit the trial step to 2 in log space (a factor e² in any parameter).
    const big = maxAbs(d);
    const cap = fresh ? 1 : 2;
    if (big > cap) {
      for (let i = 0; i < n; i++) d[i] *= cap / big;
      slope *= cap / big;
    }
    const { step } = lineSearch(fn, x, f, slope, d, xNew);
    if (step === 0) {
      if (fresh) {
        stuck = true;
        break;
      }
      h.set(identity(n));
      fresh = true;
      continue;
    }
    const fNew = fn.valueAndGradient(xNew, gNew);
    for (let i = 0; i < n; i++) {
      sv[i] = xNew[i] - x[i];
      yv[i] = gNew[i] - g[i];
    }
    const sy = dot(sv, yv);
    if (sy > 1e-12 * Math.sqrt(dot(sv, sv) * dot(yv, yv))) {
      if (fresh) {
        const scale = sy / dot(yv, yv);
        h.set(identity(n).map((v) => v * scale));
      }
      bfgsUpdate(h, sv, yv, sy);
      fresh = false;
    }
    const stalled = f - fNew <= s.fTol * (1 + Math.abs(fNew)) && maxAbs(sv) <= s.xTol;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (stalled) {
      stuck = true;
      break;
    }
  }
  const flatEnough = stuck && maxAbs(g) <= s.stallGradTol * (1 + Math.abs(f));
  return {
    params: x,
    value: f,
    iterations,
    evaluations: 0,
    converged: Number.isFinite(f) && (gradientSmall() || flatEnough),
  };
}

/**
 * Nelder–Mead (standard coefficients 1, 2, ½, ½) from x0 with initial edge 0.5; stops when the spread of f over
 * the simplex is below fTol·(1 + |f|) and its largest edge below 1e-6, or after 400·n iterations. Used only as
 * a fallback when BFGS fails; BFGS is then restarted from its best vertex.
 */
function nelderMead(fn: Counted, x0: Float64Array, s: Settings): Float64Array {
  const n = x0.length;
  const pts: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] += 0.5;
    pts.push(p);
  }
  const vals = pts.map((p) => fn.value(p));
  const trial = (centroid: Float64Array, worst: Float64Array, t: number) =>
    centroid.map((c, i) => c + t * (worst[i] - c));
  for (let it = 0; it < 400 * n; it++) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
    const sorted = order.map((i) => pts[i]);
    const sortedVals = order.map((i) => vals[i]);
    pts.splice(0, pts.length, ...sorted);
    vals.splice(0, vals.length, ...sortedVals);
    const spread = vals[n] - vals[0];
    const size = Math.max(...pts.slice(1).map((p) => maxAbs(p.map((v, i) => v - pts[0][i]))));
    if (spread <= Math.max(s.fTol, 1e-12) * (1 + Math.abs(vals[0])) && size <= 1e-6) break;
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += pts[k][i] / n;
    const reflected = trial(centroid, pts[n], -1);
    const fr = fn.value(reflected);
    if (fr < vals[0]) {
      const expanded = trial(centroid, pts[n], -2);
      const fe = fn.value(expanded);
      [pts[n], vals[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < vals[n - 1]) {
      [pts[n], vals[n]] = [reflected, fr];
    } else {
      const contracted = trial(centroid, pts[n], 0.5);
      const fc = fn.value(contracted);
      if (fc < Math.min(fr, vals[n])) [pts[n], vals[n]] = [contracted, fc];
      else
        for (let k = 1; k <= n; k++) {
          pts[k] = trial(pts[0], pts[k], 0.5);
          vals[k] = fn.value(pts[k]);
        }
    }
  }
  return pts[vals.indexOf(Math.min(...vals))];
}

/**
 * Minimises f over θ ∈ ℝⁿ (in practice log-parameters) from each of `starts` with BFGS (Nocedal & Wright,
 * Algorithm 6.1, backtracking Armijo search) and keeps the best. If the best run did not converge, Nelder–Mead
 * runs from it and BFGS restarts from the Nelder–Mead result.
 * Convergence: max |∂f/∂θᵢ| ≤ gradTol · (1 + |f|) at the returned point.
 */
export function minimize(
  f: Objective,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions = {},
) {
  const s = settingsOf(options);
  const fn = new Counted(f, s);
  let best: MinimizeResult | null = null;
  let iterations = 0;
  for (const start of starts) {
    const run = bfgs(fn, start, s);
    iterations += run.iterations;
    if (best === null || run.value < best.value || (run.value === best.value && run.converged)) best = run;
  }
  if (best === null) throw new Error('minimize needs at least one start');
  if (!best.converged && Number.isFinite(best.value)) {
    const polished = bfgs(fn, Array.from(nelderMead(fn, best.params, s)), s);
    iterations += polished.iterations;
    if (polished.value <= best.value) best = polished;
  }
  return { ...best, iterations, evaluations: fn.evaluations };
}

/**
 * Hessian of f at x by central differences with steps hᵢ = 1e-4 · |xᵢ| (relative, so positive parameters stay
 * positive): Hᵢᵢ = (f(x+hᵢ) − 2f(x) + f(x−hᵢ)) / hᵢ², Hᵢⱼ = (f(++) − f(+−) − f(−+) + f(−−)) / (4 hᵢ hⱼ).
 */
export function numericalHessian(f: (x: Float64Array) => number, x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const h = Array.from(x, (v) => 1e-4 * Math.max(Math.abs(v), 1e-8));
  const p = Float64Array.from(x);
  const at = (i: number, di: number, j: number, dj: number) => {
    p[i] += di;
    p[j] += dj;
    const v = f(p);
    p[i] -= di;
    p[j] -= dj;
    return v;
  };
  const f0 = f(p);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = (at(i, h[i], i, 0) - 2 * f0 + at(i, -h[i], i, 0)) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const v =
        (at(i, h[i], j, h[j]) - at(i, h[i], j, -h[j]) - at(i, -h[i], j, h[j]) + at(i, -h[i], j, -h[j])) /
        (4 * h[i] * h[j]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/**
 * Hessian from an analytic gradient by central differences, Hᵢⱼ = (∂ᵢf(x+hⱼ) − ∂ᵢf(x−hⱼ)) / (2hⱼ) with
 * hⱼ = 1e-5 · |xⱼ|, symmetrised: 2n gradient evaluations instead of 2n² + 1 function values.
 */
export function hessianFromGradient(
  gradient: (x: Float64Array, grad: Float64Array) => void,
  x: ArrayLike<number>,
): Float64Array {
  const n = x.length;
  const p = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const h = 1e-5 * Math.max(Math.abs(x[j]), 1e-8);
    p[j] = x[j] + h;
    gradient(p, up);
    p[j] = x[j] - h;
    gradient(p, down);
    p[j] = x[j];
    for (let i = 0; i < n; i++) out[i * n + j] = (up[i] - down[i]) / (2 * h);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (out[i * n + j] + out[j * n + i]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out;
}

/**
 * Standard errors sqrt(diag(H⁻¹)) from the Hessian of the negative log-likelihood (the observed information).
 * A Hessian that is not positive definite gives NaN errors and ok = false.
 */
export function standardErrors(hessian: Float64Array, n: number): { stdErrors: Float64Array; ok: boolean } {
  const l = choleskyFactor(hessian, n);
  const stdErrors = new Float64Array(n).fill(NaN);
  if (l === null) return { stdErrors, ok: false };
  // diag(H⁻¹)ᵢ = ‖L⁻¹ eᵢ‖²; solve L u = eᵢ for every i.
  const u = new Float64Array(n);
  for (let col = 0; col < n; col++) {
    let ss = 0;
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= l[i * n + k] * u[k];
      u[i] = sum / l[i * n + i];
    }
    for (let i = col; i < n; i++) ss += u[i] * u[i];
    stdErrors[col] = Math.sqrt(ss);
  }
  return { stdErrors, ok: stdErrors.every(Number.isFinite) };
}

/**
 * Covariance of the log-parameters θ = ln p from the Hessian H_p of the negative log-likelihood in the natural
 * parameters p. By the chain rule H_θ = D H_p D + diag(∇_p f · p) with D = diag(p); at the optimum the gradient
 * term is ~0 and is left out, so H_θ = D H_p D and Σ_θ = H_θ⁻¹ = D⁻¹ H_p⁻¹ D⁻¹, i.e. (Σ_θ)ᵢⱼ = (H_p⁻¹)ᵢⱼ / (pᵢ pⱼ).
 * Null when H_p is not positive definite (then the asymptotic normal does not exist).
 */
export function logCovariance(hessian: Float64Array, params: ArrayLike<number>): Float64Array | null {
  const n = params.length;
  const l = choleskyFactor(hessian, n);
  if (l === null) return null;
  // H⁻¹ = L⁻ᵀ L⁻¹: invert L column by column, then multiply.
  const inv = new Float64Array(n * n);
  for (let col = 0; col < n; col++)
    for (let i = col; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= l[i * n + k] * inv[k * n + col];
      inv[i * n + col] = sum / l[i * n + i];
    }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += inv[k * n + i] * inv[k * n + j];
      const v = sum / (params[i] * params[j]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out.every(Number.isFinite) ? out : null;
}

/** A negative log-likelihood in natural (positive) parameters; fills `grad` with ∂/∂pᵢ if it can. */
export type PositiveObjective = (params: Float64Array, grad: Float64Array | null) => number;

export interface PositiveFit {
  /** Maximum-likelihood estimates (natural scale). */
  params: Float64Array;
  /** Minimum of the negative log-likelihood. */
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** sqrt(diag(H⁻¹)) from the numerical Hessian in the natural parameters; NaN when H is not positive definite. */
  stdErrors: Float64Array;
  hessianOk: boolean;
  /** Covariance of θ = ln p (row-major n × n), the inverse of D H_p D (see `logCovariance`); null if H_p is not positive definite. */
  logCovariance: Float64Array | null;
}

/**
 * Maximum likelihood for strictly positive parameters: minimises nll over θ = ln p (so no bounds are needed),
 * then the numerical Hessian in p (central differences of the analytic gradient if there is one, of nll
 * otherwise) gives standard errors and the covariance of the log-parameters. `starts` are in natural units.
 */
export function fitPositive(
  nll: PositiveObjective,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions = {},
): PositiveFit {
  const n = starts[0].length;
  const p = new Float64Array(n);
  const gp = new Float64Array(n);
  const objective: Objective = (theta, grad) => {
    for (let i = 0; i < n; i++) p[i] = Math.exp(theta[i]);
    const v = nll(p, grad && gp);
    if (grad) for (let i = 0; i < n; i++) grad[i] = gp[i] * p[i];
    return v;
  };
  const logStarts = starts.map((s) => s.map(Math.log));
  const best = minimize(objective, logStarts, options);
  const params = best.params.map(Math.exp);
  const hessian = options.analyticGradient
    ? hessianFromGradient((q, g) => nll(q, g), params)
    : numericalHessian((q) => nll(q, null), params);
  const { stdErrors, ok } = standardErrors(hessian, n);
  return {
    params,
    value: best.value,
    iterations: best.iterations,
    evaluations: best.evaluations + (options.analyticGradient ? 2 * n : 2 * n * n + 1),
    converged: best.converged,
    stdErrors,
    hessianOk: ok,
    logCovariance: ok ? logCovariance(hessian, params) : null,
  };
}
