/**
 * A restore and another tab's clean-up of interrupted imports (fake-indexeddb, a minimal in-memory Web Locks): a
 * restore paused in the middle of its stream holds the import lock of every dataset it wrote, so the clean-up that a
 * newly opened tab runs at start leaves them alone and the restore completes; an import a closed tab left behind (no
 * lock) is still deleted by that same clean-up, and once the restore has ended no lock of its stays held.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, type DatasetRow } from '../../src/storage/db';
import { restoreWorkspace, workspaceEntries } from '../../src/storage/backup/workspace';
import type { BackupEntry } from '../../src/storage/backup/types';
import { IMPORT_LOCK_PREFIX, liveImportIds } from '../../src/storage/import-locks';
import { api } from '../../src/worker/api';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';

freshDatabasePerTest('restore-locks');

/** Exclusive locks by name, as navigator.locks grants them: a request waits until the name is free. */
class FakeLocks {
  private held = new Set<string>();
  private waiting = new Map<string, (() => void)[]>();

  async request<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    while (this.held.has(name)) {
      await new Promise<void>((go) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), go]));
    }
    this.held.add(name);
    try {
      return await fn();
    } finally {
      this.held.delete(name);
      const next = this.waiting.get(name)?.shift();
      next?.();
    }
  }

  async query() {
    return { held: [...this.held].map((name) => ({ name, mode: 'exclusive' })), pending: [] };
  }
}

let locks: FakeLocks;
beforeEach(() => {
  locks = new FakeLocks();
  vi.stubGlobal('navigator', { locks });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The entries of `source`, stopping before the first entry `stopAt` accepts until `resume` is called. */
function pausing(source: AsyncIterable<BackupEntry>, stopAt: (e: BackupEntry, seen: number) => boolean) {
  let resume!: () => void;
  const resumed = new Promise<void>((go) => (resume = go));
  let paused!: () => void;
  const reached = new Promise<void>((go) => (paused = go));
  const entries = (async function* () {
    let n = 0;
    let stopped = false;
    for await (const e of source) {
      if (!stopped && stopAt(e, n)) {
        stopped = true;
        paused();
        await resumed;
      }
      n++;
      yield e;
    }
  })();
  return { entries, reached, resume };
}

async function datasetsOf(ws: number): Promise<DatasetRow[]> {
  return db().datasets.where('workspaceId').equals(ws).toArray();
}

describe('restore and the clean-up of interrupted imports', () => {
  it('a clean-up while a restore is paused mid-stream leaves it to succeed; a dead import still goes', async () => {
    const a = await importCsv();
    const ws = a.workspaceId;
    await importCsv(['Kunde;Datum;Betrag', 'X;01.01.1971;5,00'].join('\n'), ws);
    const entries: BackupEntry[] = [];
    for await (const e of workspaceEntries(ws)) entries.push(e);
    const originals = entries.filter((e) => e.table === 'datasets').length;
    expect(originals).toBe(2);

    // An import a closed tab left behind: marked importing, nobody holds its lock.
    const d = db();
    const dead = (await d.datasets.add({
      ...((await d.datasets.get(a.id)) as DatasetRow),
      id: undefined,
      status: 'importing',
    })) as number;

    // Pause after the first dataset and its rows were written, before the second dataset's row.
    let datasetsSeen = 0;
    const p = pausing(
      (async function* () {
        yield* entries;
      })(),
      (e) => e.table === 'datasets' && ++datasetsSeen === 2,
    );
    const restoring = restoreWorkspace(p.entries, { name: 'Kopie' });
    await p.reached;
    const copy = (await d.workspaces.toArray()).find((w) => w.name === 'Kopie')!;
    const halfway = await datasetsOf(copy.id!);
    expect(halfway.map((r) => r.status)).toEqual(['importing']);
    expect(await liveImportIds()).toEqual(new Set([halfway[0].id]));

    // What a tab opened now runs first.
    expect(unwrap(await api.cleanupInterrupted())).toBe(1);
    expect(await d.datasets.get(dead)).toBeUndefined();
    expect(await d.datasets.get(halfway[0].id!)).toBeDefined();

    p.resume();
    expect(await restoring).toBe(copy.id);
    const restored = await datasetsOf(copy.id!);
    expect(restored.map((r) => r.status)).toEqual(['ready', 'ready']);
    expect(restored.map((r) => r.rowCount)).toEqual([8, 1]);
    // The restore holds no lock once it has ended.
    expect([...(await locks.query()).held].filter((l) => l.name.startsWith(IMPORT_LOCK_PREFIX))).toEqual([]);
  });

  it('a restore that fails releases its locks and leaves nothing behind', async () => {
    const a = await importCsv();
    const entries: BackupEntry[] = [];
    for await (const e of workspaceEntries(a.workspaceId)) entries.push(e);
    const broken = (async function* () {
      yield* entries;
      throw new Error('the file ended');
    })();
    await expect(restoreWorkspace(broken, { name: 'Kopie' })).rejects.toThrow('the file ended');
    expect(await liveImportIds()).toEqual(new Set());
    expect((await db().workspaces.toArray()).map((w) => w.name)).toEqual(['W']);
  });
});
