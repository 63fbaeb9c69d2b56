/**
 * The self-check of the current workspace: answers, notes and implementation steps, loaded
 * from IndexedDB and saved back (debounced) on every change; plus what the worker computes from them: the scores
 * per level with the biggest lever, and the evidence of the questions. Both are queries: a newer request supersedes
 * an older one, so a slow older answer never replaces a newer one. A save announces itself to the other tabs, which
 * read the self-check again (unless they hold a change of their own not yet saved).
 */
import { createQuery } from '../../client/query.svelte';
import { engine } from '../../client/worker-client';
import { AutoSave } from '../../app/browser/autosave';
import { announceSaved, onOtherTabSaved } from '../../app/browser/tabs';
import type { AnalysisScope } from '../../app/app-state.svelte';
import type { AppError, Result } from '../../shared/errors';
import type { Answer, Answers } from '../../shared/selfcheck';
import type { EvidenceByKind, UserFigures, ValueStreamEvidence } from '../../analytics/evidence';
import type { LevelScore, Verdict } from '../../analytics/selfcheck';

/** The figures the evidence compares with: the workspace's "your figures" (views/settings/figures-state). */
export type Figures = UserFigures;

/** What the evidence is asked for. */
export interface EvidenceAsk {
  /** The dataset, as-of date and filters; null without a dataset: the evidence of the map alone. */
  analysis: AnalysisScope | null;
  valueStream: ValueStreamEvidence | null;
  /** Gross margin for the predicted CLV, in percent. */
  marginPercent: number;
  user: Figures;
}

/** The evidence per kind: every kind with a dataset, the map's (handoffs, time-to-value) without. */
export type ShownEvidence = Partial<EvidenceByKind>;

function askEvidence({
  analysis,
  valueStream,
  marginPercent,
  user,
}: EvidenceAsk): Promise<Result<ShownEvidence>> {
  return analysis
    ? engine.selfCheckEvidence({ ...analysis, user, marginPercent, valueStream })
    : engine.selfCheckMapEvidence(valueStream);
}

class SelfCheckState {
  workspaceId = $state<number | null>(null);
  answers = $state<Answers>({});
  implementation = $state<Record<string, boolean>>({});
  /** True once the answers of the workspace and their scores are in. */
  loaded = $state(false);
  saved = $state<number | null>(null);
  error = $state.raw<AppError | null>(null);
  /** The scores per level and the biggest lever of the answers. */
  readonly score = createQuery((answers: Answers) => engine.selfCheckScore(answers));
  /** The evidence of the questions from the data and the value stream map. */
  readonly evidenceQuery = createQuery(askEvidence);
  private autosave = new AutoSave(() => this.write());
  /** The dataset whose evidence the query holds (null: the map's alone; undefined: none asked for yet). */
  private evidenceDataset: number | null | undefined = undefined;
  /** Counts this tab's changes (a reload for another tab's save does not replace a newer change of this one). */
  private edits = 0;

  constructor() {
    onOtherTabSaved('selfCheck', (ws) => void this.reload(ws));
  }

  /** Per level, in the order of LEVELS (null until the first score is in). */
  get levels(): LevelScore[] | null {
    return this.score.result?.levels ?? null;
  }

  get verdict(): Verdict | null {
    return this.score.result?.verdict ?? null;
  }

  get evidence(): ShownEvidence | null {
    return this.evidenceQuery.result;
  }

  get evidenceError(): AppError | null {
    return this.evidenceQuery.error;
  }

  async load(workspaceId: number) {
    if (this.workspaceId === workspaceId && this.loaded) return;
    this.workspaceId = workspaceId;
    this.loaded = false;
    const res = await engine.getSelfCheck(workspaceId);
    if (this.workspaceId !== workspaceId) return;
    if (!res.ok) {
      this.error = res.error;
      return;
    }
    const row = res.value;
    this.answers = row?.answers ?? {};
    this.implementation = row?.implementation ?? {};
    this.saved = row?.updatedAt ?? null;
    // The view shows the answers with their scores, never without.
    await this.rescore();
    if (this.workspaceId !== workspaceId) return;
    this.loaded = true;
  }

  /** Another tab saved the self-check of `workspaceId`: read it again, unless this tab has a change to save. */
  private async reload(workspaceId: number) {
    if (this.workspaceId !== workspaceId || !this.loaded || this.autosave.pending) return;
    const edits = this.edits;
    const res = await engine.getSelfCheck(workspaceId);
    if (!res.ok || this.workspaceId !== workspaceId || !this.loaded || this.edits !== edits) return;
    this.answers = res.value?.answers ?? {};
    this.implementation = res.value?.implementation ?? {};
    this.saved = res.value?.updatedAt ?? null;
    await this.rescore();
  }

  setAnswer(id: string, answer: Answer | null) {
    this.answers = { ...this.answers, [id]: { answer, note: this.answers[id]?.note ?? '' } };
    void this.rescore();
    this.save();
  }

  setNote(id: string, note: string) {
    this.answers = { ...this.answers, [id]: { answer: this.answers[id]?.answer ?? null, note } };
    this.save();
  }

  setStep(id: string, done: boolean) {
    this.implementation = { ...this.implementation, [id]: done };
    this.save();
  }

  save() {
    this.edits++;
    this.autosave.schedule();
  }

  flush() {
    return this.autosave.flush();
  }

  /** Asks the worker for the scores of the current answers. */
  private rescore() {
    return this.score.run($state.snapshot(this.answers));
  }

  private async write() {
    if (this.workspaceId === null || !this.loaded) return;
    const ws = this.workspaceId;
    const res = await engine.saveSelfCheck({
      workspaceId: ws,
      answers: $state.snapshot(this.answers),
      implementation: $state.snapshot(this.implementation),
    });
    if (res.ok) {
      this.saved = Date.now();
      announceSaved(ws, 'selfCheck');
    } else this.error = res.error;
  }

  async reset() {
    if (this.workspaceId === null) return;
    const ws = this.workspaceId;
    this.edits++;
    this.autosave.cancel();
    const res = await engine.resetSelfCheck(ws);
    if (!res.ok) {
      this.error = res.error;
      return;
    }
    announceSaved(ws, 'selfCheck');
    this.answers = {};
    this.implementation = {};
    this.saved = null;
    void this.rescore();
  }

  /**
   * Asks for the evidence of the analysis (null: the map alone) with the figures entered. Another dataset shows its
   * own evidence, never the previous one's; another as-of date, filter or figure keeps the last until the new is in.
   */
  loadEvidence(
    analysis: AnalysisScope | null,
    valueStream: ValueStreamEvidence | null,
    marginPercent: number,
    figures: Figures,
  ) {
    const dataset = analysis?.datasetId ?? null;
    if (dataset !== this.evidenceDataset) this.evidenceQuery.reset();
    this.evidenceDataset = dataset;
    const { cac, acquisitionShare, existingShare } = figures;
    const user = { cac, acquisitionShare, existingShare };
    return this.evidenceQuery.run({ analysis, valueStream, marginPercent, user });
  }
}

export const selfCheck = new SelfCheckState();
