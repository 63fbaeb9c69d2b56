/**
 * The structure of a value stream map, which the figures (analytics/valuestream.ts, computed in the worker), the
 * storage and the UI all read: the phases of the customer journey, the value ratings, a step, the columns of its
 * table, what makes a step valid, and the template map. Content, not figures (no I/O, no DOM).
 *
 * Bad input: a form may hold anything, so every number that is negative or not finite (NaN, ±Infinity, or not a
 * number at all) counts as 0 (`cleanNumber`); `validateStep` reports such fields so that the form can flag them.
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

/** A number as the figures use it: negative, non-finite or non-numeric values count as 0. */
export function cleanNumber(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
}

/** The place of a phase in the journey; -1 for anything that is not a phase. */
export const phaseIndex = (p: unknown): number => PHASES.indexOf(p as Phase);

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

/** The columns of the steps' table: the fields of a step, then the start and end day the figures give it. */
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
