/**
 * The frozen workspace file of format version 1 (test/unit/fixtures/workspace-v1.kundenwert, written once by the
 * writer of that version; docs/backup-format.md "The frozen file"): today's reader must still read it to exactly the
 * entries it was written from (fixtures/workspace-v1.ts), every value tag and typed array kind included, and the
 * restore must write them. A change to the format that breaks old files fails here; never rewrite the file.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackup, readBackupHeader } from '../../src/storage/backup/format';
import { restoreWorkspace, splitLocalPrefs } from '../../src/storage/backup/workspace';
import type { BackupEntry } from '../../src/storage/backup/types';
import { db } from '../../src/storage/db';
import { freshDatabasePerTest } from './worker-fixture';
import {
  V1_CHUNK_BYTES,
  V1_CREATED_AT,
  V1_FILE,
  V1_ITERATIONS,
  V1_PASSPHRASE,
  V1_SCHEMA_VERSION,
  v1Entries,
} from './fixtures/workspace-v1';

freshDatabasePerTest('backup-frozen');

const bytes = new Uint8Array(readFileSync(resolve(__dirname, 'fixtures', V1_FILE)));
const file = () => new Blob([bytes]);

async function collect(entries: AsyncIterable<BackupEntry>): Promise<BackupEntry[]> {
  const out: BackupEntry[] = [];
  for await (const e of entries) out.push(e);
  return out;
}

describe('the frozen file of format version 1', () => {
  it('has the documented prefix: the mark, version 1, its chunk size and header length', () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 10))).toBe('KUNDENWERT');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(10, true)).toBe(1);
    expect(view.getUint32(12, true)).toBe(V1_CHUNK_BYTES);
    const h = view.getUint32(16, true);
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + h)))).toMatchObject({
      app: 'kundenwert',
      formatVersion: 1,
      schemaVersion: V1_SCHEMA_VERSION,
    });
    // Small chunks: the entries span many chunk records.
    expect(bytes.length - (96 + h)).toBeGreaterThan(4 * (17 + V1_CHUNK_BYTES + 16));
  });

  it('shows its header without the passphrase', async () => {
    const header = await readBackupHeader(file());
    expect(header).toMatchObject({
      app: 'kundenwert',
      formatVersion: 1,
      schemaVersion: V1_SCHEMA_VERSION,
      createdAt: V1_CREATED_AT,
      cipher: 'AES-GCM',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: V1_ITERATIONS },
    });
  });

  it('reads back to exactly its entries, every value tag and typed array kind', async () => {
    const { entries } = await readBackup(file(), V1_PASSPHRASE);
    const read = await collect(entries);
    const expected = v1Entries();
    expect(read).toEqual(expected);
    // What toEqual may let pass: the typed array kinds, -0 and NaN, an own "__proto__" key.
    const chunks = read.filter((e) => e.table === 'chunks').map((e) => (e.row as { values: unknown }).values);
    expect(chunks.map((v) => (v as object).constructor.name)).toEqual([
      'Float64Array',
      'Int32Array',
      'Uint32Array',
      'Int8Array',
      'Uint8Array',
      'Int16Array',
      'Uint16Array',
      'Float32Array',
      'Uint8ClampedArray',
    ]);
    expect(Object.is((chunks[0] as Float64Array)[1], -0)).toBe(true);
    const settings = read.find((e) => e.table === 'settings')!.row as Record<string, unknown>;
    const floats = settings.floats as number[];
    expect(Object.is(floats[2], -0)).toBe(true);
    expect(Number.isNaN(floats[5])).toBe(true);
    expect(Object.getOwnPropertyDescriptor(settings, '__proto__')?.value).toBe('an own key');
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it('opens with the passphrase typed in NFD too, and refuses a wrong one', async () => {
    const nfd = V1_PASSPHRASE.normalize('NFD');
    expect(nfd).not.toBe(V1_PASSPHRASE);
    const { entries } = await readBackup(file(), nfd);
    expect((await collect(entries)).length).toBe(v1Entries().length);
    await expect(readBackup(file(), 'Prufung-Format-1')).rejects.toMatchObject({ kind: 'wrongPassphrase' });
  });

  it('restores into a new workspace with its rows and its local setting', async () => {
    const { header, entries } = await readBackup(file(), V1_PASSPHRASE);
    const split = splitLocalPrefs(entries);
    const id = await restoreWorkspace(split.entries, { name: 'Aus v1', schemaVersion: header.schemaVersion });
    expect(split.prefs).toEqual({ 'kundenwert.report.client': 'Müller & Söhne' });
    const d = db();
    expect(await d.workspaces.get(id)).toMatchObject({ name: 'Aus v1', createdAt: 1_767_225_000_000 });
    const [dataset] = await d.datasets.where('workspaceId').equals(id).toArray();
    expect(dataset).toMatchObject({ name: 'Bestellungen 2025', rowCount: 3, status: 'ready' });
    const amount = await d.chunks.get([dataset.id!, 'amount', 0]);
    expect(amount?.values).toEqual(new Float64Array([1.5, -0, 1e300, -2.5e-308]));
    expect(await d.chunks.where('datasetId').equals(dataset.id!).count()).toBe(9);
    expect((await d.dictionaries.get([dataset.id!, 'customer']))?.values).toEqual(['A', 'Ä', '']);
  });
});
