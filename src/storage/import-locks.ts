/**
 * The Web Lock each dataset still being written holds ("kundenwert-import-<dataset id>"): an import and a restore
 * hold it from the moment the dataset row exists until it is ready or gone, so that another tab's clean-up of
 * interrupted imports (deleteInterrupted) tells a live write from one a closed tab left behind. A lock goes with
 * the tab or worker that held it. Without `navigator.locks` (Node) nothing is held and nothing counts as live.
 */

export const IMPORT_LOCK_PREFIX = 'kundenwert-import-';

function lockManager(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

/** Runs `fn` while holding the lock of the dataset. */
export async function withImportLock<T>(datasetId: number, fn: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (!locks) return fn();
  return locks.request(IMPORT_LOCK_PREFIX + datasetId, fn) as Promise<T>;
}

/**
 * Takes the lock of the dataset and keeps it until the returned `release` is called (for a write that spans more
 * than one call, as a restore does); resolves once the lock is held.
 */
export async function holdImportLock(datasetId: number): Promise<() => void> {
  const locks = lockManager();
  if (!locks) return () => undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await new Promise<void>((held, failed) => {
    locks
      .request(IMPORT_LOCK_PREFIX + datasetId, () => {
        held();
        return released;
      })
      .catch(failed);
  });
  return release;
}

/** The datasets whose lock is held now (in any tab). */
export async function liveImportIds(): Promise<Set<number>> {
  const ids = new Set<number>();
  const locks = lockManager();
  if (!locks) return ids;
  const state = await locks.query();
  for (const l of state.held ?? []) {
    if (l.name?.startsWith(IMPORT_LOCK_PREFIX)) ids.add(Number(l.name.slice(IMPORT_LOCK_PREFIX.length)));
  }
  return ids;
}
