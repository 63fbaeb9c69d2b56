/** Value stream: the value stream map of a workspace, and its figures. */
import type { ValueStreamRow } from '../../storage/db';
import * as repo from '../../storage/datasets';
import { valueStreamFigures, type ValueStreamFigures } from '../../analytics/valuestream';
import type { VsmStep } from '../../shared/valuestream';

export const valuestreamHandler = {
  async getValueStream(workspaceId: number): Promise<ValueStreamRow | null> {
    return repo.getValueStream(workspaceId);
  },

  async saveValueStream(workspaceId: number, steps: ValueStreamRow['steps']): Promise<true> {
    await repo.saveValueStream(workspaceId, steps);
    return true;
  },

  /**
   * The figures of a map (lead time, value-added ratio, cost, handoffs in the first 90 days, time to value,
   * bottleneck, waste steps, start and end day of each step), for the steps as they stand in the editor, saved or not.
   */
  async valueStreamFigures(steps: readonly VsmStep[]): Promise<ValueStreamFigures> {
    return valueStreamFigures(steps);
  },
};
