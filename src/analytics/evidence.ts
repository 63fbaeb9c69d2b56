/**
 * Evidence for the self-check questions, computed from the user's own data (and the value stream map and the
 * figures the user entered). Pure: the worker and the tests call it with analytics results already computed.
 * Each piece of evidence is data (ids and numbers, never sentences); the UI words it in the chosen language and
 * formats the numbers in its locale. When the data cannot speak, `available` is false and `reason` says why.
 */
import { isAttributeKey } from '../shared/attributes';
import type { CohortResult } from './cohorts';
import type { CustomerTable } from './customers';
import type { ForecastReport, ForecastWarning } from './forecast';
import type { KpiResult } from './kpis';
import type { Lines } from './lines';
import type { Occasions } from './btyd/summary';
import type { RfmResult, Segment } from './rfm';
import { hasHistoryFor, REQUIREMENT, type HistoryFigure } from './sufficiency';
import type { EvidenceKind } from '../shared/selfcheck';
import { REJECT_REASONS, type ImportSummary, type RejectReason } from '../shared/types';

export type EvidenceReason =
  'noAmount' | 'noMap' | 'noForecast' | 'noCustomers' | 'historyTooShort' | 'noSummary';

/**
 * Notes of the evidence. `cacFromSpend` / `budgetFromSpend`: the CAC or the budget split comes from the workspace's
 * spend data (METRICS "Economics": the blended CAC of the last 365 days; the spend of the last 365 days by purpose);
 * `cacTyped` / `budgetTyped`: the figure typed into "your figures" is used (there is no spend data that gives it).
 */
export type EvidenceNote =
  | 'noAttribute'
  | 'noCac'
  | 'noBudget'
  | 'byOccasions'
  | 'noAmount'
  | 'orderDataOnly'
  | 'cacFromSpend'
  | 'cacTyped'
  | 'budgetFromSpend'
  | 'budgetTyped';

/** The order columns whose presence `dataJoined` reports (1 or 0), besides customer and date. */
export type JoinedColumn = 'amount' | 'order' | 'product' | 'category' | 'channel' | 'region' | 'margin';

/** What an item's key is, per kind of evidence: an RFM segment, a customer id as in the data, a reject reason. */
export interface EvidenceItemKeys {
  segmentValue: Segment;
  pareto: string;
  dataQuality: RejectReason;
}
type ItemKey<K extends EvidenceKind> = K extends keyof EvidenceItemKeys ? EvidenceItemKeys[K] : never;

export interface EvidenceItem<Key extends string = string> {
  key: Key;
  values: Record<string, number | null>;
}

/** The evidence of one kind. */
export interface EvidenceOf<K extends EvidenceKind> {
  kind: K;
  available: boolean;
  reason?: EvidenceReason;
  /** A failure code of the forecast, when reason is noForecast. */
  detail?: string;
  values: Record<string, number | null>;
  items: EvidenceItem<ItemKey<K>>[];
  notes: EvidenceNote[];
  /** The forecast's warnings about the figures quoted (P(alive) and CLV probably too high), as the forecast gives them. */
  warnings: ForecastWarning[];
}

/** Evidence of any kind; checking `kind` narrows it (and the type of its items' keys). */
export type Evidence = { [K in EvidenceKind]: EvidenceOf<K> }[EvidenceKind];
export type EvidenceByKind = { [K in EvidenceKind]: EvidenceOf<K> };

/** What the value stream map contributes (see src/analytics/valuestream.ts). */
export interface ValueStreamEvidence {
  steps: number;
  handoffsFirst90Days: number;
  handoffsTotal: number;
  timeToValueDays: number | null;
  leadTimeDays: number;
}

export interface UserFigures {
  /** Acquisition cost per new customer, in the dataset's currency. */
  cac: number | null;
  /** Percent of the marketing/sales budget spent on acquisition and on existing customers. */
  acquisitionShare: number | null;
  existingShare: number | null;
}

/**
 * What the workspace's spend data (spend files or the typed spend grid, with the master data's channels) say, as the
 * economics figures compute it (src/analytics/economics/compute.ts): the blended CAC of (D − 365d, D] and the shares
 * of that year's spend for acquisition and for existing customers (0..1). Null where the data cannot say.
 */
export interface SpendEvidence {
  blendedCac: number | null;
  acquisitionShare: number | null;
  existingShare: number | null;
}

export interface EvidenceInput {
  lines: Lines;
  table: CustomerTable;
  rfm: RfmResult;
  kpis: KpiResult;
  /** Monthly cohorts by first purchase. */
  cohorts: CohortResult;
  occasions: Occasions;
  summary: ImportSummary | null;
  dropDuplicates: boolean;
  /** Column keys of the dataset (customer, date, amount, order, product, category, channel, region, attr:…). */
  columns: string[];
  forecast: ForecastReport | null;
  valueStream: ValueStreamEvidence | null;
  user: UserFigures;
  /** The spend data of the workspace, when it has any; they come before the typed figures. */
  spend?: SpendEvidence | null;
}

function make<K extends EvidenceKind>(kind: K, rest: Partial<EvidenceOf<K>> = {}): EvidenceOf<K> {
  return { kind, available: true, values: {}, items: [], notes: [], warnings: [], ...rest };
}
/**
 * The one sufficiency rule of sufficiency.ts (the Overview refuses its figures by the same rule): unavailable with
 * reason historyTooShort, and the days needed and held in `values.needDays` and `values.haveDays`.
 */
function tooShort<K extends EvidenceKind>(
  kind: K,
  figure: HistoryFigure,
  x: EvidenceInput,
): EvidenceOf<K> | null {
  const have = x.kpis.historyDays;
  if (hasHistoryFor(figure, have)) return null;
  return make(kind, {
    available: false,
    reason: 'historyTooShort',
    values: { needDays: REQUIREMENT[figure], haveDays: have },
  });
}
const missing = <K extends EvidenceKind>(kind: K, reason: EvidenceReason, detail?: string): EvidenceOf<K> =>
  make(kind, { available: false, reason, detail });
const isRejectReason = (k: string): k is RejectReason => (REJECT_REASONS as readonly string[]).includes(k);

function segmentValue(x: EvidenceInput): EvidenceOf<'segmentValue'> {
  if (!x.table.hasAmount) return missing('segmentValue', 'noAmount');
  if (x.table.count === 0) return missing('segmentValue', 'noCustomers');
  const attributes = Object.keys(x.lines.codes).filter(isAttributeKey).length;
  const items = [...x.rfm.segments]
    .filter((s) => s.customers > 0)
    .sort((a, b) => b.revenueShare - a.revenueShare)
    .map((s) => ({
      key: s.segment,
      values: { customerShare: s.customerShare, revenueShare: s.revenueShare, meanRevenue: s.meanRevenue },
    }));
  return make('segmentValue', {
    values: { segments: items.length, attributes },
    items,
    notes: attributes === 0 ? ['noAttribute'] : [],
  });
}

function pareto(x: EvidenceInput): EvidenceOf<'pareto'> {
  const share = x.kpis.kpis.top20Share;
  if (!x.table.hasAmount) return missing('pareto', 'noAmount');
  if (share.value === null) return missing('pareto', 'noCustomers');
  const ids = x.lines.dicts.customer ?? [];
  return make('pareto', {
    values: { top20Share: share.value, top: x.kpis.topCustomers.length, customers: x.kpis.customers },
    items: x.kpis.topCustomers
      .slice(0, 10)
      .map((c) => ({ key: ids[c], values: { revenue: x.table.revenue[c] } })),
  });
}

function clvVsCac(x: EvidenceInput): EvidenceOf<'clvVsCac'> {
  if (!x.table.hasAmount) return missing('clvVsCac', 'noAmount');
  const f = x.forecast;
  if (!f || f.failure || !f.fit) return missing('clvVsCac', 'noForecast', f?.failure?.code);
  const h12 = f.horizons.find((h) => h.months === 12);
  const h36 = f.horizons.find((h) => h.months === 36);
  if (!h36 || h36.meanClv === null) return missing('clvVsCac', 'noForecast', f.spend?.failure?.code);
  const spendCac = x.spend?.blendedCac ?? null;
  const fromSpend = spendCac !== null && spendCac > 0 ? spendCac : null;
  const typed = x.user.cac !== null && x.user.cac > 0 ? x.user.cac : null;
  const cac = fromSpend ?? typed;
  return make('clvVsCac', {
    values: {
      meanClv12: h12?.meanClv ?? null,
      meanClv36: h36.meanClv,
      totalClv36: h36.clvTotal,
      cac,
      ratio: cac ? h36.meanClv / cac : null,
      marginRate: f.settings.marginRate,
    },
    notes: [fromSpend !== null ? 'cacFromSpend' : typed !== null ? 'cacTyped' : 'noCac'],
    warnings: [...f.warnings],
  });
}

function budgetShare(x: EvidenceInput): EvidenceOf<'budgetShare'> {
  const t = x.table;
  const short = tooShort('budgetShare', 'budgetShare', x);
  if (short) return short;
  // Existing customers: a first purchase before the last year (D − 365, D]; their share of that year's value.
  const cut = t.asOf - 365;
  let existing = 0;
  let total = 0;
  const byOccasions = !t.hasAmount;
  for (let c = 0; c < t.size; c++) {
    if (!t.isCustomer[c]) continue;
    const v = byOccasions ? t.lastYear.occasions[c] : t.lastYear.revenue[c];
    total += v;
    if (t.first[c] <= cut) existing += v;
  }
  if (total <= 0) return missing('budgetShare', 'noCustomers');
  const existingValueShare = existing / total;
  // The split of the spend data (shares 0..1) before the typed one (percent).
  const spend = x.spend;
  const fromSpend =
    spend && spend.acquisitionShare !== null && spend.existingShare !== null
      ? { acquisition: spend.acquisitionShare, existing: spend.existingShare }
      : null;
  const typedAcquisition = x.user.acquisitionShare;
  const typedExisting = x.user.existingShare;
  const acquisition = fromSpend
    ? fromSpend.acquisition
    : typedAcquisition === null
      ? null
      : typedAcquisition / 100;
  const existingBudget = fromSpend ? fromSpend.existing : typedExisting === null ? null : typedExisting / 100;
  const notes: EvidenceNote[] = [];
  if (byOccasions) notes.push('byOccasions');
  if (fromSpend) notes.push('budgetFromSpend');
  else if (acquisition === null && existingBudget === null) notes.push('noBudget');
  else notes.push('budgetTyped');
  return make('budgetShare', {
    values: {
      existingValueShare,
      newValueShare: 1 - existingValueShare,
      acquisitionBudgetShare: acquisition,
      existingBudgetShare: existingBudget,
      gap: existingBudget === null ? null : existingValueShare - existingBudget,
    },
    notes,
  });
}

/** The evidence that needs only the value stream map (also shown before any data is imported). */
export function mapEvidence(v: ValueStreamEvidence | null): Pick<EvidenceByKind, 'handoffs' | 'timeToValue'> {
  return { handoffs: handoffs(v), timeToValue: timeToValue(v, null) };
}

function handoffs(v: ValueStreamEvidence | null): EvidenceOf<'handoffs'> {
  if (!v || v.steps === 0) return missing('handoffs', 'noMap');
  return make('handoffs', {
    values: { first90Days: v.handoffsFirst90Days, total: v.handoffsTotal, steps: v.steps },
  });
}

/** Median days from the first to the second purchase occasion, over customers with at least two. */
function medianDaysToSecond(o: Occasions): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < o.customer.length; i++) {
    if (o.customer[i] === o.customer[i - 1] && (i < 2 || o.customer[i - 2] !== o.customer[i]))
      gaps.push(o.day[i] - o.day[i - 1]);
  }
  if (!gaps.length) return null;
  gaps.sort((a, b) => a - b);
  const m = gaps.length >> 1;
  return gaps.length % 2 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
}

function timeToValue(v: ValueStreamEvidence | null, toSecond: number | null): EvidenceOf<'timeToValue'> {
  if (!v || v.steps === 0)
    return make('timeToValue', {
      available: toSecond !== null,
      reason: 'noMap',
      values: { medianDaysToSecond: toSecond, mapDays: null, leadTimeDays: null },
    });
  return make('timeToValue', {
    values: { mapDays: v.timeToValueDays, leadTimeDays: v.leadTimeDays, medianDaysToSecond: toSecond },
  });
}

function firstOrderDropoff(x: EvidenceInput): EvidenceOf<'firstOrderDropoff'> {
  const t = x.table;
  if (t.count === 0) return missing('firstOrderDropoff', 'noCustomers');
  let single = 0;
  for (let c = 0; c < t.size; c++) if (t.isCustomer[c] && t.orders[c] === 1) single++;
  // Month 1 to 3 of the monthly cohorts: customers active in month k over those observable, complete cells only.
  const co = x.cohorts;
  const month = (k: number): number | null => {
    let active = 0;
    let eligible = 0;
    for (let r = 0; r < co.cohorts.length; r++) {
      const share = co.activeShare[r]?.[k];
      if (share === null || share === undefined || co.incomplete[r][k]) continue;
      active += share * co.eligible[r][k];
      eligible += co.eligible[r][k];
    }
    return eligible > 0 ? active / eligible : null;
  };
  return make('firstOrderDropoff', {
    values: {
      singleOrderShare: single / t.count,
      singleOrder: single,
      month1: month(1),
      month2: month(2),
      month3: month(3),
    },
  });
}

function reactivation(x: EvidenceInput): EvidenceOf<'reactivation'> {
  const t = x.table;
  if (t.count === 0) return missing('reactivation', 'noCustomers');
  const short = tooShort('reactivation', 'reactivation', x);
  if (short) return short;
  let inactive = 0;
  let revenue = 0;
  let total = 0;
  for (let c = 0; c < t.size; c++) {
    if (!t.isCustomer[c]) continue;
    total += t.revenue[c];
    if (t.asOf - t.last[c] > 365) {
      inactive++;
      revenue += t.revenue[c];
    }
  }
  return make('reactivation', {
    values: {
      inactive,
      share: inactive / t.count,
      revenue: t.hasAmount ? revenue : null,
      revenueShare: t.hasAmount && total > 0 ? revenue / total : null,
    },
    notes: t.hasAmount ? [] : ['noAmount'],
  });
}

function dataJoined(x: EvidenceInput): EvidenceOf<'dataJoined'> {
  const has = (k: JoinedColumn) => (x.columns.includes(k) ? 1 : 0);
  return make('dataJoined', {
    values: {
      amount: has('amount'),
      order: has('order'),
      product: has('product'),
      category: has('category'),
      channel: has('channel'),
      region: has('region'),
      margin: has('margin'),
      attributes: x.columns.filter((k) => k.startsWith('attr:')).length,
    },
    notes: ['orderDataOnly'],
  });
}

function dataQuality(x: EvidenceInput): EvidenceOf<'dataQuality'> {
  const s = x.summary;
  if (!s) return missing('dataQuality', 'noSummary');
  return make('dataQuality', {
    values: {
      rowsRead: s.rowsRead,
      rejected: s.rejected,
      rejectedShare: s.rowsRead > 0 ? s.rejected / s.rowsRead : 0,
      duplicates: s.duplicateLines,
      duplicatesDropped: x.dropDuplicates ? 1 : 0,
      returns: s.returnLines,
    },
    items: Object.entries(s.rejectReasons)
      .filter((e): e is [RejectReason, number] => isRejectReason(e[0]) && (e[1] ?? 0) > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => ({ key: reason, values: { rows: n } })),
  });
}

const BUILDERS: { [K in EvidenceKind]: (x: EvidenceInput) => EvidenceOf<K> } = {
  segmentValue,
  pareto,
  clvVsCac,
  budgetShare,
  handoffs: (x) => handoffs(x.valueStream),
  timeToValue: (x) => timeToValue(x.valueStream, medianDaysToSecond(x.occasions)),
  firstOrderDropoff,
  reactivation,
  dataJoined,
  dataQuality,
};

export const EVIDENCE_KINDS = Object.keys(BUILDERS) as EvidenceKind[];

export function computeEvidence(x: EvidenceInput): EvidenceByKind {
  return Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, BUILDERS[k](x)])) as EvidenceByKind;
}
