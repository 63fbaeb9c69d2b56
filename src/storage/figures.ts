/** "Your figures" of a workspace: one row in the `figures` table (see shared/figures.ts). */
import { db, type FiguresRow } from './db';
import { cleanFigures, withLegacyMargin, type YourFigures } from '../shared/figures';

/**
 * The figures of a workspace; the first time for this workspace, the margin an older version kept in this
 * browser (`legacyMargin`, the raw localStorage value) is taken over if the workspace has none.
 */
export async function getFigures(
  workspaceId: number,
  legacyMargin: string | null = null,
): Promise<YourFigures> {
  const d = db();
  return d.transaction('rw', d.figures, async () => {
    const row = (await d.figures.get(workspaceId)) ?? null;
    const migrated = withLegacyMargin(row, workspaceId, legacyMargin);
    if (migrated) await d.figures.put(migrated);
    return cleanFigures(migrated ?? row);
  });
}

export async function saveFigures(workspaceId: number, figures: YourFigures): Promise<void> {
  const row: FiguresRow = {
    workspaceId,
    ...cleanFigures(figures),
    legacyMarginChecked: true,
    updatedAt: Date.now(),
  };
  await db().figures.put(row);
}
