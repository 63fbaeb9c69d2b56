/** Self-check: the evidence of every question from the data, and the stored answers of a workspace. */
import type { SelfCheckRow } from '../../storage/db';
import * as repo from '../../storage/datasets';
import { computeKpis } from '../../analytics/kpis';
import { computeCohorts } from '../../analytics/cohorts';
import type { ForecastSettings } from '../../analytics/forecast';
import {
  computeEvidence,
  type Evidence,
  type UserFigures,
  type ValueStreamEvidence,
} from '../../analytics/evidence';
import type { EvidenceKind } from '../../analytics/selfcheck';
import { forecastOf, occasionsOf, prepare, rfmOf, type AnalysisRequest } from '../scope';

export interface EvidenceRequest extends AnalysisRequest {
  user: UserFigures;
  /** Gross margin for the predicted CLV, in percent. */
  marginPercent: number;
  valueStream: ValueStreamEvidence | null;
}

export const selfcheckHandler = {
  /** The evidence of every self-check question from the dataset at D (with filters), the map and the user's figures. */
  async selfCheckEvidence(req: EvidenceRequest): Promise<Record<EvidenceKind, Evidence>> {
    const p = await prepare(req);
    const rfm = rfmOf(p);
    const kpis = p.scope.cached('kpis', () => computeKpis(p.lines, p.opts, p.table));
    const cohorts = p.scope.cached('cohorts|month|null', () =>
      computeCohorts(p.lines, p.table, { ...p.opts, grain: 'month', groupBy: null }),
    );
    const occasions = occasionsOf(p);
    const settings: ForecastSettings = {
      model: 'bgnbd',
      unit: 'week',
      calibrationEnd: null,
      monthlyDiscount: 0.01,
      marginRate: Math.min(100, Math.max(0, req.marginPercent)) / 100,
    };
    const forecast = p.table.hasAmount ? forecastOf(p, settings).report : null;
    return computeEvidence({
      lines: p.lines,
      table: p.table,
      rfm,
      kpis,
      cohorts,
      occasions,
      summary: p.info.summary,
      dropDuplicates: p.info.options.dropDuplicates,
      columns: p.info.columns.map((c) => c.key),
      forecast,
      valueStream: req.valueStream,
      user: req.user,
    });
  },

  async getSelfCheck(workspaceId: number): Promise<SelfCheckRow | null> {
    return repo.getSelfCheck(workspaceId);
  },

  async saveSelfCheck(row: Omit<SelfCheckRow, 'updatedAt'>): Promise<true> {
    await repo.saveSelfCheck(row);
    return true;
  },

  async resetSelfCheck(workspaceId: number): Promise<true> {
    await repo.resetSelfCheck(workspaceId);
    return true;
  },
};
