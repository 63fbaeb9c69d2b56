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
  /** Economics cost settings (METRICS "Economics"), in the dataset's currency; null: not set (0 is used and said). */
  costs: CostFigures;
}

/** The cost settings of a workspace (issue #13). Null: not entered. */
export interface CostFigures {
  /** Gross margin in percent per category value (the orders' `category` column); overrides `marginPercent`. */
  marginByCategory: Record<string, number>;
  /** Cost per purchase order (picking, shipping, payment). */
  costPerOrder: number | null;
  /** Handling cost per return order. */
  costPerReturn: number | null;
  /** Service cost per support ticket (used when the master data has tickets). */
  serviceCostPerTicket: number | null;
  /** Service cost per customer and year (used without tickets). */
  serviceCostPerCustomerYear: number | null;
  /** Monthly discount rate in percent (default 1). */
  discountPercentMonthly: number | null;
  /** Target LTV:CAC (default 3). */
  targetLtvToCac: number | null;
  /** Per channel: what its spend is for, when the spend rows have no purpose column (default acquisition). */
  channelPurpose: Record<string, 'acquisition' | 'existing'>;
  /** Spend typed into the month × channel grid. */
  typedSpend: { month: string; channel: string; amount: number }[];
}

export const EMPTY_COSTS: CostFigures = {
  marginByCategory: {},
  costPerOrder: null,
  costPerReturn: null,
  serviceCostPerTicket: null,
  serviceCostPerCustomerYear: null,
  discountPercentMonthly: null,
  targetLtvToCac: null,
  channelPurpose: {},
  typedSpend: [],
};

/** Defaults of the cost settings a figure uses when none was entered (and says so). */
export const DEFAULT_DISCOUNT_PERCENT_MONTHLY = 1;
export const DEFAULT_TARGET_LTV_TO_CAC = 3;

export const EMPTY_FIGURES: YourFigures = {
  cac: null,
  marginPercent: null,
  acquisitionShare: null,
  existingShare: null,
  costs: EMPTY_COSTS,
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The cost settings of a stored value: every entry checked, anything malformed left out. */
export function cleanCosts(v: unknown): CostFigures {
  const c = isRecord(v) ? v : {};
  const marginByCategory: Record<string, number> = {};
  if (isRecord(c.marginByCategory)) {
    for (const [k, m] of Object.entries(c.marginByCategory)) {
      const n = numberOrNull(m);
      if (n !== null) marginByCategory[k] = n;
    }
  }
  const channelPurpose: Record<string, 'acquisition' | 'existing'> = {};
  if (isRecord(c.channelPurpose)) {
    for (const [k, p] of Object.entries(c.channelPurpose)) {
      if (p === 'acquisition' || p === 'existing') channelPurpose[k] = p;
    }
  }
  const typedSpend: CostFigures['typedSpend'] = [];
  if (Array.isArray(c.typedSpend)) {
    for (const r of c.typedSpend as unknown[]) {
      if (!isRecord(r)) continue;
      const amount = numberOrNull(r.amount);
      if (typeof r.month !== 'string' || !/^\d{4}-\d{2}$/.test(r.month)) continue;
      if (typeof r.channel !== 'string' || amount === null) continue;
      typedSpend.push({ month: r.month, channel: r.channel, amount });
    }
  }
  return {
    marginByCategory,
    costPerOrder: numberOrNull(c.costPerOrder),
    costPerReturn: numberOrNull(c.costPerReturn),
    serviceCostPerTicket: numberOrNull(c.serviceCostPerTicket),
    serviceCostPerCustomerYear: numberOrNull(c.serviceCostPerCustomerYear),
    discountPercentMonthly: numberOrNull(c.discountPercentMonthly),
    targetLtvToCac: numberOrNull(c.targetLtvToCac),
    channelPurpose,
    typedSpend,
  };
}

/** The figures of a stored value, each one a finite number or null. */
export function cleanFigures(
  v: (Partial<Record<keyof YourFigures, unknown>> & { costs?: unknown }) | null | undefined,
): YourFigures {
  return {
    cac: numberOrNull(v?.cac),
    marginPercent: numberOrNull(v?.marginPercent),
    acquisitionShare: numberOrNull(v?.acquisitionShare),
    existingShare: numberOrNull(v?.existingShare),
    costs: cleanCosts(v?.costs),
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
