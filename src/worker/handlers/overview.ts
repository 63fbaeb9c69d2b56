/** Overview: the KPIs, the Pareto/Lorenz figures and the monthly trend at an as-of date, with filters. */
import { dayToIso } from '../../shared/days';
import { dayRange } from '../../analytics/lines';
import { computeKpis, type KpiResult } from '../../analytics/kpis';
import { computeTrend, type TrendPoint } from '../../analytics/trend';
import { prepare, type AnalysisRequest } from '../scope';
import { attributesOf, type AttributeInfo } from './datasets';

export interface OverviewResult {
  asOf: string;
  firstDate: string;
  lastDate: string;
  customers: number;
  hasAmount: boolean;
  kpis: KpiResult;
  trend: TrendPoint[];
  attributes: AttributeInfo[];
  computeMs: number;
}

/** The analysis request plus the workspace's CAC, which only the simple CLV uses. */
export interface OverviewRequest extends AnalysisRequest {
  cac?: number | null;
}

export const overviewHandler = {
  /**
   * KPIs, the Pareto/Lorenz figures and the monthly trend of a dataset at an as-of date, with filters. The CAC of
   * the workspace's figures (`req.cac`) only changes the simple CLV: it is no part of the scope, so the Overview
   * shares its customer table with the other views.
   */
  async overview(req: OverviewRequest): Promise<OverviewResult> {
    const t0 = performance.now();
    const { cac = null, ...scopeReq } = req;
    const { info, lines, opts, table, scope } = await prepare(scopeReq);
    return scope.cached(`overview|${cac ?? ''}`, () => {
      const [first, last] = dayRange(lines);
      return {
        asOf: dayToIso(opts.asOf),
        firstDate: dayToIso(first),
        lastDate: dayToIso(last),
        customers: table.count,
        hasAmount: table.hasAmount,
        kpis: computeKpis(lines, { ...opts, cac }, table),
        trend: computeTrend(lines, table, opts),
        attributes: attributesOf(info, lines),
        computeMs: performance.now() - t0,
      };
    });
  },
};
