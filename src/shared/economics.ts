/**
 * Economics (METRICS.md, "Economics"): the records of the two workspace import sources (customer master data and
 * marketing spend) as the worker reads them, and the figures that cross the worker boundary to the Economics view,
 * the self-check and the report. Plain data only (structured-clone safe).
 */

/**
 * The rows of one imported record file (master data or spend), column-wise. Column keys are the source's roles
 * (`customer`, `acquisitionChannel`, `period`, `amount`, …) and `attr:<name>` for the columns kept as attributes.
 * Blank cells: '' in a code column's dictionary, NO_DAY (shared/columns.ts) in a day column, NaN in a number column.
 */
export interface RecordColumns {
  /** Number of rows. */
  n: number;
  /** Code columns: one code per row into `dicts[key]`. Ids are normalized like the orders' customer ids. */
  codes: Record<string, Int32Array>;
  dicts: Record<string, string[]>;
  /** Day columns: day numbers (days since 1970-01-01). */
  days: Record<string, Int32Array>;
  /** Number columns. */
  numbers: Record<string, Float64Array>;
  /** The header label of each stored column (by key), for the attribute names shown. */
  labels: Record<string, string>;
}

/** A stored record file of a workspace, as listed in the Data view. */
export interface RecordFileInfo {
  id: number;
  workspaceId: number;
  /** 'customers' (master data) or 'spend'. */
  source: RecordSourceId;
  name: string;
  fileName: string;
  /** Bytes of the imported file (with its name, how a second import of the same file is recognised). */
  fileSize?: number;
  createdAt: number;
  rowCount: number;
  /** The ImportSummary of its import (rows read, imported, rejected with reasons). */
  summary: import('./types').ImportSummary | null;
  /** Mapped roles and attribute columns (ColumnInfo). */
  columns: import('./types').ColumnInfo[];
}

export type RecordSourceId = 'customers' | 'spend';

/** A spend month typed into the month × channel grid (Settings). */
export interface TypedSpend {
  /** YYYY-MM. */
  month: string;
  channel: string;
  amount: number;
}

/** What a spend row is for (METRICS "Spend purpose"). */
export type SpendPurpose = 'acquisition' | 'existing';

/**
 * Why an economics figure is not available. Every reason has words in the Economics texts.
 * - noAmount: the orders have no amount column;
 * - noMargin: no cost/margin column, no category margin and no workspace margin;
 * - noSpend: no (acquisition) spend on the channel or in the period;
 * - noNewCustomers: no new customers on the channel or in the period;
 * - noMaster: the figure needs customer master data;
 * - noFirstContact: the master data has no first-contact date;
 * - noScores: no NPS/recommendation scores on the 0–10 scale;
 * - noForecast: the purchase or spend model could not be fitted (the forecast's failure says why);
 * - shortHistory: the data cover too little time (e.g. no full first year for payback, < 730 days for NRR);
 * - noCustomers: no customers in the scope;
 * - noImpressions / noClicks / noLeads: the spend data lack that column;
 * - zeroCac: the CAC is 0, so a ratio to it is undefined;
 * - noPayback: the contribution per new customer in its first year is ≤ 0 (payback months), or does not reach
 *   the CAC within the first 12 months (observed payback month).
 */
export type EconomicsReason =
  | 'noAmount'
  | 'noMargin'
  | 'noSpend'
  | 'noNewCustomers'
  | 'noMaster'
  | 'noFirstContact'
  | 'noScores'
  | 'noForecast'
  | 'shortHistory'
  | 'noCustomers'
  | 'noImpressions'
  | 'noClicks'
  | 'noLeads'
  | 'zeroCac'
  | 'noPayback'
  | 'filtered';

/** A figure: its value, or null and the reason. */
export interface Figure {
  value: number | null;
  reason: EconomicsReason | null;
}

/** Which settings the figures used, and which of them are defaults the user never set (said next to the figures). */
export interface SettingsUsed {
  /** Where line margins came from: the mapped cost/margin column, category rates, the workspace rate, or none. */
  marginSource: 'column' | 'category' | 'workspace' | 'none';
  /** The workspace gross margin in percent (null: not set). */
  marginPercent: number | null;
  /** Categories with a margin rate of their own. */
  categoryMargins: number;
  costPerOrder: number;
  costPerReturn: number;
  serviceCostPerTicket: number;
  serviceCostPerCustomerYear: number;
  /**
   * 'master' when the master data has a service-cost column (each customer's own cost), 'tickets' when it has
   * tickets and a cost per ticket is set, 'yearly' with a yearly cost, else none.
   */
  serviceBasis: 'master' | 'tickets' | 'yearly' | 'none';
  /** Monthly discount rate (0.01 = 1 %). */
  discountMonthly: number;
  targetLtvToCac: number;
  horizonMonths: number;
  /** The purchase model behind the predicted figures. */
  model: 'bgnbd' | 'paretonbd' | 'mbgnbd';
  /** Settings that rest on a default (keys of CostFigures), to be said in words. */
  defaults: string[];
}

/** How the master data joined the orders by customer id (METRICS: ids on one side only are counted and shown). */
export interface MasterJoinInfo {
  fileName: string;
  masterRows: number;
  /** Customers of the orders (in scope) that have a master row. */
  matched: number;
  onlyInMaster: number;
  onlyInOrders: number;
  /** Master rows whose id appeared before (the last row of an id wins). */
  duplicateIds: number;
  /** Up to 20 example ids of each side. */
  sampleOnlyInMaster: string[];
  sampleOnlyInOrders: string[];
}

/** The spend the figures used. */
export interface SpendInfo {
  files: number;
  rows: number;
  typedMonths: number;
  /** First and last month with spend (YYYY-MM), or null. */
  firstMonth: string | null;
  lastMonth: string | null;
  total: number;
  acquisition: number;
  existing: number;
  /** Channels with spend that no customer was acquired through in the master data / orders (shown, not dropped). */
  channelsNotInCustomers: string[];
}

/** Contribution margin per customer (historic, up to D) and its parts, in the dataset's currency. */
export interface ContributionResult {
  available: boolean;
  reason: EconomicsReason | null;
  customers: number;
  total: number;
  mean: number;
  median: number;
  /** Totals of the parts: line margins (returns included) and the costs subtracted. */
  parts: { lineMargin: number; orderCosts: number; returnCosts: number; serviceCosts: number };
  unprofitable: {
    count: number;
    share: number;
    /** Their revenue, and its share of all revenue. */
    revenue: number;
    revenueShare: number;
    /** Their (negative) contribution margin in total. */
    margin: number;
  };
  /** Customers per margin bin (equal-width bins from the 1st to the 99th percentile; the outer bins are open). */
  histogram: { from: number; to: number; customers: number }[];
  /** The most unprofitable customers (lowest margin first, up to 20). */
  worst: {
    customer: string;
    revenue: number;
    margin: number;
    orders: number;
    returnOrders: number;
    tickets: number | null;
  }[];
  /**
   * Predicted contribution margin over the horizon (the margin CLV minus the expected order, return and service
   * costs; see docs/economics.md), or null with the reason.
   */
  predicted: { months: number; total: number | null; mean: number | null; reason: EconomicsReason | null };
}

/** One channel (null channel: "unknown"). */
export interface ChannelRow {
  channel: string | null;
  /** Customers acquired through the channel (all time up to D) and new ones in (D − 365d, D]. */
  customers: number;
  newCustomers: number;
  /** Acquisition spend on the channel in (D − 365d, D]. */
  spend: number;
  cac: Figure;
  /** METRICS newCustomerClv; `fit` says whether the channel's own fit or the fit on all customers was used. */
  newCustomerClv: Figure & { fit: 'channel' | 'all' | null };
  maxAffordableCac: Figure;
  ltvToCac: Figure;
  paybackMonths: Figure;
  /** Month (1…) in which the cumulative contribution per new customer first reached the CAC; null: not yet. */
  observedPaybackMonth: Figure;
  /** Where the channel name appears. */
  inCustomers: boolean;
  inSpend: boolean;
}

export type CacGranularity = 'month' | 'quarter' | 'year';

/** CAC per channel and blended, per period. */
export interface CacPeriods {
  granularity: CacGranularity;
  periods: {
    /** YYYY-MM, YYYY-Qn or YYYY. */
    label: string;
    /** First day of the period (YYYY-MM-DD). */
    start: string;
    byChannel: { channel: string | null; spend: number; newCustomers: number; cac: number | null }[];
    blended: { spend: number; newCustomers: number; cac: number | null };
  }[];
}

export interface CohortRetention {
  year: number;
  /** Customers of the cohort active in (D − 730d, D − 365d]. */
  customers: number;
  nrr: Figure;
  grr: Figure;
}

export interface TimeToValue extends Figure {
  /** Customers with a first-contact date and a first purchase on or after it. */
  customers: number;
  /** Contacts dated after the first purchase: a data problem, counted and shown. */
  contactsAfterFirstPurchase: number;
}

export type FunnelPhase = 'awareness' | 'consideration' | 'decision' | 'delivery' | 'retention' | 'advocacy';

export type FunnelKpi =
  | 'impressions'
  | 'clicks'
  | 'clickRate'
  | 'costPerClick'
  | 'leads'
  | 'costPerLead'
  | 'leadConversion'
  | 'newCustomers'
  | 'firstOrderAov'
  | 'aov'
  | 'repeatRate'
  | 'clv'
  | 'nps';

/** What to import to fill a phase without data. */
export type FunnelHint = 'spendImpressions' | 'spendClicksLeads' | 'orders' | 'masterNps';

export interface FunnelStage {
  phase: FunnelPhase;
  kpis: { id: FunnelKpi; value: number | null; unit: 'count' | 'percent' | 'money' }[];
  /** Null when the phase has data. */
  hint: FunnelHint | null;
}

export interface BudgetAllocation {
  /** Where the spend split comes from: spend data with purposes, the typed shares in "your figures", or nothing. */
  source: 'spend' | 'typed' | 'none';
  /** Shares of spend (0..1), or null without spend. */
  acquisitionShare: number | null;
  existingShare: number | null;
  acquisitionSpend: number | null;
  existingSpend: number | null;
  /** (a) revenue in (D − 365d, D] of existing and of new customers. */
  revenueExisting: number;
  revenueNew: number;
  revenueShareExisting: number | null;
  /** (b) predicted value: Σ predicted CLV of existing customers, newCustomerClv × new customers of the last year. */
  valueExisting: number | null;
  valueNew: number | null;
  valueShareExisting: number | null;
  /** The value-weighted split (shares of spend, 0..1). */
  suggested: { acquisition: number; existing: number } | null;
  /** The mismatch in words: more than 10 points off the value-weighted split to either side, or balanced. */
  verdict: 'overAcquisition' | 'overExisting' | 'balanced' | null;
  reason: EconomicsReason | null;
}

/** The inputs of the seed formula CLV = AOV × frequency × lifespan − CAC, prefilled from the data. */
export interface CalculatorInputs {
  aov: number | null;
  /** Orders per customer per year. */
  frequency: number | null;
  lifespanYears: number | null;
  /** Blended CAC of the last 365 days from the spend data, else the typed CAC, else null. */
  cac: number | null;
  cacSource: 'spend' | 'typed' | 'none';
  /** Margin rate (0..1) of the scope: margin / revenue when margins exist, else null. */
  marginRate: number | null;
}

export interface EconomicsRequestOptions {
  granularity: CacGranularity;
  /** Forecast horizon in months for the predicted figures (default 36). */
  horizonMonths: 12 | 36;
}

export interface EconomicsResult {
  asOf: string;
  /** A filter is active: the figures of spend against customers (CAC, LTV:CAC, payback, lead conversion, budget
   * split) are unavailable with the reason 'filtered'. */
  filtered: boolean;
  currency: string;
  hasAmount: boolean;
  customers: number;
  settings: SettingsUsed;
  master: MasterJoinInfo | null;
  spend: SpendInfo | null;
  contribution: ContributionResult;
  channels: ChannelRow[];
  blended: { spend: number; newCustomers: number; cac: Figure };
  cacPeriods: CacPeriods;
  retention: CohortRetention[];
  timeToValue: TimeToValue;
  funnel: FunnelStage[];
  /** The same funnel for each channel of `channels` (its spend rows, new customers and customers' orders). */
  funnelByChannel: { channel: string | null; stages: FunnelStage[] }[];
  budget: BudgetAllocation;
  calculator: CalculatorInputs;
  /** The forecast behind the predicted figures failed or was not possible: why (the forecast's failure code). */
  forecastFailure: string | null;
  computeMs: number;
}

/** What-if levers, in percent (+10 = 10 % more; churn +10 = the mean dropout probability 10 % higher). */
export interface WhatIfLevers {
  aov: number;
  frequency: number;
  churn: number;
  cac: number;
}

export interface WhatIfSide {
  clvSimple: number | null;
  clvSimpleMargin: number | null;
  /** Mean predicted CLV per customer over the horizon and its total over the base. */
  clvPerCustomer: number | null;
  baseValue: number | null;
}

export interface WhatIfResult {
  levers: WhatIfLevers;
  horizonMonths: number;
  before: WhatIfSide;
  after: WhatIfSide;
  /** Whether the predicted CLV is on margin (the scope's margin rate) or, without a margin, on revenue. */
  onMargin?: boolean;
  reason: EconomicsReason | null;
}

/** The seed formula (METRICS clvSimple): AOV × frequency × lifespan − CAC; null when an input is missing. */
export function clvSimpleFormula(
  aov: number | null,
  frequency: number | null,
  lifespanYears: number | null,
  cac: number | null,
  marginRate = 1,
): number | null {
  if (aov === null || frequency === null || lifespanYears === null) return null;
  return aov * frequency * lifespanYears * marginRate - (cac ?? 0);
}
