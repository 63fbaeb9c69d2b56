/**
 * Value stream map of the customer journey (pure: no DOM, no I/O).
 *
 * Each step of the journey is rated by time, cost and value contribution, so that bottlenecks and waste become
 * visible. Times: `waitDays` is the queue in front of a step (before it starts), `processHours` the time the step
 * itself takes; 1 day = 24 h. Steps run one after another in array order.
 *
 * Bad input: a form may hold anything, so every number that is negative or not finite (NaN, ±Infinity, or not a
 * number at all) counts as 0 in every figure. `validateStep` reports such fields so the form can flag them.
 */

export const PHASES = [
  'awareness',
  'consideration',
  'decision',
  'delivery',
  'retention',
  'advocacy',
] as const;
export type Phase = (typeof PHASES)[number];
export const RATINGS = ['valueAdding', 'necessary', 'waste'] as const;
export type ValueRating = (typeof RATINGS)[number];

export interface VsmStep {
  id: string;
  name: string;
  phase: Phase;
  owner: string;
  /** Hours the step itself takes. */
  processHours: number;
  /** Days the customer waits in front of this step (before it starts). */
  waitDays: number;
  costPerCustomer: number;
  rating: ValueRating;
  /** At the end of this step the customer is handed to another person or team. */
  handoff: boolean;
}

export const HOURS_PER_DAY = 24;
/** The window after the customer clock starts in which handoffs are counted (`handoffsFirst90Days`). */
export const CUSTOMER_WINDOW_DAYS = 90;
/** The first phase in which the journey is with a customer (after the first order). */
const CUSTOMER_PHASE = PHASES.indexOf('delivery');
/** Tolerance for comparing sums of day fractions (e.g. 0.1 + 0.2) against a boundary. */
const EPS = 1e-9;

/** A number as the figures use it: negative, non-finite or non-numeric values count as 0. */
export function cleanNumber(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
}

const phaseIndex = (p: unknown): number => PHASES.indexOf(p as Phase);

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

export type TemplateStepId =
  | 'ad'
  | 'productPage'
  | 'salesCall'
  | 'order'
  | 'shipping'
  | 'onboarding'
  | 'support'
  | 'newsletter'
  | 'review';
export type TemplateOwner = 'marketing' | 'sales' | 'logistics' | 'service';

type TemplateRow = [
  id: TemplateStepId,
  phase: Phase,
  owner: TemplateOwner,
  processHours: number,
  waitDays: number,
  costPerCustomer: number,
  rating: ValueRating,
  handoff: boolean,
];
// prettier-ignore
const TEMPLATE: TemplateRow[] = [
  ['ad', 'awareness', 'marketing', 0.25, 0, 12, 'necessary', false],
  ['productPage', 'consideration', 'marketing', 0.5, 1, 2, 'valueAdding', true],
  ['salesCall', 'consideration', 'sales', 1, 3, 25, 'necessary', false],
  ['order', 'decision', 'sales', 0.25, 4, 3, 'necessary', true],
  ['shipping', 'delivery', 'logistics', 4, 2, 9, 'valueAdding', true],
  ['onboarding', 'delivery', 'service', 1, 3, 6, 'valueAdding', false],
  ['support', 'retention', 'service', 0.5, 2, 8, 'waste', true],
  ['newsletter', 'retention', 'marketing', 0.25, 30, 0.5, 'necessary', false],
  ['review', 'advocacy', 'marketing', 0.25, 14, 1, 'valueAdding', false],
];

/** The words of the template in the UI language (the step names and owners become the user's own, editable text). */
export interface TemplateTexts {
  name: (id: TemplateStepId) => string;
  owner: (owner: TemplateOwner) => string;
}

/** A starting map with one or two typical steps per phase, worded by `texts`. Ids are 'tpl-1' … 'tpl-9'. */
export function templateSteps(texts: TemplateTexts): VsmStep[] {
  return TEMPLATE.map(([id, phase, owner, processHours, waitDays, costPerCustomer, rating, handoff], i) => ({
    id: `tpl-${i + 1}`,
    name: texts.name(id),
    phase,
    owner: texts.owner(owner),
    processHours,
    waitDays,
    costPerCustomer,
    rating,
    handoff,
  }));
}

let idCounter = 0;
/** A new id, unique within this page session (and practically across sessions). */
export function newStepId(): string {
  idCounter++;
  return `step-${Date.now().toString(36)}-${idCounter.toString(36)}`;
}

export type VsmCsvColumn =
  | 'name'
  | 'phase'
  | 'owner'
  | 'processHours'
  | 'waitDays'
  | 'costPerCustomer'
  | 'rating'
  | 'handoff'
  | 'start'
  | 'end';
export const VSM_CSV_COLUMNS: readonly VsmCsvColumn[] = [
  'name',
  'phase',
  'owner',
  'processHours',
  'waitDays',
  'costPerCustomer',
  'rating',
  'handoff',
  'start',
  'end',
];

export interface VsmCsvLabels {
  /** Column headers. */
  columns: Record<VsmCsvColumn, string>;
  phaseLabel: (p: Phase) => string;
  ratingLabel: (r: ValueRating) => string;
  yes: string;
  no: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Header and rows for a CSV export (write them with `toCsv`, which neutralises formulas). Numbers are the cleaned
 * values the figures use (bad input → 0); start/end days are rounded to 3 decimals, null if `figures` is stale.
 */
export function valueStreamCsvRows(
  steps: readonly VsmStep[],
  figures: ValueStreamFigures,
  labels: VsmCsvLabels,
): { headers: string[]; rows: (string | number | null)[][] } {
  const headers = VSM_CSV_COLUMNS.map((c) => labels.columns[c]);
  const rows = steps.map((s, i) => {
    const start = figures.stepStartDays[i];
    const end = figures.stepEndDays[i];
    return [
      s.name,
      phaseIndex(s.phase) >= 0 ? labels.phaseLabel(s.phase) : String(s.phase ?? ''),
      s.owner,
      cleanNumber(s.processHours),
      cleanNumber(s.waitDays),
      cleanNumber(s.costPerCustomer),
      labels.ratingLabel(s.rating),
      s.handoff === true ? labels.yes : labels.no,
      start === undefined ? null : round3(start),
      end === undefined ? null : round3(end),
    ];
  });
  return { headers, rows };
}

/** A new array with step `index` moved by `delta` places; a copy unchanged when either end is out of range. */
export function moveStep(steps: readonly VsmStep[], index: number, delta: number): VsmStep[] {
  const out = steps.slice();
  const target = index + delta;
  if (
    !Number.isInteger(index) ||
    !Number.isInteger(target) ||
    index < 0 ||
    index >= out.length ||
    target < 0 ||
    target >= out.length ||
    target === index
  )
    return out;
  const [step] = out.splice(index, 1);
  out.splice(target, 0, step);
  return out;
}

/** A new array without step `index`; a copy unchanged when out of range. */
export function removeStep(steps: readonly VsmStep[], index: number): VsmStep[] {
  const out = steps.slice();
  if (Number.isInteger(index) && index >= 0 && index < out.length) out.splice(index, 1);
  return out;
}

export type VsmStepField = keyof Omit<VsmStep, 'id'>;

/**
 * The fields of a step a form should flag: empty name, numbers that are negative or not finite, an unknown phase
 * or rating, a handoff that is not a boolean. Empty list = fine.
 */
export function validateStep(step: VsmStep): VsmStepField[] {
  const problems: VsmStepField[] = [];
  if (typeof step.name !== 'string' || step.name.trim() === '') problems.push('name');
  if (phaseIndex(step.phase) < 0) problems.push('phase');
  if (typeof step.owner !== 'string') problems.push('owner');
  for (const f of ['processHours', 'waitDays', 'costPerCustomer'] as const) {
    const v = step[f];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problems.push(f);
  }
  if (!RATINGS.includes(step.rating)) problems.push('rating');
  if (typeof step.handoff !== 'boolean') problems.push('handoff');
  return problems;
}
