// "Your figures" per workspace: the version-3 migration keeps the figures a version-2 self-check held, the margin an
// older version kept in localStorage is taken over once per workspace (a margin of the workspace wins), and the
// figures go with their workspace.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KundenwertDB, useDatabase } from '../../src/storage/db';
import { getFigures, saveFigures } from '../../src/storage/figures';
import { createWorkspace, deleteWorkspace } from '../../src/storage/datasets';
import { EMPTY_COSTS, withLegacyMargin } from '../../src/shared/figures';

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

function fresh(): KundenwertDB {
  const d = new KundenwertDB(`kundenwert-figures-${++n}`);
  opened.push(d);
  useDatabase(d);
  return d;
}

describe('schema version 3: your figures', () => {
  it('moves the figures of a version-2 self-check into the figures table', async () => {
    const name = `kundenwert-figures-upgrade-${++n}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({
      workspaces: '++id',
      datasets: '++id, workspaceId, status',
      chunks: '[datasetId+column+chunk], datasetId',
      dictionaries: '[datasetId+column], datasetId',
      rejects: '[datasetId+chunk], datasetId',
      settings: 'workspaceId',
    });
    v2.version(2).stores({ selfChecks: 'workspaceId', valueStreams: 'workspaceId' });
    const a = (await v2.table('workspaces').add({ name: 'A', createdAt: 1 })) as number;
    const b = (await v2.table('workspaces').add({ name: 'B', createdAt: 1 })) as number;
    await v2.table('selfChecks').put({
      workspaceId: a,
      answers: { q1: { answer: 'yes', note: 'n' } },
      implementation: {},
      figures: { cac: 1250, acquisitionShare: 70, existingShare: 30 },
      updatedAt: 5,
    });
    await v2.table('selfChecks').put({
      workspaceId: b,
      answers: {},
      implementation: {},
      figures: { cac: null, acquisitionShare: null, existingShare: null },
      updatedAt: 6,
    });
    v2.close();

    const v3 = new KundenwertDB(name);
    opened.push(v3);
    useDatabase(v3);
    expect(v3.verno).toBe(5);
    expect(await v3.figures.get(a)).toEqual({
      workspaceId: a,
      cac: 1250,
      marginPercent: null,
      acquisitionShare: 70,
      existingShare: 30,
      costs: EMPTY_COSTS,
      updatedAt: 5,
    });
    // Nothing entered, nothing to move; the self-check's answers stay where they were.
    expect(await v3.figures.get(b)).toBeUndefined();
    expect((await v3.selfChecks.get(a))?.answers).toEqual({ q1: { answer: 'yes', note: 'n' } });
    // The browser's old margin (40 %) joins the migrated CAC on first read.
    expect(await getFigures(a, '40')).toEqual({
      cac: 1250,
      marginPercent: 40,
      acquisitionShare: 70,
      costs: EMPTY_COSTS,
      existingShare: 30,
    });
  });

  it('takes the old margin over once per workspace; a margin of the workspace wins', async () => {
    fresh();
    const ws = await createWorkspace('W');
    expect((await getFigures(ws, '35')).marginPercent).toBe(35);
    // The user clears the margin: it stays cleared, the old value does not come back.
    await saveFigures(ws, {
      cac: 80,
      marginPercent: null,
      acquisitionShare: null,
      existingShare: null,
      costs: EMPTY_COSTS,
    });
    expect(await getFigures(ws, '35')).toEqual({
      cac: 80,
      marginPercent: null,
      acquisitionShare: null,
      costs: EMPTY_COSTS,
      existingShare: null,
    });
    const other = await createWorkspace('X');
    await saveFigures(other, {
      cac: null,
      marginPercent: 20,
      acquisitionShare: null,
      existingShare: null,
      costs: EMPTY_COSTS,
    });
    expect((await getFigures(other, '35')).marginPercent).toBe(20);
    // No old margin, or a value that is not a margin: nothing is taken over.
    const third = await createWorkspace('Y');
    expect((await getFigures(third, null)).marginPercent).toBeNull();
    expect(withLegacyMargin(null, 9, '140')?.marginPercent).toBeNull();
    expect(withLegacyMargin(null, 9, 'abc')?.marginPercent).toBeNull();
    expect(withLegacyMargin(null, 9, '0')?.marginPercent).toBe(0);
  });

  it('deleting a workspace deletes its figures', async () => {
    const d = fresh();
    const ws = await createWorkspace('W');
    await saveFigures(ws, {
      cac: 10,
      marginPercent: 30,
      acquisitionShare: 50,
      existingShare: 50,
      costs: EMPTY_COSTS,
    });
    expect(await d.figures.count()).toBe(1);
    await deleteWorkspace(ws);
    expect(await d.figures.count()).toBe(0);
  });
});
