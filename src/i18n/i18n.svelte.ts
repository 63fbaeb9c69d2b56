/** The UI language as rune state: German when the browser prefers German, English otherwise; the choice persists. */
import { de, en, type MessageKey } from './messages';
import * as fmt from './format';
import type { Locale } from './format';
import { LOCALE_KEY } from './locale-key';

const STORAGE_KEY = LOCALE_KEY;
const dictionaries: Record<Locale, Readonly<Record<MessageKey, string>>> = { de, en };

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'de' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked; fall back to the browser language.
  }
  const langs = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return langs.some((l) => l?.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

class I18n {
  locale = $state<Locale>(initialLocale());

  setLocale(l: Locale) {
    this.locale = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not persisted; the choice holds for this session.
    }
    document.documentElement.lang = l;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => {
    let s = dictionaries[this.locale][key] ?? key;
    if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };

  num = (n: number | null | undefined, digits = 0) => fmt.formatNumber(this.locale, n, digits);
  money = (n: number | null | undefined, currency?: string) => fmt.formatMoney(this.locale, n, currency);
  moneyShort = (n: number | null | undefined, currency?: string) =>
    fmt.formatMoneyCompact(this.locale, n, currency);
  pct = (n: number | null | undefined, digits = 1) => fmt.formatPercent(this.locale, n, digits);
  date = (iso: string | null | undefined) => fmt.formatDate(this.locale, iso);
  dateTime = (ms: number) => fmt.formatDateTime(this.locale, ms);
  bytes = (n: number | null | undefined) => fmt.formatBytes(this.locale, n);
  duration = (ms: number | null | undefined) => fmt.formatDuration(this.locale, ms);
}

export const i18n = new I18n();
export type { MessageKey };
