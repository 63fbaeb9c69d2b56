/** Value stream: the value stream map of a workspace. */
import type { ValueStreamRow } from '../../storage/db';
import * as repo from '../../storage/datasets';

export const valuestreamHandler = {
  async getValueStream(workspaceId: number): Promise<ValueStreamRow | null> {
    return repo.getValueStream(workspaceId);
  },

  async saveValueStream(workspaceId: number, steps: ValueStreamRow['steps']): Promise<true> {
    await repo.saveValueStream(workspaceId, steps);
    return true;
  },
};
