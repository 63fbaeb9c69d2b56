/**
 * Campaign outcome (METRICS.md "Actions": Campaign outcome). For a list saved at day C with a window W (default 90
 * days, cut at the later data's D): rate = customers of the list with a purchase occasion in (C, C + W] / customers
 * of the list; revenue after = the list's revenue in that window (METRICS "revenue": net, returns included). The
 * comparison group (customers who met the list's criteria at C and were not on it) gets the same figures. A
 * cross-sell campaign (a whitespace list A → B) names its target B: then a customer converts with a purchase line (not
 * a return) in B in the window, and the group's net revenue in B in the window (returns included) is reported too.
 */
import { customerAggregates, sortedLineIndex, type AggregateOptions } from '../customers';
import { FLAG_RETURN, type Lines } from '../lines';

export interface GroupOutcome {
  size: number;
  /** Customers with a purchase occasion in the window (with a target: with a purchase line in the target). */
  active: number;
  /** active / size. */
  rate: number;
  /** Net revenue of the group in the window (all lines). */
  revenue: number;
  /** With a target: the group's net revenue in the target in the window; else absent. */
  targetRevenue?: number;
}

/** The target of a cross-sell campaign: a code column (`category` or `product`) and the code of B in it (−1: B is
 * not in the data, nobody converts). */
export interface CampaignTarget {
  key: string;
  code: number;
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
  /** Cross-sell: conversion is a purchase line in the target (see CampaignTarget). */
  target?: CampaignTarget | null;
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
  const windowOpts: AggregateOptions = { ...input.opts, asOf: end, from: C };
  const t = customerAggregates(lines, windowOpts);
  const target = input.target ? targetFigures(lines, windowOpts, t.size, input.target) : null;
  const group = (codes: Iterable<number>): GroupOutcome => {
    let size = 0;
    let active = 0;
    let revenue = 0;
    let targetRevenue = 0;
    for (const c of codes) {
      size++;
      if (c < 0 || c >= t.size) continue;
      revenue += t.revenue[c];
      if (target) {
        if (target.bought[c]) active++;
        targetRevenue += target.revenue[c];
      } else if (t.occasions[c] > 0) active++;
    }
    const out: GroupOutcome = { size, active, rate: size > 0 ? active / size : NaN, revenue };
    if (target) out.targetRevenue = targetRevenue;
    return out;
  };
  if (members.size === 0) out.listReason = 'emptyList';
  else out.list = group(members);
  if (others.length === 0) out.comparisonReason = 'noComparison';
  else out.comparison = group(others);
  return out;
}

/** Per customer code: a purchase line in the target in the window, and the net revenue in the target there. */
function targetFigures(
  lines: Lines,
  opts: AggregateOptions,
  size: number,
  target: CampaignTarget,
): { bought: Uint8Array; revenue: Float64Array } {
  const bought = new Uint8Array(size);
  const revenue = new Float64Array(size);
  const col = lines.codes[target.key];
  if (!col || target.code < 0) return { bought, revenue };
  const { customer, amount, flags } = lines;
  for (const i of sortedLineIndex(lines, opts, size)) {
    if (col[i] !== target.code) continue;
    const c = customer[i];
    if (amount) revenue[c] += amount[i];
    if (!(flags[i] & FLAG_RETURN)) bought[c] = 1;
  }
  return { bought, revenue };
}
