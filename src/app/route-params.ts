/**
 * The parameters after the route in the address (`#/actions?list=reactivation&segment=atRisk`): how one view links
 * into a part of another. Here, below the views, so that a view can link to another without importing the route
 * table (src/routes.ts, above the views).
 */

/** The parameters of an address's hash; empty without any. */
export function routeParams(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
}

/** The address of a route (its id in src/routes.ts) with parameters (null and empty values are left out). */
export function routeHref(route: string, params: Record<string, string | null | undefined> = {}): string {
  const kept = Object.entries(params).filter((e): e is [string, string] => e[1] != null && e[1] !== '');
  const q = new URLSearchParams(kept).toString();
  return `#/${route}${q ? `?${q}` : ''}`;
}
