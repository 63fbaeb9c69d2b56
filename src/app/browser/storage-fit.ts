/**
 * Will a file likely fit into the browser storage? Asked before an import and before a restore, on the page (the
 * worker has its own `navigator.storage`, but the answer is the same origin's, and the question belongs to the
 * dialog that asks the user).
 *
 * Import:
 * What an import stores: the columns as typed arrays in chunks (4 or 8 bytes per value), a dictionary of every
 * distinct text (customer numbers, attributes), and the rejected rows with their raw lines. Chromium keeps these in
 * IndexedDB compressed, so a file takes far less room stored than as text. Measured with
 * `navigator.storage.estimate()` (the `indexedDB` share, before and after the import, headless Chromium):
 * online_retail.csv 48.0 MB → 6.1 MB (0.13 per file byte), CDNOW master 1.95 MB → 0.64 MB (0.33), a grocery
 * file of 160 KB → 41 KB (0.26). The estimate takes half the file size: above every measured file, with room for a
 * file with many distinct texts or many rejected rows (their lines are kept) and for the database's own copies
 * while it writes. It is a warning, not a refusal: when the storage does run full, the import is rolled back.
 */

/** Stored bytes per byte of an imported file, an upper bound over the files measured above. */
export const STORED_PER_FILE_BYTE = 0.5;

/**
 * Stored bytes per byte of a workspace file (gzip-compressed): 1.5 to 1.6 measured with bench/backup.mjs at 0.75
 * and 1 million rows, rounded up (docs/backup-format.md).
 */
export const RESTORED_PER_FILE_BYTE = 2;

/** What `navigator.storage.estimate()` answers (either figure may be missing). */
export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

/** The figures of a warning: what the import will likely need and what is free, in bytes. */
export interface SpaceShortfall {
  needed: number;
  free: number;
}

/** The bytes a file of `fileBytes` bytes will likely take stored (`perFileByte`: an import's by default). */
export function storedEstimate(fileBytes: number, perFileByte = STORED_PER_FILE_BYTE): number {
  return Math.ceil(fileBytes * perFileByte);
}

/**
 * The shortfall when the file will likely not fit, null when it will (or when the browser gives no quota: then
 * nothing is known and nothing is said).
 */
export function spaceShortfall(
  fileBytes: number,
  est: StorageEstimateLike | null,
  perFileByte = STORED_PER_FILE_BYTE,
): SpaceShortfall | null {
  if (!est || est.quota === undefined || !Number.isFinite(est.quota)) return null;
  const free = Math.max(0, est.quota - (est.usage ?? 0));
  const needed = storedEstimate(fileBytes, perFileByte);
  return needed > free ? { needed, free } : null;
}

/** The browser's storage estimate, or null where there is none (or it fails). */
export async function storageEstimate(): Promise<StorageEstimateLike | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
    return await navigator.storage.estimate();
  } catch {
    return null;
  }
}
