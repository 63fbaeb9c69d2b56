/**
 * What Kundenwert keeps in localStorage besides IndexedDB: small per-browser choices under keys starting with
 * `kundenwert.` (the language, the chosen workspace, the forecast margin, and per workspace the RFM action texts
 * and the client report's setup). The per-workspace ones travel in a workspace file (WORKSPACE_PREFS).
 */
export const PREFIX = 'kundenwert.';
import { LOCALE_KEY } from '../../i18n/locale-key';

const WORKSPACE_KEY = `${PREFIX}workspace`;

/** The key of a workspace's edited RFM segment actions. */
export function actionsKey(workspaceId: number | null): string {
  return `${PREFIX}actions.${workspaceId}`;
}

/** The key of a workspace's client report setup (sections, client, author, logo, language). */
export function reportKey(workspaceId: number): string {
  return `${PREFIX}report.${workspaceId}`;
}

/** The settings kept per workspace, by a name that does not depend on the id (a workspace file carries them). */
const WORKSPACE_PREFS: Record<string, (workspaceId: number) => string> = {
  actions: actionsKey,
  report: reportKey,
};

/** A workspace's settings kept here (name → stored text), for its backup. */
export function workspacePrefs(workspaceId: number): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (const [name, key] of Object.entries(WORKSPACE_PREFS)) {
      const v = localStorage.getItem(key(workspaceId));
      if (v !== null) out[name] = v;
    }
  } catch {
    // Storage unavailable: nothing kept.
  }
  return out;
}

/**
 * Puts a restored workspace's settings back under its new id (names this version does not know are left out).
 * False when the browser refused one (storage blocked or full).
 */
export function restoreWorkspacePrefs(workspaceId: number, prefs: Record<string, string>): boolean {
  let ok = true;
  for (const [name, value] of Object.entries(prefs)) {
    const key = Object.hasOwn(WORKSPACE_PREFS, name) ? WORKSPACE_PREFS[name] : undefined;
    if (!key) continue;
    try {
      localStorage.setItem(key(workspaceId), value);
    } catch {
      ok = false;
    }
  }
  return ok;
}

/** The workspace chosen last in this browser, or null. */
export function savedWorkspace(): number | null {
  try {
    const n = Number(localStorage.getItem(WORKSPACE_KEY));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

export function saveWorkspace(id: number): void {
  try {
    localStorage.setItem(WORKSPACE_KEY, String(id));
  } catch {
    // Storage unavailable (private mode): the choice lasts until the tab closes.
  }
}

/** A workspace's edited RFM segment actions (segment → text); empty when none were edited. */
export function loadActions(workspaceId: number | null): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(actionsKey(workspaceId)) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function saveActions(workspaceId: number | null, actions: Record<string, string>): void {
  try {
    localStorage.setItem(actionsKey(workspaceId), JSON.stringify(actions));
  } catch {
    // Storage unavailable or full: the texts last until the tab closes.
  }
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

/** A deleted workspace takes its settings (action texts, report setup) with it. */
export function forgetWorkspacePrefs(workspaceId: number): void {
  const keys = new Set(Object.values(WORKSPACE_PREFS).map((key) => key(workspaceId)));
  remove((k) => !keys.has(k));
}
