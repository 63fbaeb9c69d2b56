/**
 * Economics (METRICS.md "Economics"): contribution margin, CAC per channel and period, new-customer CLV, payback,
 * NRR/GRR per cohort year, time-to-value, the funnel, the budget split and the what-if simulator. The figures are
 * pure (src/analytics/economics/); this handler reads the scope, the workspace's master data and spend and the
 * scope's forecast, and memoises the result in the scope per figures and options.
 */
import type {
  EconomicsRequestOptions,
  EconomicsResult,
  RecordColumns,
  WhatIfLevers,
  WhatIfResult,
} from '../../shared/economics';
import type { YourFigures } from '../../shared/figures';
import { computeKpis } from '../../analytics/kpis';
import {
  computeEconomics,
  computeWhatIf,
  economicsForecastSettings,
  type EconomicsContext,
} from '../../analytics/economics/compute';
import { fitValueModel, type ValueModel } from '../../analytics/economics/acquisition';
import { forecastOf, occasionsOf, prepare, type AnalysisRequest, type Prepared } from '../scope';
import { masterOf, spendOf, type RecordFile } from '../records';

export { computeEconomics, computeWhatIf } from '../../analytics/economics/compute';

export type EconomicsRequest = AnalysisRequest & EconomicsRequestOptions & { figures: YourFigures };
export type WhatIfRequest = EconomicsRequest & { levers: WhatIfLevers };

/** The workspace's record files (through one function, so tests can replace the reader). */
export const recordReader = {
  master: (workspaceId: number): Promise<RecordFile | null> => masterOf(workspaceId),
  spend: (workspaceId: number): Promise<RecordFile[]> => spendOf(workspaceId),
};

async function context(req: EconomicsRequest): Promise<EconomicsContext> {
  const { figures, granularity, horizonMonths, ...scopeReq } = req;
  const p = await prepare(scopeReq);
  const workspaceId = p.info.workspaceId;
  const [master, spend] = await Promise.all([
    recordReader.master(workspaceId),
    recordReader.spend(workspaceId),
  ]);
  // The record files are part of the key: a new import gives new ids.
  const key = JSON.stringify([
    figures,
    granularity,
    horizonMonths,
    master ? [master.info.id, master.info.createdAt] : null,
    spend.map((s) => [s.info.id, s.info.createdAt]),
  ]);
  return p.scope.cached(`economics|${key}`, () =>
    economicsOf(p, figures, { granularity, horizonMonths }, master, spend),
  );
}

function economicsOf(
  p: Prepared,
  figures: YourFigures,
  options: EconomicsRequestOptions,
  master: RecordFile | null,
  spend: RecordFile[],
): EconomicsContext {
  const settings = economicsForecastSettings(figures);
  const forecast = p.table.hasAmount ? forecastOf(p, settings) : null;
  const occasions = occasionsOf(p);
  const kpis = p.scope.cached('kpis', () => computeKpis(p.lines, p.opts, p.table));
  // A channel's customers follow from the master data in use (a new master file also drops every session).
  const masterKey = master ? `${master.info.id}@${master.info.createdAt}` : '';
  const channelFit = (channel: string, keep: () => Uint8Array): ValueModel | null =>
    p.scope.cached(`economics-fit|${settings.model}|${masterKey}|${channel}`, () =>
      fitValueModel(occasions, keep(), p.opts.asOf, settings.model),
    );
  // computeMs: the figures alone (the forecast fit and the KPIs are memoised in the scope).
  return computeEconomics({
    lines: p.lines,
    opts: p.opts,
    table: p.table,
    occasions,
    currency: p.info.options.currency,
    figures,
    options,
    master: master ? { fileName: master.info.fileName, data: master.data } : null,
    spend: spend.map((s): RecordColumns => s.data),
    kpis,
    forecast,
    channelFit,
    memo: (key, compute) => p.scope.cached(key, compute),
    filtered: p.opts.include !== null,
  });
}

export const economicsHandler = {
  /** Every economics figure of a scope, with the settings it used. */
  async economics(req: EconomicsRequest): Promise<EconomicsResult> {
    return (await context(req)).result;
  },

  /** The what-if simulator: clvSimple and the predicted CLV of the base before and after the levers. */
  async whatIf(req: WhatIfRequest): Promise<WhatIfResult> {
    const { levers, ...rest } = req;
    return computeWhatIf(await context(rest), levers);
  },
};
