/**
 * The bounded analysis session. One AnalysisSession per loaded dataset holds the dataset's lines (read from storage
 * once) and memoises results per scope: one scope per (as-of date, filters, settings) of a request. Everything is
 * bounded, least recently used out: at most MAX_SESSIONS datasets, MAX_SCOPES scopes per dataset and
 * MAX_SCOPE_ENTRIES results per scope. Forgetting a dataset drops its lines and every scope of it.
 */
import { AppFailure } from '../shared/errors';
import type { ColumnInfo, DatasetInfo } from '../shared/types';
import type { CustomerRange } from '../shared/intervals';
import * as repo from '../storage/datasets';
import { isLineColumn, LinesBuilder, type Lines } from '../analytics/lines';
import { joinMaster } from '../analytics/master-join';
import { lineCodes, masterAttributes } from '../analytics/master-attributes';
import { masterOf, type RecordFile } from './records';
import type { CustomerTable } from '../analytics/customers';
import type { KpiOptions } from '../analytics/kpis';

export const MAX_SESSIONS = 2;
export const MAX_SCOPES = 8;
export const MAX_SCOPE_ENTRIES = 32;

/** A map with a fixed capacity: reading or writing an entry makes it the newest; the oldest goes first. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  get size(): number {
    return this.map.size;
  }
}

/** The forecast columns that the customer table shows next to a scope's customers (its last forecast). */
export interface ShownForecast {
  id: number;
  months: number;
  pAlive: Float64Array;
  expected: Float64Array;
  clv: Float64Array | null;
  /** Per-customer interval ranges of the given codes (the forecast intervals), when the fit has them. */
  ranges?: (codes: number[]) => CustomerRange[];
}

/** The line options of a scope: as-of day, duplicates, filter mask, margin rate and CAC. */
export type ScopeOptions = KpiOptions & { asOf: number; include: Uint8Array | null; marginRate: number };

/** One (as-of date, filters, settings) of a dataset: its options, customer table and memoised results. */
export class Scope {
  private readonly memo = new Lru<unknown>(MAX_SCOPE_ENTRIES);
  /** The last forecast of this scope with a fit, for the customer table (null without one). */
  forecast: ShownForecast | null = null;

  constructor(
    readonly key: string,
    readonly opts: ScopeOptions,
    readonly table: CustomerTable,
  ) {}

  /** The result under `key`, computed once while it stays among the scope's recent results. */
  cached<T>(key: string, compute: () => T): T {
    const hit = this.memo.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }
}

/** A loaded dataset: its info, its lines and its recent scopes. */
export class AnalysisSession {
  private readonly scopes = new Lru<Scope>(MAX_SCOPES);

  constructor(
    /** The dataset's info; its columns include the master data's attribute columns (`master:<key>`). */
    readonly info: DatasetInfo,
    readonly lines: Lines,
    /** How long opening took, in ms: building the lines (in part while reading) and the rest of the reading. */
    readonly loadMs: { read: number; build: number },
    /** The master data the lines carry (its file id and import time), or null. */
    readonly master: MasterIdentity | null = null,
  ) {}

  /** The scope under `key`, created with `create` if it is not (or no longer) held. */
  scope(key: string, create: () => Scope): Scope {
    const hit = this.scopes.get(key);
    if (hit) return hit;
    const scope = create();
    this.scopes.set(key, scope);
    return scope;
  }

  /** The keys of the scopes held, oldest first. */
  scopeKeys(): string[] {
    return this.scopes.keys();
  }
}

const sessions = new Lru<Promise<AnalysisSession>>(MAX_SESSIONS);

/** Which master file a session's lines carry. */
export type MasterIdentity = { id: number; createdAt: number };

/** The master data in use in a workspace; none when there is none or it cannot be read (never fails an analysis). */
export async function currentMaster(workspaceId: number): Promise<RecordFile | null> {
  try {
    return await masterOf(workspaceId);
  } catch {
    return null;
  }
}

const identity = (m: RecordFile | null): MasterIdentity | null =>
  m && { id: m.info.id, createdAt: m.info.createdAt };

/** The attribute columns that the master data adds to a dataset (kind 'code', key `master:<key>`). */
export function masterColumns(master: RecordFile | null): ColumnInfo[] {
  if (!master) return [];
  return masterAttributes(master.data, new Int32Array(0)).map((a) => ({
    key: a.key,
    kind: 'code',
    label: a.label,
  }));
}

/**
 * Adds the master data's attribute columns to the lines: each `master:<key>` dictionary at once, its line codes on
 * first use (as the stored attribute codes are).
 */
function addMaster(lines: Lines, master: RecordFile): ColumnInfo[] {
  const { rowOf } = joinMaster(lines.dicts.customer ?? [], master.data);
  const attributes = masterAttributes(master.data, rowOf);
  const dicts = { ...lines.dicts };
  for (const a of attributes) {
    dicts[a.key] = a.dict;
    Object.defineProperty(lines.codes, a.key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = lineCodes(lines.customer, a.ofCustomer);
        Object.defineProperty(lines.codes, a.key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return value;
      },
    });
  }
  lines.dicts = dicts;
  return attributes.map((a) => ({ key: a.key, kind: 'code', label: a.label }));
}

async function load(datasetId: number): Promise<AnalysisSession> {
  const t0 = performance.now();
  const builder = new LinesBuilder();
  let building = 0;
  const stored = await repo.openDataset(datasetId, {
    wanted: isLineColumn,
    // The customer and date columns decide the order of the lines: sorting them overlaps reading the others.
    first: ['customer', 'date'],
    onColumn: (column, values) => {
      const t = performance.now();
      builder.add(column, values);
      building += performance.now() - t;
    },
  });
  if (!stored) throw new AppFailure('notFound', 'Dataset not found.');
  const t1 = performance.now();
  const lines = builder.finish(stored.dicts);
  building += performance.now() - t1;
  const total = performance.now() - t0;
  const master = await currentMaster(stored.info.workspaceId);
  const info = master
    ? { ...stored.info, columns: [...stored.info.columns, ...addMaster(lines, master)] }
    : stored.info;
  return new AnalysisSession(info, lines, { read: total - building, build: building }, identity(master));
}

const sameMaster = (a: MasterIdentity | null, b: MasterIdentity | null) =>
  a === b || (a !== null && b !== null && a.id === b.id && a.createdAt === b.createdAt);

function start(key: string): Promise<AnalysisSession> {
  const loading = load(Number(key));
  sessions.set(key, loading);
  // A failed load is not kept: the next call tries again.
  loading.catch(() => {
    if (sessions.get(key) === loading) sessions.delete(key);
  });
  return loading;
}

/**
 * The session of a dataset, loading it from storage unless it is held (concurrent callers share one load). A held
 * session whose workspace has since got other master data is loaded again, so the master attributes are current.
 */
export function openSession(datasetId: number): Promise<AnalysisSession> {
  const key = String(datasetId);
  const hit = sessions.get(key);
  if (!hit) return start(key);
  return hit.then(async (session) => {
    const master = identity(await currentMaster(session.info.workspaceId));
    if (sameMaster(master, session.master)) return session;
    const now = sessions.get(key);
    return now && now !== hit ? now : start(key);
  });
}

/** The ids of the datasets held in memory, least recently used first. */
export function openDatasets(): number[] {
  return sessions.keys().map(Number);
}

/** Forgets a dataset: its lines and every scope of it (after it was deleted or its options changed). */
export function forget(datasetId: number): void {
  sessions.delete(String(datasetId));
}

/** Forgets every dataset (after workspaces or all data were deleted). */
export function forgetAll(): void {
  for (const key of sessions.keys()) sessions.delete(key);
}
