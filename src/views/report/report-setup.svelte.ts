/**
 * The report's setup per workspace: the sections, client, author, logo (a data URL read from a local file, never
 * uploaded) and the report's language. Kept in this browser's localStorage under the workspace's id.
 */
import type { Locale } from '../../i18n/format';
import { reportKey } from '../../app/browser/local-prefs';

export interface ReportSetup {
  sections: string[];
  client: string;
  author: string;
  /** data: URL of the logo image, or '' for none. */
  logo: string;
  lang: Locale;
}

/** The largest logo kept (its data URL must fit beside the rest of localStorage). */
export const MAX_LOGO_BYTES = 1_000_000;

const keyOf = reportKey;

export function defaultSetup(lang: Locale, sections: readonly string[]): ReportSetup {
  return { sections: [...sections], client: '', author: '', logo: '', lang };
}

export function loadSetup(workspaceId: number, fallback: ReportSetup): ReportSetup {
  try {
    const raw = localStorage.getItem(keyOf(workspaceId));
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<ReportSetup>;
    return {
      sections: Array.isArray(v.sections)
        ? v.sections.filter((s) => typeof s === 'string')
        : fallback.sections,
      client: typeof v.client === 'string' ? v.client : '',
      author: typeof v.author === 'string' ? v.author : '',
      logo: typeof v.logo === 'string' && v.logo.startsWith('data:image/') ? v.logo : '',
      lang: v.lang === 'de' || v.lang === 'en' ? v.lang : fallback.lang,
    };
  } catch {
    return fallback;
  }
}

/** Saves the setup; false when the browser refused (storage blocked or full). */
export function saveSetup(workspaceId: number, setup: ReportSetup): boolean {
  try {
    localStorage.setItem(keyOf(workspaceId), JSON.stringify(setup));
    return true;
  } catch {
    return false;
  }
}

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp', 'image/gif'];

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; reason: 'notImage' | 'tooLarge' };

/** Reads a local image file into a data URL with FileReader (it never leaves the browser). */
export function readLogo(file: File): Promise<LogoResult> {
  if (!IMAGE_TYPES.includes(file.type)) return Promise.resolve({ ok: false, reason: 'notImage' });
  if (file.size > MAX_LOGO_BYTES) return Promise.resolve({ ok: false, reason: 'tooLarge' });
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.startsWith('data:image/') ? { ok: true, dataUrl: url } : { ok: false, reason: 'notImage' });
    };
    reader.onerror = () => resolve({ ok: false, reason: 'notImage' });
    reader.readAsDataURL(file);
  });
}
