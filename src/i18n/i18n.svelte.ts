/** The UI language as rune state: German when the browser prefers German, English otherwise; the choice persists. */
import { de, en, type MessageKey } from './messages';
import * as fmt from './format';
import type { Locale } from './format';
import { LOCALE_KEY } from './locale-key';

const STORAGE_KEY = LOCALE_KEY;
/** The texts by language: those loaded at the start, and those of views loaded since (addTexts). */
const dictionaries: Record<Locale, Record<string, string>> = { de: { ...de }, en: { ...en } };

/** A feature's texts as a messages file exports them (German, and English with the same keys). */
export interface FeatureTexts {
  de: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

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

  /** Bumped when texts are added, so that anything drawn before reads them again. */
  private added = $state(0);

  /** Merges the texts of a view loaded later (routes.ts `texts`, messages/index.ts LAZY_FEATURES). */
  addTexts = (texts: FeatureTexts): void => {
    Object.assign(dictionaries.de, texts.de);
    Object.assign(dictionaries.en, texts.en);
    this.added++;
  };

  t = (key: MessageKey, params?: Record<string, string | number>): string => {
    void this.added;
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
