/**
 * Time-to-value and the lifecycle funnel (METRICS.md "Economics": timeToValue, Funnel, NPS). The funnel covers the
 * last year (D − 365d, D], over all channels and per channel (docs/economics.md); each phase shows the KPIs its
 * inputs allow, and a phase without any says what to import.
 */
import type { FunnelHint, FunnelKpi, FunnelPhase, FunnelStage, TimeToValue } from '../../shared/economics';
import { NO_DAY } from '../../shared/columns';
import type { CustomerTable } from '../customers';
import { quantileSorted } from './margin';
import { shareIn, type SpendRows } from './channels';

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

/**
 * NPS = share of scores 9–10 − share of scores 0–6 among the customers with a score in [0, 10] (−1..1); with
 * `channelOf` and `channel`, among that channel's customers only.
 */
export function nps(
  table: CustomerTable,
  score: Float64Array | null,
  channelOf?: Int32Array,
  channel?: number,
): { value: number | null; scored: number } {
  if (!score) return { value: null, scored: 0 };
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (let c = 0; c < table.size; c++) {
    const s = score[c];
    if (!table.isCustomer[c] || !(s >= 0 && s <= 10)) continue;
    if (channelOf && channelOf[c] !== channel) continue;
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
  /** Only the spend rows of this channel index (absent: every row, with or without a channel). */
  channel?: number;
  /**
   * Over all channels: the new customers of (D − 365d, D] per channel index (the last slot: without a channel), so
   * that the lead conversion counts only the channels whose spend rows carry leads. Absent: `newCustomers`.
   */
  newByChannel?: Float64Array;
  /** A filter is active: the new customers are filtered, the leads are not, so there is no lead conversion. */
  filtered?: boolean;
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
  // The channels (index; the last slot: rows without a channel) whose rows of the last year carry leads.
  const withLeads = inp.newByChannel ? new Uint8Array(inp.newByChannel.length) : null;
  const r = inp.rows;
  if (r) {
    for (let i = 0; i < r.n; i++) {
      if (inp.channel !== undefined && r.channel[i] !== inp.channel) continue;
      const share = shareIn(r, i, D - 365, D);
      if (share === 0) continue;
      if (r.impressions[i] === r.impressions[i]) {
        hasImpressions = true;
        impressions += r.impressions[i] * share;
      }
      if (r.clicks[i] === r.clicks[i]) {
        hasClicks = true;
        clicks += r.clicks[i] * share;
        spendWithClicks += r.amount[i] * share;
      }
      if (r.leads[i] === r.leads[i]) {
        hasLeads = true;
        leads += r.leads[i] * share;
        spendWithLeads += r.amount[i] * share;
        if (withLeads) withLeads[r.channel[i] < 0 ? withLeads.length - 1 : r.channel[i]] = 1;
      }
    }
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  // Lead conversion: the new customers of the channels with leads (one channel: its own new customers).
  let newWithLeads = inp.newCustomers;
  if (withLeads && inp.channel === undefined) {
    newWithLeads = 0;
    for (let ch = 0; ch < withLeads.length; ch++) if (withLeads[ch]) newWithLeads += inp.newByChannel![ch];
  }
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
        kpi('leadConversion', hasLeads && !inp.filtered ? ratio(newWithLeads, leads) : null, 'percent'),
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

/** Order KPIs of one channel's customers: AOV (Σ purchase-order value / purchase orders) and the repeat rate. */
export function channelOrderKpis(
  table: CustomerTable,
  channelOf: Int32Array,
  channel: number,
  clv: Float64Array | null,
): { aov: number | null; repeatRate: number | null; meanClv: number | null } {
  let customers = 0;
  let repeat = 0;
  let orders = 0;
  let value = 0;
  let clvSum = 0;
  let clvN = 0;
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c] || channelOf[c] !== channel) continue;
    customers++;
    if (table.orders[c] >= 2) repeat++;
    orders += table.orders[c];
    value += table.orderValue[c];
    if (clv && clv[c] === clv[c]) {
      clvSum += clv[c];
      clvN++;
    }
  }
  return {
    aov: table.hasAmount && orders > 0 ? value / orders : null,
    repeatRate: customers > 0 ? repeat / customers : null,
    meanClv: clvN > 0 ? clvSum / clvN : null,
  };
}
