/**
 * Budget allocation (METRICS.md "Economics": the shares of spend for acquisition and for existing customers against
 * (a) last year's revenue and (b) the predicted value of each group, and the value-weighted split).
 */
import type { BudgetAllocation } from '../../shared/economics';
import type { CustomerTable } from '../customers';
import { shareIn, type SpendRows } from './channels';

/** A verdict's tolerance: more than 10 percentage points off the value-weighted split. */
export const BUDGET_TOLERANCE = 0.1;

export interface BudgetInputs {
  table: CustomerTable;
  rows: SpendRows | null;
  /** The typed shares of "your figures" in percent (null: not set). */
  typedAcquisition: number | null;
  typedExisting: number | null;
  /** Predicted CLV per customer code over the horizon (NaN: none), or null without a forecast. */
  clv: Float64Array | null;
  /** newCustomerClv on all customers (same basis as `clv`), or null. */
  newCustomerClv: number | null;
}

/**
 * Existing customers have their first purchase on or before D − 365d, new ones after. The spend split comes from
 * the spend of (D − 365d, D] by purpose; without any, from the typed shares (normalised to their sum).
 */
export function budgetAllocation(inp: BudgetInputs): BudgetAllocation {
  const { table } = inp;
  const D = table.asOf;
  const boundary = D - 365;
  let revenueExisting = 0;
  let revenueNew = 0;
  let valueExisting = 0;
  let newCount = 0;
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    if (table.first[c] <= boundary) {
      revenueExisting += table.lastYear.revenue[c];
      const v = inp.clv ? inp.clv[c] : NaN;
      if (v === v) valueExisting += v;
    } else {
      revenueNew += table.lastYear.revenue[c];
      newCount++;
    }
  }
  let acq = 0;
  let ex = 0;
  if (inp.rows) {
    const r = inp.rows;
    for (let i = 0; i < r.n; i++) {
      const share = shareIn(r, i, boundary, D);
      if (share === 0) continue;
      if (r.existing[i]) ex += r.amount[i] * share;
      else acq += r.amount[i] * share;
    }
  }
  let source: BudgetAllocation['source'] = 'none';
  let acquisitionShare: number | null = null;
  let existingShare: number | null = null;
  if (acq + ex > 0) {
    source = 'spend';
    acquisitionShare = acq / (acq + ex);
    existingShare = ex / (acq + ex);
  } else if (inp.typedAcquisition !== null || inp.typedExisting !== null) {
    const a = inp.typedAcquisition ?? Math.max(0, 100 - (inp.typedExisting ?? 0));
    const e = inp.typedExisting ?? Math.max(0, 100 - a);
    if (a + e > 0) {
      source = 'typed';
      acquisitionShare = a / (a + e);
      existingShare = e / (a + e);
    }
  }
  const revenueTotal = revenueExisting + revenueNew;
  const hasValue = inp.clv !== null && inp.newCustomerClv !== null;
  const valueNew = hasValue ? inp.newCustomerClv! * newCount : null;
  const valueTotal = hasValue ? valueExisting + valueNew! : 0;
  const valueShareExisting = hasValue && valueTotal > 0 ? valueExisting / valueTotal : null;
  const suggested =
    valueShareExisting === null
      ? null
      : { acquisition: 1 - valueShareExisting, existing: valueShareExisting };
  let verdict: BudgetAllocation['verdict'] = null;
  if (suggested && acquisitionShare !== null) {
    const off = acquisitionShare - suggested.acquisition;
    verdict =
      off > BUDGET_TOLERANCE ? 'overAcquisition' : off < -BUDGET_TOLERANCE ? 'overExisting' : 'balanced';
  }
  return {
    source,
    acquisitionShare,
    existingShare,
    acquisitionSpend: source === 'spend' ? acq : null,
    existingSpend: source === 'spend' ? ex : null,
    revenueExisting,
    revenueNew,
    revenueShareExisting: revenueTotal !== 0 ? revenueExisting / revenueTotal : null,
    valueExisting: hasValue ? valueExisting : null,
    valueNew,
    valueShareExisting,
    suggested,
    verdict,
    reason: source === 'none' ? 'noSpend' : suggested === null ? 'noForecast' : null,
  };
}
