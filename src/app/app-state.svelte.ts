/**
 * App-wide rune state: workspaces, datasets of the current workspace, the current dataset with the as-of
 * date and filters every analysis view shows, and a global error banner.
 */
import { engine, onWorkerCrash } from '../client/worker-client';
import { createQuery } from '../client/query.svelte';
import type { AppError } from '../shared/errors';
import type { DatasetInfo, WorkspaceInfo } from '../shared/types';
import type { AnalysisRequest } from '../worker/scope';
import { attributeColumns, isMasterKey, MASTER_PREFIX, NOT_IN_MASTER } from '../shared/attributes';
import { i18n, type MessageKey } from '../i18n/i18n.svelte';
import { ERROR_TEXT } from '../i18n/messages/shell';
import { isRejectReason, REJECT_REASON_TEXT } from '../i18n/messages/import';
import { savedWorkspace, saveWorkspace } from './browser/local-prefs';
import {
  announce,
  CANCELLED,
  onOtherTabChange,
  withWriteLock,
  type TabChange,
  type WaitingFor,
  type WriteKind,
} from './browser/tabs';

/** A global filter: lines whose attribute has one of the values (applies to every analysis view). */
export interface Filter {
  attribute: string;
  label: string;
  values: string[];
}

/** What every analysis view asks the worker about: the dataset, the as-of date and the filters, as plain data. */
/** The part of the worker's analysis request that the app state decides: dataset, as-of date, filters. */
export type AnalysisScope = Required<Pick<AnalysisRequest, 'datasetId' | 'asOf' | 'filters'>>;

/** An attribute column of the current dataset (a global filter, segment dimension and cohort group). */
export interface Attribute {
  key: string;
  label: string;
}

/** The name of an attribute as shown: a master data attribute says so ("Branche (Stammdaten)"). */
export function attributeLabel(a: { key: string; label: string }): string {
  if (!isMasterKey(a.key)) return a.label;
  // A mapped master field is named by its field in the UI language (not by the file's header, e.g. a German
  // "Branche" in the English UI); a further column kept as an attribute by its header.
  const field = MASTER_FIELD_TEXT[a.key.slice(MASTER_PREFIX.length)];
  return i18n.t('attr.master', { label: field ? i18n.t(field) : a.label });
}

/** The names of the master fields that are attributes (shared/attributes.ts), in the import's words. */
const MASTER_FIELD_TEXT: Partial<Record<string, MessageKey>> = {
  industry: 'role.industry',
  region: 'role.region',
  companySize: 'role.companySize',
  acquisitionChannel: 'role.acquisitionChannel',
};

/** An attribute value as shown: the value of customers without a master row in words, a blank value as '–'. */
export function attributeValueText(value: string): string {
  if (value === NOT_IN_MASTER) return i18n.t('attr.notInMaster');
  return value === '' ? '–' : value;
}

/** What another tab is doing while this one waits to write, in words (the kind its lock names). */
export const WAIT_TEXT: Record<WriteKind, MessageKey> = {
  import: 'app.tabs.waitImport',
  delete: 'app.tabs.waitDelete',
  rename: 'app.tabs.waitRename',
  deleteAll: 'app.tabs.waitDeleteAll',
  create: 'app.tabs.waitCreate',
  backup: 'app.tabs.waitBackup',
  update: 'app.tabs.waitOther',
};

/** A change another tab made to what this tab showed, said in a notice. */
export type TabNotice = 'datasetDeleted' | 'workspaceDeleted' | 'allDeleted';
export const TAB_NOTICE_TEXT: Record<TabNotice, MessageKey> = {
  datasetDeleted: 'app.tabs.datasetDeleted',
  workspaceDeleted: 'app.tabs.workspaceDeleted',
  allDeleted: 'app.tabs.allDeleted',
};

const sameScope = (a: AnalysisScope | null, b: AnalysisScope | null) =>
  a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);

class AppState {
  workspaces = $state<WorkspaceInfo[]>([]);
  workspaceId = $state<number | null>(null);
  datasets = $state<DatasetInfo[]>([]);
  error = $state<AppError | null>(null);
  ready = $state(false);
  /** The dataset the analysis views show (null: the newest). */
  datasetId = $state<number | null>(null);
  filters = $state<Filter[]>([]);
  /** The as-of date of the analyses (YYYY-MM-DD), or null for the last transaction date. */
  asOf = $state<string | null>(null);

  /** The dataset the analysis views show: the chosen one, else the newest; null without any. */
  dataset = $derived<DatasetInfo | null>(
    this.datasets.find((d) => d.id === this.datasetId) ?? this.datasets[0] ?? null,
  );
  /** The current dataset's currency (ISO code). */
  currency = $derived(this.dataset?.options.currency ?? 'EUR');
  /** The current dataset's attribute columns, the workspace master data's among them (listed with the dataset). */
  attributes = $derived<Attribute[]>(
    attributeColumns(this.dataset?.columns ?? []).map((c) => ({ key: c.key, label: attributeLabel(c) })),
  );
  /** A write of this tab waits for another write (of another tab, or of this one) to end; null when none waits. */
  waiting = $state.raw<WaitingFor | null>(null);
  /** A change another tab made to what this tab showed (its dataset or workspace deleted), or null. */
  tabNotice = $state<TabNotice | null>(null);
  /** The waits the user may give up (aborting one gives up that write). */
  #waits = new Set<AbortController>();
  #scope: AnalysisScope | null = null;
  /**
   * The analysis request of the current dataset, as-of date and filters (null without a dataset). A plain snapshot,
   * ready to cross to the worker; the same object while they stay the same, so that views do not ask again.
   */
  analysis = $derived.by<AnalysisScope | null>(() => {
    const next = this.dataset
      ? {
          datasetId: this.dataset.id,
          asOf: this.asOf,
          filters: this.filters.map((f) => ({ attribute: f.attribute, values: [...f.values] })),
        }
      : null;
    if (!sameScope(next, this.#scope)) this.#scope = next;
    return this.#scope;
  });

  constructor() {
    onWorkerCrash((e) => {
      this.error = e;
      // A crash in the middle of an import leaves an unfinished dataset: remove it now, not only at the next start.
      void engine.cleanupInterrupted().then(() => this.loadDatasets());
    });
    onOtherTabChange((change) => void this.#otherTabChanged(change));
  }

  /**
   * Runs a write (an import, a delete, a rename) as the only writer of every tab of the app, then tells the other
   * tabs what `changed` says of its answer. While another write runs, `waiting` says so and the write waits, unless
   * the user gives up waiting (`stopWaiting`; then CANCELLED and nothing is written). `cancellable: false` for
   * writes the app itself needs (the first workspace).
   */
  async write<T>(
    kind: WriteKind,
    run: () => Promise<T>,
    changed: (value: T) => TabChange | TabChange[] | null,
    { cancellable = true } = {},
  ): Promise<T | typeof CANCELLED> {
    const abort = new AbortController();
    if (cancellable) this.#waits.add(abort);
    const done = () => {
      this.#waits.delete(abort);
      if (this.#waits.size === 0) this.waiting = null;
    };
    try {
      const out = await withWriteLock(
        kind,
        () => {
          done();
          return run();
        },
        { signal: abort.signal, onWait: (w) => (this.waiting = abort.signal.aborted ? null : w) },
      );
      if (out !== CANCELLED) {
        const c = changed(out);
        for (const one of Array.isArray(c) ? c : c ? [c] : []) announce(one);
      }
      return out;
    } finally {
      done();
    }
  }

  /** Gives up every write of this tab that waits for another one (nothing of them is written). */
  stopWaiting() {
    for (const a of this.#waits) a.abort();
    this.#waits.clear();
    this.waiting = null;
  }

  /**
   * Another tab changed the stored data: read the lists again, drop what the worker holds of deleted data, and fall
   * back from a deleted dataset or workspace to another one (or the empty state) with a notice.
   */
  async #otherTabChanged(change: TabChange) {
    switch (change.kind) {
      case 'datasets': {
        // Deleted datasets, and those whose options changed: their sessions are read again when next asked.
        const dropped = [...(change.deleted ?? []), ...(change.changed ?? [])];
        if (dropped.length) await engine.forgetHeld(dropped);
        // The dataset shown answers differently now: a new scope object makes the open view ask again.
        if (this.dataset && change.changed?.includes(this.dataset.id)) this.#scope = null;
        void this.refreshWorkspaces();
        if (change.workspaceId === this.workspaceId) await this.#reloadDatasets();
        return;
      }
      case 'records':
        // The analyses join the master data: sessions and the dataset list (its master attributes) are read again.
        await engine.forgetHeld();
        if (change.workspaceId === this.workspaceId) await this.#reloadDatasets();
        return;
      case 'workspaces':
        if (change.deleted !== undefined) {
          await engine.forgetHeld();
          if (change.deleted === this.workspaceId) {
            this.tabNotice = 'workspaceDeleted';
            this.#leaveDataset();
            this.workspaceId = null;
          }
        }
        await this.loadWorkspaces();
        return;
      case 'all':
        await engine.forgetHeld();
        this.tabNotice = 'allDeleted';
        this.#leaveDataset();
        this.workspaceId = null;
        this.datasets = [];
        await this.loadWorkspaces();
        return;
      case 'saved':
        // The state that shows the entry reads it again itself (onOtherTabSaved); nothing to do here.
        return;
    }
  }

  /**
   * The datasets again (another tab changed them); when the one shown is gone, the newest (or none) is shown, with a
   * notice. The one shown stays shown otherwise, also when it was shown as the newest and another tab imported a
   * newer one: a view never switches its dataset under the user.
   */
  async #reloadDatasets() {
    const shown = this.dataset?.id;
    await this.loadDatasets();
    if (shown === undefined) return;
    if (!this.datasets.some((d) => d.id === shown)) {
      this.tabNotice = 'datasetDeleted';
      this.#leaveDataset();
    } else if (this.datasetId === null) this.datasetId = shown;
  }

  /** The choices that belonged to the dataset shown (it is gone): the newest dataset follows, unfiltered. */
  #leaveDataset() {
    this.datasetId = null;
    this.filters = [];
    this.asOf = null;
  }

  async init() {
    await engine.cleanupInterrupted();
    await this.loadWorkspaces();
    this.ready = true;
  }

  async loadWorkspaces() {
    const res = await engine.listWorkspaces();
    if (!res.ok) return this.fail(res.error);
    let list = res.value;
    if (list.length === 0) {
      // Under the write lock, and only if no other tab created one meanwhile (two tabs start on an empty store).
      let made = false;
      const again = await this.write(
        'create',
        async () => {
          const now = await engine.listWorkspaces();
          if (!now.ok || now.value.length > 0) return now;
          const created = await engine.createWorkspace(i18n.t('ws.defaultName'));
          if (!created.ok) return created;
          made = true;
          return engine.listWorkspaces();
        },
        (r) => (r.ok && made ? { kind: 'workspaces' } : null),
        { cancellable: false },
      );
      if (again === CANCELLED) return;
      if (!again.ok) return this.fail(again.error);
      list = again.value;
    }
    this.workspaces = list;
    const saved = savedWorkspace();
    const keep = list.find((w) => w.id === (this.workspaceId ?? saved));
    await this.selectWorkspace((keep ?? list[0]).id);
  }

  async selectWorkspace(id: number) {
    this.workspaceId = id;
    saveWorkspace(id);
    await this.loadDatasets();
  }

  /** The workspaces again (their dataset counts change with every import and delete). */
  async refreshWorkspaces() {
    const res = await engine.listWorkspaces();
    if (res.ok) this.workspaces = res.value;
  }

  /** The datasets of a workspace: a newer request (another workspace chosen meanwhile) supersedes an older one. */
  #datasetList = createQuery((workspaceId: number) => engine.listDatasets(workspaceId));

  async loadDatasets() {
    if (this.workspaceId === null) return;
    if (!(await this.#datasetList.run(this.workspaceId))) return;
    const { result, error } = this.#datasetList;
    if (error) return this.fail(error);
    if (result) this.datasets = result;
  }

  async createWorkspace(name: string) {
    const res = await this.write(
      'create',
      () => engine.createWorkspace(name),
      (r) => (r.ok ? { kind: 'workspaces' } : null),
    );
    if (res === CANCELLED) return;
    if (!res.ok) return this.fail(res.error);
    this.workspaceId = res.value;
    await this.loadWorkspaces();
  }

  fail(e: AppError) {
    this.error = e;
  }
}

export const app = new AppState();

/** The user-facing text of an error, in the current language. */
export function errorText(e: AppError): string {
  const params: Record<string, string | number> = { message: e.message, ...(e.params ?? {}) };
  if (e.code === 'nothingImported' && typeof params.reason === 'string' && isRejectReason(params.reason)) {
    params.reason = i18n.t(REJECT_REASON_TEXT[params.reason]);
  }
  for (const k of ['rows', 'columns', 'max'])
    if (typeof params[k] === 'number') params[k] = i18n.num(params[k]);
  if (typeof params.size === 'number') params.size = i18n.bytes(params.size);
  return i18n.t(ERROR_TEXT[e.code], params);
}
