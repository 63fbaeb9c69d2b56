/**
 * Campaigns in IndexedDB (fake-indexeddb): a campaign round-trips with its ids and stages, lists per workspace newest
 * first, goes with its workspace and with all data, and a version-4 database with data opens as version 5 intact.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KundenwertDB, db } from '../../src/storage/db';
import * as campaigns from '../../src/storage/campaigns';
import { api } from '../../src/worker/api';
import { freshDatabasePerTest, unwrap } from './worker-fixture';
import type { CampaignRecord } from '../../src/shared/actions';

freshDatabasePerTest('campaigns-storage');

function campaign(workspaceId: number, name: string, createdAt: number): Omit<CampaignRecord, 'id'> {
  return {
    workspaceId,
    name,
    createdAt,
    query: { list: 'whitespace', pair: { a: 'Schrauben', b: 'Dübel' }, segment: null },
    datasetId: 7,
    datasetName: 'Bestellungen 2024',
    savedAsOf: '2024-06-30',
    filters: [{ attribute: 'region', values: ['Nord'] }],
    customers: ['K-1', '007', 'K-3'],
    comparison: ['K-9'],
    target: 'Dübel',
    windowDays: 60,
    stages: [
      { day: 0, title: 'Erinnerung', text: 'Hallo {name}', doneAt: '2024-07-01' },
      { day: 7, title: 'Angebot', text: '{suggestion}', doneAt: null },
    ],
    updatedAt: createdAt,
  };
}

describe('campaigns storage', () => {
  it('round trip: what is stored reads back the same (ids as strings, leading zeros kept)', async () => {
    const row = campaign(1, 'Dübel an Schraubenkäufer', 1000);
    const id = await campaigns.addCampaign(row);
    expect(await campaigns.getCampaign(id)).toEqual({ ...row, id });
    await campaigns.putCampaign({ ...row, id, name: 'Neu', updatedAt: 2000 });
    expect((await campaigns.getCampaign(id))?.name).toBe('Neu');
    await campaigns.deleteCampaign(id);
    expect(await campaigns.getCampaign(id)).toBeNull();
  });

  it('lists the campaigns of one workspace only, newest first', async () => {
    const a = await campaigns.addCampaign(campaign(1, 'alt', 1000));
    const b = await campaigns.addCampaign(campaign(1, 'neu', 3000));
    await campaigns.addCampaign(campaign(2, 'fremd', 2000));
    expect((await campaigns.listCampaigns(1)).map((c) => c.id)).toEqual([b, a]);
    expect((await campaigns.listCampaigns(2)).map((c) => c.name)).toEqual(['fremd']);
    expect(await campaigns.listCampaigns(3)).toEqual([]);
  });

  it('deleting a workspace deletes its campaigns and no other; deleting all data empties them', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const other = unwrap(await api.createWorkspace('Other'));
    await campaigns.addCampaign(campaign(ws, 'a', 1));
    await campaigns.addCampaign(campaign(ws, 'b', 2));
    await campaigns.addCampaign(campaign(other, 'c', 3));
    unwrap(await api.deleteWorkspace(ws));
    expect(await db().campaigns.where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db().campaigns.where('workspaceId').equals(other).count()).toBe(1);
    unwrap(await api.deleteAllData());
    expect(await db().campaigns.count()).toBe(0);
  });
});

describe('schema version 5', () => {
  it('opens a version-4 database with data, keeps it and adds the campaigns table', async () => {
    const name = 'kundenwert-upgrade-v5-test';
    const v4 = new Dexie(name);
    v4.version(4).stores({
      workspaces: '++id',
      datasets: '++id, workspaceId, status',
      chunks: '[datasetId+column+chunk], datasetId',
      dictionaries: '[datasetId+column], datasetId',
      rejects: '[datasetId+chunk], datasetId',
      settings: 'workspaceId',
      selfChecks: 'workspaceId',
      valueStreams: 'workspaceId',
      figures: 'workspaceId',
      customerFiles: '++id, workspaceId',
      spendFiles: '++id, workspaceId',
    });
    const ws = (await v4.table('workspaces').add({ name: 'Alt', createdAt: 1 })) as number;
    const ds = (await v4
      .table('datasets')
      .add({ workspaceId: ws, name: 'Bestellungen', status: 'ready', createdAt: 2 })) as number;
    await v4
      .table('chunks')
      .put({ datasetId: ds, column: 'amount', chunk: 0, rows: 2, values: new Float64Array([1.5, 2]) });
    await v4.table('figures').put({ workspaceId: ws, cac: 120, updatedAt: 3 });
    const file = (await v4.table('customerFiles').add({ workspaceId: ws, name: 'Kunden' })) as number;
    v4.close();
    const v5 = new KundenwertDB(name);
    try {
      expect(v5.verno).toBe(5);
      expect((await v5.workspaces.get(ws))?.name).toBe('Alt');
      expect((await v5.datasets.get(ds))?.name).toBe('Bestellungen');
      const chunk = await v5.chunks.get([ds, 'amount', 0]);
      expect([...new Float64Array(chunk!.values)]).toEqual([1.5, 2]);
      expect((await v5.figures.get(ws))?.cac).toBe(120);
      expect((await v5.customerFiles.get(file))?.name).toBe('Kunden');
      expect(await v5.campaigns.count()).toBe(0);
      const id = await v5.campaigns.add(campaign(ws, 'erste', 4) as CampaignRecord);
      expect((await v5.campaigns.get(id))?.customers).toEqual(['K-1', '007', 'K-3']);
    } finally {
      await v5.delete();
    }
  });
});
