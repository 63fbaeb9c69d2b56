// Seeded simulator of BG/NBD and MBG/NBD customers with Gamma-Gamma spend, for the recovery and performance tests.
import type { Occasions } from '../../../src/analytics/btyd/summary';
import { mulberry32, Random } from '../../../src/analytics/random';

export { mulberry32 };

/** The forecast intervals' samplers (src/analytics/random.ts), drawing from the given uniform generator. */
export class Sampler extends Random {
  constructor(override readonly uniform: () => number) {
    super(0);
  }
}

export interface SimulationSettings {
  customers: number;
  seed: number;
  /** BG/NBD parameters with α per week. */
  r: number;
  alpha: number;
  a: number;
  b: number;
  /** Gamma-Gamma spend parameters. */
  p: number;
  q: number;
  gamma: number;
  startDay: number;
  /** First purchases spread uniformly over this many days from startDay. */
  birthDays: number;
  /** Last day of the data (inclusive). */
  endDay: number;
  /** Clock ticks ("days" of the output) per week: 7 by default; finer ticks make same-tick merges negligible. */
  ticksPerWeek?: number;
}

/**
 * Simulates BG/NBD customers: λ ~ Gamma(r, α) per week, p ~ Beta(a, b); the first purchase on the birth day,
 * then Poisson repeat purchases while alive, the customer dropping out with probability p after each repeat
 * purchase. Purchases on the same day are one occasion (values summed). Each transaction's value is
 * Gamma(p, ν) with ν ~ Gamma(q, γ) per customer.
 */
export function simulateBgNbd(s: SimulationSettings): Occasions {
  return simulate(s, false);
}

/**
 * Simulates MBG/NBD customers (Batislam et al. 2007): as simulateBgNbd, but the customer drops out with
 * probability p at every purchase including the first, so some never return after their first purchase.
 */
export function simulateMbgNbd(s: SimulationSettings): Occasions {
  return simulate(s, true);
}

function simulate(s: SimulationSettings, dropAtFirst: boolean): Occasions {
  const rng = new Sampler(mulberry32(s.seed));
  const customer: number[] = [];
  const day: number[] = [];
  const value: number[] = [];
  const ticks = s.ticksPerWeek ?? 7;
  for (let c = 0; c < s.customers; c++) {
    const birth = s.startDay + Math.floor(rng.open() * s.birthDays - 1e-12);
    const lambda = rng.gamma(s.r) / s.alpha;
    const dropout = rng.beta(s.a, s.b);
    const nu = rng.gamma(s.q) / s.gamma;
    const spend = () => rng.gamma(s.p) / nu;
    customer.push(c);
    day.push(birth);
    value.push(spend());
    let t = 0;
    if (dropAtFirst && rng.uniform() < dropout) continue;
    for (;;) {
      t += rng.exponential(lambda);
      const d = birth + Math.floor(t * ticks);
      if (d > s.endDay) break;
      if (d === day[day.length - 1]) value[value.length - 1] += spend();
      else {
        customer.push(c);
        day.push(d);
        value.push(spend());
      }
      if (rng.uniform() < dropout) break;
    }
  }
  return { customer: Int32Array.from(customer), day: Int32Array.from(day), value: Float64Array.from(value) };
}

export interface ParetoNbdSimulation {
  customers: number;
  seed: number;
  /** Pareto/NBD parameters with α and β per week. */
  r: number;
  alpha: number;
  s: number;
  beta: number;
  startDay: number;
  /** First purchases spread uniformly over this many ticks from startDay. */
  birthDays: number;
  /** Last tick of the data (inclusive). */
  endDay: number;
  /** Clock ticks per week (7 by default). */
  ticksPerWeek?: number;
}

/**
 * Simulates Pareto/NBD customers (no spend): λ ~ Gamma(r, α) and μ ~ Gamma(s, β) per week; the first purchase at
 * birth, then Poisson(λ) repeat purchases until the exponential lifetime with rate μ ends. Purchases on the same tick
 * are one occasion.
 */
export function simulateParetoNbd(s: ParetoNbdSimulation): Occasions {
  const rng = new Sampler(mulberry32(s.seed));
  const customer: number[] = [];
  const day: number[] = [];
  const ticks = s.ticksPerWeek ?? 7;
  for (let c = 0; c < s.customers; c++) {
    const birth = s.startDay + Math.floor(rng.open() * s.birthDays - 1e-12);
    const lambda = rng.gamma(s.r) / s.alpha;
    const lifetime = rng.exponential(rng.gamma(s.s) / s.beta);
    customer.push(c);
    day.push(birth);
    let t = 0;
    for (;;) {
      t += rng.exponential(lambda);
      const d = birth + Math.floor(t * ticks);
      if (t > lifetime || d > s.endDay) break;
      if (d !== day[day.length - 1]) {
        customer.push(c);
        day.push(d);
      }
    }
  }
  return { customer: Int32Array.from(customer), day: Int32Array.from(day), value: null };
}
