/** "Your figures" of a workspace (CAC, margin, budget split): read once per workspace, used by every view. */
import * as repo from '../../storage/figures';
import type { YourFigures } from '../../shared/figures';

export const figuresHandler = {
  /** The figures of a workspace; `legacyMargin` is this browser's old forecast margin (taken over once). */
  async getFigures(workspaceId: number, legacyMargin: string | null): Promise<YourFigures> {
    return repo.getFigures(workspaceId, legacyMargin);
  },

  async saveFigures(workspaceId: number, figures: YourFigures): Promise<true> {
    await repo.saveFigures(workspaceId, figures);
    return true;
  },
};
