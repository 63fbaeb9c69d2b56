/**
 * "Your figures": what the user knows about the business and the data cannot tell, kept once per workspace and
 * used by every view and the report. Null: not entered (a figure that needs it says which default it uses).
 */
export interface YourFigures {
  /** Acquisition cost per new customer, in the dataset's currency. */
  cac: number | null;
  /** Gross margin in percent, for CLV on margin (not entered: 100 %, the CLV on revenue). */
  marginPercent: number | null;
  /** Percent of the marketing/sales budget spent on acquisition and on existing customers. */
  acquisitionShare: number | null;
  existingShare: number | null;
}

export const EMPTY_FIGURES: YourFigures = {
  cac: null,
  marginPercent: null,
  acquisitionShare: null,
  existingShare: null,
};

/** The margin a figure uses when none was entered: 100 % (the CLV on revenue). */
export const DEFAULT_MARGIN_PERCENT = 100;

/** The figures row of a workspace as stored. */
export interface FiguresRecord extends YourFigures {
  workspaceId: number;
  /** True once this browser's old forecast margin (localStorage) was looked at for this workspace. */
  legacyMarginChecked?: boolean;
  updatedAt: number;
}

/** A number or null from a stored value of unknown shape (older rows, hand-edited data). */
function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The figures of a stored value, each one a finite number or null. */
export function cleanFigures(v: Partial<Record<keyof YourFigures, unknown>> | null | undefined): YourFigures {
  return {
    cac: numberOrNull(v?.cac),
    marginPercent: numberOrNull(v?.marginPercent),
    acquisitionShare: numberOrNull(v?.acquisitionShare),
    existingShare: numberOrNull(v?.existingShare),
  };
}

/**
 * Takes over the margin an older version kept in this browser's localStorage (`kundenwert.forecastMargin`, one for
 * all workspaces): a workspace without a margin of its own gets it, once; a margin entered in the workspace wins.
 * Returns the row to store, or null when nothing changes.
 */
export function withLegacyMargin(
  row: FiguresRecord | null,
  workspaceId: number,
  legacy: string | null,
): FiguresRecord | null {
  if (row?.legacyMarginChecked) return null;
  const n = legacy === null || legacy.trim() === '' ? NaN : Number(legacy);
  const margin = Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
  const base: FiguresRecord = row ?? { workspaceId, ...EMPTY_FIGURES, updatedAt: Date.now() };
  return {
    ...base,
    marginPercent: base.marginPercent ?? margin,
    legacyMarginChecked: true,
  };
}
