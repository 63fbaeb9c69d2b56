/**
 * The what-if simulator (METRICS.md "Economics", what-if levers): AOV scales the spend per purchase; frequency
 * scales the expected purchases; churn scales the mean dropout probability a / (a + b) of BG/NBD by changing b with
 * a fixed (Pareto/NBD: the mean dropout rate s / β by changing β); CAC scales the CAC. Reports clvSimple and the
 * predicted CLV of the base before and after, with the forecast's own BTYD code.
 */
import {
  clvSimpleFormula,
  type CalculatorInputs,
  type WhatIfLevers,
  type WhatIfResult,
  type WhatIfSide,
} from '../../shared/economics';
import { bgnbdModel } from '../btyd/bgnbd';
import { mbgnbdModel } from '../btyd/mbgnbd';
import { paretoNbdModel } from '../btyd/paretonbd';
import { discountedOccasionsByTriple } from '../btyd/clv';
import type { Triples } from '../btyd/summary';
import type { PurchaseModel } from './acquisition';

/** The forecast's fit at D and what it predicts from: the triples and each summary customer's expected spend. */
export interface WhatIfModel {
  purchase: PurchaseModel;
  triples: Triples;
  /** Expected spend per purchase per summary customer (order of `triples.index`). */
  spend: Float64Array;
}

const factor = (percent: number) => Math.max(0, 1 + percent / 100);

/** The purchase model with its mean dropout scaled by `f` (BG/NBD and MBG/NBD: b with a fixed; Pareto/NBD: β). */
export function scaleChurn(m: PurchaseModel, f: number): PurchaseModel {
  if (f === 1) return m;
  if (m.model === 'bgnbd' || m.model === 'mbgnbd') {
    const { a, b } = m.params;
    const p = Math.min(1 - 1e-9, Math.max(1e-12, (f * a) / (a + b)));
    return { ...m, params: { ...m.params, b: (a * (1 - p)) / p } };
  }
  return { ...m, params: { ...m.params, beta: m.params.beta / Math.max(1e-12, f) } };
}

/** Σ over the base of spend × discounted expected purchases over the horizon, and the number of customers. */
export function baseValue(
  model: WhatIfModel,
  purchase: PurchaseModel,
  months: number,
  monthlyDiscount: number,
): number {
  const opts = { unitDays: purchase.unitDays, horizonMonths: months, monthlyDiscount };
  const occ =
    purchase.model === 'bgnbd'
      ? discountedOccasionsByTriple(bgnbdModel, purchase.params, model.triples, opts)
      : purchase.model === 'mbgnbd'
        ? discountedOccasionsByTriple(mbgnbdModel, purchase.params, model.triples, opts)
        : discountedOccasionsByTriple(paretoNbdModel, purchase.params, model.triples, opts);
  let sum = 0;
  const index = model.triples.index;
  for (let i = 0; i < index.length; i++) sum += model.spend[i] * occ[index[i]];
  return sum;
}

export function whatIf(
  levers: WhatIfLevers,
  calc: CalculatorInputs,
  model: WhatIfModel | null,
  months: number,
  monthlyDiscount: number,
): WhatIfResult {
  const fa = factor(levers.aov);
  const ff = factor(levers.frequency);
  const fc = factor(levers.churn);
  const fk = factor(levers.cac);
  const rate = calc.marginRate;
  const side = (
    aov: number,
    freq: number,
    churn: number,
    cac: number,
  ): Omit<WhatIfSide, 'clvPerCustomer' | 'baseValue'> => {
    const a = calc.aov === null ? null : calc.aov * aov;
    const f = calc.frequency === null ? null : calc.frequency * freq;
    const l = calc.lifespanYears === null ? null : calc.lifespanYears / churn;
    const k = calc.cac === null ? null : calc.cac * cac;
    return {
      clvSimple: clvSimpleFormula(a, f, l, k),
      clvSimpleMargin: rate === null ? null : clvSimpleFormula(a, f, l, k, rate),
    };
  };
  const before: WhatIfSide = { ...side(1, 1, 1, 1), clvPerCustomer: null, baseValue: null };
  const after: WhatIfSide = { ...side(fa, ff, fc, fk), clvPerCustomer: null, baseValue: null };
  if (model && model.spend.length > 0) {
    const onRate = rate ?? 1;
    const b0 = onRate * baseValue(model, model.purchase, months, monthlyDiscount);
    const churned = scaleChurn(model.purchase, fc);
    const b1 = onRate * fa * ff * baseValue(model, churned, months, monthlyDiscount);
    const n = model.spend.length;
    before.baseValue = b0;
    before.clvPerCustomer = b0 / n;
    after.baseValue = b1;
    after.clvPerCustomer = b1 / n;
  }
  return {
    levers,
    horizonMonths: months,
    before,
    after,
    onMargin: rate !== null,
    reason: model ? null : 'noForecast',
  };
}
