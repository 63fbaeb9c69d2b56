/**
 * Links into the Actions view: which list matches an RFM segment (docs/actions.md, "Links"), and the address of a
 * list. Kept small: the Customers, Self-check and Forecast views import it.
 */
import { routeHref } from '../../app/route-params';
import { ACTION_LISTS, type ActionListKind } from '../../shared/actions';
import type { Segment } from '../../shared/segments';

export type Tab = ActionListKind | 'campaigns';

/** The tab a `list` parameter names, or null. */
export function tabOf(s: string | null): Tab | null {
  if (s === 'campaigns') return s;
  return ACTION_LISTS.find((l) => l === s) ?? null;
}

/** The list that acts on a segment. */
export const SEGMENT_LIST: Record<Segment, ActionListKind> = {
  champions: 'whitespace',
  loyal: 'upsell',
  potentialLoyalists: 'due',
  newCustomers: 'due',
  promising: 'due',
  needAttention: 'due',
  aboutToSleep: 'due',
  cantLoseThem: 'reactivation',
  atRisk: 'reactivation',
  hibernating: 'reactivation',
  lost: 'reactivation',
};

/** The address of a list, optionally of one segment. */
export const listHref = (list: ActionListKind, segment: Segment | null = null) =>
  routeHref('actions', { list, segment });

/** The address of the list that matches a segment, filtered to it. */
export const segmentHref = (segment: Segment) => listHref(SEGMENT_LIST[segment], segment);
