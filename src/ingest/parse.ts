/**
 * Streaming rows out of a byte source: bytes are decoded with TextDecoder in stream mode (multi-byte characters are
 * never split), parsed with PapaParse chunk by chunk, and handed to a row handler together with the position of the
 * row in the decoded text, so that the original line can be kept for rejects without copying every row.
 */
import Papa from 'papaparse';
import { AppFailure } from '../shared/errors';
import type { Delimiter, Encoding } from '../shared/types';
import { createDecoder } from './decode';

export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function fileSource(file: Blob): ByteSource {
  return {
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (o, l) => bytes.subarray(o, Math.min(bytes.length, o + l)) };
}

/** Finds line numbers of positions in one decoded chunk, counting line breaks lazily and only forward. */
export class LineCounter {
  private text = '';
  private pos = 0;
  private line = 1;
  private nl = 10;

  constructor(lineEnding: 'LF' | 'CRLF' | 'CR') {
    this.nl = lineEnding === 'CR' ? 13 : 10;
  }

  reset(text: string): void {
    this.text = text;
    this.pos = 0;
  }

  /** 1-based physical line number of the character at `at` (positions must not decrease within a chunk). */
  lineAt(at: number): number {
    const t = this.text;
    const ch = this.nl === 10 ? '\n' : '\r';
    let p = t.indexOf(ch, this.pos);
    while (p >= 0 && p < at) {
      this.line++;
      p = t.indexOf(ch, p + 1);
    }
    this.pos = at;
    return this.line;
  }

  /** Moves to the end of the chunk; the next chunk starts at `consumed`. */
  finish(consumed: number): void {
    this.lineAt(consumed);
  }
}

/** `bytes.getUint8(i - from)` is `text.charCodeAt(i)` for every position `i >= from` of the slice's text. */
export interface AsciiBytes {
  bytes: DataView;
  from: number;
}

export interface RowSink {
  /**
   * One parsed row. `text.slice(start, end)` is the original line without its line break. `lines` gives line numbers.
   * `error` is set for a row with an unterminated quote or one that swallowed whole lines (cut back to its line).
   */
  row(
    fields: string[],
    text: string,
    start: number,
    end: number,
    lines: LineCounter,
    error: RowError | null,
    /** The slice's bytes when every character from `ascii.from` on is one ASCII byte, else null. */
    ascii: AsciiBytes | null,
  ): void;
  /** Called after each decoded chunk; may return a promise for back-pressure (storage writes). */
  afterChunk?(): Promise<void> | void;
}

export interface StreamOptions {
  encoding: Encoding;
  delimiter: Delimiter;
  /** Rows before the header row. */
  skipRows: number;
  hasHeader: boolean;
  lineEnding: 'LF' | 'CRLF' | 'CR';
}

export interface StreamHooks {
  chunkBytes?: number;
  isCancelled?: () => boolean;
  onBytes?: (bytesRead: number) => void;
}

const MAX_PENDING_CHARS = 32 * 1024 * 1024;
/** Slices read ahead of the one being parsed. */
const READ_AHEAD = 3;
const NON_ASCII = /[\u0080-\uffff]/;

function trimBreak(text: string, end: number): number {
  let e = end;
  if (e > 0 && text.charCodeAt(e - 1) === 10) e--;
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** Splits a whitespace-aligned line into fields. */
export function splitWhitespace(line: string): string[] {
  const t = line.trim();
  return t === '' ? [''] : t.split(/[ \t]+/);
}

/** What a broken row is rejected for: a quote that never closes, or one that swallows whole lines (see below). */
export type RowError = 'unclosedQuote' | 'swallowedLines';

/** After a broken row, the rest of a slice is parsed in windows of about this many characters (see below). */
const WINDOW_CHARS = 8 * 1024;

/** Counts `delimiter` in `s` (a single character, or several for a whole-string match). */
function countOf(s: string, delimiter: string): number {
  let n = 0;
  for (let p = s.indexOf(delimiter); p >= 0; p = s.indexOf(delimiter, p + delimiter.length)) n++;
  return n;
}

/**
 * Whether a row that spans line breaks swallowed whole rows: one of its cells holds a line break and at least as
 * many delimiters as a row of `width` cells has (at least 2). A real multi-line cell (an address, a note) holds a
 * line break and perhaps a comma; an opening quote in one product name and a closing one some lines later hold
 * every line between them, delimiters and all.
 */
function swallowsRows(fields: string[], delimiter: string, width: number): boolean {
  const limit = Math.max(2, width - 1);
  for (const f of fields) {
    if ((f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) && countOf(f, delimiter) >= limit) return true;
  }
  return false;
}

/** Where the caller keeps the width of a row once it is known (the header's); 0 before. */
export interface RowShape {
  width: number;
}

/**
 * Parses the complete rows of `text` with PapaParse and hands each to `onRow` with its start and end (without the
 * line break); `onRow` returns false to stop. Returns where the held-back last row starts when it may go on in the
 * next slice (`final` false), or -1.
 *
 * A quote that opens a cell and never closes properly makes Papa read the following lines into that cell. Such a
 * row is cut back to the physical line where it starts, passed on as `unclosedQuote`, and parsing goes on with the
 * next line, so one stray inch mark costs one line, not the rest of the file. With `shape`, a row whose quoted cell
 * closes some lines later but holds whole rows of delimiters on the way (two stray quotes) is cut back the same way
 * and passed on as `swallowedLines`: every physical line is then read or rejected on its own.
 *
 * Papa looks for the closing quote of an unclosed cell up to the end of its input, past every later quote. So that
 * many stray quotes do not make that quadratic, the rest of a slice after a broken row is parsed in windows of about
 * WINDOW_CHARS that end at a line break; a quoted cell cut off by a window end that swallowed no rows is parsed
 * again against the whole slice (a long multi-line note stays one cell).
 */
export function parseDelimited(
  text: string,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  final: boolean,
  onRow: (fields: string[], start: number, end: number, err: RowError | null) => boolean,
  shape?: RowShape,
): number {
  let base = 0;
  let held = -1;
  let stopped = false;
  let windowed = false;
  // Parse one row against the whole slice: a quoted cell that a window end cut off.
  let wholeRow = false;
  // The next quote at or after the current row (rows before it hold no quote and cannot span lines).
  let nextQuote = -1;
  while (base < text.length && held < 0 && !stopped) {
    let limit = text.length;
    const single = wholeRow;
    wholeRow = false;
    if (windowed && !single && base + WINDOW_CHARS < text.length) {
      const nl = text.indexOf(newline, base + WINDOW_CHARS);
      if (nl >= 0) limit = nl + newline.length;
    }
    const atEnd = limit === text.length;
    let prev = base;
    let restart = -1;
    // Cuts a broken row back to its first physical line and goes on after it; false when it fits on one line.
    const cutBack = (end: number, err: RowError): boolean => {
      const nl = text.indexOf(newline, prev);
      if (nl < 0 || nl >= end) return false;
      if (!onRow([text.slice(prev, nl)], prev, nl, err)) stopped = true;
      restart = nl + newline.length;
      windowed = true;
      return true;
    };
    // Papa's own Parser, without the ParserHandle wrapper that Papa.parse adds (header handling, dynamic typing,
    // a results object per row): each step gets `data: [row]` and the cursor after the row.
    const parser: Papa.Parser = new Papa.Parser({
      delimiter,
      newline,
      quoteChar: '"',
      step: (res: Papa.ParseStepResult<string[][]>) => {
        // The empty row Papa reports after a window's last line break belongs to the next window.
        if (!atEnd && prev >= limit) {
          parser.abort();
          return;
        }
        const cursor = base + res.meta.cursor;
        if (atEnd && !final && cursor >= text.length && text.length - prev <= MAX_PENDING_CHARS) {
          // The last row may go on in the next slice.
          held = prev;
          parser.abort();
          return;
        }
        const end = trimBreak(text, cursor);
        const fields = res.data[0];
        const quoteError = res.errors.length > 0 && res.errors.some((e) => e.type === 'Quotes');
        if (shape && nextQuote < prev) {
          nextQuote = text.indexOf('"', prev);
          if (nextQuote < 0) nextQuote = text.length;
        }
        const swallowed =
          shape !== undefined && nextQuote < end && swallowsRows(fields, delimiter, shape.width);
        if (!atEnd && cursor >= limit && quoteError && !swallowed) {
          // A quoted cell cut off by the window: read it again against the whole slice.
          restart = prev;
          wholeRow = true;
          parser.abort();
          return;
        }
        // A row that runs to the end of a slice and is already implausibly long is broken too.
        const tooLong = atEnd && !final && cursor >= text.length;
        if ((quoteError || tooLong) && cutBack(end, 'unclosedQuote')) {
          parser.abort();
          return;
        }
        if (swallowed && cutBack(end, 'swallowedLines')) {
          parser.abort();
          return;
        }
        const missing = quoteError && res.errors.some((e) => e.code === 'MissingQuotes');
        if (!onRow(fields, prev, end, missing ? 'unclosedQuote' : null)) {
          stopped = true;
          parser.abort();
          return;
        }
        prev = cursor;
        if (single) {
          restart = cursor;
          parser.abort();
        }
      },
    });
    parser.parse(base === 0 && atEnd ? text : text.slice(base, limit), 0, false);
    if (restart < 0) {
      if (atEnd) break;
      restart = limit;
    }
    base = restart;
  }
  return held;
}

export interface StreamResult {
  /** The header row's cells, or null without a header. */
  header: string[] | null;
  /** The header row as it stands in the file (for a re-importable download of the rejected rows). */
  headerLine: string | null;
  headerLineNo: number | null;
}

function isBlankRow(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** Streams all rows of `source` into `sink`. */
export async function streamRows(
  source: ByteSource,
  opts: StreamOptions,
  sink: RowSink,
  hooks: StreamHooks = {},
): Promise<StreamResult> {
  const chunkBytes = hooks.chunkBytes ?? 4 * 1024 * 1024;
  // TextDecoder drops a byte-order mark by itself.
  const decoder = createDecoder(opts.encoding, opts.encoding === 'utf-8');
  const lines = new LineCounter(opts.lineEnding);
  const newline = opts.lineEnding === 'CRLF' ? '\r\n' : opts.lineEnding === 'CR' ? '\r' : '\n';
  let skip = opts.skipRows + (opts.hasHeader ? 1 : 0);
  const result: StreamResult = { header: null, headerLine: null, headerLineNo: null };
  let pending = '';
  let offset = 0;
  let sawNonAscii = false;
  // Whether the previous slice ended on a complete character, so that no bytes of it are held in the decoder.
  let cleanEnd = true;
  let ascii: AsciiBytes | null = null;

  // The width of a row, once known: the header's, or without a header the first data row's.
  const shape: RowShape = { width: 0 };
  const emit = (fields: string[], text: string, start: number, end: number, err: RowError | null) => {
    // The line break after the last line is not a blank line.
    if (start === text.length && fields.length === 1 && fields[0] === '') return;
    if (skip > 0) {
      // Blank lines before the header do not count as rows to skip (the sniffer does not count them either).
      if (isBlankRow(fields)) return;
      skip--;
      if (skip === 0 && opts.hasHeader) {
        result.header = fields;
        result.headerLine = text.slice(start, end);
        result.headerLineNo = lines.lineAt(start);
        shape.width = fields.length;
      }
      return;
    }
    if (shape.width === 0 && err === null) shape.width = fields.length;
    sink.row(fields, text, start, end, lines, err, ascii);
  };

  // Read-ahead: the next READ_AHEAD slices are read while the current one is parsed.
  const reads: Promise<Uint8Array>[] = [];
  let readAt = 0;
  const fill = () => {
    while (reads.length < READ_AHEAD && readAt < source.size) {
      const read = source.read(readAt, chunkBytes);
      // A failed read surfaces where it is awaited; one still queued after a cancel is not an unhandled rejection.
      read.catch(() => undefined);
      reads.push(read);
      readAt += chunkBytes;
    }
  };
  fill();
  while (reads.length > 0) {
    if (hooks.isCancelled?.()) {
      await Promise.allSettled(reads);
      throw new AppFailure('cancelled', 'The import was cancelled.');
    }
    const bytes = await reads.shift()!;
    fill();
    offset += chunkBytes;
    const final = offset >= source.size;
    let decoded: string;
    try {
      decoded = decoder.decode(bytes, { stream: !final });
    } catch {
      // Where the first invalid byte is: decode the slice leniently and count lines up to the replacement character.
      const lossy = pending + new TextDecoder('utf-8').decode(bytes, { stream: true });
      const bad = Math.max(0, lossy.indexOf('\ufffd'));
      lines.reset(lossy);
      // "Mixed": real UTF-8 characters came before the bad byte, so reading it all as Windows-1252 would garble them.
      const mixed = sawNonAscii || NON_ASCII.test(lossy.slice(0, bad));
      throw new AppFailure('encoding', 'The file is not valid UTF-8 throughout.', {
        line: lines.lineAt(bad),
        mixed: mixed ? 1 : 0,
      });
    }
    // In UTF-8 every non-ASCII character takes more bytes than UTF-16 units, so this is exact and O(1).
    if (decoded.length < bytes.length) sawNonAscii = true;
    const text = pending + decoded;
    // With no bytes held over from the previous slice, a strict UTF-8 decode gives as many characters as bytes only
    // for pure ASCII: every multi-byte character, a byte-order mark and a character cut at the end give fewer.
    // So this is one comparison, not a scan. The held-over text before the slice's bytes is not covered.
    ascii =
      opts.encoding === 'utf-8' && cleanEnd && decoded.length === bytes.length
        ? { bytes: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), from: pending.length }
        : null;
    // An empty read changes nothing about what the decoder holds.
    if (bytes.length > 0) cleanEnd = bytes[bytes.length - 1] < 0x80;
    hooks.onBytes?.(Math.min(offset, source.size));
    lines.reset(text);
    let consumed = text.length;
    if (opts.delimiter === 'whitespace') {
      let pos = 0;
      while (pos < text.length) {
        let nl = text.indexOf(newline === '\r' ? '\r' : '\n', pos);
        if (nl < 0) {
          if (!final) {
            consumed = pos;
            break;
          }
          nl = text.length;
        }
        const end = trimBreak(text, nl === text.length ? nl : nl + 1);
        emit(splitWhitespace(text.slice(pos, end)), text, pos, end, null);
        pos = nl + 1;
      }
    } else {
      const held = parseDelimited(
        text,
        opts.delimiter,
        newline,
        final,
        (fields, start, end, err) => {
          emit(fields, text, start, end, err);
          return true;
        },
        shape,
      );
      if (held >= 0) consumed = held;
    }
    lines.finish(consumed);
    pending = consumed < text.length ? text.slice(consumed) : '';
    await sink.afterChunk?.();
  }
  return result;
}
