/**
 * Back up a workspace into one encrypted file and restore it (issue #15; the file: storage/backup/format.ts, the
 * tables: storage/backup/workspace.ts). The page calls `backupWorkspace` and `restoreBackup` under the write lock
 * (app.write) and tells the other tabs. A file that cannot be read fails with the AppFailure of its kind
 * (BACKUP_FAILURE_CODE); nothing is changed then: restoreWorkspace deletes what it wrote before rethrowing.
 */
import { db } from '../../storage/db';
import { readBackup, readBackupHeader, writeBackup } from '../../storage/backup/format';
import { restoreWorkspace, splitLocalPrefs, workspaceEntries } from '../../storage/backup/workspace';
import { checkSchema } from '../../storage/backup/upgrade';
import { BackupError, type BackupEntry, type BackupFailureKind } from '../../storage/backup/types';
import { AppFailure, type ErrorCode } from '../../shared/errors';
import { forgetAll } from '../session';

/** The error code of each failure kind (each has its own text in the UI). */
export const BACKUP_FAILURE_CODE: Record<BackupFailureKind, ErrorCode> = {
  wrongPassphrase: 'backupWrongPassphrase',
  truncated: 'backupTruncated',
  tampered: 'backupTampered',
  notABackup: 'backupNotABackup',
  newerVersion: 'backupNewerVersion',
  newerSchema: 'backupNewerSchema',
};

/** The shortest passphrase accepted (the dialog says why). */
export const MIN_PASSPHRASE = 8;

/** Rows between two progress reports. */
const PROGRESS_EVERY = 64;

export interface BackupFile {
  blob: Blob;
  /** `kundenwert-<workspace>-<YYYY-MM-DD>.kundenwert`. */
  fileName: string;
  /** Rows written. */
  rows: number;
}

/** What the plain header of a file says (no customer data), shown before the passphrase is asked. */
export interface BackupInfo {
  createdAt: number;
  formatVersion: number;
  schemaVersion: number;
}

/** A restored workspace: its id and its local settings (name → value) for the page to put back under that id. */
export interface RestoredWorkspace {
  workspaceId: number;
  prefs: Record<string, string>;
}

export interface RestoreRequest {
  /** The new workspace's name (in replace mode it takes the replaced one's name). */
  name: string;
  replaceWorkspaceId?: number | null;
}

/** The workspace name in a file name: letters, digits, dashes and underscores; other runs become one dash. */
export function backupFileName(workspace: string, createdAt: number): string {
  const slug =
    workspace
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'arbeitsbereich';
  const d = new Date(createdAt);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `kundenwert-${slug}-${day}.kundenwert`;
}

/** A BackupError as the AppFailure of its kind; anything else unchanged. */
function asFailure(e: unknown): unknown {
  if (e instanceof BackupError) return new AppFailure(BACKUP_FAILURE_CODE[e.kind], e.message, e.params);
  return e;
}

async function* counted(
  entries: AsyncIterable<BackupEntry>,
  onProgress?: (rows: number) => void,
): AsyncGenerator<BackupEntry> {
  let n = 0;
  for await (const e of entries) {
    yield e;
    if (++n % PROGRESS_EVERY === 0) onProgress?.(n);
  }
  onProgress?.(n);
}

export const backupHandler = {
  /**
   * The workspace as one encrypted file (the page saves it). `prefs` are the workspace's settings the page keeps in
   * localStorage (name → value), carried along. The file is gathered as a Blob of its chunks (about 1 MB each), so
   * the worker's heap holds one chunk at a time: the browser may keep the parts on disk.
   */
  async backupWorkspace(
    workspaceId: number,
    passphrase: string,
    onProgress?: (rows: number) => void,
    prefs: Record<string, string> = {},
  ): Promise<BackupFile> {
    if (passphrase.length < MIN_PASSPHRASE) {
      throw new Error(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
    }
    const d = db();
    const workspace = await d.workspaces.get(workspaceId);
    if (!workspace) throw new AppFailure('notFound', `Workspace ${workspaceId} does not exist.`);
    const createdAt = Date.now();
    let rows = 0;
    const stream = writeBackup(
      counted(workspaceEntries(workspaceId, prefs), (n) => {
        rows = n;
        onProgress?.(n);
      }),
      passphrase,
      { schemaVersion: d.verno, createdAt },
    );
    const parts: Blob[] = [];
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(new Blob([value as Uint8Array<ArrayBuffer>]));
    }
    const blob = new Blob(parts, { type: 'application/octet-stream' });
    return { blob, fileName: backupFileName(workspace.name, createdAt), rows };
  },

  /** The plain header of a file: its date and versions, or the failure of its kind. */
  async inspectBackup(file: Blob): Promise<BackupInfo> {
    try {
      const h = await readBackupHeader(file);
      checkSchema(h.schemaVersion, db().verno);
      return { createdAt: h.createdAt, formatVersion: h.formatVersion, schemaVersion: h.schemaVersion };
    } catch (e) {
      throw asFailure(e);
    }
  },

  /**
   * The name of the workspace in a file (its first entry); checks the passphrase. Nothing is written; the page asks
   * whether to restore beside a workspace of that name or to replace it.
   */
  async backupWorkspaceName(file: Blob, passphrase: string): Promise<string> {
    try {
      const { header, entries } = await readBackup(file, passphrase);
      checkSchema(header.schemaVersion, db().verno);
      for await (const { table, row } of entries) {
        const name = (row as { name?: unknown } | null)?.name;
        if (table !== 'workspaces' || typeof name !== 'string') break;
        return name;
      }
      throw new BackupError('notABackup', 'The file does not begin with its workspace.');
    } catch (e) {
      throw asFailure(e);
    }
  },

  /**
   * Restores a file into a new workspace (or replaces one); all or nothing. Rows of an earlier schema are upgraded, a
   * file of a later one is refused. Returns the new id and the workspace's local settings (the page writes them).
   */
  async restoreBackup(file: Blob, passphrase: string, req: RestoreRequest): Promise<RestoredWorkspace> {
    try {
      const { header, entries } = await readBackup(file, passphrase);
      const split = splitLocalPrefs(entries);
      const id = await restoreWorkspace(split.entries, {
        name: req.name,
        replaceWorkspaceId: req.replaceWorkspaceId ?? null,
        schemaVersion: header.schemaVersion,
      });
      // A replaced workspace's datasets are gone: drop what the worker holds of them.
      if (req.replaceWorkspaceId != null) forgetAll();
      return { workspaceId: id, prefs: split.prefs };
    } catch (e) {
      throw asFailure(e);
    }
  },
};
