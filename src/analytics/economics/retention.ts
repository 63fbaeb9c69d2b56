/**
 * NRR and GRR per cohort year (METRICS.md "Economics": as in "KPIs", restricted to the customers whose first
 * purchase occasion lies in that calendar year). The sums are the KPIs' own (revenueRetention in kpis.ts).
 */
import type { CohortRetention, EconomicsReason } from '../../shared/economics';
import { civilFromDays, daysFromCivil } from '../../shared/days';
import type { CustomerTable } from '../customers';
import { revenueRetention } from '../kpis';

/**
 * One row per calendar year of first purchase up to the year of D − 365d (later cohorts cannot have been active in
 * the year before the last). `history`: the data cover at least 730 days.
 */
export function retentionByCohortYear(t: CustomerTable, history: boolean): CohortRetention[] {
  const lastCohort = civilFromDays(t.asOf - 365).y;
  let minFirst = Infinity;
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c] && t.first[c] < minFirst) minFirst = t.first[c];
  if (!Number.isFinite(minFirst)) return [];
  const minYear = civilFromDays(minFirst).y;
  if (minYear > lastCohort) return [];
  // January 1st of each year from the first cohort to the year after the last one.
  const starts = Int32Array.from({ length: lastCohort - minYear + 2 }, (_, i) =>
    daysFromCivil(minYear + i, 1, 1),
  );
  const groupOf = new Int32Array(t.size).fill(-1);
  let maxYear = minYear;
  for (let c = 0; c < t.size; c++) {
    if (!t.isCustomer[c]) continue;
    const f = t.first[c];
    if (f >= starts[starts.length - 1]) continue;
    let g = Math.min(starts.length - 2, Math.floor((f - starts[0]) / 365.25));
    while (g > 0 && f < starts[g]) g--;
    while (f >= starts[g + 1]) g++;
    groupOf[c] = g;
    if (minYear + g > maxYear) maxYear = minYear + g;
  }
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
