/**
 * Typed maps from the analysis vocabulary (KPI ids, reasons, RFM segments) to their texts, shared by the views:
 * every key is checked against the dictionaries, none is built from a template.
 */
import type { MessageKey } from '../i18n/i18n.svelte';
import type { KpiId, Unavailable } from '../analytics/kpis';
import type { Segment } from '../analytics/rfm';

/** The KPIs the views show, with their name and definition. */
export const KPI_TEXT = {
  clvHistoric: { label: 'kpi.clvHistoric', def: 'kpi.clvHistoric.def' },
  aov: { label: 'kpi.aov', def: 'kpi.aov.def' },
  purchaseFrequency: { label: 'kpi.purchaseFrequency', def: 'kpi.purchaseFrequency.def' },
  repeatRate: { label: 'kpi.repeatRate', def: 'kpi.repeatRate.def' },
  churnRate: { label: 'kpi.churnRate', def: 'kpi.churnRate.def' },
  retentionRate: { label: 'kpi.retentionRate', def: 'kpi.retentionRate.def' },
  lifespanYears: { label: 'kpi.lifespanYears', def: 'kpi.lifespanYears.def' },
  clvSimple: { label: 'kpi.clvSimple', def: 'kpi.clvSimple.def' },
  nrr: { label: 'kpi.nrr', def: 'kpi.nrr.def' },
  grr: { label: 'kpi.grr', def: 'kpi.grr.def' },
  top20Share: { label: 'kpi.top20Share', def: 'kpi.top20Share.def' },
  gini: { label: 'kpi.gini', def: 'kpi.gini.def' },
} as const satisfies Partial<Record<KpiId, { label: MessageKey; def: MessageKey }>>;

/** A KPI that has a name and a definition in the dictionaries. */
export type ShownKpi = keyof typeof KPI_TEXT;

/** Why a KPI cannot be computed. */
export const KPI_REASON: Record<Unavailable, MessageKey> = {
  noAmount: 'kpi.reason.noAmount',
  historyTooShort: 'kpi.reason.historyTooShort',
  noCustomers: 'kpi.reason.noCustomers',
  noChurn: 'kpi.reason.noChurn',
  noBaseRevenue: 'kpi.reason.noBaseRevenue',
};

/** The name of each RFM segment. */
export const SEGMENT_LABEL: Record<Segment, MessageKey> = {
  champions: 'seg.champions',
  loyal: 'seg.loyal',
  potentialLoyalists: 'seg.potentialLoyalists',
  newCustomers: 'seg.newCustomers',
  promising: 'seg.promising',
  needAttention: 'seg.needAttention',
  aboutToSleep: 'seg.aboutToSleep',
  cantLoseThem: 'seg.cantLoseThem',
  atRisk: 'seg.atRisk',
  hibernating: 'seg.hibernating',
  lost: 'seg.lost',
};

/** The suggested action of each RFM segment (before the user edits it). */
export const SEGMENT_ACTION: Record<Segment, MessageKey> = {
  champions: 'act.champions',
  loyal: 'act.loyal',
  potentialLoyalists: 'act.potentialLoyalists',
  newCustomers: 'act.newCustomers',
  promising: 'act.promising',
  needAttention: 'act.needAttention',
  aboutToSleep: 'act.aboutToSleep',
  cantLoseThem: 'act.cantLoseThem',
  atRisk: 'act.atRisk',
  hibernating: 'act.hibernating',
  lost: 'act.lost',
};
