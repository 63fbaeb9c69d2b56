/**
 * The bounded analysis session. One AnalysisSession per loaded dataset holds the dataset's lines (read from storage
 * once) and memoises results per scope: one scope per (as-of date, filters, settings) of a request. Everything is
 * bounded, least recently used out: at most MAX_SESSIONS datasets, MAX_SCOPES scopes per dataset and
 * MAX_SCOPE_ENTRIES results per scope. Forgetting a dataset drops its lines and every scope of it.
 */
import { AppFailure } from '../shared/errors';
import type { DatasetInfo } from '../shared/types';
import * as repo from '../storage/datasets';
import { isLineColumn, LinesBuilder, type Lines } from '../analytics/lines';
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
    readonly info: DatasetInfo,
    readonly lines: Lines,
    /** How long opening took, in ms: building the lines (in part while reading) and the rest of the reading. */
    readonly loadMs: { read: number; build: number },
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
  return new AnalysisSession(stored.info, lines, { read: total - building, build: building });
}

/** The session of a dataset, loading it from storage unless it is held (concurrent callers share one load). */
export function openSession(datasetId: number): Promise<AnalysisSession> {
  const key = String(datasetId);
  const hit = sessions.get(key);
  if (hit) return hit;
  const loading = load(datasetId);
  sessions.set(key, loading);
  // A failed load is not kept: the next call tries again.
  loading.catch(() => {
    if (sessions.get(key) === loading) sessions.delete(key);
  });
  return loading;
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
