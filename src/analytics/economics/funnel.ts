/**
 * Time-to-value and the lifecycle funnel (METRICS.md "Economics": timeToValue, Funnel, NPS). The funnel covers the
 * last year (D − 365d, D] over all channels (docs/economics.md); each phase shows the KPIs its inputs allow, and a
 * phase without any says what to import.
 */
import type { FunnelHint, FunnelKpi, FunnelPhase, FunnelStage, TimeToValue } from '../../shared/economics';
import { NO_DAY } from '../../shared/columns';
import type { CustomerTable } from '../customers';
import { quantileSorted } from './margin';
import type { SpendRows } from './channels';

/**
 * Median days from the first-contact date to the first purchase occasion over the customers with both and a
 * contact on or before the first purchase; contacts after it are counted. `contact` per customer code (NO_DAY:
 * none), or null without master data / a first-contact column.
 */
export function timeToValue(
  table: CustomerTable,
  contact: Int32Array | null,
  reasonWithout: 'noMaster' | 'noFirstContact',
): TimeToValue {
  if (!contact) return { value: null, reason: reasonWithout, customers: 0, contactsAfterFirstPurchase: 0 };
  const days = new Float64Array(table.count);
  let n = 0;
  let after = 0;
  for (let c = 0; c < table.size; c++) {
    const d = contact[c];
    if (!table.isCustomer[c] || d === NO_DAY) continue;
    if (d > table.first[c]) after++;
    else days[n++] = table.first[c] - d;
  }
  if (n === 0)
    return { value: null, reason: 'noFirstContact', customers: 0, contactsAfterFirstPurchase: after };
  const sorted = days.subarray(0, n).sort();
  return {
    value: quantileSorted(sorted, 0.5),
    reason: null,
    customers: n,
    contactsAfterFirstPurchase: after,
  };
}

/** NPS = share of scores 9–10 − share of scores 0–6 among the customers with a score in [0, 10] (−1..1). */
export function nps(
  table: CustomerTable,
  score: Float64Array | null,
): { value: number | null; scored: number } {
  if (!score) return { value: null, scored: 0 };
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (let c = 0; c < table.size; c++) {
    const s = score[c];
    if (!table.isCustomer[c] || !(s >= 0 && s <= 10)) continue;
    n++;
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return { value: n > 0 ? (promoters - detractors) / n : null, scored: n };
}

/** The funnel's inputs besides the spend rows. */
export interface FunnelInputs {
  table: CustomerTable;
  rows: SpendRows | null;
  /** New customers of (D − 365d, D] and the mean net value of their first purchase orders. */
  newCustomers: number;
  firstOrderAov: number | null;
  aov: number | null;
  repeatRate: number | null;
  /** Mean predicted CLV per customer over the horizon, or null. */
  clv: number | null;
  nps: number | null;
}

type Kpi = FunnelStage['kpis'][number];

const kpi = (id: FunnelKpi, value: number | null, unit: Kpi['unit']): Kpi => ({ id, value, unit });

/** The six phases with the KPIs their inputs allow (rates as fractions, NPS as −1..1) and, without data, a hint. */
export function funnel(inp: FunnelInputs): FunnelStage[] {
  const D = inp.table.asOf;
  let impressions = 0;
  let clicks = 0;
  let leads = 0;
  let hasImpressions = false;
  let hasClicks = false;
  let hasLeads = false;
  let spendWithClicks = 0;
  let spendWithLeads = 0;
  const r = inp.rows;
  if (r) {
    for (let i = 0; i < r.n; i++) {
      if (r.day[i] <= D - 365 || r.day[i] > D) continue;
      if (r.impressions[i] === r.impressions[i]) {
        hasImpressions = true;
        impressions += r.impressions[i];
      }
      if (r.clicks[i] === r.clicks[i]) {
        hasClicks = true;
        clicks += r.clicks[i];
        spendWithClicks += r.amount[i];
      }
      if (r.leads[i] === r.leads[i]) {
        hasLeads = true;
        leads += r.leads[i];
        spendWithLeads += r.amount[i];
      }
    }
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const stage = (phase: FunnelPhase, kpis: Kpi[], hint: FunnelHint): FunnelStage => {
    const has = kpis.some((k) => k.value !== null);
    return { phase, kpis: kpis.filter((k) => k.value !== null), hint: has ? null : hint };
  };
  return [
    stage(
      'awareness',
      [kpi('impressions', hasImpressions ? impressions : null, 'count')],
      'spendImpressions',
    ),
    stage(
      'consideration',
      [
        kpi('clicks', hasClicks ? clicks : null, 'count'),
        kpi('clickRate', hasClicks && hasImpressions ? ratio(clicks, impressions) : null, 'percent'),
        kpi('costPerClick', hasClicks ? ratio(spendWithClicks, clicks) : null, 'money'),
        kpi('leads', hasLeads ? leads : null, 'count'),
        kpi('costPerLead', hasLeads ? ratio(spendWithLeads, leads) : null, 'money'),
      ],
      'spendClicksLeads',
    ),
    stage(
      'decision',
      [
        kpi('newCustomers', inp.newCustomers, 'count'),
        kpi('leadConversion', hasLeads ? ratio(inp.newCustomers, leads) : null, 'percent'),
        kpi('firstOrderAov', inp.firstOrderAov, 'money'),
      ],
      'orders',
    ),
    stage('delivery', [kpi('aov', inp.aov, 'money')], 'orders'),
    stage(
      'retention',
      [kpi('repeatRate', inp.repeatRate, 'percent'), kpi('clv', inp.clv, 'money')],
      'orders',
    ),
    stage('advocacy', [kpi('nps', inp.nps, 'percent')], 'masterNps'),
  ];
}
