/**
 * Actions (METRICS.md "Actions"; choices in docs/actions.md): the lists to act on (reactivation, due now, cross-sell
 * whitespace, upsell), the customers × categories matrix, the co-purchase heatmap, the product journey and the
 * campaigns saved from a list with their measured outcome. Every type that crosses from the worker to the Actions
 * view, and the stored campaign, is here.
 */
import type { Segment } from './segments';

/** The lists of the Actions view. */
export type ActionListKind = 'reactivation' | 'due' | 'whitespace' | 'upsell';
export const ACTION_LISTS: readonly ActionListKind[] = ['reactivation', 'due', 'whitespace', 'upsell'];

/** Why a list (or the cross-sell part) cannot be computed, said in words by the view. */
export type ActionReason =
  /** No customers in the scope. */
  | 'noCustomers'
  /** Due now needs a forecast: no amount column or the fit failed (`forecastFailed`). */
  | 'noForecast'
  | 'forecastFailed'
  /** Cross-sell needs a category column, or a product column with at most 200 products. */
  | 'noCategory'
  | 'tooManyProducts'
  /** Whitespace needs a chosen pair (A → B). */
  | 'noPair'
  /**
   * Reactivation: the history is too short for "no purchase for more than N months" to mean anything (the same
   * rule as the self-check's inactive customers; the summary's `historyDays` and `neededDays` say by how much).
   */
  | 'tooShort'
  /** Upsell compares order values: it needs an amount column. */
  | 'noAmount';

/** The criteria of a list: what the view asks for and what a campaign stores (plain data, no state proxies). */
export interface ActionListQuery {
  list: ActionListKind;
  /** Reactivation: N months without a purchase occasion (default 12). */
  inactiveMonths?: number;
  /** Reactivation: M months without a contact (default 6), used only when the master data has last-contact dates. */
  contactMonths?: number;
  /** Only customers of this RFM segment (null or absent: all). */
  segment?: Segment | null;
  /** Whitespace: the pair A → B, by label of the matrix column (category, or product). */
  pair?: { a: string; b: string } | null;
  /** Case-insensitive part of the customer id or name. */
  search?: string;
  /**
   * Due: every customer of the forecast (with the expected next order date and the own rhythm), not only the
   * overdue ones; sorted by the expected date, earliest first, unless `sort` says otherwise.
   */
  dueAll?: boolean;
  /** Sort key (default: the list's value, highest first; due with `dueAll`: the expected date) and direction. */
  sort?: ActionSort;
  descending?: boolean;
}

export type ActionSort = 'value' | 'id' | 'lastOrder' | 'revenue' | 'orders' | 'pAlive' | 'expectedNext';

/**
 * One customer of a list, ready to draw. Dates are ISO (YYYY-MM-DD); money in the dataset's currency. Fields a list
 * does not have are null.
 */
export interface ActionRow {
  code: number;
  id: string;
  /** From the master data (null without one). */
  name: string | null;
  segment: Segment;
  firstOrder: string;
  lastOrder: string;
  daysSinceLast: number;
  /** Purchase orders and net revenue up to D. */
  orders: number;
  revenue: number;
  /** The customer's top categories (or products) by net revenue, at most 3, highest first. */
  usualProducts: string[];
  /** Categories (or products) of the last purchase order. */
  lastProducts: string[];
  /** P(alive) at D, null without a forecast. */
  pAlive: number | null;
  /**
   * The list's ranking value: reactivation = value at stake; due = P(alive) × expected spend per purchase;
   * whitespace = revenue in B expected from this customer (confidence(A → B) × mean revenue in B of the A-and-B
   * buyers); upsell = (segment median AOV − own AOV) × purchase orders.
   */
  value: number;
  /** Reactivation: why the customer is on the list. */
  reasons: ('noPurchase' | 'noContact')[];
  /** Reactivation: the yearly value (margin or revenue) before P(alive); last contact from the master data. */
  yearlyValue: number | null;
  lastContact: string | null;
  /** Due: expected next order date (model) and the own rhythm in days (t_x / x). Shown on every list with a forecast. */
  expectedNext: string | null;
  rhythmDays: number | null;
  /** Upsell: own AOV and the segment's median AOV; F score. */
  aov: number | null;
  segmentMedianAov: number | null;
  f: number;
}

/** What a list rests on, for the words beside it (the same rules on every screen that shows a list). */
export interface ActionListSummary {
  list: ActionListKind;
  /** Customers on the list (after segment and search). */
  total: number;
  /** Sum of the rows' values. */
  valueTotal: number;
  /** Null when the list can be computed; else why not (then total = 0). */
  unavailable: ActionReason | null;
  /** Reactivation: margin or revenue as the value basis; whether P(alive) entered; rows without one. */
  valueBasis: 'margin' | 'revenue' | null;
  withPAlive: boolean;
  withoutPAlive: number;
  /** Reactivation: the contact criterion was applied (the master data has last-contact dates). */
  contactCriterion: boolean;
  /** Due: ranked with the expected spend per purchase (Gamma-Gamma), else P(alive) alone. */
  withSpend: boolean;
  /** The forecast model and unit the list rests on (null without a forecast). */
  model: string | null;
  unit: string | null;
  /** The as-of date D (ISO). */
  asOf: string;
  /** Reactivation: days of data up to D and the days the inactive window needs (both set with `tooShort`). */
  historyDays?: number;
  neededDays?: number;
  /** The forecast's warnings (ForecastWarning, e.g. 'weakDropout') for every list that shows P(alive). */
  forecastWarnings?: string[];
  /**
   * False when the data have no amount column: reactivation is then ranked by days since the last purchase (no
   * value at stake, `valueBasis` null), whitespace by expected additional buyers (confidence per customer).
   */
  hasAmount?: boolean;
}

export interface ActionPageRequestPart {
  offset: number;
  limit: number;
}

export interface ActionPage {
  total: number;
  rows: ActionRow[];
  summary: ActionListSummary;
}

/** The co-purchase figures of one pair (METRICS: support, confidence, lift; whitespace and its expected revenue). */
export interface ActionPair {
  a: string;
  b: string;
  supportA: number;
  supportB: number;
  /** Customers who bought A and B. */
  both: number;
  confidence: number;
  lift: number;
  /** Customers who bought A and not B. */
  whitespace: number;
  expectedRevenue: number;
  /** Expected additional buyers of B = whitespace × confidence (the ranking without an amount column). */
  expectedBuyers?: number;
}

/** The heatmap: the K most bought categories (by buyers, at most 20), K × K, row = A, column = B. */
export interface ActionHeatmap {
  labels: string[];
  buyers: number[];
  support: number[];
  /** [A · K + B]; NaN on the diagonal and where A has no buyers. */
  confidence: number[];
  lift: number[];
  both: number[];
  /** Categories left out of the heatmap (beyond the 20 most bought). */
  omitted: number;
}

export interface JourneyTransition {
  from: string;
  to: string;
  customers: number;
  /** customers / customers with at least two purchase orders whose first main category is `from`. */
  share: number;
}

/** Everything of the Actions view except the list pages, in one answer (memoised per scope and settings). */
export interface ActionsOverview {
  asOf: string;
  customers: number;
  /** Size, value total and availability of each list (with the default criteria of the request). */
  lists: Record<ActionListKind, ActionListSummary>;
  /** 'category', or 'product' when there is no category column and at most 200 products; null: no cross-sell. */
  crossSellKey: 'category' | 'product' | null;
  crossSellUnavailable: ActionReason | null;
  /** False without an amount column: the whitespace pairs are ranked by expected additional buyers. */
  hasAmount?: boolean;
  heatmap: ActionHeatmap | null;
  /** Whitespace pairs ranked by expected additional revenue (at most 50). */
  whitespace: ActionPair[];
  /** Product journey: transitions ranked by customers (at most 50); `journeyCustomers` = customers with ≥ 2 orders. */
  journey: JourneyTransition[];
  journeyCustomers: number;
  /** The matrix's columns (all categories or products, by buyers) and the number of customers. */
  matrixColumns: string[];
  computeMs: number;
}

/** The matrix's sort: by id, revenue, number of categories bought, or one column (buyers first). */
export type MatrixSort = { by: 'id' | 'revenue' | 'count' } | { by: 'column'; column: string };

export interface MatrixQuery {
  sort: MatrixSort;
  descending: boolean;
  search?: string;
  segment?: Segment | null;
  /** Only customers who bought every `has` column and none of the `hasNot` columns. */
  has?: string[];
  hasNot?: string[];
}

export interface MatrixRow {
  code: number;
  id: string;
  segment: Segment;
  revenue: number;
  /** Indexes into `matrixColumns` of the columns bought. */
  bought: number[];
}

export interface MatrixPage {
  total: number;
  columns: string[];
  rows: MatrixRow[];
}

// ---------------------------------------------------------------------------------------------------------------
// Campaigns

/** A stage of a campaign's workflow: day after the start, title and the message text with {fields}. */
export interface CampaignStage {
  day: number;
  title: string;
  text: string;
  /** ISO date the stage was marked done, null while open. */
  doneAt: string | null;
}

/**
 * The fields a message text can use, written `{field}` in the text; each filled from the customer's history at the
 * campaign's date. An unknown `{…}` stays as written.
 */
export const MESSAGE_FIELDS = [
  'customer',
  'name',
  'lastOrderDate',
  'daysSinceLastOrder',
  'lastProducts',
  'usualProducts',
  'orders',
  'revenue',
  'suggestion',
] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

/** The stored campaign (Dexie table `campaigns`, one row per campaign, per workspace). */
export interface CampaignRecord {
  id?: number;
  workspaceId: number;
  name: string;
  createdAt: number;
  /** The list and its criteria at saving. */
  query: ActionListQuery;
  /** The dataset and as-of date C the list was taken from (ISO); the dataset may be gone later. */
  datasetId: number;
  datasetName: string;
  savedAsOf: string;
  /** Attribute filters in force at saving (plain data). */
  filters: { attribute: string; values: string[] }[];
  /** Customer ids (as in the data) of the list, in list order. */
  customers: string[];
  /** Customer ids that met the criteria at C and were held back (the comparison group). */
  comparison: string[];
  /** Whitespace campaigns: the category (or product) offered, B; its purchases count as conversion. */
  target: string | null;
  /** Outcome window W in days (default 90). */
  windowDays: number;
  stages: CampaignStage[];
  updatedAt: number;
}

/** A campaign as the list shows it (without the id lists). */
export type CampaignInfo = Omit<CampaignRecord, 'customers' | 'comparison'> & {
  id: number;
  size: number;
  comparisonSize: number;
};

export interface SaveCampaignOptions {
  name: string;
  query: ActionListQuery;
  /** Take the whole list or its first `top` rows (in the list's order). */
  top: number | null;
  /** Share (0–0.5) of the taken customers held back at random as the comparison group; 0: none. */
  holdOutShare: number;
  windowDays: number;
  stages: CampaignStage[];
}

export type CampaignPatch = Partial<Pick<CampaignRecord, 'name' | 'windowDays' | 'stages'>>;

/** The figures of one group (METRICS "Campaign outcome"). */
export interface CampaignGroup {
  size: number;
  /** Customers with a purchase occasion in the window (whitespace: with a purchase in the target). */
  converted: number;
  rate: number;
  /** Net revenue of the group in the window (whitespace: also in the target alone). */
  revenue: number;
  targetRevenue: number | null;
  /** Ids of the group not found in the data (counted in the size, as not converted). */
  missing: number;
}

export type CampaignOutcomeReason = 'noLaterData' | 'noComparison' | 'emptyList';

export interface CampaignOutcomeView {
  campaignId: number;
  /** The data it is measured on: the dataset and as-of of the request. */
  datasetName: string;
  asOf: string;
  windowStart: string;
  windowEnd: string;
  /** True when the window is cut at D (shorter than W). */
  partial: boolean;
  kind: 'winBack' | 'crossSell';
  list: CampaignGroup | null;
  listReason: CampaignOutcomeReason | null;
  comparison: CampaignGroup | null;
  comparisonReason: CampaignOutcomeReason | null;
  /** list.rate − comparison.rate, when both exist. */
  uplift: number | null;
}

/** One customer's filled messages (one per stage), for the preview, the CSV and the clipboard. */
export interface CampaignMessageRow {
  id: string;
  name: string | null;
  fields: Record<MessageField, string>;
  messages: string[];
}

export interface CampaignMessagePage {
  total: number;
  rows: CampaignMessageRow[];
  /** False when the campaign's dataset is gone: the fields then come from the request's dataset at C. */
  fromSavedDataset: boolean;
}
