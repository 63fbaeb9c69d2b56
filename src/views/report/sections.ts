/**
 * The report's sections, in the order they print: one entry per view. A view that wants to appear in the client
 * report adds one entry here: its title, the texts its figures are named in, the component that draws its figures
 * as tables (asking the worker through the same queries as the view), and the definitions of the figures it shows
 * (the keys the view already uses, so the appendix says exactly what the view says). Every label of a figure in
 * the section's tables carries `data-def` with the label key of its definition here (the appendix's terms carry
 * the same), and every other column header `data-dim` (a segment, a month, a channel: not a figure); the e2e test
 * checks that every figure shown has its definition.
 */
import type { Component } from 'svelte';
import type { LazyFeature, MessageKey } from '../../i18n/messages';
import { KPI_FORMULA, KPI_TEXT, type ShownKpi } from '../../i18n/messages/overview';
import type { ReportTr } from './report-texts';
import OverviewSection from './OverviewSection.svelte';
import CustomersSection from './CustomersSection.svelte';
import SegmentsSection from './SegmentsSection.svelte';
import CohortsSection from './CohortsSection.svelte';
import ForecastSection from './ForecastSection.svelte';
import EconomicsSection from './EconomicsSection.svelte';
import ActionsSection from './ActionsSection.svelte';
import SelfCheckSection from './SelfCheckSection.svelte';
import ValueStreamSection from './ValueStreamSection.svelte';
import { OVERVIEW_KPIS, SEGMENT_KPIS } from './kpi-lists';

export interface SectionProps {
  tr: ReportTr;
  currency: string;
}

export interface FigureDefinition {
  /** The key of the figure's label in the section's tables (their `data-def`), and its term in the appendix. */
  label: MessageKey;
  /** The term in the appendix when the label alone is ambiguous there (another figure is labelled alike). */
  term?: MessageKey;
  def: MessageKey;
  formula?: MessageKey;
  params?: Record<string, string | number>;
}

export interface ReportSection {
  id: string;
  title: MessageKey;
  /** Texts of views that load lazily and that this section's figures are named in. */
  texts?: readonly LazyFeature[];
  component: Component<SectionProps>;
  definitions: readonly FigureDefinition[];
}

const kpiDefinition = (id: ShownKpi): FigureDefinition => ({
  label: KPI_TEXT[id].label,
  def: KPI_TEXT[id].def,
  formula: KPI_FORMULA[id],
});

export const REPORT_SECTIONS: readonly ReportSection[] = [
  {
    id: 'overview',
    title: 'nav.overview',
    component: OverviewSection,
    definitions: [
      { label: 'rp.customersCol', def: 'rp.customersColDef' },
      ...OVERVIEW_KPIS.map((k) => kpiDefinition(k.id)),
      { label: 'ov.trendRevenue', def: 'rp.trendRevenueDef' },
      { label: 'ov.trendActive', def: 'rp.trendActiveDef' },
      { label: 'ov.trendNew', def: 'rp.trendNewDef' },
    ],
  },
  {
    id: 'customers',
    title: 'nav.customers',
    component: CustomersSection,
    definitions: [
      { label: 'cu.rfm', def: 'cu.tieRule', formula: 'cu.tieRuleFormula' },
      { label: 'cu.revenueShare', def: 'rp.cuRevenueShareDef' },
      { label: 'rp.customersCol', def: 'rp.customersColDef' },
      { label: 'cu.meanRecency', def: 'rp.cuRecencyDef' },
      { label: 'cu.meanOrders', def: 'rp.cuMeanOrdersDef' },
      { label: 'cu.meanRevenue', def: 'rp.cuMeanRevenueDef' },
    ],
  },
  {
    id: 'segments',
    title: 'nav.segments',
    component: SegmentsSection,
    definitions: [
      { label: 'rp.customersCol', def: 'rp.customersColDef' },
      ...SEGMENT_KPIS.map((k) => kpiDefinition(k.id)),
    ],
  },
  {
    id: 'cohorts',
    title: 'nav.cohorts',
    component: CohortsSection,
    definitions: [
      { label: 'co.size', term: 'rp.coSizeTerm', def: 'rp.coSizeDef' },
      { label: 'co.m.activeShare', def: 'co.m.activeShare.def' },
      { label: 'co.m.cumulativeRevenuePerCustomer', def: 'co.m.cumulativeRevenuePerCustomer.def' },
    ],
  },
  {
    id: 'forecast',
    title: 'nav.forecast',
    component: ForecastSection,
    definitions: [
      {
        label: 'fc.expectedTotal',
        def: 'fc.expectedTotalDef',
        formula: 'fc.expectedTotalFormula',
        params: { n: 12 },
      },
      { label: 'fc.customers', def: 'rp.fcCustomersDef' },
      { label: 'rp.customersCol', def: 'rp.customersColDef' },
      { label: 'fc.clvTotal', def: 'rp.fcClvTotalDef', formula: 'fc.clvFormula', params: { n: 12 } },
      { label: 'fc.meanClv', def: 'fc.meanClvDef', formula: 'fc.clvFormula', params: { n: 12 } },
      { label: 'fc.meanPAlive', def: 'rp.fcMeanPAliveDef' },
      { label: 'rp.fcIntervals', def: 'rp.fcIntervalsDef', formula: 'rp.fcIntervalsFormula' },
      { label: 'rp.fcScorecard', def: 'rp.fcScorecardDef', formula: 'rp.fcScorecardFormula' },
      { label: 'fc.sc.predicted', term: 'rp.fcScPredictedTerm', def: 'rp.fcScPredictedDef' },
      { label: 'fc.sc.error', def: 'rp.fcScErrorDef' },
      { label: 'fc.sc.mae', def: 'rp.fcScMaeDef' },
      { label: 'fc.sc.correlation', def: 'rp.fcScCorrelationDef' },
      { label: 'fc.sc.logLik', term: 'rp.fcScLogLikTerm', def: 'rp.fcScLogLikDef' },
    ],
  },
  {
    id: 'economics',
    title: 'nav.economics',
    texts: ['economics'],
    component: EconomicsSection,
    definitions: [
      { label: 'ec.ch.newCustomers', def: 'rp.ecNewCustomersDef' },
      { label: 'ec.ch.spend', def: 'rp.ecSpendDef' },
      { label: 'ec.ch.cac', def: 'ec.def.cac' },
      { label: 'ec.ch.clv', def: 'ec.def.newCustomerClv' },
      { label: 'ec.ch.ltvToCac', def: 'ec.def.ltvToCac' },
      { label: 'ec.ch.payback', def: 'ec.def.paybackMonths' },
      { label: 'ec.ch.blended', def: 'rp.ecBlendedDef' },
      { label: 'ec.cm.total', def: 'ec.cm.def' },
      { label: 'ec.cm.unprofitable', def: 'rp.ecUnprofitableDef' },
      { label: 'ec.bu.title', def: 'ec.def.budget' },
    ],
  },
  {
    id: 'actions',
    title: 'nav.actions',
    texts: ['actions'],
    component: ActionsSection,
    definitions: [
      { label: 'ac.tab.reactivation', def: 'ac.lead.reactivation' },
      { label: 'ac.tab.due', def: 'ac.lead.due' },
      { label: 'ac.tab.upsell', def: 'ac.lead.upsell' },
      { label: 'rp.listCustomers', term: 'rp.listCustomersTerm', def: 'rp.listCustomersDef' },
      { label: 'rp.listValue', term: 'rp.listValueTerm', def: 'rp.listValueDef' },
    ],
  },
  {
    id: 'selfcheck',
    title: 'nav.selfcheck',
    texts: ['selfcheck'],
    component: SelfCheckSection,
    definitions: [
      { label: 'sc.score', def: 'rp.scScoreDef' },
      { label: 'sc.answered', def: 'rp.scAnsweredDef' },
    ],
  },
  {
    id: 'valuestream',
    title: 'nav.valuestream',
    texts: ['valuestream'],
    component: ValueStreamSection,
    definitions: [
      { label: 'vs.leadTime', def: 'rp.vsLeadTimeDef' },
      { label: 'vs.valueAddedRatio', def: 'vs.valueAddedDef' },
      { label: 'vs.cost', def: 'vs.costDef' },
      { label: 'vs.handoffs90', def: 'rp.vsHandoffsDef' },
      { label: 'vs.timeToValue', def: 'vs.timeToValueDef' },
      { label: 'vs.col.processHours', def: 'rp.vsProcessHoursDef' },
      { label: 'vs.col.waitDays', def: 'rp.vsWaitDaysDef' },
    ],
  },
];

export type ReportSectionId = string;
