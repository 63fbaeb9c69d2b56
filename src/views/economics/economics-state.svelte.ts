/**
 * The Economics view's state, kept while the app is open: its settings (CAC period, forecast horizon), the what-if
 * levers, the calculator's edited inputs, and the two queries (the figures, and the what-if answer for the levers).
 * A newer request supersedes an older one (src/client/query.svelte.ts): a slow answer for earlier levers is dropped.
 */
import { createQuery } from '../../client/query.svelte';
import { engine } from '../../client/worker-client';
import type {
  CacGranularity,
  CalculatorInputs,
  EconomicsRequestOptions,
  WhatIfLevers,
} from '../../shared/economics';

/** The calculator's inputs a user can edit (the margin as a rate 0..1). */
export type CalcKey = 'aov' | 'frequency' | 'lifespanYears' | 'cac' | 'marginRate';

export const NO_LEVERS: WhatIfLevers = { aov: 0, frequency: 0, churn: 0, cac: 0 };

class EconomicsState {
  granularity = $state<CacGranularity>('month');
  horizonMonths = $state<EconomicsRequestOptions['horizonMonths']>(36);
  levers = $state<WhatIfLevers>({ ...NO_LEVERS });
  /** Calculator inputs typed by the user (absent: the data's value). */
  edited = $state<Partial<Record<CalcKey, number | null>>>({});
  readonly figures = createQuery(engine.economics);
  readonly whatIf = createQuery(engine.whatIf);

  /** The calculator's inputs: each one the edited value, else the data's. */
  inputs(data: CalculatorInputs): Record<CalcKey, number | null> {
    const pick = (k: CalcKey) => (k in this.edited ? (this.edited[k] ?? null) : data[k]);
    return {
      aov: pick('aov'),
      frequency: pick('frequency'),
      lifespanYears: pick('lifespanYears'),
      cac: pick('cac'),
      marginRate: pick('marginRate'),
    };
  }

  resetCalculator() {
    this.edited = {};
  }

  /** The dataset whose data the edited inputs were typed against (plain: read by an effect, never tracked). */
  private editedFor: number | null = null;

  /** Forgets the edited inputs when another dataset is shown: they were typed against the other data. */
  keepFor(datasetId: number) {
    if (this.editedFor !== null && this.editedFor !== datasetId) this.edited = {};
    this.editedFor = datasetId;
  }

  resetLevers() {
    this.levers = { ...NO_LEVERS };
  }
}

export const economicsState = new EconomicsState();
