/**
 * Forecast intervals (METRICS.md, "Intervals (forecast uncertainty)"). S seeded draws of the log-parameters from
 * N(θ̂, Σ), Σ the inverse Hessian of −LL in θ = ln p at the optimum (optimize.ts, `logCovariance`), for the purchase
 * model and, for CLV, the Gamma-Gamma spend model.
 *
 * - Per customer (`customerBands`): P(alive), expected purchases and CLV computed under each draw; the bands are
 *   percentiles over the draws (parameter uncertainty only).
 * - Totals per group and over all customers (`intervals`): each draw's total is the sum of the customers' expected
 *   figures under the draw plus the randomness of purchasing. Summing S × customers simulated futures would take
 *   seconds for 100k customers, so the purchasing randomness enters through the central limit theorem: given the
 *   parameters, customers are independent, and a group's simulated total is normal with the summed variance of its
 *   customers' simulated futures. That variance comes from the model's posterior predictive (`simulateAlive`: alive
 *   or not from P(alive), the purchases of a living customer from the posterior of its rate and dropout, the spend
 *   per purchase from the Gamma-Gamma posterior), simulated per (x, T) pair at the estimates.
 * - CLV under a draw keeps the fit's discount profile: the discounted expected purchases of a pair scale with its
 *   expected purchases over the horizon (D(θ) = D(θ̂) · E_H(θ) / E_H(θ̂)).
 * - Small bases evaluate every draw exactly. When (triples + pairs × lengths) × S exceeds `exactBudget`, each
 *   group's totals under a draw come from their first-order expansion in the log-parameters (slopes by forward
 *   differences at the estimates: n + 3 evaluations instead of S), which is accurate where it is used: large bases
 *   have small parameter errors. A fit with a log-parameter whose standard error exceeds `LINEARISATION_MAX_SD`
 *   (purchase or spend model; for example a weakly identified Pareto/NBD dropout) evaluates every draw exactly
 *   whatever the budget. Per-customer bands are always exact (they are computed for a few rows at a time).
 *
 * Everything runs on the compressed triples (per triple, per (x, T) pair, per (triple, group) entry), not per
 * customer.
 */
import type { Band, ForecastIntervals, HoldoutInterval, IntervalFailureCode } from '../../shared/intervals';
import { Random, choleskyFactor, normalDraws, quantileSorted } from '../random';
import { bgnbdModel, type BgNbdParams } from './bgnbd';
import { DAYS_PER_MONTH, discountedOccasionsByTriple } from './clv';
import type { GammaGammaParams } from './gammagamma';
import { mbgnbdModel, type MbgNbdParams } from './mbgnbd';
import type { BtydModel, ModelName } from './model';
import { paretoNbdModel, type ParetoNbdParams } from './paretonbd';
import type { ForecastSuccess } from './fit';
import type { CalibrationSummary, Triples } from './summary';

/** What the intervals need of a purchase model besides its predictions. */
export interface IntervalModel<P> {
  model: BtydModel<P>;
  /** Parameter names in the order of the fit's log-covariance. */
  keys: readonly (keyof P & string)[];
  /**
   * The purchases in (T, T + t] of one customer known to be alive at T with x repeat purchases, drawn from the
   * model's posterior predictive at parameters p.
   */
  simulateAlive(p: P, x: number, T: number, t: number, random: Random): number;
  /**
   * One simulated future of a customer alive at T: its cumulative purchases in (T, T + t] for each of the ascending
   * lengths, written to `out` (one path, so the counts are nested).
   */
  simulatePath(
    p: P,
    x: number,
    T: number,
    lengths: ArrayLike<number>,
    random: Random,
    out: Float64Array,
  ): void;
}

/**
 * BG/NBD-type process of a living customer with rate λ ~ Gamma(r + x, α + T) and dropout chance p ~ Beta(a, b + x + shift)
 * at each purchase: the purchases in (0, t] are min(N(t), G), N a Poisson(λ) process and G ~ Geometric(p) the
 * purchase after which the customer drops out.
 */
function bgnbdLike(shift: 0 | 1) {
  return {
    simulateAlive(p: BgNbdParams, x: number, T: number, t: number, random: Random): number {
      const lambda = random.gamma(p.r + x) / (p.alpha + T);
      const events = random.poisson(lambda * t);
      if (events === 0) return 0;
      return Math.min(events, random.geometric(random.beta(p.a, p.b + x + shift)));
    },
    simulatePath(
      p: BgNbdParams,
      x: number,
      T: number,
      lengths: ArrayLike<number>,
      random: Random,
      out: Float64Array,
    ): void {
      const lambda = random.gamma(p.r + x) / (p.alpha + T);
      let events = 0;
      let last = 0;
      let dropAfter = -1;
      for (let h = 0; h < lengths.length; h++) {
        events += random.poisson(lambda * (lengths[h] - last));
        last = lengths[h];
        if (events > 0 && dropAfter < 0) dropAfter = random.geometric(random.beta(p.a, p.b + x + shift));
        out[h] = events > 0 ? Math.min(events, dropAfter) : 0;
      }
    },
  };
}

/** BG/NBD: λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x) given alive at T. */
const bgnbdIntervals: IntervalModel<BgNbdParams> = {
  model: bgnbdModel,
  keys: ['r', 'alpha', 'a', 'b'],
  ...bgnbdLike(0),
};

/**
 * MBG/NBD: BG/NBD's process, but a customer alive at T has survived x + 1 dropout chances (one at every purchase,
 * the first included), so p ~ Beta(a, b + x + 1); P(alive) is MBG/NBD's (below 1 also for x = 0).
 */
const mbgnbdIntervals: IntervalModel<MbgNbdParams> = {
  model: mbgnbdModel,
  keys: ['r', 'alpha', 'a', 'b'],
  ...bgnbdLike(1),
};

/**
 * Pareto/NBD: λ ~ Gamma(r + x, α + T) and, given survival to T, the dropout rate μ ~ Gamma(s, β + T) (the purchases
 * carry no information on μ beyond the survival); the remaining lifetime is Exponential(μ) and the purchases
 * Poisson(λ · min(t, lifetime)).
 */
const paretoNbdIntervals: IntervalModel<ParetoNbdParams> = {
  model: paretoNbdModel,
  keys: ['r', 'alpha', 's', 'beta'],
  simulateAlive(p, x, T, t, random) {
    const lambda = random.gamma(p.r + x) / (p.alpha + T);
    const mu = random.gamma(p.s) / (p.beta + T);
    return random.poisson(lambda * Math.min(t, random.exponential(mu)));
  },
  simulatePath(p, x, T, lengths, random, out) {
    const lambda = random.gamma(p.r + x) / (p.alpha + T);
    const lifetime = random.exponential(random.gamma(p.s) / (p.beta + T));
    let events = 0;
    let last = 0;
    for (let h = 0; h < lengths.length; h++) {
      const until = Math.min(lengths[h], lifetime);
      if (until > last) {
        events += random.poisson(lambda * (until - last));
        last = until;
      }
      out[h] = events;
    }
  },
};

/** The posterior predictive of each model, by model name. Adding a model is one entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const INTERVAL_MODELS: Partial<Record<ModelName, IntervalModel<any>>> = {
  bgnbd: bgnbdIntervals,
  paretonbd: paretoNbdIntervals,
  mbgnbd: mbgnbdIntervals,
};

export interface SpendInput {
  params: GammaGammaParams;
  logCovariance: Float64Array | null | undefined;
  /** Per customer (summary order): repeat purchases and mean repeat value (NaN where undefined). */
  x: ArrayLike<number>;
  m: ArrayLike<number>;
}

export interface ClvInput {
  spend: SpendInput;
  marginRate: number;
  monthlyDiscount: number;
  /** Days per time unit of the fit. */
  unitDays: number;
  months: readonly number[];
  /**
   * Optional: the point forecast's discounted expected purchases per customer (P(alive) included), one array per
   * horizon in `months` order, as `fitForecast` computes them; saves recomputing the discount sums.
   */
  discounted?: readonly Float64Array[];
}

export interface IntervalInput {
  model: ModelName;
  params: Record<string, number>;
  logCovariance: Float64Array | null | undefined;
  triples: Triples;
  /** Lengths in the fit's unit (e.g. a holdout period) for intervals on the expected purchases. */
  lengths: readonly number[];
  /** CLV horizons; their expected purchases get intervals too. */
  clv?: ClvInput;
  /** Group of each customer (summary order; −1 = none) and the number of groups. */
  groupOf?: Int32Array;
  groups?: number;
  /** Draws S (default 200) and seed (default 1). */
  draws?: number;
  seed?: number;
  /** Largest (triples + pairs × lengths) × S for exact evaluation of every draw (default 2e6). */
  exactBudget?: number;
  /**
   * Largest customers × S for which the totals are the sums of every customer's simulated future under each draw
   * (default `SIMULATION_BUDGET`); beyond it, the normal approximation.
   */
  simulationBudget?: number;
}

/** A group's bands: mean P(alive), expected purchases per length, CLV per horizon (null without spend intervals). */
export interface TotalBands {
  customers: number;
  meanPAlive: Band;
  expected: Band[];
  clv: Band[] | null;
}

export interface CustomerBands {
  pAlive: Band;
  expected: Band[];
  clv: Band[] | null;
}

export interface IntervalSuccess {
  ok: true;
  draws: number;
  seed: number;
  method: 'exact' | 'linearised';
  /**
   * How the totals' purchasing randomness enters: `simulated` (every customer's future simulated under each draw and
   * summed) or `normal` (the draw's expected total plus a normal term, for bases beyond the simulation budget).
   */
  totals: 'simulated' | 'normal';
  /** Expected-purchase lengths (the input's, then the CLV horizons'), in the fit's unit. */
  lengths: number[];
  months: number[];
  clvFailure: IntervalFailureCode | null;
  total: TotalBands;
  groups: TotalBands[];
  /** Per-customer bands of the customers at these indices (summary order); exact under each draw. */
  customerBands(indices: ArrayLike<number>): CustomerBands[];
}

export type IntervalResult = IntervalSuccess | { ok: false; code: IntervalFailureCode };

/**
 * Largest customers × draws for which the totals simulate every customer's future under each draw (METRICS): 1 million,
 * every base up to 5,000 customers at 200 draws (about 0.5 s). Larger bases use the normal approximation, which is
 * accurate there (docs/forecast-intervals.md).
 */
export const SIMULATION_BUDGET = 1e6;

/**
 * Largest standard error of a log-parameter (purchase or spend model) for which the totals may use the first-order
 * expansion. The expansion replaces a figure's dependence on e^θ by a straight line, whose relative error at a draw
 * δ away is about δ²/2: under 0.1 up to δ ≈ 0.45, and at sd 0.5 the 90 % band's ends (δ = 1.645 sd) carry about a
 * third. The bound is where the expansion's coverage is checked: the BG/NBD first-order variant of the coverage test
 * (test/unit/btyd/coverage.test.ts) holds 85–95 % over fits whose largest log-parameter sd has median 0.39 and
 * 90th percentile 0.49. Beyond it (a Pareto/NBD or MBG/NBD dropout that the data barely identify, with sd above 1 in
 * the worst cases) every draw is evaluated exactly, which costs time but not accuracy.
 */
export const LINEARISATION_MAX_SD = 0.5;

/** Largest standard deviation on the diagonal of an n × n covariance (row-major); Infinity if one is not finite. */
export function largestSd(cov: ArrayLike<number> | null | undefined, n: number): number {
  if (!cov) return 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = cov[i * n + i];
    if (!Number.isFinite(v)) return Infinity;
    m = Math.max(m, Math.sqrt(Math.max(0, v)));
  }
  return m;
}

/** Percentile band of values (sorted in place). */
export function band(values: Float64Array): Band {
  values.sort();
  return {
    low95: quantileSorted(values, 0.025),
    low90: quantileSorted(values, 0.05),
    low80: quantileSorted(values, 0.1),
    median: quantileSorted(values, 0.5),
    high80: quantileSorted(values, 0.9),
    high90: quantileSorted(values, 0.95),
    high95: quantileSorted(values, 0.975),
  };
}

const named = (keys: readonly string[], v: ArrayLike<number>, offset = 0) =>
  Object.fromEntries(keys.map((k, i) => [k, Math.exp(v[offset + i])]));

/** Spend draws (log scale) with a finite mean spend (q > 1); null when too many draws have none. */
function spendDraws(spend: SpendInput, count: number, random: Random): Float64Array | null {
  const theta = [spend.params.p, spend.params.q, spend.params.gamma].map(Math.log);
  const l = spend.logCovariance ? choleskyFactor(spend.logCovariance, 3) : null;
  if (!l) return null;
  const out = new Float64Array(count * 3);
  let filled = 0;
  for (let attempt = 0; attempt < 20 * count && filled < count; attempt++) {
    const d = normalDraws(theta, l, 1, random);
    if (Math.exp(d[1]) > 1) out.set(d, 3 * filled++);
  }
  return filled === count ? out : null;
}

/** Expected spend per purchase (Gamma-Gamma) for known (x > 0, m > 0) or unknown customers. */
function spendOf(p: number, q: number, g: number, x: number, m: number): number {
  return x > 0 && m > 0 && Number.isFinite(m) ? (p * (g + m * x)) / (p * x + q - 1) : (p * g) / (q - 1);
}

/** Per (triple, group) entry: customers and the spend sums that make the group's spend a closed form per draw. */
interface Entries {
  triple: Int32Array;
  group: Int32Array;
  weight: Float64Array;
  known: Float64Array;
  sumMX: Float64Array;
}

function entriesOf(tr: Triples, groupOf: Int32Array | undefined, spend: SpendInput | undefined): Entries {
  const key = new Map<number, number>();
  const triple: number[] = [];
  const group: number[] = [];
  const weight: number[] = [];
  const known: number[] = [];
  const sumMX: number[] = [];
  for (let c = 0; c < tr.index.length; c++) {
    const t = tr.index[c];
    const g = groupOf ? groupOf[c] : -1;
    const k = t * 65536 + (g + 1);
    let e = key.get(k);
    if (e === undefined) {
      e = triple.length;
      key.set(k, e);
      triple.push(t);
      group.push(g);
      weight.push(0);
      known.push(0);
      sumMX.push(0);
    }
    weight[e]++;
    if (spend) {
      const x = spend.x[c];
      const m = spend.m[c];
      if (x > 0 && m > 0 && Number.isFinite(m)) {
        known[e]++;
        sumMX[e] += m * x;
      }
    }
  }
  return {
    triple: Int32Array.from(triple),
    group: Int32Array.from(group),
    weight: Float64Array.from(weight),
    known: Float64Array.from(known),
    sumMX: Float64Array.from(sumMX),
  };
}

/** The (x, T) pairs that are some triple's (x, T), and per length E[X(t) | alive at T, x, T] on them. */
function expectedByPair<P>(m: BtydModel<P>, p: P, tr: Triples, used: Int32Array, lengths: number[]) {
  const out = new Float64Array(tr.pairX.length * lengths.length);
  for (const q of used) {
    const x = tr.xLevels[tr.pairX[q]];
    const T = tr.times[tr.pairTime[q]];
    for (let h = 0; h < lengths.length; h++)
      out[q * lengths.length + h] = m.expectedIfAlive(p, lengths[h], x, T);
  }
  return out;
}

function pAliveByTriples<P>(m: BtydModel<P>, p: P, tr: Triples): Float64Array {
  const out = new Float64Array(tr.count);
  for (let i = 0; i < tr.count; i++) out[i] = m.pAlive(p, tr.x[i], tr.tx[i], tr.T[i]);
  return out;
}

/** Variance of the purchases of a living customer per (pair, length), simulated at the estimates. */
function aliveVariance<P>(
  im: IntervalModel<P>,
  p: P,
  tr: Triples,
  used: Int32Array,
  lengths: number[],
  random: Random,
): Float64Array {
  const out = new Float64Array(tr.pairX.length * lengths.length);
  const samples = Math.max(
    4,
    Math.min(1000, Math.floor(100_000 / Math.max(1, used.length * lengths.length))),
  );
  for (const q of used) {
    const x = tr.xLevels[tr.pairX[q]];
    const T = tr.times[tr.pairTime[q]];
    for (let h = 0; h < lengths.length; h++) {
      let s1 = 0;
      let s2 = 0;
      for (let k = 0; k < samples; k++) {
        const v = im.simulateAlive(p, x, T, lengths[h], random);
        s1 += v;
        s2 += v * v;
      }
      out[q * lengths.length + h] = Math.max(0, (s2 - (s1 * s1) / samples) / (samples - 1));
    }
  }
  return out;
}

function usedPairs(tr: Triples): Int32Array {
  const mark = new Uint8Array(tr.pairX.length);
  for (let i = 0; i < tr.count; i++) mark[tr.TPair[i]] = 1;
  const out: number[] = [];
  mark.forEach((v, q) => v && out.push(q));
  return Int32Array.from(out);
}

/**
 * Intervals of a fitted forecast (see the file comment). A purchase fit without a positive-definite Hessian gives
 * `hessianNotPositiveDefinite`; a spend fit without one keeps the purchase intervals and sets `clvFailure`.
 */
export function intervals(input: IntervalInput): IntervalResult {
  const im = INTERVAL_MODELS[input.model];
  if (!im) return { ok: false, code: 'modelWithoutIntervals' };
  const n = im.keys.length;
  const l = input.logCovariance ? choleskyFactor(input.logCovariance, n) : null;
  if (!l) return { ok: false, code: 'hessianNotPositiveDefinite' };
  const S = input.draws ?? 200;
  const seed = input.seed ?? 1;
  const random = new Random(seed);
  const tr = input.triples;
  const theta = Float64Array.from(im.keys, (k) => Math.log(input.params[k]));
  const draws = normalDraws(theta, l, S, random);
  const clv = input.clv;
  const month = clv ? DAYS_PER_MONTH / clv.unitDays : 0;
  const months = clv ? [...clv.months] : [];
  const lengths = [...input.lengths, ...months.map((mo) => mo * month)];
  const L = lengths.length;
  const spendDrawn = clv ? spendDraws(clv.spend, S, random) : null;
  const clvFailure: IntervalFailureCode | null = !clv
    ? null
    : !clv.spend.logCovariance || !choleskyFactor(clv.spend.logCovariance, 3)
      ? 'spendHessianNotPositiveDefinite'
      : spendDrawn
        ? null
        : 'spendNoFiniteMean';
  const withClv = clv !== undefined && spendDrawn !== null;

  const used = usedPairs(tr);
  const simulate = tr.index.length * S <= (input.simulationBudget ?? SIMULATION_BUDGET);
  // Weakly identified parameters: exact draws, never the first-order expansion (`LINEARISATION_MAX_SD`).
  const weak =
    Math.max(largestSd(input.logCovariance, n), withClv ? largestSd(clv.spend.logCovariance, 3) : 0) >
    LINEARISATION_MAX_SD;
  const exact = simulate || weak || (tr.count + used.length * L) * S <= (input.exactBudget ?? 2e6);
  const evaluate = (v: ArrayLike<number>) => {
    const p = named(im.keys, v);
    return { pa: pAliveByTriples(im.model, p, tr), e: expectedByPair(im.model, p, tr, used, lengths) };
  };
  const p0 = named(im.keys, theta);
  const pa0 = pAliveByTriples(im.model, p0, tr);
  const e0 = expectedByPair(im.model, p0, tr, used, lengths);
  // Discounted expected purchases of a living customer per pair and CLV horizon, at the estimates.
  const disc = months.map((mo, k) => {
    const given = clv!.discounted?.[k];
    if (given) {
      const byPair = new Float64Array(tr.pairX.length);
      for (let c = 0; c < tr.index.length; c++) {
        const t = tr.index[c];
        if (pa0[t] > 0) byPair[tr.TPair[t]] = given[c] / pa0[t];
      }
      return byPair;
    }
    const byTriple = discountedOccasionsByTriple(
      im.model,
      p0,
      tr,
      { unitDays: clv!.unitDays, horizonMonths: mo, monthlyDiscount: clv!.monthlyDiscount },
      new Float64Array(tr.count).fill(1),
    );
    const byPair = new Float64Array(tr.pairX.length);
    for (let i = 0; i < tr.count; i++) byPair[tr.TPair[i]] = byTriple[i];
    return byPair;
  });

  const G = input.groups ?? 0;
  const entries = entriesOf(tr, input.groupOf, clv?.spend);
  const E = entries.triple.length;
  // Per draw: [group 0 … G−1, total] × (pAlive sum, expected per length, CLV per horizon).
  const figures = 1 + L + months.length;
  const slots = G + 1;
  const values = new Float64Array(S * slots * figures);
  const customers = new Float64Array(slots);
  for (let e = 0; e < E; e++) {
    customers[G] += entries.weight[e];
    if (entries.group[e] >= 0) customers[entries.group[e]] += entries.weight[e];
  }
  const margin = clv?.marginRate ?? 1;
  const C = months.length;
  const first = input.lengths.length;
  const clvPair = new Float64Array(tr.pairX.length * C);
  const totalOff = G * figures;
  /** Every slot's figures (Σ P(alive), Σ expected per length, Σ CLV per horizon) at P(alive) pa, E ex, spend sp. */
  const groupTotals = (
    pa: Float64Array,
    ex: Float64Array,
    sp: ArrayLike<number> | null,
    acc: Float64Array,
  ) => {
    const pp = sp ? Math.exp(sp[0]) : 0;
    const qq = sp ? Math.exp(sp[1]) : 0;
    const gg = sp ? Math.exp(sp[2]) : 0;
    if (sp)
      for (const q of used)
        for (let c = 0; c < C; c++) {
          const j = q * L + first + c;
          // The fit's discount profile, scaled with the draw's expected purchases over the horizon.
          clvPair[q * C + c] = e0[j] > 0 ? (margin * disc[c][q] * ex[j]) / e0[j] : 0;
        }
    acc.fill(0);
    for (let e = 0; e < E; e++) {
      const t = entries.triple[e];
      const g = entries.group[e];
      const w = entries.weight[e];
      const q = tr.TPair[t];
      const a = pa[t];
      const wa = w * a;
      const gOff = g >= 0 ? g * figures : -1;
      acc[totalOff] += wa;
      if (gOff >= 0) acc[gOff] += wa;
      for (let h = 0; h < L; h++) {
        const v = wa * ex[q * L + h];
        acc[totalOff + 1 + h] += v;
        if (gOff >= 0) acc[gOff + 1 + h] += v;
      }
      if (sp) {
        const known = entries.known[e];
        const spendSum =
          (pp * (known * gg + entries.sumMX[e])) / (pp * tr.x[t] + qq - 1) +
          ((w - known) * pp * gg) / (qq - 1);
        for (let c = 0; c < C; c++) {
          const v = spendSum * a * clvPair[q * C + c];
          acc[totalOff + 1 + L + c] += v;
          if (gOff >= 0) acc[gOff + 1 + L + c] += v;
        }
      }
    }
    return acc;
  };
  const spendAt = (s: number) => (withClv ? spendDrawn!.subarray(3 * s, 3 * s + 3) : null);
  const width = slots * figures;
  if (simulate) {
    // Every customer's future under each draw: alive or not from the draw's P(alive), then one simulated path of its
    // purchases over the (ascending) lengths, then the spend of those purchases from the draw's Gamma-Gamma posterior.
    const order = lengths.map((_, h) => h).sort((i, j) => lengths[i] - lengths[j]);
    const sorted = Float64Array.from(order, (h) => lengths[h]);
    const path = new Float64Array(L);
    const count = new Float64Array(L);
    const horizonOrder = months.map((_, k) => k).sort((i, j) => months[i] - months[j]);
    // Discount per purchase of a living customer per pair and horizon (the fit's discount profile).
    const perPurchase = new Float64Array(tr.pairX.length * C);
    for (const q of used)
      for (let k = 0; k < C; k++) {
        const j = q * L + first + k;
        perPurchase[q * C + k] = e0[j] > 0 ? (margin * disc[k][q]) / e0[j] : 0;
      }
    const groupOf = input.groupOf;
    for (let s = 0; s < S; s++) {
      const p = named(im.keys, draws.subarray(s * n, s * n + n));
      const pa = pAliveByTriples(im.model, p, tr);
      const sp = spendAt(s);
      const pp = sp ? Math.exp(sp[0]) : 0;
      const qq = sp ? Math.exp(sp[1]) : 0;
      const gg = sp ? Math.exp(sp[2]) : 0;
      const acc = values.subarray(s * width, (s + 1) * width);
      for (let c = 0; c < tr.index.length; c++) {
        const t = tr.index[c];
        const g = groupOf ? groupOf[c] : -1;
        const gOff = g >= 0 ? g * figures : -1;
        const a = pa[t];
        acc[totalOff] += a;
        if (gOff >= 0) acc[gOff] += a;
        if (random.uniform() >= a) continue;
        im.simulatePath(p, tr.x[t], tr.T[t], sorted, random, path);
        for (let k = 0; k < L; k++) count[order[k]] = path[k];
        for (let h = 0; h < L; h++) {
          acc[totalOff + 1 + h] += count[h];
          if (gOff >= 0) acc[gOff + 1 + h] += count[h];
        }
        if (!sp) continue;
        const x = clv!.spend.x[c];
        const mm = clv!.spend.m[c];
        const known = x > 0 && mm > 0 && Number.isFinite(mm);
        // ν ~ Gamma(q + p x, γ + m x) (Gamma(q, γ) without a known mean); the spend of k purchases ~ Gamma(p k, ν).
        const nu = known ? random.gamma(qq + pp * x) / (gg + mm * x) : random.gamma(qq) / gg;
        const q = tr.TPair[t];
        let bought = 0;
        let spent = 0;
        for (const k of horizonOrder) {
          const purchases = count[first + k];
          if (purchases > bought) {
            spent += random.gamma(pp * (purchases - bought)) / nu;
            bought = purchases;
          }
          const v = perPurchase[q * C + k] * spent;
          acc[totalOff + 1 + L + k] += v;
          if (gOff >= 0) acc[gOff + 1 + L + k] += v;
        }
      }
    }
  } else if (exact)
    for (let s = 0; s < S; s++) {
      const { pa, e: ex } = evaluate(draws.subarray(s * n, s * n + n));
      groupTotals(pa, ex, spendAt(s), values.subarray(s * width, (s + 1) * width));
    }
  else {
    // First-order expansion of every slot's figures in (θ, ln spend parameters); slopes by forward differences.
    const phi = clv ? [clv.spend.params.p, clv.spend.params.q, clv.spend.params.gamma].map(Math.log) : [];
    const sp0 = withClv ? Float64Array.from(phi) : null;
    const base = groupTotals(pa0, e0, sp0, new Float64Array(width));
    const dims = n + (withClv ? 3 : 0);
    const slope = new Float64Array(dims * width);
    const up = new Float64Array(width);
    const h = 1e-4;
    for (let k = 0; k < dims; k++) {
      if (k < n) {
        const probe = Float64Array.from(theta);
        probe[k] += h;
        const u = evaluate(probe);
        groupTotals(u.pa, u.e, sp0, up);
      } else {
        const probe = Float64Array.from(sp0!);
        probe[k - n] += h;
        groupTotals(pa0, e0, probe, up);
      }
      for (let j = 0; j < width; j++) slope[k * width + j] = (up[j] - base[j]) / h;
    }
    for (let s = 0; s < S; s++) {
      const row = values.subarray(s * width, (s + 1) * width);
      row.set(base);
      for (let k = 0; k < dims; k++) {
        const delta = k < n ? draws[s * n + k] - theta[k] : spendDrawn![3 * s + k - n] - phi[k - n];
        for (let j = 0; j < width; j++) row[j] += slope[k * width + j] * delta;
      }
    }
  }

  // Purchasing randomness: per slot and figure the summed variance of the customers' simulated futures.
  const variance = new Float64Array(slots * figures);
  const aliveVar = simulate ? variance : aliveVariance(im, p0, tr, used, lengths, random);
  const sp0 = clv?.spend.params;
  for (let c = 0; c < (simulate ? 0 : tr.index.length); c++) {
    const t = tr.index[c];
    const q = tr.TPair[t];
    const a = pa0[t];
    const g = input.groupOf ? input.groupOf[c] : -1;
    const add = (f: number, v: number) => {
      variance[G * figures + f] += v;
      if (g >= 0) variance[g * figures + f] += v;
    };
    for (let h = 0; h < L; h++) {
      const m1 = e0[q * L + h];
      const m2 = aliveVar[q * L + h] + m1 * m1;
      add(1 + h, a * m2 - (a * m1) ** 2);
    }
    if (withClv && sp0) {
      const x = clv!.spend.x[c];
      const mm = clv!.spend.m[c];
      const knownM = x > 0 && mm > 0 && Number.isFinite(mm);
      const scale = knownM ? sp0.gamma + mm * x : sp0.gamma;
      const shape = knownM ? sp0.q + sp0.p * x : sp0.q;
      const inv1 = scale / (shape - 1);
      const inv2 = shape > 2 ? (scale * scale) / ((shape - 1) * (shape - 2)) : inv1 * inv1;
      for (let k = 0; k < months.length; k++) {
        const h = input.lengths.length + k;
        const m1 = e0[q * L + h];
        const m2 = aliveVar[q * L + h] + m1 * m1;
        const ratio = m1 > 0 ? disc[k][q] / m1 : 0;
        const mean = a * m1 * sp0.p * inv1;
        const second = a * (sp0.p * m1 + sp0.p * sp0.p * m2) * inv2;
        add(1 + L + k, (margin * ratio) ** 2 * Math.max(0, second - mean * mean));
      }
    }
  }

  const column = new Float64Array(S);
  const bandOf = (slot: number, f: number, noise: boolean) => {
    noise &&= !simulate;
    const sd = noise ? Math.sqrt(variance[slot * figures + f]) : 0;
    for (let s = 0; s < S; s++) {
      const v = values[(s * slots + slot) * figures + f];
      column[s] = noise ? Math.max(0, v + sd * random.normal()) : v;
    }
    return band(column);
  };
  const totalOf = (slot: number): TotalBands => {
    const k = Math.max(customers[slot], 1);
    const meanPAlive = bandOf(slot, 0, false);
    for (const key of Object.keys(meanPAlive) as (keyof Band)[])
      meanPAlive[key] = Math.min(1, Math.max(0, meanPAlive[key] / k));
    return {
      customers: customers[slot],
      meanPAlive,
      expected: lengths.map((_, h) => bandOf(slot, 1 + h, true)),
      clv: withClv ? months.map((_, c) => bandOf(slot, 1 + L + c, true)) : null,
    };
  };

  const drawParams = Array.from({ length: S }, (_, s) => named(im.keys, draws, s * n));
  const drawSpend = Array.from({ length: withClv ? S : 0 }, (_, s) =>
    spendDrawn!.subarray(3 * s, 3 * s + 3).map(Math.exp),
  );
  const customerBands = (indices: ArrayLike<number>): CustomerBands[] =>
    Array.from(indices, (c) => {
      const t = tr.index[c];
      const x = tr.x[t];
      const tx = tr.tx[t];
      const T = tr.T[t];
      const q = tr.TPair[t];
      const pAlive = new Float64Array(S);
      const expected = lengths.map(() => new Float64Array(S));
      const clvs = months.map(() => new Float64Array(S));
      for (let s = 0; s < S; s++) {
        const p = drawParams[s];
        const a = im.model.pAlive(p, x, tx, T);
        pAlive[s] = a;
        for (let h = 0; h < L; h++) expected[h][s] = a * im.model.expectedIfAlive(p, lengths[h], x, T);
        if (withClv) {
          const sp = drawSpend[s];
          const spend = spendOf(sp[0], sp[1], sp[2], clv!.spend.x[c], clv!.spend.m[c]);
          for (let k = 0; k < months.length; k++) {
            const h = input.lengths.length + k;
            const e0h = e0[q * L + h];
            const ratio = e0h > 0 ? expected[h][s] / a / e0h : 0;
            clvs[k][s] = margin * spend * a * disc[k][q] * (a > 0 ? ratio : 0);
          }
        }
      }
      return {
        pAlive: band(pAlive),
        expected: expected.map(band),
        clv: withClv ? clvs.map(band) : null,
      };
    });

  return {
    ok: true,
    draws: S,
    seed,
    method: exact ? 'exact' : 'linearised',
    totals: simulate ? 'simulated' : 'normal',
    lengths,
    months,
    clvFailure,
    total: totalOf(G),
    groups: Array.from({ length: G }, (_, g) => totalOf(g)),
    customerBands,
  };
}

/** A fit's summary and result, as the forecast computation hands them over. */
export interface FittedForecast {
  summary: CalibrationSummary;
  result: ForecastSuccess;
}

/** The fitted purchase model of a forecast as the intervals take it. */
function purchaseModelOf(result: ForecastSuccess) {
  const fit = result.transactions.fit;
  return {
    model: result.transactions.model,
    params: { ...fit.params },
    logCovariance: fit.logCovariance,
    triples: result.triples,
  };
}

/**
 * Interval of the validation's holdout total: the validation fit's totals over the holdout length
 * (end day − calibration end) / unit, the length `holdoutValidation` predicts every customer over. Null without a
 * holdout period.
 */
export function holdoutTotalInterval(fitted: FittedForecast): HoldoutInterval | null {
  const { result } = fitted;
  const holdout = result.holdout;
  if (!holdout) return null;
  const res = intervals({ ...purchaseModelOf(result), lengths: [holdout.length] });
  if (!res.ok) return { ok: false, code: res.code };
  return {
    ok: true,
    holdoutLength: holdout.length,
    predictedTotal: holdout.predictedTotal,
    actualTotal: holdout.actualTotal,
    total: res.total.expected[0],
    draws: res.draws,
    seed: res.seed,
    totals: res.totals,
  };
}

/**
 * The forecast's intervals as they travel to the UI and the report: the totals and each group's (e.g. the RFM
 * segments) at the CLV horizons `months`. `groupOf` is per summary customer (−1: none).
 */
export function forecastIntervals(
  fitted: FittedForecast,
  groupOf: Int32Array,
  groupKeys: readonly string[],
  months: readonly number[],
  settings: { marginRate: number; monthlyDiscount: number },
): { intervals: ForecastIntervals; result: IntervalResult } {
  const t0 = performance.now();
  const { summary, result } = fitted;
  const spend = result.spend?.ok ? result.spend : null;
  const res = intervals({
    ...purchaseModelOf(result),
    // Without a spend model there is no CLV, but the expected purchases still have their horizons.
    lengths: spend ? [] : months.map((mo) => (mo * DAYS_PER_MONTH) / summary.unitDays),
    groupOf,
    groups: groupKeys.length,
    clv: spend
      ? {
          spend: {
            params: spend.fit.params,
            logCovariance: spend.fit.logCovariance,
            x: summary.x,
            m: summary.m,
          },
          marginRate: settings.marginRate,
          monthlyDiscount: settings.monthlyDiscount,
          unitDays: summary.unitDays,
          months,
          discounted: result.horizons.map((h) => h.discountedOccasions),
        }
      : undefined,
  });
  if (!res.ok) return { intervals: { ok: false, code: res.code }, result: res };
  const group = (key: string, b: TotalBands) => ({
    key,
    customers: b.customers,
    meanPAlive: b.meanPAlive,
    horizons: months.map((mo, h) => ({ months: mo, expected: b.expected[h], clv: b.clv?.[h] ?? null })),
  });
  return {
    intervals: {
      ok: true,
      draws: res.draws,
      seed: res.seed,
      method: res.method,
      totals: res.totals,
      clvFailure: res.clvFailure,
      total: group('total', res.total),
      bySegment: res.groups.map((g, i) => ({ ...group(groupKeys[i], g), segment: groupKeys[i] })),
      computeMs: performance.now() - t0,
    },
    result: res,
  };
}
