/**
 * The value stream map of the current workspace, loaded from IndexedDB and saved back (debounced) on every
 * change. A workspace without a map can start from the template, worded in the UI language.
 */
import { engine } from '../../client/worker-client';
import { AutoSave } from '../../app/browser/autosave';
import type { AppError } from '../../shared/errors';
import {
  templateSteps,
  valueStreamFigures,
  type TemplateTexts,
  type VsmStep,
} from '../../analytics/valuestream';
import type { ValueStreamEvidence } from '../../analytics/evidence';

class ValueStreamState {
  workspaceId = $state<number | null>(null);
  steps = $state<VsmStep[]>([]);
  /** False until the user (or the template button) created a map for this workspace. */
  exists = $state(false);
  loaded = $state(false);
  saved = $state<number | null>(null);
  error = $state.raw<AppError | null>(null);
  private autosave = new AutoSave(() => this.write());

  figures = $derived(valueStreamFigures(this.steps));

  /** What the self-check's evidence needs; null without a map. */
  evidence = $derived<ValueStreamEvidence | null>(
    this.exists && this.steps.length
      ? {
          steps: this.steps.length,
          handoffsFirst90Days: this.figures.handoffsFirst90Days,
          handoffsTotal: this.figures.handoffsTotal,
          timeToValueDays: this.figures.timeToValueDays,
          leadTimeDays: this.figures.leadTimeDays,
        }
      : null,
  );

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
    this.steps = res.value?.steps ?? [];
    this.exists = res.value !== null;
    this.saved = res.value?.updatedAt ?? null;
    this.loaded = true;
  }

  /** Starts (or restarts) from the template, worded in the UI language. */
  startFromTemplate(texts: TemplateTexts) {
    this.steps = templateSteps(texts);
    this.exists = true;
    this.save();
  }

  update(steps: VsmStep[]) {
    this.steps = steps;
    this.exists = true;
    this.save();
  }

  save() {
    this.autosave.schedule();
  }

  flush() {
    return this.autosave.flush();
  }

  private async write() {
    if (this.workspaceId === null || !this.loaded) return;
    const res = await engine.saveValueStream(this.workspaceId, $state.snapshot(this.steps));
    if (res.ok) this.saved = Date.now();
    else this.error = res.error;
  }
}

export const valueStream = new ValueStreamState();
