/**
 * Campaign outcome (METRICS.md "Actions": Campaign outcome). For a list saved at day C with a window W (default 90
 * days, cut at the later data's D): rate = customers of the list with a purchase occasion in (C, C + W] / customers
 * of the list; revenue after = the list's revenue in that window (METRICS "revenue": net, returns included). The
 * comparison group (customers who met the list's criteria at C and were not on it) gets the same figures.
 */
import { customerAggregates, type AggregateOptions } from '../customers';
import type { Lines } from '../lines';

export interface GroupOutcome {
  size: number;
  /** Customers with a purchase occasion in the window. */
  active: number;
  /** active / size. */
  rate: number;
  revenue: number;
}

export type CampaignReason = 'noLaterData' | 'noComparison' | 'emptyList';

export interface CampaignOutcome {
  /** The window (C, end], end = min(C + W, D). */
  windowStart: number;
  windowEnd: number;
  /** Null with a reason when the data do not reach past C or the list is empty. */
  list: GroupOutcome | null;
  listReason: CampaignReason | null;
  comparison: GroupOutcome | null;
  comparisonReason: CampaignReason | null;
}

export interface CampaignInput {
  /** Customer codes of the list, in the later data's customer dictionary. */
  list: Int32Array;
  /** Customer codes of the comparison group (list members are left out). */
  comparison: Int32Array;
  /** Day the list was saved. */
  savedDay: number;
  /** Window in days (default 90). */
  windowDays?: number;
  /** The later data's as-of date D and its rules (duplicates, filter); `from` is set here. */
  opts: AggregateOptions;
}

export function campaignOutcome(lines: Lines, input: CampaignInput): CampaignOutcome {
  const C = input.savedDay;
  const end = Math.min(C + (input.windowDays ?? 90), input.opts.asOf);
  const out: CampaignOutcome = {
    windowStart: C,
    windowEnd: end,
    list: null,
    listReason: null,
    comparison: null,
    comparisonReason: null,
  };
  const members = new Set(input.list);
  const others = [...new Set(input.comparison)].filter((c) => !members.has(c));
  if (end <= C) {
    out.listReason = out.comparisonReason = 'noLaterData';
    return out;
  }
  const t = customerAggregates(lines, { ...input.opts, asOf: end, from: C });
  const group = (codes: Iterable<number>): GroupOutcome => {
    let size = 0;
    let active = 0;
    let revenue = 0;
    for (const c of codes) {
      size++;
      if (c < 0 || c >= t.size) continue;
      if (t.occasions[c] > 0) active++;
      revenue += t.revenue[c];
    }
    return { size, active, rate: size > 0 ? active / size : NaN, revenue };
  };
  if (members.size === 0) out.listReason = 'emptyList';
  else out.list = group(members);
  if (others.length === 0) out.comparisonReason = 'noComparison';
  else out.comparison = group(others);
  return out;
}
