/**
 * Sniffing: guesses encoding, delimiter, header row, decimal separator and per-column date formats from the first
 * bytes of a file. Every guess can be overridden by the user in the mapping step.
 */
import { parseDelimited, splitWhitespace } from './parse';
import { createDecoder } from './decode';
import { parseDate, parseNumber, isBlank } from './normalize';
import type {
  ColumnProfile,
  DateFormat,
  DecimalSeparator,
  Delimiter,
  Encoding,
  SniffResult,
} from '../shared/types';
import { DATE_FORMATS } from '../shared/types';
import { AppFailure } from '../shared/errors';

export const SNIFF_BYTES = 256 * 1024;
/**
 * Share of non-empty cells that must parse for a column to count as a date column. Real exports carry a few broken
 * dates (2 of 11 in a small file is 82 %); those rows are rejected with a reason, the column is still the date.
 */
export const DATE_SHARE = 0.6;
const SAMPLE_ROWS = 1000;

/** The most bytes read to sniff a file whose first lines are longer than SNIFF_BYTES. */
export const MAX_SNIFF_BYTES = 4 * 1024 * 1024;
/** Line breaks the sample should hold (title lines, the header, a few data rows) before it is read further. */
const SAMPLE_BREAKS = 12;
/** A file with more columns than this is refused: no real order export has them, and drawing them froze the page. */
export const MAX_COLUMNS = 1000;

/**
 * How many bytes of a file to sniff: SNIFF_BYTES, or, when those hold fewer than SAMPLE_BREAKS line breaks (a first
 * data row longer than the sample), four times as many until they do, up to MAX_SNIFF_BYTES. `read` gives the first
 * `n` bytes.
 */
export async function readSample(
  size: number,
  read: (n: number) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  let n = Math.min(size, SNIFF_BYTES);
  let bytes = await read(n);
  while (n < size && n < MAX_SNIFF_BYTES && countBreaks(bytes) < SAMPLE_BREAKS) {
    n = Math.min(size, n * 4, MAX_SNIFF_BYTES);
    bytes = await read(n);
  }
  return bytes;
}

function countBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && n < SAMPLE_BREAKS; i = bytes.indexOf(10, i + 1)) n++;
  if (n > 0) return n;
  // Old Mac line ends (CR only).
  for (let i = bytes.indexOf(13); i >= 0 && n < SAMPLE_BREAKS; i = bytes.indexOf(13, i + 1)) n++;
  return n;
}

/**
 * UTF-16 without a byte-order mark: in text that is mostly ASCII, every other byte is zero (the high byte of each
 * code unit), at odd offsets for little endian and at even ones for big endian.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > 0.6 * half && evenZeros < 0.05 * half) return 'utf-16le';
  if (evenZeros > 0.6 * half && oddZeros < 0.05 * half) return 'utf-16be';
  return null;
}

/**
 * Recognizes files that are not text: Excel workbooks (.xlsx is a ZIP, .xls an OLE file), PDF, other binaries. A
 * binary has many control bytes; a text file with a stray NUL byte or two, or UTF-16 text (with or without a
 * byte-order mark), is text.
 */
export function binaryKind(bytes: Uint8Array): 'excel' | 'pdf' | 'binary' | null {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'excel';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'excel';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  const utf16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || utf16WithoutBom(b);
  if (utf16) return null;
  const n = Math.min(b.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    // Tab, line feed, carriage return, form feed and escape occur in text; other bytes below 0x20 hardly ever do.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control > Math.max(2, n * 0.01) ? 'binary' : null;
}

/**
 * Where a file that is not valid UTF-8 also holds valid UTF-8 characters (`ü` as C3 BC next to a Windows-1252 `ü`
 * as FC): the 1-based line of the first byte that is not UTF-8, or 0 when the bytes hold no UTF-8 multi-byte
 * character (plain Windows-1252). Either reading would garble part of such a file.
 */
export function mixedEncodingLine(bytes: Uint8Array): number {
  let utf8Chars = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x80) continue;
    const len = utf8LengthAt(bytes, i);
    if (len === 0) {
      if (firstBad < 0) firstBad = i;
      continue;
    }
    // The UTF-8 forms of Latin letters (C2, C3, C5 …) and of € “ ” – (E2 …): in Windows-1252 text these pairs read
    // `Ã¼`, `â€œ`, which real text hardly ever holds.
    if (c === 0xc2 || c === 0xc3 || c === 0xc5 || c === 0xe2) utf8Chars++;
    i += len - 1;
  }
  if (utf8Chars === 0 || firstBad < 0) return 0;
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < firstBad; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** The length of the valid UTF-8 sequence at `i` (also one cut off by the end of the bytes), or 0. */
function utf8LengthAt(bytes: Uint8Array, i: number): number {
  const c = bytes[i];
  const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  for (let k = 1; k < len && i + k < bytes.length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return Math.min(len, bytes.length - i);
}

export function detectEncoding(
  bytes: Uint8Array,
  truncated = true,
): { encoding: Encoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  try {
    // stream: true tolerates a multi-byte character cut off at the end of a truncated sample. At the end of the
    // file, an unfinished sequence (a Windows-1252 `ß` or `ä` as the last byte) is not UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

export function bomLength(bytes: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return 0;
}

/** Decodes a sample; when `truncated`, the last (possibly partial) line is dropped. */
export function decodeSample(bytes: Uint8Array, encoding: Encoding, truncated: boolean): string {
  const text = createDecoder(encoding).decode(bytes.subarray(bomLength(bytes, encoding)), { stream: true });
  if (!truncated) return text;
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut > 0 ? text.slice(0, cut) : text;
}

export function parseSampleRows(text: string, delimiter: Delimiter, maxRows = SAMPLE_ROWS): string[][] {
  if (delimiter === 'whitespace') {
    const out: string[][] = [];
    for (const line of text.split(/\r\n|\n|\r/)) {
      if (line.trim() === '') continue;
      out.push(splitWhitespace(line));
      if (out.length >= maxRows) break;
    }
    return out;
  }
  // The same parser as the import, so a stray quote does not swallow the sample (and mislead the delimiter guess).
  const out: string[][] = [];
  parseDelimited(
    text,
    delimiter,
    detectLineEnding(text) === 'CRLF' ? '\r\n' : detectLineEnding(text) === 'CR' ? '\r' : '\n',
    true,
    (fields) => {
      if (!(fields.length === 1 && fields[0].trim() === '') && !fields.every((f) => f.trim() === ''))
        out.push(fields);
      return out.length < maxRows;
    },
  );
  return out;
}

function modeCount(rows: string[][]): { mode: number; share: number } {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [len, c] of counts) {
    if (c > best || (c === best && len > mode)) {
      mode = len;
      best = c;
    }
  }
  return { mode, share: rows.length ? best / rows.length : 0 };
}

export function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 64 * 1024);
  let bestDelim: Delimiter | null = null;
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|'] as const) {
    const rows = parseSampleRows(head, d, 60);
    const { mode, share } = modeCount(rows);
    if (mode < 2) continue;
    // Consistency first, then more columns.
    const score = share * 100 + Math.min(mode, 50) / 100;
    if (score > bestScore) {
      bestScore = score;
      bestDelim = d;
    }
  }
  const ws = modeCount(parseSampleRows(head, 'whitespace', 60));
  if (ws.mode >= 2 && ws.share * 100 > bestScore + 5) return 'whitespace';
  return bestDelim ?? (ws.mode >= 2 ? 'whitespace' : ',');
}

function looksLikeValue(cell: string): boolean {
  const s = cell.trim();
  if (s === '') return false;
  if (!Number.isNaN(parseNumber(s, '.')) || !Number.isNaN(parseNumber(s, ','))) return true;
  return DATE_FORMATS.some((f) => !Number.isNaN(parseDate(s, f)));
}

/** A month written `MM.YYYY` (`03.2024`, a spend file's period): no decimal number, whatever it looks like. */
const MONTH_DOT_YEAR = /^(0?[1-9]|1[0-2])\.(19|20)\d\d$/;

/**
 * Chooses the decimal separator from the cells that are unambiguous (`12,50`, `1.234,56`, `2.55`, `1,234.56`); a
 * month `03.2024` is not one of them.
 */
export function detectDecimal(rows: string[][], delimiter: Delimiter): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const r of rows) {
    for (const raw of r) {
      const s = raw.trim().replace(/^[-(]|[)-]$/g, '');
      if (MONTH_DOT_YEAR.test(s)) continue;
      if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^\d+,\d{1,2}$|^\d+,\d{4,}$/.test(s)) comma++;
      else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^\d+\.\d{1,2}$|^\d+\.\d{4,}$/.test(s)) dot++;
    }
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return delimiter === ';' ? ',' : '.';
}

export function profileColumns(
  headers: string[],
  rows: string[][],
  decimal: DecimalSeparator,
): ColumnProfile[] {
  return headers.map((name, index) => {
    const samples: string[] = [];
    const values: string[] = [];
    const distinct = new Set<string>();
    let nonEmpty = 0;
    let numeric = 0;
    let integer = 0;
    const dateHits = new Map<DateFormat, number>();
    for (const r of rows) {
      const cell = r[index];
      if (isBlank(cell)) continue;
      nonEmpty++;
      distinct.add(cell);
      values.push(cell);
      if (samples.length < 5 && !samples.includes(cell)) samples.push(cell);
      const v = parseNumber(cell, decimal);
      if (!Number.isNaN(v)) {
        numeric++;
        if (Number.isInteger(v)) integer++;
      }
      for (const f of DATE_FORMATS) {
        if (!Number.isNaN(parseDate(cell, f))) dateHits.set(f, (dateHits.get(f) ?? 0) + 1);
      }
    }
    const ranked = [...dateHits.entries()]
      .filter(([, c]) => nonEmpty > 0 && c / nonEmpty >= DATE_SHARE)
      .sort((a, b) => b[1] - a[1]);
    let dateFormats = ranked.map(([f]) => f);
    // A column of plain 8-digit numbers is a compact date only if it is not an obvious id column: keep the guess but
    // rank it after real separators.
    let dateAmbiguous = false;
    if (dateFormats.includes('mdy-slash') && dateFormats.includes('dmy-slash')) {
      const a = dateHits.get('mdy-slash') ?? 0;
      const b = dateHits.get('dmy-slash') ?? 0;
      if (a === b) dateAmbiguous = true;
      else dateFormats = dateFormats.filter((f) => f !== (a > b ? 'dmy-slash' : 'mdy-slash'));
    }
    return {
      index,
      name,
      samples,
      nonEmpty,
      distinct: distinct.size,
      numericShare: nonEmpty ? numeric / nonEmpty : 0,
      integerShare: nonEmpty ? integer / nonEmpty : 0,
      dateFormats,
      dateAmbiguous,
      letterPrefix: detectCancelPrefix(values),
    };
  });
}

function detectLineEnding(text: string): 'LF' | 'CRLF' | 'CR' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return n === r + 1 ? 'CRLF' : 'CR';
  return 'LF';
}

const CURRENCY_MARKS: [RegExp, string][] = [
  [/€|\bEUR\b/, 'EUR'],
  [/£|\bGBP\b/, 'GBP'],
  [/\bCHF\b/, 'CHF'],
  [/\$|\bUSD\b/, 'USD'],
];

/** The currency named in the cells (`1.234,56 €`, `EUR 12.50`), if exactly one kind appears. */
export function detectCurrency(rows: string[][]): string | null {
  const found = new Set<string>();
  for (const r of rows) {
    for (const cell of r) {
      if (cell.length > 24 || !/\d/.test(cell)) continue;
      for (const [re, code] of CURRENCY_MARKS) if (re.test(cell)) found.add(code);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/** Guesses the cancellation marker: order ids that are digits with a leading letter while most are plain digits. */
export function detectCancelPrefix(values: string[]): string {
  let plain = 0;
  const prefixed = new Map<string, number>();
  for (const v of values) {
    const s = v.trim();
    if (/^\d+$/.test(s)) plain++;
    const m = /^([A-Za-z])\d+$/.exec(s);
    if (m) prefixed.set(m[1], (prefixed.get(m[1]) ?? 0) + 1);
  }
  if (plain === 0) return '';
  for (const [letter, c] of prefixed) if (letter.toUpperCase() === 'C' && c < plain) return letter;
  return '';
}

/** Layout choices the user made in the mapping step; a sniff takes them as given instead of detecting them. */
export type SniffLayout = Partial<Pick<SniffResult, 'encoding' | 'delimiter' | 'skipRows' | 'hasHeader'>>;

/**
 * Sniffs the first bytes of a file (`bytes` is shorter than `fileSize` when the sample is truncated). What `layout`
 * gives is taken as it is; the rest (decimal separator, column profiles, …) is detected under it.
 */
export function sniff(
  bytes: Uint8Array,
  fileName: string,
  fileSize: number,
  layout: SniffLayout = {},
): SniffResult {
  const truncated = bytes.length < fileSize;
  const { encoding, bomLength: bom } = layout.encoding
    ? { encoding: layout.encoding, bomLength: bomLength(bytes, layout.encoding) }
    : detectEncoding(bytes, truncated);
  if (!layout.encoding && encoding === 'windows-1252') {
    // Not UTF-8, but with UTF-8 characters in it: refused with the line, as the import refuses such a file.
    const line = mixedEncodingLine(bytes);
    if (line > 0)
      throw new AppFailure('encoding', 'The file mixes UTF-8 with another encoding.', { line, mixed: 1 });
  }
  const text = decodeSample(bytes, encoding, truncated);
  const delimiter = layout.delimiter ?? detectDelimiter(text);
  const all = parseSampleRows(text, delimiter, SAMPLE_ROWS + 20);
  const head = all.slice(0, 60);
  const { mode } = modeCount(head);
  // Data rows that end in a delimiter (`K1;01.01.2024;5,00;`) are one cell wider than a header without one.
  const trailingEmpty = mode > 1 && head.every((r) => r.length !== mode || isBlank(r[mode - 1]));
  const usualWidth = (r: string[]) => r.length === mode || (trailingEmpty && r.length === mode - 1);
  // Rows before the first row of the usual width are metadata (DATEV exports start with one such line).
  let skipRows = 0;
  if (layout.skipRows !== undefined) skipRows = Math.max(0, Math.floor(layout.skipRows));
  else while (skipRows < Math.min(10, all.length - 1) && !usualWidth(all[skipRows])) skipRows++;
  const rows = all.slice(skipRows);
  const first = rows[0] ?? [];
  const hasHeader =
    layout.hasHeader ??
    (rows.length > 0 && first.filter((c) => !isBlank(c)).every((c) => !looksLikeValue(c)));
  const width = Math.max(mode, first.length);
  if (width > MAX_COLUMNS) {
    throw new AppFailure('tooManyColumns', 'The file has more columns than an order export can have.', {
      columns: width,
      max: MAX_COLUMNS,
    });
  }
  const headers = Array.from({ length: width }, (_, i) => {
    const h = hasHeader ? (first[i] ?? '').trim() : '';
    return h !== '' ? h : `#${i + 1}`;
  });
  const dataRows = hasHeader ? rows.slice(1) : rows;
  const decimal = detectDecimal(dataRows.slice(0, 200), delimiter);
  const profiles = profileColumns(headers, dataRows, decimal);
  return {
    fileName,
    fileSize,
    encoding,
    hasBom: bom > 0,
    delimiter,
    skipRows,
    hasHeader,
    decimal,
    lineEnding: detectLineEnding(text),
    headers,
    profiles,
    sampleRows: dataRows.slice(0, 50),
    currency: detectCurrency(dataRows.slice(0, 200)),
  };
}
