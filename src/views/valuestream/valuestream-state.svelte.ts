/**
 * The value stream map of the current workspace, loaded from IndexedDB and saved back (debounced) on every
 * change. A workspace without a map can start from the template, worded in the UI language.
 *
 * The figures are computed in the worker: every change of the steps asks for them through one query, so a newer edit
 * supersedes an older request. Until the answer is in, the figures of the previous steps stay (`shown`, with the
 * steps they belong to), and `pending` says that they are not yet those of the steps as they are.
 *
 * A save announces itself to the other tabs, which read the map again (unless they hold a change not yet saved).
 */
import { createQuery } from '../../client/query.svelte';
import { engine } from '../../client/worker-client';
import { AutoSave } from '../../app/browser/autosave';
import { announceSaved, onOtherTabSaved } from '../../app/browser/tabs';
import { ok, type AppError, type Result } from '../../shared/errors';
import { templateSteps, type TemplateTexts, type VsmStep } from '../../shared/valuestream';
import type { ValueStreamFigures } from '../../analytics/valuestream';
import type { ValueStreamEvidence } from '../../analytics/evidence';

/** The figures of a map and the steps they were computed for (drawn together, so that they always agree). */
export interface MapFigures {
  steps: readonly VsmStep[];
  figures: ValueStreamFigures;
}

/** Asks the worker for the figures of `steps`; the answer carries the very array asked about. */
async function figuresOf(steps: readonly VsmStep[]): Promise<Result<MapFigures>> {
  const res = await engine.valueStreamFigures($state.snapshot(steps) as VsmStep[]);
  return res.ok ? ok({ steps, figures: res.value }) : res;
}

class ValueStreamState {
  workspaceId = $state<number | null>(null);
  /** The steps as they stand in the editor; replaced as a whole on every change. */
  steps = $state.raw<VsmStep[]>([]);
  /** False until the user (or the template button) created a map for this workspace. */
  exists = $state(false);
  loaded = $state(false);
  saved = $state<number | null>(null);
  error = $state.raw<AppError | null>(null);
  private autosave = new AutoSave(() => this.write());
  private figuresQuery = createQuery(figuresOf);
  /** Counts this tab's changes (a reload for another tab's save does not replace a newer change of this one). */
  private edits = 0;

  constructor() {
    onOtherTabSaved('valueStream', (ws) => void this.reload(ws));
  }

  /** The newest figures the worker sent, with their steps (those of the previous edit until the answer is in). */
  shown = $derived(this.figuresQuery.result);
  /** True while the figures shown are not those of the steps as they are. */
  pending = $derived(this.figuresQuery.result?.steps !== this.steps);
  /** Why the figures could not be computed (null after a success). */
  figuresError = $derived(this.figuresQuery.error);

  /** What the self-check's evidence needs; null without a map. */
  evidence = $derived.by<ValueStreamEvidence | null>(() => {
    const shown = this.shown;
    return this.exists && shown && shown.steps.length
      ? {
          steps: shown.steps.length,
          handoffsFirst90Days: shown.figures.handoffsFirst90Days,
          handoffsTotal: shown.figures.handoffsTotal,
          timeToValueDays: shown.figures.timeToValueDays,
          leadTimeDays: shown.figures.leadTimeDays,
        }
      : null;
  });

  async load(workspaceId: number) {
    if (this.workspaceId === workspaceId && this.loaded) return;
    this.workspaceId = workspaceId;
    this.loaded = false;
    const res = await engine.getValueStream(workspaceId);
    if (this.workspaceId !== workspaceId) return;
    if (!res.ok) {
      this.error = res.error;
      return;
    }
    const steps = res.value?.steps ?? [];
    // The map shows (and the self-check reads its evidence) with its figures: no figures of another workspace.
    this.figuresQuery.reset();
    await this.figuresQuery.run(steps);
    if (this.workspaceId !== workspaceId) return;
    this.steps = steps;
    this.exists = res.value !== null;
    this.saved = res.value?.updatedAt ?? null;
    this.loaded = true;
  }

  /** Another tab saved the map of `workspaceId`: read it again, unless this tab has a change to save. */
  private async reload(workspaceId: number) {
    if (this.workspaceId !== workspaceId || !this.loaded || this.autosave.pending) return;
    const edits = this.edits;
    const res = await engine.getValueStream(workspaceId);
    if (!res.ok || this.workspaceId !== workspaceId || !this.loaded || this.edits !== edits) return;
    const steps = res.value?.steps ?? [];
    this.steps = steps;
    this.exists = res.value !== null;
    this.saved = res.value?.updatedAt ?? null;
    void this.figuresQuery.run(steps);
  }

  /** Starts (or restarts) from the template, worded in the UI language. */
  startFromTemplate(texts: TemplateTexts) {
    this.update(templateSteps(texts));
  }

  update(steps: VsmStep[]) {
    this.steps = steps;
    this.exists = true;
    void this.figuresQuery.run(steps);
    this.save();
  }

  save() {
    this.edits++;
    this.autosave.schedule();
  }

  flush() {
    return this.autosave.flush();
  }

  private async write() {
    // Only a map the user made (an edit or the template) is saved: a visit without a choice saves nothing, so the
    // template is still offered on the next visit (and the self-check does not read an empty map).
    if (this.workspaceId === null || !this.loaded || !this.exists) return;
    const ws = this.workspaceId;
    const res = await engine.saveValueStream(ws, $state.snapshot(this.steps));
    if (res.ok) {
      this.saved = Date.now();
      announceSaved(ws, 'valueStream');
    } else this.error = res.error;
  }
}

export const valueStream = new ValueStreamState();
