/** App-wide rune state: route, workspaces, datasets of the current workspace, and a global error banner. */
import { engine, onWorkerCrash } from '../client/worker-client';
import type { AppError } from '../shared/errors';
import type { DatasetInfo, WorkspaceInfo } from '../shared/types';
import { i18n } from '../i18n/i18n.svelte';
import { ERROR_TEXT } from '../i18n/messages/shell';
import { isRejectReason, REJECT_REASON_TEXT } from '../i18n/messages/import';

export type Route =
  | 'import'
  | 'overview'
  | 'customers'
  | 'cohorts'
  | 'forecast'
  | 'segments'
  | 'selfcheck'
  | 'valuestream'
  | 'settings';
export const ROUTES: readonly Route[] = [
  'import',
  'overview',
  'customers',
  'cohorts',
  'forecast',
  'segments',
  'selfcheck',
  'valuestream',
  'settings',
];

/** A global filter: lines whose attribute has one of the values (applies to every analysis view). */
export interface Filter {
  attribute: string;
  label: string;
  values: string[];
}
const WS_KEY = 'kundenwert.workspace';

function routeFromHash(): Route {
  const h = location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(h) ? (h as Route) : 'import';
}

class AppState {
  route = $state<Route>(routeFromHash());
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

  constructor() {
    addEventListener('hashchange', () => (this.route = routeFromHash()));
    onWorkerCrash((e) => {
      this.error = e;
      // A crash in the middle of an import leaves an unfinished dataset: remove it now, not only at the next start.
      void engine.cleanupInterrupted().then(() => this.loadDatasets());
    });
  }

  go(r: Route) {
    location.hash = `#/${r}`;
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
      const created = await engine.createWorkspace(i18n.t('ws.defaultName'));
      if (!created.ok) return this.fail(created.error);
      const again = await engine.listWorkspaces();
      if (!again.ok) return this.fail(again.error);
      list = again.value;
    }
    this.workspaces = list;
    const saved = Number(localStorage.getItem(WS_KEY));
    const keep = list.find((w) => w.id === (this.workspaceId ?? saved));
    await this.selectWorkspace((keep ?? list[0]).id);
  }

  async selectWorkspace(id: number) {
    this.workspaceId = id;
    localStorage.setItem(WS_KEY, String(id));
    await this.loadDatasets();
  }

  async loadDatasets() {
    if (this.workspaceId === null) return;
    const res = await engine.listDatasets(this.workspaceId);
    if (!res.ok) return this.fail(res.error);
    this.datasets = res.value;
  }

  async createWorkspace(name: string) {
    const res = await engine.createWorkspace(name);
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
  if (typeof params.rows === 'number') params.rows = i18n.num(params.rows);
  if (typeof params.size === 'number') params.size = i18n.bytes(params.size);
  return i18n.t(ERROR_TEXT[e.code], params);
}
