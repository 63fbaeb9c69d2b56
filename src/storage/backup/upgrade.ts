/**
 * The schema version of a workspace file (its header's `schemaVersion`, docs/backup-format.md "Schema versions"):
 * a file from a later schema than this app's is refused before anything is written; the rows of a file from an
 * earlier schema are brought to the current shape as they stream past, step by step, with the same logic as the
 * Dexie upgrade of that version (src/storage/db.ts), so a restored workspace looks as if it had been upgraded in place.
 */
import { figuresOfSelfCheck, type SelfCheckRow } from '../db';
import { BackupError, type BackupEntry } from './types';

/** Refuses a file whose rows come from a later schema than `appSchema` (BackupError newerSchema). */
export function checkSchema(fileSchema: number, appSchema: number): void {
  if (fileSchema > appSchema) {
    throw new BackupError(
      'newerSchema',
      `The workspace file holds rows of schema version ${fileSchema}; this app knows versions up to ${appSchema}. Update the app.`,
      { file: fileSchema, app: appSchema },
    );
  }
}

/**
 * What each schema version changed in the rows it found (versions that only added tables have no step). A step sees
 * one entry of a file older than its version and yields it, changed or not, with any rows it derives.
 */
const STEPS: Record<number, (e: BackupEntry) => Iterable<BackupEntry>> = {
  // Version 3: the figures a self-check held move into the workspace's figures row (the self-check keeps them).
  3: function* (e) {
    yield e;
    if (e.table !== 'selfChecks') return;
    const figures = figuresOfSelfCheck(e.row as SelfCheckRow);
    if (figures) yield { table: 'figures', row: figures };
  },
};

/** The entries of a file of `fileSchema` as rows of `appSchema`; unchanged when the two are equal. */
export function upgradeEntries(
  entries: AsyncIterable<BackupEntry>,
  fileSchema: number,
  appSchema: number,
): AsyncIterable<BackupEntry> {
  checkSchema(fileSchema, appSchema);
  const steps: ((e: BackupEntry) => Iterable<BackupEntry>)[] = [];
  for (let v = fileSchema + 1; v <= appSchema; v++) {
    const step = STEPS[v];
    if (step) steps.push(step);
  }
  if (steps.length === 0) return entries;
  const through = (e: BackupEntry, from: number): BackupEntry[] => {
    if (from === steps.length) return [e];
    return [...steps[from](e)].flatMap((x) => through(x, from + 1));
  };
  return (async function* () {
    for await (const e of entries) yield* through(e, 0);
  })();
}
