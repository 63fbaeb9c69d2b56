/**
 * Repository of the campaigns of a workspace (table `campaigns`, one row per campaign with its customer ids). They
 * are deleted with their workspace (datasets.ts deleteWorkspace) and with all local data (deleteAllData clears every
 * table); a campaign outlives the dataset it was saved from.
 */
import type { CampaignRecord } from '../shared/actions';
import { db } from './db';

/** The campaigns of a workspace, newest first (by creation time, then by id). */
export async function listCampaigns(workspaceId: number): Promise<CampaignRecord[]> {
  const rows = await db().campaigns.where('workspaceId').equals(workspaceId).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt || b.id! - a.id!);
}

export async function getCampaign(id: number): Promise<CampaignRecord | null> {
  return (await db().campaigns.get(id)) ?? null;
}

/** Stores a new campaign; returns its id. */
export async function addCampaign(row: Omit<CampaignRecord, 'id'>): Promise<number> {
  return db().campaigns.add(row as CampaignRecord);
}

/** Writes a whole campaign (it has an id). */
export async function putCampaign(row: CampaignRecord): Promise<void> {
  await db().campaigns.put(row);
}

export async function deleteCampaign(id: number): Promise<void> {
  await db().campaigns.delete(id);
}
