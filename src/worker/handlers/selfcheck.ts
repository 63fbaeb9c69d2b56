/**
 * Self-check: the scores per level and the biggest lever of a set of answers, the evidence of every question from
 * the data (or from the value stream map alone), and the stored answers of a workspace. The figures come from
 * src/analytics/selfcheck.ts and evidence.ts (scoring rule in the README); the view draws them as they come.
 */
import type { SelfCheckRow } from '../../storage/db';
import * as repo from '../../storage/datasets';
import { computeKpis } from '../../analytics/kpis';
import { computeCohorts } from '../../analytics/cohorts';
import type { ForecastSettings } from '../../analytics/forecast';
import {
  computeEvidence,
  mapEvidence,
  type EvidenceByKind,
  type UserFigures,
  type ValueStreamEvidence,
} from '../../analytics/evidence';
import { biggestLever, levelScores, type LevelScore, type Verdict } from '../../analytics/selfcheck';
import type { Answers } from '../../shared/selfcheck';
import { forecastOf, occasionsOf, prepare, rfmOf, type AnalysisRequest } from '../scope';

export interface EvidenceRequest extends AnalysisRequest {
  user: UserFigures;
  /** Gross margin for the predicted CLV, in percent. */
  marginPercent: number;
  valueStream: ValueStreamEvidence | null;
}

/** The figures of a set of answers, ready to draw. */
export interface SelfCheckScore {
  /** Per level, in the order of LEVELS: its score (0..100, or null), the questions answered and open. */
  levels: LevelScore[];
  /** The biggest lever, or the levels still without an answer. */
  verdict: Verdict;
}

/** The evidence that the value stream map alone gives (without a dataset). */
export type MapEvidence = Pick<EvidenceByKind, 'handoffs' | 'timeToValue'>;

export const selfcheckHandler = {
  /** The score of every level and the biggest lever of the answers (the scoring rule of the README). */
  async selfCheckScore(answers: Answers): Promise<SelfCheckScore> {
    return { levels: levelScores(answers), verdict: biggestLever(answers) };
  },

  /** The evidence of every self-check question from the dataset at D (with filters), the map and the user's figures. */
  async selfCheckEvidence(req: EvidenceRequest): Promise<EvidenceByKind> {
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

  /** The evidence of the handoff and time-to-value questions from the value stream map alone (no dataset yet). */
  async selfCheckMapEvidence(valueStream: ValueStreamEvidence | null): Promise<MapEvidence> {
    return mapEvidence(valueStream);
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
