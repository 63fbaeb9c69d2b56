/**
 * Self-check: the scores per level and the biggest lever of a set of answers, the evidence of every question from
 * the data (or from the value stream map alone), and the stored answers of a workspace. With spend data in the
 * workspace, the CAC and the budget split of the evidence come from them (the typed figures are the fallback). The figures come from
 * src/analytics/selfcheck.ts and evidence.ts (scoring rule in the README); the view draws them as they come.
 */
import { db, type SelfCheckRow } from '../../storage/db';
import * as repo from '../../storage/datasets';
import { cleanFigures, type YourFigures } from '../../shared/figures';
import { computeEconomics } from '../../analytics/economics/compute';
import { computeKpis } from '../../analytics/kpis';
import { computeCohorts } from '../../analytics/cohorts';
import type { ForecastSettings } from '../../analytics/forecast';
import {
  computeEvidence,
  mapEvidence,
  type EvidenceByKind,
  type SpendEvidence,
  type UserFigures,
  type ValueStreamEvidence,
} from '../../analytics/evidence';
import { biggestLever, levelScores, type LevelScore, type Verdict } from '../../analytics/selfcheck';
import type { Answers } from '../../shared/selfcheck';
import type { KpiResult } from '../../analytics/kpis';
import { forecastOf, occasionsOf, prepare, rfmOf, type AnalysisRequest, type Prepared } from '../scope';
import { recordReader } from './economics';

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

/**
 * The workspace's cost settings as stored (channel purposes, the typed spend grid), read without the taking over of
 * an old margin that `getFigures` does for the UI.
 */
async function storedFigures(workspaceId: number): Promise<YourFigures> {
  return cleanFigures((await db().figures.get(workspaceId)) ?? null);
}

/**
 * What the workspace's spend data say for the evidence: the blended CAC of the last 365 days and the split of that
 * year's spend by purpose, computed by the economics figures (the same numbers as the Economics view; the predicted
 * figures are not needed, so no forecast is fitted). Null when the workspace has no spend data (files or typed).
 */
async function spendEvidence(
  p: Prepared,
  user: UserFigures,
  kpis: KpiResult,
  occasions: ReturnType<typeof occasionsOf>,
): Promise<SpendEvidence | null> {
  const workspaceId = p.info.workspaceId;
  const [master, spend, stored] = await Promise.all([
    recordReader.master(workspaceId),
    recordReader.spend(workspaceId),
    storedFigures(workspaceId),
  ]);
  if (spend.length === 0 && stored.costs.typedSpend.length === 0) return null;
  const figures: YourFigures = { ...stored, ...user };
  // Only the cost settings (purposes, typed spend) and the record files move the CAC and the spend split.
  const key = JSON.stringify([
    figures.costs,
    master ? [master.info.id, master.info.createdAt] : null,
    spend.map((s) => [s.info.id, s.info.createdAt]),
  ]);
  return p.scope.cached(`selfcheck-spend|${key}`, () => {
    const { result } = computeEconomics({
      lines: p.lines,
      opts: p.opts,
      table: p.table,
      occasions,
      currency: p.info.options.currency,
      figures,
      options: { granularity: 'year', horizonMonths: 12 },
      master: master ? { fileName: master.info.fileName, data: master.data } : null,
      spend: spend.map((s) => s.data),
      kpis,
      forecast: null,
    });
    const fromSpend = result.budget.source === 'spend';
    return {
      blendedCac: result.blended.cac.value,
      acquisitionShare: fromSpend ? result.budget.acquisitionShare : null,
      existingShare: fromSpend ? result.budget.existingShare : null,
    };
  });
}

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
    const spend = await spendEvidence(p, req.user, kpis, occasions);
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
      spend,
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
