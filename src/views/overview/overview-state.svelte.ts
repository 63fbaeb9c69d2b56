/**
 * The Overview's figures for the current dataset, as-of date and filters. Kept while the app is open, so that the
 * view shows the last figures at once when it opens again; a newer request supersedes an older one.
 */
import { createQuery } from '../../client/query.svelte';
import { engine } from '../../client/worker-client';

export const overview = createQuery(engine.overview);
