/**
 * Parsing of amounts and dates as users and their exports write them (German, US and ISO dates; decimal comma or
 * dot, grouping, currency marks). Pure, allocation-light, hot-loop safe. A date becomes a day number (days since
 * 1970-01-01, UTC, one Int32); the day arithmetic itself lives in shared/days.
 */
import { daysFromCivil, daysInMonth } from '../shared/days';
import type { DateFormat, DecimalSeparator } from '../shared/types';

const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/; // 1.234,56
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/; // 1,234.56
const GROUPED_SPACE = /^\d{1,3}(?:[ '\u00a0\u202f]\d{3})+(?:[.,]\d*)?$/; // 1 234,56 or 1'234.56
const PLAIN_COMMA = /^\d*,\d+$|^\d+,?$/;
const PLAIN_DOT = /^\d*\.\d+$|^\d+\.?$/;
const CURRENCY = /^(?:EUR|USD|GBP|CHF|€|\$|£)\s*|\s*(?:EUR|USD|GBP|CHF|€|\$|£)$/i;

const CURRENCY_CODES: [RegExp, string][] = [
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/CHF/i, 'CHF'],
  [/\$|USD/i, 'USD'],
];

/**
 * The currency an amount cell names (`12,50 €`, `$12.50`, `CHF 12.50`), as an ISO 4217 code, or null when it names
 * none. Only called for cells that do not start and end with a digit.
 */
export function currencyOf(cell: string): string | null {
  for (const [re, code] of CURRENCY_CODES) if (re.test(cell)) return code;
  return null;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/**
 * Parses an amount. Accepts grouping (`1.234,56`, `1,234.56`, `1 234,56`, `1'234.56`), a sign in front or behind
 * (`-12,50`, `12,50-`), accounting negatives (`(12.50)`) and a currency symbol or code. Returns NaN when the text
 * is not a number under the given decimal separator, and NaN for an empty cell.
 */
export function parseNumber(input: string, decimal: DecimalSeparator): number {
  // Fast path: plain numbers such as `2.55`, `-3` or `12,50`: an optional minus, at most 15 digits and at most one
  // separator. The digits form an integer below 2^53 and 10^k is exact for k <= 15, so one division gives the
  // correctly rounded value, the same double as `Number('2.55')`, without building a string.
  const n = input.length;
  if (n > 0 && n <= 17) {
    const sep = decimal === '.' ? 46 : 44;
    const negative = input.charCodeAt(0) === 45;
    let i = negative ? 1 : 0;
    let sepAt = -1;
    let digits = 0;
    let m = 0;
    for (; i < n; i++) {
      const c = input.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
      } else if (c === sep && sepAt < 0) sepAt = i;
      else break;
    }
    if (i === n && digits > 0 && digits <= 15) {
      const v = sepAt < 0 ? m : m / POW10[n - 1 - sepAt];
      // `-0` stays -0, as Number('-0') does.
      return negative ? -v : v;
    }
  }
  return parseNumberSlow(input, decimal);
}

function parseNumberSlow(input: string, decimal: DecimalSeparator): number {
  let s = input.trim();
  if (s === '') return NaN;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(CURRENCY, '').trim();
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(CURRENCY, '').trim();
  if (s === '') return NaN;
  let normalized: string;
  if (decimal === ',') {
    if (PLAIN_COMMA.test(s)) normalized = s.replace(',', '.');
    else if (GROUPED_DOT.test(s)) normalized = s.replace(/\./g, '').replace(',', '.');
    // `1 234,56`, but not `1 234.56`: the dot is not the decimal separator here (as `1 234,56` is NaN with a dot).
    else if (GROUPED_SPACE.test(s) && !s.includes('.'))
      normalized = s.replace(/[ '\u00a0\u202f]/g, '').replace(',', '.');
    else if (/^\d+$/.test(s)) normalized = s;
    else return NaN;
  } else {
    if (PLAIN_DOT.test(s)) normalized = s;
    else if (GROUPED_COMMA.test(s)) normalized = s.replace(/,/g, '');
    else if (GROUPED_SPACE.test(s)) normalized = s.replace(/[ '\u00a0\u202f]/g, '');
    else return NaN;
  }
  const v = Number(normalized);
  if (!Number.isFinite(v)) return NaN;
  return negative ? -v : v;
}

function validDay(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return NaN;
  if (d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/** Reads 1..maxLen digits starting at `pos`; returns the value and the end position packed as [value, end]. */
function readInt(s: string, pos: number, maxLen: number, out: number[]): boolean {
  let v = 0;
  let i = pos;
  while (i < s.length && i - pos < maxLen) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    i++;
  }
  if (i === pos) return false;
  out[0] = v;
  out[1] = i;
  return true;
}

/**
 * The rest of a date cell after the date part must be empty or a valid time (` 08:26`, `T08:26:00Z`, ` 8:26 AM`,
 * `T08:26:00+0100`, ` 08:26 CET`): hours 0–23 (or `24:00`, the end of the day), minutes and seconds 0–59, then an
 * optional offset or zone name. The date is kept as written: the time and the zone are dropped.
 */
const TIME_TAIL =
  /^(?:[ T]+(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?|24:00(?::00(?:[.,]0+)?)?)(?:\s*[AaPp][Mm])?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|CES?T|MES?Z|WES?T|BST|[ECMP][SD]T))?)?\s*$/;
/** `T24:00`: midnight at the end of the day, i.e. the start of the next one. */
const END_OF_DAY = /^[ T]+24:/;

/** A two-digit year: 00–69 are 2000–2069, 70–99 are 1970–1999. */
function fullYear(y: number, digits: number): number {
  if (digits !== 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

const tmp = [0, 0];

/**
 * Parses a date cell in the given format into a day number, or NaN. The time of day, if any, is validated and dropped.
 */
export function parseDate(input: string, format: DateFormat): number {
  const s = input.trim();
  let y: number, m: number, d: number, end: number;
  switch (format) {
    case 'iso': {
      if (!readInt(s, 0, 4, tmp) || tmp[1] !== 4) return NaN;
      y = tmp[0];
      if (s[4] !== '-' || !readInt(s, 5, 2, tmp)) return NaN;
      m = tmp[0];
      if (s[tmp[1]] !== '-' || !readInt(s, tmp[1] + 1, 2, tmp)) return NaN;
      d = tmp[0];
      end = tmp[1];
      break;
    }
    case 'dmy-dot':
    case 'dmy-dot-short': {
      if (!readInt(s, 0, 2, tmp) || s[tmp[1]] !== '.') return NaN;
      d = tmp[0];
      if (!readInt(s, tmp[1] + 1, 2, tmp) || s[tmp[1]] !== '.') return NaN;
      m = tmp[0];
      const start = tmp[1] + 1;
      if (!readInt(s, start, 4, tmp)) return NaN;
      const len = tmp[1] - start;
      if (format === 'dmy-dot' && len !== 4) return NaN;
      if (format === 'dmy-dot-short' && len !== 2) return NaN;
      y = fullYear(tmp[0], len);
      end = tmp[1];
      break;
    }
    case 'ymd-compact': {
      if (!readInt(s, 0, 8, tmp) || tmp[1] !== 8) return NaN;
      const v = tmp[0];
      y = Math.floor(v / 10000);
      m = Math.floor(v / 100) % 100;
      d = v % 100;
      end = 8;
      break;
    }
    case 'mdy-slash':
    case 'dmy-slash': {
      if (!readInt(s, 0, 2, tmp) || s[tmp[1]] !== '/') return NaN;
      const a = tmp[0];
      if (!readInt(s, tmp[1] + 1, 2, tmp) || s[tmp[1]] !== '/') return NaN;
      const b = tmp[0];
      const start = tmp[1] + 1;
      if (!readInt(s, start, 4, tmp)) return NaN;
      const len = tmp[1] - start;
      if (len !== 4 && len !== 2) return NaN;
      y = fullYear(tmp[0], len);
      if (format === 'mdy-slash') {
        m = a;
        d = b;
      } else {
        d = a;
        m = b;
      }
      end = tmp[1];
      break;
    }
    default:
      return NaN;
  }
  if (end < s.length) {
    const tail = s.slice(end);
    if (!TIME_TAIL.test(tail)) return NaN;
    if (END_OF_DAY.test(tail)) return validDay(y, m, d) + 1;
  }
  return validDay(y, m, d);
}

/**
 * True for undefined, empty or whitespace-only cells. Whitespace includes the invisible and unusual spaces that
 * exports carry (zero-width spaces and joiners, the byte-order mark, ideographic and other Unicode spaces), so a cell
 * of only those is blank for every column alike.
 */
export function isBlank(s: string | undefined): boolean {
  if (s === undefined) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 160) continue;
    if (c < 0x1680 || !isUnicodeSpace(c)) return false;
  }
  return true;
}

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Month names and their usual abbreviations, German and English (lower case, umlauts as written and folded). */
const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  jaenner: 1,
  jänner: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mar: 3,
  mär: 3,
  maer: 3,
  mrz: 3,
  märz: 3,
  maerz: 3,
  march: 3,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dez: 12,
  dec: 12,
  dezember: 12,
  december: 12,
};

/** `2024-03`, `2024/03`, `2024.03` (year first). */
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
/** `03.2024`, `3/2024`, `03-2024` (month first, a four-digit year). */
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
/** `März 2024`, `Mär 24`, `Mar. 2024`, `March-2024`, `Okt./24`. */
const NAMED_MONTH = /^([a-zäöü]+)\.?[\s\-/.]*(\d{4}|\d{2})$/;

/**
 * Reads a month written on its own (`2024-03`, `03.2024`, `03/2024`, `2024/03`, `März 2024`, `Mär 24`, `Mar 2024`,
 * `March 2024`) as the day number of its first day, or NaN. Two-digit years follow the dates' rule (00–69 are
 * 2000–2069).
 */
export function parseMonth(input: string): number {
  const s = input.trim().toLowerCase();
  let y: number;
  let m: number;
  let match = YEAR_MONTH.exec(s);
  if (match) {
    y = +match[1];
    m = +match[2];
  } else if ((match = MONTH_YEAR.exec(s))) {
    m = +match[1];
    y = +match[2];
  } else if ((match = NAMED_MONTH.exec(s))) {
    const named = MONTH_NAMES[match[1]];
    if (named === undefined) return NaN;
    m = named;
    y = fullYear(+match[2], match[2].length);
  } else return NaN;
  return validDay(y, m, 1);
}

/**
 * Reads a period: a month (parseMonth) as its first day, or a date in the sniffed format; a date in an unambiguous
 * format (ISO `2024-03-15`, German `15.03.2024`) is read whatever was sniffed, as a period column of months gives
 * the sniff no date format to go by. NaN when it is neither.
 */
export function parsePeriod(input: string, format: DateFormat): number {
  const month = parseMonth(input);
  if (month === month) return month;
  const day = parseDate(input, format);
  if (day === day) return day;
  if (format !== 'iso') {
    const iso = parseDate(input, 'iso');
    if (iso === iso) return iso;
  }
  return format !== 'dmy-dot' ? parseDate(input, 'dmy-dot') : NaN;
}
