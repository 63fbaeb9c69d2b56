/**
 * The self-check of the current workspace: answers, notes, implementation steps and the figures entered, loaded
 * from IndexedDB and saved back (debounced) on every change; plus the evidence from the worker.
 */
import { engine } from '../../client/worker-client';
import { AutoSave } from '../../app/browser/autosave';
import type { AppError } from '../../shared/errors';
import type { Answer, Answers, EvidenceKind } from '../../analytics/selfcheck';
import type { Evidence, UserFigures, ValueStreamEvidence } from '../../analytics/evidence';
import type { EvidenceRequest } from '../../worker/handlers/selfcheck';

export type Figures = UserFigures;

const EMPTY_FIGURES: Figures = { cac: null, acquisitionShare: null, existingShare: null };

class SelfCheckState {
  workspaceId = $state<number | null>(null);
  answers = $state<Answers>({});
  implementation = $state<Record<string, boolean>>({});
  figures = $state<Figures>({ ...EMPTY_FIGURES });
  loaded = $state(false);
  saved = $state<number | null>(null);
  error = $state.raw<AppError | null>(null);
  evidence = $state.raw<Record<EvidenceKind, Evidence> | null>(null);
  evidenceError = $state.raw<AppError | null>(null);
  private seq = 0;
  private autosave = new AutoSave(() => this.write());

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
    this.figures = { ...EMPTY_FIGURES, ...(row?.figures ?? {}) };
    this.saved = row?.updatedAt ?? null;
    this.loaded = true;
  }

  setAnswer(id: string, answer: Answer | null) {
    this.answers = { ...this.answers, [id]: { answer, note: this.answers[id]?.note ?? '' } };
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

  setFigure(key: keyof Figures, value: number | null) {
    this.figures = { ...this.figures, [key]: value };
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
    const res = await engine.saveSelfCheck({
      workspaceId: this.workspaceId,
      answers: $state.snapshot(this.answers),
      implementation: $state.snapshot(this.implementation),
      figures: $state.snapshot(this.figures),
    });
    if (res.ok) this.saved = Date.now();
    else this.error = res.error;
  }

  async reset() {
    if (this.workspaceId === null) return;
    this.autosave.cancel();
    const res = await engine.resetSelfCheck(this.workspaceId);
    if (!res.ok) {
      this.error = res.error;
      return;
    }
    this.answers = {};
    this.implementation = {};
    this.figures = { ...EMPTY_FIGURES };
    this.saved = null;
  }

  async loadEvidence(
    req: Omit<EvidenceRequest, 'user' | 'marginPercent' | 'valueStream'>,
    valueStream: ValueStreamEvidence | null,
    marginPercent: number,
  ) {
    const seq = ++this.seq;
    const { cac, acquisitionShare, existingShare } = $state.snapshot(this.figures);
    const user = { cac, acquisitionShare, existingShare };
    const res = await engine.selfCheckEvidence({ ...req, user, marginPercent, valueStream });
    if (seq !== this.seq) return;
    if (res.ok) {
      this.evidence = res.value;
      this.evidenceError = null;
    } else this.evidenceError = res.error;
  }
}

export const selfCheck = new SelfCheckState();
