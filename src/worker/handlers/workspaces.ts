/** Workspaces and the local data as a whole: list, create, rename, delete, the storage estimate, delete all. */
import type { StorageEstimate, WorkspaceInfo } from '../../shared/types';
import * as repo from '../../storage/datasets';
import { forgetAll } from '../session';

export const workspacesHandler = {
  async ping(): Promise<string> {
    return 'pong';
  },

  async listWorkspaces(): Promise<WorkspaceInfo[]> {
    return repo.listWorkspaces();
  },

  async createWorkspace(name: string): Promise<number> {
    return repo.createWorkspace(name);
  },

  async renameWorkspace(id: number, name: string): Promise<true> {
    await repo.renameWorkspace(id, name);
    return true;
  },

  async deleteWorkspace(id: number): Promise<true> {
    forgetAll();
    await repo.deleteWorkspace(id);
    return true;
  },

  async storageEstimate(): Promise<StorageEstimate> {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    const est = storage?.estimate ? await storage.estimate() : {};
    const persisted = storage?.persisted ? await storage.persisted() : false;
    return { usage: est.usage ?? null, quota: est.quota ?? null, persisted };
  },

  async deleteAllData(): Promise<true> {
    forgetAll();
    await repo.deleteAllData();
    return true;
  },
};
