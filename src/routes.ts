/**
 * The route table: one entry per view, in the order of the navigation. It sits beside the shell, above the views it
 * loads (app/ stays below the views). The shell (App.svelte) draws the navigation
 * from it and loads a view's code only when the view is first opened; the hash (`#/<id>`) chooses the route.
 * Adding a view is one entry here (and its label in the dictionaries).
 */
import type { Component } from 'svelte';
import type { MessageKey } from './i18n/i18n.svelte';
import type { LazyFeature } from './i18n/messages';

export interface RouteEntry {
  id: string;
  label: MessageKey;
  /** Loads the view's component (a chunk of its own). */
  load: () => Promise<{ default: Component }>;
  /** The view's texts that are not among those of the start: they load with it (i18n/messages/index.ts). */
  texts?: readonly LazyFeature[];
}

export const ROUTES = [
  { id: 'import', label: 'nav.import', load: () => import('./views/import/ImportView.svelte') },
  { id: 'overview', label: 'nav.overview', load: () => import('./views/overview/OverviewView.svelte') },
  { id: 'customers', label: 'nav.customers', load: () => import('./views/customers/CustomersView.svelte') },
  { id: 'cohorts', label: 'nav.cohorts', load: () => import('./views/cohorts/CohortsView.svelte') },
  { id: 'forecast', label: 'nav.forecast', load: () => import('./views/forecast/ForecastView.svelte') },
  { id: 'segments', label: 'nav.segments', load: () => import('./views/segments/SegmentsView.svelte') },
  {
    id: 'actions',
    label: 'nav.actions',
    load: () => import('./views/actions/ActionsView.svelte'),
    texts: ['actions', 'campaigns'],
  },
  {
    id: 'economics',
    label: 'nav.economics',
    load: () => import('./views/economics/EconomicsView.svelte'),
    texts: ['economics'],
  },
  {
    id: 'selfcheck',
    label: 'nav.selfcheck',
    load: () => import('./views/selfcheck/SelfCheckView.svelte'),
    texts: ['selfcheck', 'evidence'],
  },
  {
    id: 'valuestream',
    label: 'nav.valuestream',
    load: () => import('./views/valuestream/ValueStreamView.svelte'),
    // The map shares a few words with the self-check (saved, print, yes/no).
    texts: ['valuestream', 'selfcheck'],
  },
  {
    id: 'report',
    label: 'nav.report',
    load: () => import('./views/report/ReportView.svelte'),
    texts: ['report', 'economics', 'actions', 'selfcheck', 'valuestream'],
  },
  {
    id: 'settings',
    label: 'nav.settings',
    load: () => import('./views/settings/SettingsView.svelte'),
    texts: ['backup'],
  },
] as const satisfies readonly RouteEntry[];

export type Route = (typeof ROUTES)[number]['id'];

/** The route without a hash or with an unknown one. */
export const DEFAULT_ROUTE: Route = 'import';

export function routeOf(hash: string): Route {
  const id = hash.replace(/^#\/?/, '').split('?')[0];
  return ROUTES.find((r) => r.id === id)?.id ?? DEFAULT_ROUTE;
}

export function entryOf(route: Route): RouteEntry {
  return ROUTES.find((r) => r.id === route) ?? ROUTES[0];
}
