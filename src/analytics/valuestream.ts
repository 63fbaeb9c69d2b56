/**
 * The figures of a value stream map of the customer journey (pure: no DOM, no I/O; computed in the worker,
 * src/worker/handlers/valuestream.ts).
 *
 * Each step of the journey is rated by time, cost and value contribution, so that bottlenecks and waste become
 * visible. Times: `waitDays` is the queue in front of a step (before it starts), `processHours` the time the step
 * itself takes; 1 day = 24 h. Steps run one after another in array order.
 *
 * Bad input: a form may hold anything, so every number that is negative or not finite (NaN, ±Infinity, or not a
 * number at all) counts as 0 in every figure (`cleanNumber`). The structure of a map (phases, ratings, a step, its
 * validation, the template) lives in src/shared/valuestream.ts.
 */
import { cleanNumber, PHASES, phaseIndex, type Phase, type VsmStep } from '../shared/valuestream';

// Storage names the step's type through here.
export type { Phase, ValueRating, VsmStep } from '../shared/valuestream';

export const HOURS_PER_DAY = 24;
/** The window after the customer clock starts in which handoffs are counted (`handoffsFirst90Days`). */
export const CUSTOMER_WINDOW_DAYS = 90;
/** The first phase in which the journey is with a customer (after the first order). */
const CUSTOMER_PHASE = PHASES.indexOf('delivery');
/** Tolerance for comparing sums of day fractions (e.g. 0.1 + 0.2) against a boundary. */
const EPS = 1e-9;

export interface PhaseFigures {
  leadTimeDays: number;
  steps: number;
}

export interface ValueStreamFigures {
  /** Σ (waitDays + processHours / 24). */
  leadTimeDays: number;
  /** Σ processHours / 24. */
  processDays: number;
  /** Σ waitDays. */
  waitDays: number;
  /** Process days of value-adding steps / lead time; null when the lead time is 0. */
  valueAddedRatio: number | null;
  /** Σ costPerCustomer. */
  costPerCustomer: number;
  /** Day (from the start of the journey) at which step i starts being processed, i.e. after its wait. */
  stepStartDays: number[];
  /** Day at which step i ends. */
  stepEndDays: number[];
  /**
   * Start of the customer clock: the moment the wait of the first step in phase delivery or later begins (= the end
   * of the step before it, i.e. when the first order is done); 0 when there is no such step.
   */
  customerStartDay: number;
  /**
   * Steps with a handoff whose end lies in [customerStartDay, customerStartDay + 90] (both ends inclusive).
   */
  handoffsFirst90Days: number;
  handoffsTotal: number;
  /** From customerStartDay to the end of the first value-adding step in phase delivery or later; null if none. */
  timeToValueDays: number | null;
  /** The step with the longest wait (first one on ties); null when there are no steps or all waits are 0. */
  bottleneck: { index: number; waitDays: number } | null;
  /** Indices of the steps rated waste. */
  wasteSteps: number[];
  /** Lead time and step count per phase (all phases present, 0 when empty). */
  byPhase: Record<Phase, PhaseFigures>;
}

export function valueStreamFigures(steps: readonly VsmStep[]): ValueStreamFigures {
  const stepStartDays: number[] = [];
  const stepEndDays: number[] = [];
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, { leadTimeDays: 0, steps: 0 }])) as Record<
    Phase,
    PhaseFigures
  >;
  let t = 0;
  let processDays = 0;
  let waitDays = 0;
  let valueAddedDays = 0;
  let costPerCustomer = 0;
  let handoffsTotal = 0;
  let customerStep = -1;
  let bottleneck: ValueStreamFigures['bottleneck'] = null;
  const wasteSteps: number[] = [];

  steps.forEach((s, i) => {
    const wait = cleanNumber(s.waitDays);
    const process = cleanNumber(s.processHours) / HOURS_PER_DAY;
    const start = t + wait;
    const end = start + process;
    stepStartDays.push(start);
    stepEndDays.push(end);
    t = end;

    processDays += process;
    waitDays += wait;
    costPerCustomer += cleanNumber(s.costPerCustomer);
    if (s.rating === 'valueAdding') valueAddedDays += process;
    if (s.rating === 'waste') wasteSteps.push(i);
    if (s.handoff === true) handoffsTotal++;
    if (wait > 0 && (bottleneck === null || wait > bottleneck.waitDays))
      bottleneck = { index: i, waitDays: wait };
    const pi = phaseIndex(s.phase);
    if (pi >= 0) {
      byPhase[PHASES[pi]].leadTimeDays += wait + process;
      byPhase[PHASES[pi]].steps++;
    }
    if (customerStep < 0 && pi >= CUSTOMER_PHASE) customerStep = i;
  });

  const leadTimeDays = t;
  const customerStartDay = customerStep < 0 ? 0 : customerStep === 0 ? 0 : stepEndDays[customerStep - 1];

  let handoffsFirst90Days = 0;
  steps.forEach((s, i) => {
    if (s.handoff !== true) return;
    const since = stepEndDays[i] - customerStartDay;
    if (since >= -EPS && since <= CUSTOMER_WINDOW_DAYS + EPS) handoffsFirst90Days++;
  });

  let timeToValueDays: number | null = null;
  if (customerStep >= 0) {
    for (let i = customerStep; i < steps.length; i++) {
      if (steps[i].rating === 'valueAdding' && phaseIndex(steps[i].phase) >= CUSTOMER_PHASE) {
        timeToValueDays = stepEndDays[i] - customerStartDay;
        break;
      }
    }
  }

  return {
    leadTimeDays,
    processDays,
    waitDays,
    valueAddedRatio: leadTimeDays > 0 ? valueAddedDays / leadTimeDays : null,
    costPerCustomer,
    stepStartDays,
    stepEndDays,
    customerStartDay,
    handoffsFirst90Days,
    handoffsTotal,
    timeToValueDays,
    bottleneck,
    wasteSteps,
    byPhase,
  };
}
