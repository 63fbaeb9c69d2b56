/**
 * The worker's workspace-file methods (fake-indexeddb): a backup of the KPI workspace restores beside it with the
 * same analysis; the header shows without the passphrase; each failure kind crosses as its own error code; a file
 * with a changed byte in its last chunk is refused after earlier chunks were already written, and leaves no trace.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/storage/db';
import { writeBackup } from '../../src/storage/backup/format';
import { workspaceEntries } from '../../src/storage/backup/workspace';
import { backupFileName } from '../../src/worker/handlers/backup';
import { api } from '../../src/worker/api';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';

freshDatabasePerTest('backup-handler');

const PASS = 'richtig-geheim';

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db().tables) out[t.name] = await t.count();
  return out;
}

/** A backup of the workspace written with few iterations and small chunks (many chunks for a small workspace). */
async function smallChunkFile(ws: number): Promise<Blob> {
  const stream = writeBackup(workspaceEntries(ws), PASS, {
    schemaVersion: db().verno,
    iterations: 1000,
    chunkBytes: 64,
  });
  return new Response(stream).blob();
}

/** The offset of the last chunk's ciphertext (docs/backup-format.md: records start at 96 + H). */
async function lastChunkCiphertext(file: Blob): Promise<number> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const view = new DataView(bytes.buffer);
  let at = 96 + view.getUint32(16, true);
  for (;;) {
    const length = view.getUint32(at, true);
    const last = bytes[at + 4] === 1;
    if (last) return at + 17;
    at += 17 + length;
  }
}

describe('workspace files through the worker API', () => {
  it('names the file after the workspace and the local date', () => {
    expect(backupFileName('Müller & Söhne', new Date(2026, 0, 5, 23, 59).getTime())).toBe(
      'kundenwert-Muller-Sohne-2026-01-05.kundenwert',
    );
    expect(backupFileName('Straße 7', new Date(2025, 11, 31).getTime())).toBe(
      'kundenwert-Strasse-7-2025-12-31.kundenwert',
    );
    expect(backupFileName('///', new Date(2025, 0, 1).getTime())).toBe(
      'kundenwert-arbeitsbereich-2025-01-01.kundenwert',
    );
  });

  it('backs up, shows the header, and restores beside the original with the same figures', async () => {
    const info = await importCsv();
    const ws = info.workspaceId;
    const rows: number[] = [];
    const file = unwrap(await api.backupWorkspace(ws, PASS, (n) => rows.push(n)));
    expect(file.fileName).toMatch(/^kundenwert-W-\d{4}-\d{2}-\d{2}\.kundenwert$/);
    expect(rows.at(-1)).toBe(file.rows);
    const header = unwrap(await api.inspectBackup(file.blob));
    expect(header.formatVersion).toBe(1);
    expect(header.schemaVersion).toBe(5);
    expect(unwrap(await api.backupWorkspaceName(file.blob, PASS))).toBe('W');

    const before = await counts();
    const { workspaceId: id } = unwrap(
      await api.restoreBackup(file.blob, PASS, { name: 'W (wiederhergestellt)' }),
    );
    const after = await counts();
    // Every carried table holds its rows twice now (one workspace with one dataset, copied).
    expect(after.workspaces).toBe(before.workspaces + 1);
    expect(after.datasets).toBe(2);
    expect(after.chunks).toBe(2 * before.chunks);
    const list = unwrap(await api.listWorkspaces());
    expect(list.find((w) => w.id === id)?.name).toBe('W (wiederhergestellt)');
    const [restored] = unwrap(await api.listDatasets(id));
    const a = unwrap(await api.overview({ datasetId: info.id, asOf: null, filters: [] }));
    const b = unwrap(await api.overview({ datasetId: restored.id, asOf: null, filters: [] }));
    // The KPI case (worker-fixture.ts): customers A to E; 8 orders of 640.00 in all, an average order value of 80.
    expect(b.customers).toBe(5);
    expect(b.kpis.kpis.aov.value).toBe(80);
    expect(b.kpis).toEqual(a.kpis);
  });

  it('each failure kind crosses as its own code and changes nothing', async () => {
    const info = await importCsv();
    const file = await smallChunkFile(info.workspaceId);
    const before = await counts();
    const code = async (blob: Blob, pass = PASS) => {
      const r = await api.restoreBackup(blob, pass, { name: 'X' });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(file, 'falsch-falsch')).toBe('backupWrongPassphrase');
    expect(await code(file.slice(0, file.size - 10))).toBe('backupTruncated');
    expect(await code(new Blob(['Kunde;Datum\nA;1.1.2020\n']))).toBe('backupNotABackup');
    const newer = new Uint8Array(await file.arrayBuffer());
    newer[10] = 99; // format version 99
    const r = await api.inspectBackup(new Blob([newer]));
    expect(r.ok ? 'ok' : r.error.code).toBe('backupNewerVersion');
    expect(await counts()).toEqual(before);
  });

  it('a changed byte in the last chunk is refused after earlier chunks were written, with no trace', async () => {
    const info = await importCsv();
    const file = await smallChunkFile(info.workspaceId);
    const bytes = new Uint8Array(await file.arrayBuffer());
    bytes[(await lastChunkCiphertext(file)) + 1] ^= 0x01;
    const before = await counts();
    let created = 0;
    const count = () => void created++;
    db().workspaces.hook('creating', count);
    try {
      const r = await api.restoreBackup(new Blob([bytes]), PASS, { name: 'X' });
      expect(r.ok ? 'ok' : r.error.code).toBe('backupTampered');
    } finally {
      db().workspaces.hook('creating').unsubscribe(count);
    }
    // The restore had begun: a workspace was written before the last chunk failed; then it was deleted.
    expect(created).toBe(1);
    expect(await counts()).toEqual(before);
  });
});
