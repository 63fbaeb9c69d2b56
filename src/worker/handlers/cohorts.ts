/** Cohorts: the cohort matrices, monthly or quarterly, by first purchase or by an attribute. */
import { computeCohorts, type CohortResult, type Grain } from '../../analytics/cohorts';
import { prepare, type AnalysisRequest } from '../scope';

export interface CohortRequest extends AnalysisRequest {
  grain?: Grain;
  groupBy?: string | null;
}

export type CohortsResult = CohortResult & { computeMs: number };

export const cohortsHandler = {
  /** Cohort matrices (monthly or quarterly, by first purchase or by an attribute). */
  async cohorts(req: CohortRequest): Promise<CohortsResult> {
    const t0 = performance.now();
    const { lines, opts, table, scope } = await prepare(req);
    const grain = req.grain ?? 'month';
    const groupBy = req.groupBy ?? null;
    const res = scope.cached(`cohorts|${grain}|${groupBy}`, () =>
      computeCohorts(lines, table, { ...opts, grain, groupBy }),
    );
    return { ...res, computeMs: performance.now() - t0 };
  },
};
