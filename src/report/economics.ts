/**
 * The report's economics section: the app's economics figures (src/analytics/economics/compute.ts, METRICS.md
 * "Economics") on the order lines, the customer master file and the spend files, each figure with the id of its
 * definition. The figures are computed as the worker's economics handler computes them (the same forecast settings,
 * the same per-channel fits); the report only adds the ids.
 */
import type { CacGranularity, EconomicsResult, Figure, RecordColumns } from '../shared/economics';
import { EMPTY_FIGURES, type YourFigures } from '../shared/figures';
import type { ImportOptions, ImportSummary } from '../shared/types';
import type { Lines } from '../analytics/lines';
import type { AggregateOptions, CustomerTable } from '../analytics/customers';
import type { KpiResult } from '../analytics/kpis';
import type { RfmResult } from '../analytics/rfm';
import { computeForecast } from '../analytics/forecast';
import { purchaseOccasions } from '../analytics/occasions';
import { computeEconomics, economicsForecastSettings } from '../analytics/economics/compute';
import { fitValueModel, type ValueModel } from '../analytics/economics/acquisition';

/** An imported record file as the report read it. */
export interface ReportRecordFile {
  fileName: string;
  options: ImportOptions;
  summary: ImportSummary;
  data: RecordColumns;
}

export interface EconomicsConfig {
  /** "Your figures" with the cost settings (the JSON the app's card saves); `cac`/`marginRate` flags override. */
  figures?: YourFigures;
  /** The customer master file (`--customers`). */
  customers?: ReportRecordFile | null;
  /** The marketing spend files (`--spend`, repeatable). */
  spend?: ReportRecordFile[];
  /** The periods of `cacPeriods` (default month). */
  granularity?: CacGranularity;
  /** The horizon of the predicted figures in months (default 36). */
  horizonMonths?: 12 | 36;
}

/** A figure with the id of its definition in METRICS.md. */
export type IdFigure = Figure & { id: string };

type ChannelOut = Omit<
  EconomicsResult['channels'][number],
  'cac' | 'newCustomerClv' | 'maxAffordableCac' | 'ltvToCac' | 'paybackMonths' | 'observedPaybackMonth'
> & {
  cac: IdFigure;
  newCustomerClv: IdFigure & { fit: 'channel' | 'all' | null };
  maxAffordableCac: IdFigure;
  ltvToCac: IdFigure;
  paybackMonths: IdFigure;
  observedPaybackMonth: IdFigure;
};

/** The economics section of the report document (docs/report-schema.md). */
export interface EconomicsSection extends Omit<
  EconomicsResult,
  | 'computeMs'
  | 'channels'
  | 'blended'
  | 'retention'
  | 'timeToValue'
  | 'contribution'
  | 'cacPeriods'
  | 'funnel'
  | 'budget'
  | 'calculator'
> {
  /** The record files read, with their import summaries (null / [] when not given). */
  files: {
    customers: { fileName: string; options: ImportOptions; import: ImportSummary } | null;
    spend: { fileName: string; options: ImportOptions; import: ImportSummary }[];
  };
  /** The figures and cost settings used (after `--cac` / `--margin`). */
  figures: YourFigures;
  contribution: EconomicsResult['contribution'] & { id: 'contributionMargin' };
  channels: ChannelOut[];
  blended: { spend: number; newCustomers: number; cac: IdFigure };
  cacPeriods: EconomicsResult['cacPeriods'] & { id: 'cac' };
  retention: { year: number; customers: number; nrr: IdFigure; grr: IdFigure }[];
  timeToValue: EconomicsResult['timeToValue'] & { id: 'timeToValue' };
  funnel: {
    id: 'funnel';
    stages: EconomicsResult['funnel'];
    byChannel: EconomicsResult['funnelByChannel'];
  };
  budget: EconomicsResult['budget'] & { id: 'budgetAllocation' };
  calculator: EconomicsResult['calculator'] & { id: 'clvSimple' };
}

const withId = <F extends Figure>(f: F, id: string): F & { id: string } => ({ id, ...f });

/** The figures the section uses: the figures file's, with the `--cac` and `--margin` flags over them. */
export function figuresUsed(
  figures: YourFigures | undefined,
  marginRate: number | undefined,
  cac: number | undefined,
): YourFigures {
  const f = figures ?? EMPTY_FIGURES;
  return {
    ...f,
    cac: cac ?? f.cac,
    marginPercent: marginRate !== undefined ? marginRate * 100 : f.marginPercent,
  };
}

export function economicsSection(inp: {
  lines: Lines;
  opts: AggregateOptions;
  table: CustomerTable;
  rfm: RfmResult;
  kpis: KpiResult;
  currency: string;
  marginRate: number | undefined;
  cac: number | undefined;
  config: EconomicsConfig;
}): EconomicsSection {
  const { lines, opts, table, rfm, kpis, config } = inp;
  const figures = figuresUsed(config.figures, inp.marginRate, inp.cac);
  const settings = economicsForecastSettings(figures);
  const occasions = purchaseOccasions(lines, opts);
  const forecast = table.hasAmount ? computeForecast(lines, table, rfm, opts, settings, occasions) : null;
  const fits = new Map<string, ValueModel | null>();
  const channelFit = (channel: string, keep: () => Uint8Array): ValueModel | null => {
    if (!fits.has(channel)) fits.set(channel, fitValueModel(occasions, keep(), opts.asOf, settings.model));
    return fits.get(channel) ?? null;
  };
  const master = config.customers ?? null;
  const spend = config.spend ?? [];
  const { result } = computeEconomics({
    lines,
    opts,
    table,
    occasions,
    currency: inp.currency,
    figures,
    options: { granularity: config.granularity ?? 'month', horizonMonths: config.horizonMonths ?? 36 },
    master: master ? { fileName: master.fileName, data: master.data } : null,
    spend: spend.map((s) => s.data),
    kpis,
    forecast,
    channelFit,
  });
  const fileOf = (f: ReportRecordFile) => ({ fileName: f.fileName, options: f.options, import: f.summary });
  // computeMs is left out: the document is the same on every run.
  const { computeMs: _computeMs, ...r } = result;
  void _computeMs;
  return {
    ...r,
    files: { customers: master ? fileOf(master) : null, spend: spend.map(fileOf) },
    figures,
    contribution: { id: 'contributionMargin', ...r.contribution },
    channels: r.channels.map((c) => ({
      ...c,
      cac: withId(c.cac, 'cac'),
      newCustomerClv: withId(c.newCustomerClv, 'newCustomerClv'),
      maxAffordableCac: withId(c.maxAffordableCac, 'maxAffordableCac'),
      ltvToCac: withId(c.ltvToCac, 'ltvToCac'),
      paybackMonths: withId(c.paybackMonths, 'paybackMonths'),
      observedPaybackMonth: withId(c.observedPaybackMonth, 'observedPaybackMonth'),
    })),
    blended: { ...r.blended, cac: withId(r.blended.cac, 'blendedCac') },
    cacPeriods: { id: 'cac', ...r.cacPeriods },
    retention: r.retention.map((y) => ({ ...y, nrr: withId(y.nrr, 'nrr'), grr: withId(y.grr, 'grr') })),
    timeToValue: { id: 'timeToValue', ...r.timeToValue },
    funnel: { id: 'funnel', stages: r.funnel, byChannel: r.funnelByChannel },
    budget: { id: 'budgetAllocation', ...r.budget },
    calculator: { id: 'clvSimple', ...r.calculator },
  };
}
