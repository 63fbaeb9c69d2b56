/** Number, currency, date and size formatting with Intl in the chosen locale. */
export type Locale = 'de' | 'en';

const tag = (l: Locale) => (l === 'de' ? 'de-DE' : 'en-GB');
const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: Locale, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag(locale), opts);
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(locale: Locale, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function formatMoney(locale: Locale, n: number | null | undefined, currency = 'EUR'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return nf(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

/** Money in a short form for small spaces: 850 €, 36 T€, 2,3 Mio. € (German) or €850, €36K, €2.3M (English). */
export function formatMoneyCompact(locale: Locale, n: number | null | undefined, currency = 'EUR'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a >= 1e6 || (locale === 'en' && a >= 1000)) {
    return nf(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(
      n,
    );
  }
  if (a >= 1000) {
    // German Intl has no compact form below a million ("Tsd." is not used), so write thousands as T + symbol.
    const symbol = nf(locale, { style: 'currency', currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value;
    return `${formatNumber(locale, n / 1000, 0)} T${symbol ?? currency}`;
  }
  return nf(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
}

/** A share as a percentage; tiny non-zero shares get more digits, so that 6 of 35,288 does not read as 0.0 %. */
export function formatPercent(locale: Locale, share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  const pct = (d: number, v: number) =>
    nf(locale, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  if (share === 0 || Math.abs(share) * 100 >= 10 ** -digits) return pct(digits, share);
  // Tiny but not zero: up to two decimals, else "< 0.01 %".
  if (Math.abs(share) * 100 >= 0.005) return pct(2, share);
  return `< ${pct(2, 0.0001)}`;
}

/** An ISO date (YYYY-MM-DD) in the locale's short form. */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );
}

export function formatBytes(locale: Locale, bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(locale, v, i === 0 ? 0 : 1)} ${units[i]}`;
}

export function formatDuration(locale: Locale, ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const s = ms / 1000;
  if (s < 60) return `${formatNumber(locale, s, s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** The month of an ISO date in words with its year: "Dezember 2025" (German), "December 2025" (English). */
export function formatMonthYear(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
