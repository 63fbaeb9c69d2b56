/**
 * NRR and GRR per cohort year (METRICS.md "Economics": as in "KPIs", restricted to the customers whose first
 * purchase occasion lies in that calendar year). The sums are the KPIs' own (revenueRetention in kpis.ts).
 */
import type { CohortRetention, EconomicsReason } from '../../shared/economics';
import { civilFromDays } from '../../shared/days';
import type { CustomerTable } from '../customers';
import { revenueRetention } from '../kpis';

/**
 * One row per calendar year of first purchase up to the year of D − 365d (later cohorts cannot have been active in
 * the year before the last). `history`: the data cover at least 730 days.
 */
export function retentionByCohortYear(t: CustomerTable, history: boolean): CohortRetention[] {
  let minYear = Infinity;
  let maxYear = -Infinity;
  const yearOf = new Int32Array(t.size).fill(-1);
  const lastCohort = civilFromDays(t.asOf - 365).y;
  for (let c = 0; c < t.size; c++) {
    if (!t.isCustomer[c]) continue;
    const y = civilFromDays(t.first[c]).y;
    if (y > lastCohort) continue;
    yearOf[c] = y;
    if (y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
  }
  if (!Number.isFinite(minYear)) return [];
  const groupOf = Int32Array.from(yearOf, (y) => (y < 0 ? -1 : y - minYear));
  const sums = revenueRetention(t, groupOf, maxYear - minYear + 1);
  return sums.map((s, i) => {
    const reason: EconomicsReason | null = !t.hasAmount
      ? 'noAmount'
      : !history
        ? 'shortHistory'
        : s.base === 0 || !(s.baseRevenue > 0)
          ? 'noCustomers'
          : null;
    return {
      year: minYear + i,
      customers: s.base,
      nrr: reason ? { value: null, reason } : { value: s.laterRevenue / s.baseRevenue, reason: null },
      grr: reason ? { value: null, reason } : { value: s.cappedRevenue / s.baseRevenue, reason: null },
    };
  });
}
