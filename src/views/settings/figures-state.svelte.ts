/**
 * "Your figures" of the current workspace (CAC, margin, budget split, cost settings; src/shared/figures.ts): loaded once from
 * IndexedDB through the worker, edited in the "Your figures" card (Settings, and the same card in the self-check),
 * read by the Overview, the Forecast and the self-check. Each change is saved at once (changes are rare: a field's
 * change event). The margin an older version kept in localStorage is handed to the worker, which takes it over once.
 * A save announces itself to the other tabs, which read the figures again (unless they changed them meanwhile).
 */
import { engine } from '../../client/worker-client';
import { announceSaved, onOtherTabSaved } from '../../app/browser/tabs';
import type { AppError } from '../../shared/errors';
import {
  DEFAULT_MARGIN_PERCENT,
  EMPTY_FIGURES,
  type CostFigures,
  type YourFigures,
} from '../../shared/figures';

/** Where an older version kept the forecast margin (one for all workspaces). */
export const LEGACY_MARGIN_KEY = 'kundenwert.forecastMargin';

function legacyMargin(): string | null {
  try {
    return localStorage.getItem(LEGACY_MARGIN_KEY);
  } catch {
    return null;
  }
}

class FiguresState {
  workspaceId = $state<number | null>(null);
  figures = $state<YourFigures>({ ...EMPTY_FIGURES });
  /** True once the figures of `workspaceId` are in. */
  loaded = $state(false);
  error = $state.raw<AppError | null>(null);
  private writing: Promise<unknown> = Promise.resolve();
  /** Counts this tab's changes (a reload for another tab's save does not replace a newer change of this one). */
  private edits = 0;

  constructor() {
    onOtherTabSaved('figures', (ws) => void this.reload(ws));
  }

  /** The margin the figures use: the one entered, else 100 % (the CLV on revenue). */
  get marginPercent(): number {
    return this.figures.marginPercent ?? DEFAULT_MARGIN_PERCENT;
  }

  async load(workspaceId: number) {
    if (this.workspaceId === workspaceId && this.loaded) return;
    this.workspaceId = workspaceId;
    this.loaded = false;
    const res = await engine.getFigures(workspaceId, legacyMargin());
    if (this.workspaceId !== workspaceId) return;
    if (!res.ok) {
      this.error = res.error;
      this.figures = { ...EMPTY_FIGURES };
    } else this.figures = res.value;
    this.loaded = true;
  }

  /** Another tab saved the figures of `workspaceId`: read them again once this tab's own saves are done. */
  private async reload(workspaceId: number) {
    if (this.workspaceId !== workspaceId || !this.loaded) return;
    const edits = this.edits;
    await this.writing;
    const res = await engine.getFigures(workspaceId, legacyMargin());
    if (this.workspaceId !== workspaceId || !this.loaded || this.edits !== edits) return;
    if (res.ok) this.figures = res.value;
  }

  set(key: Exclude<keyof YourFigures, 'costs'>, value: number | null) {
    if (this.workspaceId === null) return;
    this.edits++;
    this.figures = { ...this.figures, [key]: value };
    this.save();
  }

  /** Changes some of the cost settings (the others stay) and saves them. */
  setCosts(patch: Partial<CostFigures>) {
    if (this.workspaceId === null) return;
    this.edits++;
    this.figures = { ...this.figures, costs: { ...this.figures.costs, ...patch } };
    this.save();
  }

  private save() {
    if (this.workspaceId === null) return;
    const ws = this.workspaceId;
    const snapshot = $state.snapshot(this.figures);
    this.writing = this.writing.then(async () => {
      const res = await engine.saveFigures(ws, snapshot);
      if (!res.ok) this.error = res.error;
      else announceSaved(ws, 'figures');
    });
  }

  /** Resolves when every change so far is stored. */
  flush() {
    return this.writing;
  }

  /** "Delete all local data": nothing loaded. */
  reset() {
    this.workspaceId = null;
    this.loaded = false;
    this.figures = { ...EMPTY_FIGURES };
  }
}

export const yourFigures = new FiguresState();
