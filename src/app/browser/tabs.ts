/**
 * Several tabs of the app share one IndexedDB. Two browser features keep them apart and in step:
 * - one writer at a time: every write that changes what other tabs list (imports, deletes, renames, deleting all
 *   local data) runs under the exclusive Web Lock `kundenwert-write`; a tab that finds it held waits (and may give up
 *   waiting). Beside it the writer holds a shared lock that names the kind of write, so that a waiting tab can say
 *   in words what the other tab is doing. Without `navigator.locks` the write simply runs.
 * - after each write the tab posts what changed on the BroadcastChannel `kundenwert`; the other tabs read their lists
 *   again. Without BroadcastChannel nothing is posted and other tabs see the change at their next reload.
 * - saves of a workspace's own entries (your figures, self-check, value stream map, campaigns) take no lock: the last
 *   save wins, as in one tab. They post a light `saved` message naming what was saved; the tab state that shows it
 *   reads it again (`onOtherTabSaved`), unless it holds an edit of its own not yet saved (which then wins).
 *   The worker keeps none of these entries in memory, so nothing is dropped there.
 * Plain browser code without runes: the app state (app-state.svelte.ts) keeps the waiting and the notices.
 */

export const WRITE_LOCK = 'kundenwert-write';
export const CHANNEL_NAME = 'kundenwert';

/** What a write does (named in the message of a tab that has to wait for it). */
export type WriteKind = 'import' | 'delete' | 'rename' | 'deleteAll' | 'create' | 'backup' | 'update';
const WRITE_KINDS: readonly WriteKind[] = [
  'import',
  'delete',
  'rename',
  'deleteAll',
  'create',
  'backup',
  'update',
];
const KIND_PREFIX = `${WRITE_LOCK}:`;

/** What another tab changed. */
export type TabChange =
  /**
   * Datasets of a workspace were imported, renamed or deleted (`deleted`: the ids of the deleted ones), or their
   * options changed (`changed`: the ids of those whose analyses differ now, e.g. the duplicates switch).
   */
  | { kind: 'datasets'; workspaceId: number; deleted?: number[]; changed?: number[] }
  /** Record files (customer master data, marketing spend) of a workspace were imported, renamed or deleted. */
  | { kind: 'records'; workspaceId: number }
  /** Workspaces were created or renamed, or one was deleted (`deleted`: its id). */
  | { kind: 'workspaces'; deleted?: number }
  /** All local data was deleted. */
  | { kind: 'all' }
  /** An entry of a workspace was saved (light: no lock; see the file comment). */
  | { kind: 'saved'; workspaceId: number; what: SavedEntry };

/** The entries of a workspace whose saves are announced as `saved`. */
export type SavedEntry = 'figures' | 'selfCheck' | 'valueStream' | 'campaigns';

/** The answer of `withWriteLock` when the user gave up waiting: nothing was written. */
export const CANCELLED: unique symbol = Symbol('cancelled');

/** Whose write this tab waits for: another tab's (`here` false) or an earlier one of this tab; its kind if known. */
export interface WaitingFor {
  here: boolean;
  kind: WriteKind | null;
}

export interface WriteLockOptions {
  /** Called once when the lock is held and this tab starts waiting. */
  onWait?: (waitingFor: WaitingFor) => void;
  /** Aborting it while waiting gives up the wait (the answer is CANCELLED). */
  signal?: AbortSignal;
}

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** How many writes of this tab hold the lock right now (0 or 1). */
let heldHere = 0;

/**
 * Runs `write` while this tab holds the write lock. When another tab (or an earlier write of this tab) holds it,
 * `onWait` is called and the write waits until the lock is free, or until `signal` aborts (then CANCELLED). `write`
 * must not start another write: it would wait for itself.
 */
export async function withWriteLock<T>(
  kind: WriteKind,
  write: () => Promise<T>,
  options: WriteLockOptions = {},
): Promise<T | typeof CANCELLED> {
  const lm = locks();
  if (!lm) return write();
  const run = async (): Promise<T> => {
    heldHere++;
    try {
      // The shared lock only names the write for waiting tabs; it is granted at once.
      return await lm.request(KIND_PREFIX + kind, { mode: 'shared' }, () => write());
    } finally {
      heldHere--;
    }
  };
  const NOT_FREE = Symbol('held');
  const first = await lm.request(WRITE_LOCK, { ifAvailable: true }, async (lock) =>
    lock ? { value: await run() } : NOT_FREE,
  );
  if (first !== NOT_FREE) return first.value;
  options.onWait?.({ here: heldHere > 0, kind: await writeHeld() });
  if (options.signal?.aborted) return CANCELLED;
  try {
    return await lm.request(WRITE_LOCK, { signal: options.signal }, () => run());
  } catch (e) {
    if (options.signal?.aborted) return CANCELLED;
    throw e;
  }
}

/** The kind of the write that holds the lock now, as its shared lock names it (null when none is named). */
async function writeHeld(): Promise<WriteKind | null> {
  try {
    const state = await locks()!.query();
    for (const l of state.held ?? []) {
      const kind = l.name?.startsWith(KIND_PREFIX) ? l.name.slice(KIND_PREFIX.length) : null;
      const known = WRITE_KINDS.find((k) => k === kind);
      if (known) return known;
    }
  } catch {
    // Only the words of the message depend on it.
  }
  return null;
}

let channel: BroadcastChannel | null | undefined;

function theChannel(): BroadcastChannel | null {
  if (channel === undefined)
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

/** Tells the other tabs what this tab changed. */
export function announce(change: TabChange): void {
  try {
    theChannel()?.postMessage(change);
  } catch {
    // A closed channel (the page is going away): the other tabs read the data at their next reload.
  }
}

function isChange(v: unknown): v is TabChange {
  if (typeof v !== 'object' || v === null) return false;
  const kind = (v as { kind?: unknown }).kind;
  return (
    kind === 'datasets' || kind === 'records' || kind === 'workspaces' || kind === 'all' || kind === 'saved'
  );
}

/** Calls `listener` with every change another tab announces; returns the function that stops listening. */
export function onOtherTabChange(listener: (change: TabChange) => void): () => void {
  const ch = theChannel();
  if (!ch) return () => undefined;
  const handle = (e: MessageEvent) => {
    if (isChange(e.data)) listener(e.data);
  };
  ch.addEventListener('message', handle);
  return () => ch.removeEventListener('message', handle);
}

/** Tells the other tabs that this tab saved `what` of a workspace. */
export function announceSaved(workspaceId: number, what: SavedEntry): void {
  announce({ kind: 'saved', workspaceId, what });
}

/** Calls `listener` with the workspace whenever another tab saved `what` of it; returns the stop function. */
export function onOtherTabSaved(what: SavedEntry, listener: (workspaceId: number) => void): () => void {
  return onOtherTabChange((c) => {
    if (c.kind === 'saved' && c.what === what) listener(c.workspaceId);
  });
}
