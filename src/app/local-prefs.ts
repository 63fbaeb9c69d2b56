/**
 * What Kundenwert keeps in localStorage besides IndexedDB: small per-browser choices under keys starting with
 * `kundenwert.` (the language, the chosen workspace, the forecast margin, the RFM action texts per workspace).
 */
import { LOCALE_KEY } from '../i18n/locale-key';

export const PREFIX = 'kundenwert.';

/** The key of a workspace's edited RFM segment actions. */
export function actionsKey(workspaceId: number | null): string {
  return `${PREFIX}actions.${workspaceId}`;
}

function remove(keep: (key: string) => boolean): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k !== null && k.startsWith(PREFIX) && !keep(k)) keys.push(k);
    }
    for (const k of keys) localStorage.removeItem(k);
  } catch {
    // Storage unavailable (private mode): nothing was kept either.
  }
}

/** "Delete all local data": every Kundenwert key except the language the user is reading in. */
export function clearLocalPrefs(): void {
  remove((k) => k === LOCALE_KEY);
}

/** A deleted workspace takes its action texts with it. */
export function forgetWorkspacePrefs(workspaceId: number): void {
  const key = actionsKey(workspaceId);
  remove((k) => k !== key);
}
