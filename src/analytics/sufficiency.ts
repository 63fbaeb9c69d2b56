/**
 * Data sufficiency: how many days of data a figure needs before it means anything. One rule, used by the
 * Overview's KPIs (kpis.ts) and by the self-check's evidence (evidence.ts), so a figure that is refused on one
 * screen is refused with the same reason on the next.
 *
 * ../shared/METRICS.md ("KPIs"): churn, retention, lifespan, simple CLV, NRR and GRR compare the last year
 * (D − 365d, D] with the year before it (D − 730d, D − 365d] and are "undefined when the data covers less than
 * 730 days". The evidence that splits customers by a year boundary follows the same rule (see REQUIREMENT).
 */
import { dayRange, type Lines } from './lines';

/** One year in days, as METRICS.md counts it for the yearly windows. */
export const YEAR_DAYS = 365;
/** Two full yearly windows: the last year and the year before it. */
export const TWO_YEARS_DAYS = 2 * YEAR_DAYS;

/** Days of data up to D: D − the first line day on or before D + 1; 0 without a line on or before D. */
export function historyDays(lines: Lines, asOf: number): number {
  // The first day on or before D is the first day of all, if that is on or before D (dayRange is kept per Lines, so
  // the segment comparison's many KPI runs do not scan the lines again).
  const [first] = dayRange(lines);
  return first <= asOf ? asOf - first + 1 : 0;
}

/** The figures whose meaning depends on the length of the history. */
export type HistoryFigure =
  // Overview (METRICS.md "KPIs"): last year against the year before.
  | 'churnRate'
  | 'retentionRate'
  | 'lifespanYears'
  | 'clvSimple'
  | 'nrr'
  | 'grr'
  // Self-check evidence.
  /**
   * Existing customers' share of last year's revenue: "existing" means a first purchase before D − 365d. With
   * less than a year of data before that boundary, almost every customer's first purchase in the export falls
   * into the last year, although many are older customers whose earlier orders lie before the export began (a
   * 374-day file calls only the first 9 days' buyers "existing"). The year before (D − 730d, D − 365d] is the
   * window METRICS.md uses for existing customers in NRR and in the budget split ("Economics", "Budget allocation":
   * revenue of customers whose first purchase is before D − 365d), so the same 730 days.
   */
  | 'budgetShare'
  /**
   * Customers inactive for 12 months (last purchase on or before D − 365d): needs the 12 inactive months and a
   * history before them in which a customer could have been active. With only a few days before D − 365d, the
   * count is just the customers who bought in those few days (a 374-day file: those of its first 9 days), an
   * artefact of the export window. Chosen: one full year before the inactive year, so that every customer
   * counted had a whole year in which to buy, the same two windows as churn in METRICS.md ("KPIs": churnRate =
   * active in (D − 730d, D − 365d] and not in (D − 365d, D]); 730 days in all.
   */
  | 'reactivation';

/*
 * The other evidence items follow the Overview too: the segment values and the top-20 % share (Overview: top20Share,
 * no history rule), the one-order share and cohort months 1–3 (Overview: repeatRate, no history rule; the cohort
 * months use complete cells only), the median days to the second purchase, the mapped columns and the import
 * summary describe the data as they are and need no minimum. The predicted CLV carries the forecast's own warnings.
 */

/** Days of data each figure needs (D − first day + 1 ≥ this). */
export const REQUIREMENT: Record<HistoryFigure, number> = {
  churnRate: TWO_YEARS_DAYS,
  retentionRate: TWO_YEARS_DAYS,
  lifespanYears: TWO_YEARS_DAYS,
  clvSimple: TWO_YEARS_DAYS,
  nrr: TWO_YEARS_DAYS,
  grr: TWO_YEARS_DAYS,
  budgetShare: TWO_YEARS_DAYS,
  reactivation: TWO_YEARS_DAYS,
};

/** True when `days` of data are enough for the figure. */
export function hasHistoryFor(figure: HistoryFigure, days: number): boolean {
  return days >= REQUIREMENT[figure];
}

/**
 * Days of data the Actions view's reactivation list needs with "no purchase for more than N months": the same rule
 * as the self-check's inactive customers (REQUIREMENT.reactivation). N = 12 is exactly that requirement (730 days);
 * for other N, the N inactive months (one month = 365.25 / 12 days, METRICS.md "Actions") and one full year before
 * them in which a customer could have bought, rounded up to whole days.
 */
export function reactivationRequirement(months: number): number {
  if (months === 12) return REQUIREMENT.reactivation;
  return Math.ceil((months * 365.25) / 12) + YEAR_DAYS;
}
