/**
 * The localStorage key of the chosen UI language. It sits under the app's `kundenwert.` prefix, so "Delete all
 * local data" knows it (and keeps it: the user goes on reading in the language they chose).
 */
export const LOCALE_KEY = 'kundenwert.locale';
