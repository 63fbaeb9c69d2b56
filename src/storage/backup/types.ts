/**
 * The workspace file (issue #15, DESIGN.md "Offline and workspace files"): one encrypted file that carries every
 * table of a workspace from one laptop to the next. The format (format.ts) knows nothing of Dexie: it writes and
 * reads a stream of entries. The workspace side (workspace.ts) turns a workspace's tables into entries and back.
 */

/** One row of one table. Rows keep their typed arrays (the format encodes them losslessly). */
export interface BackupEntry {
  table: string;
  row: unknown;
}

/** What the plain (unencrypted) header says; nothing in it is customer data. */
export interface BackupHeader {
  app: 'kundenwert';
  /** Version of this file format; a later app reads every earlier one. */
  formatVersion: number;
  /** The IndexedDB schema version the rows come from (restore upgrades older rows). */
  schemaVersion: number;
  createdAt: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: 'AES-GCM';
}

/** Why a file cannot be read; each has its own message in the UI. Nothing is changed in any of these cases. */
export type BackupFailureKind =
  /** The key from the passphrase does not open the file. */
  | 'wrongPassphrase'
  /** The file ends before its last chunk. */
  | 'truncated'
  /** A chunk does not authenticate (a byte was changed). */
  | 'tampered'
  /** Not a Kundenwert workspace file (another program's file, an empty file). */
  | 'notABackup'
  /** Written by a later version of the app with a format this one does not know. */
  | 'newerVersion'
  /** Its rows come from a later IndexedDB schema than this app's (the header's schemaVersion). */
  | 'newerSchema';

export class BackupError extends Error {
  constructor(
    readonly kind: BackupFailureKind,
    message: string,
    /** Figures for the UI's message (newerSchema: the file's and this app's schema version). */
    readonly params?: Record<string, number>,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
