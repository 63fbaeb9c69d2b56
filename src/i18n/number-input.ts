/**
 * Numbers typed by the user, read and shown in the UI's language. Pure (no DOM, no Svelte).
 *
 * The rule, strict on purpose (a wrong figure is worse than a question):
 * - German: ',' is the decimal separator, '.' (or a space) groups thousands; English: '.' and ','.
 * - A grouping separator is accepted only in the whole-number part and only between groups of exactly three
 *   digits after a first group of one to three ("1.250", "12.500.000"). So in German "1.250" is 1250, and in
 *   English "1,250" is 1250.
 * - Anything else is refused with a reason, never guessed: German "1.25" or "1.5" (a point not followed by a
 *   group of three) and English "1,5" are refused as "wrongDecimal" with the value the other language would read
 *   as a suggestion ("did you mean 1,25?"); two decimal separators, letters, exponents and a trailing separator
 *   are "invalid".
 * - A currency sign (€, $, £, EUR) or a percent sign at either end is ignored; a minus sign only where negative
 *   values are allowed.
 */
import type { Locale } from './format';

export type NumberProblem = 'invalid' | 'wrongDecimal' | 'negative' | 'tooSmall' | 'tooLarge';

export type ParsedNumber =
  { ok: true; value: number | null } | { ok: false; problem: NumberProblem; suggestion?: number };

export interface ParseOptions {
  min?: number;
  max?: number;
  allowNegative?: boolean;
}

const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  de: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** Reads digits with the given separators, strictly; NaN when they do not form a number. */
function strict(text: string, decimal: string, group: string): number {
  const parts = text.split(decimal);
  if (parts.length > 2) return NaN;
  const [whole, fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return NaN;
  if (fraction === undefined && whole === '') return NaN;
  let digits: string;
  if (whole === '') digits = '0';
  else if (/^\d+$/.test(whole)) digits = whole;
  else {
    // Groups: a space (also the narrow and non-breaking ones) always groups; the locale's group sign too.
    const g = group === '.' ? '\\.' : group;
    const re = new RegExp(`^\\d{1,3}((${g}|\\s)\\d{3})+$`);
    if (!re.test(whole)) return NaN;
    digits = whole.replace(/\D/g, '');
  }
  return Number(fraction === undefined ? digits : `${digits}.${fraction}`);
}

/** Reads a number typed in the UI's language; the empty field is `null`. */
export function parseNumberInput(locale: Locale, raw: string, opts: ParseOptions = {}): ParsedNumber {
  let text = raw
    .trim()
    .replace(/^(€|\$|£|EUR)\s*/i, '')
    .replace(/\s*(€|\$|£|EUR|%)$/i, '')
    .trim();
  if (text === '') return { ok: true, value: null };
  let sign = 1;
  if (/^[-−]/.test(text)) {
    sign = -1;
    text = text.slice(1).trim();
  }
  const { decimal, group } = SEPARATORS[locale];
  if (!/^[\d.,\s]+$/.test(text)) return { ok: false, problem: 'invalid' };
  const n = strict(text, decimal, group);
  if (Number.isNaN(n)) {
    const other = SEPARATORS[locale === 'de' ? 'en' : 'de'];
    const guess = strict(text, other.decimal, other.group);
    return Number.isNaN(guess)
      ? { ok: false, problem: 'invalid' }
      : { ok: false, problem: 'wrongDecimal', suggestion: sign * guess };
  }
  const value = sign * n;
  if (value < 0 && !opts.allowNegative) return { ok: false, problem: 'negative' };
  if (opts.min !== undefined && value < opts.min) return { ok: false, problem: 'tooSmall' };
  if (opts.max !== undefined && value > opts.max) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A number for an input field in the UI's language: grouped thousands, up to `maxDigits` decimals and at least
 * `minDigits` (money: 2, so 1234.5 € reads "1.234,50"); trailing zeros beyond `minDigits` are dropped.
 */
export function formatNumberInput(
  locale: Locale,
  n: number | null | undefined,
  maxDigits = 4,
  minDigits = 0,
): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: Math.min(minDigits, maxDigits),
    maximumFractionDigits: maxDigits,
    useGrouping: true,
  }).format(n);
}
