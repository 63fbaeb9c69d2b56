/**
 * Transitional: src/i18n/i18n.svelte.ts still reads LOCALE_KEY from here. The browser helpers live in
 * ./browser/; delete this file once i18n no longer imports it.
 */
export { LOCALE_KEY } from './browser/local-prefs';
