/**
 * The report's own language, independent of the UI's: the same dictionaries the views use (messages/*.ts), looked up
 * in the language chosen for the report, with the number and date formats of that language (i18n/format.ts).
 */
import { de, en, LAZY_FEATURES, type LazyFeature, type MessageKey } from '../../i18n/messages';
import * as fmt from '../../i18n/format';
import type { Locale } from '../../i18n/format';

const dictionaries: Record<Locale, Record<string, string>> = { de: { ...de }, en: { ...en } };
const loaded = new Set<LazyFeature>();

/** Loads the texts of views that load theirs lazily (those a section's figures are named in). */
export async function loadReportTexts(features: readonly LazyFeature[]): Promise<void> {
  for (const f of features) {
    if (loaded.has(f)) continue;
    const m = await LAZY_FEATURES[f]();
    Object.assign(dictionaries.de, m.de);
    Object.assign(dictionaries.en, m.en);
    loaded.add(f);
  }
}

export interface ReportTr {
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  num: (n: number | null | undefined, digits?: number) => string;
  money: (n: number | null | undefined, currency?: string) => string;
  pct: (n: number | null | undefined, digits?: number) => string;
  date: (iso: string | null | undefined) => string;
}

export function translator(locale: Locale): ReportTr {
  return {
    locale,
    t: (key, params) => {
      let s = dictionaries[locale][key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    },
    num: (n, digits = 0) => fmt.formatNumber(locale, n, digits),
    money: (n, currency) => fmt.formatMoney(locale, n, currency),
    pct: (n, digits = 1) => fmt.formatPercent(locale, n, digits),
    date: (iso) => fmt.formatDate(locale, iso),
  };
}
