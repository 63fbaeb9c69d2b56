/**
 * Streaming rows out of a byte source: bytes are decoded with TextDecoder in stream mode (multi-byte characters are
 * never split), parsed with PapaParse chunk by chunk, and handed to a row handler together with the position of the
 * row in the decoded text, so that the original line can be kept for rejects without copying every row.
 */
import Papa from 'papaparse';
import { AppFailure } from '../shared/errors';
import type { Delimiter, Encoding } from '../shared/types';
import { bomLength, splitWhitespace } from './sniff';
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

export interface RowSink {
  /**
   * One parsed row. `text.slice(start, end)` is the original line without its line break. `lines` gives line numbers.
   * `error` is set for a row with an unterminated quote.
   */
  row(
    fields: string[],
    text: string,
    start: number,
    end: number,
    lines: LineCounter,
    error: 'unclosedQuote' | null,
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

function trimBreak(text: string, end: number): number {
  let e = end;
  if (e > 0 && text.charCodeAt(e - 1) === 10) e--;
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** Streams all rows of `source` into `sink`. Returns the header row (or null). */
export async function streamRows(
  source: ByteSource,
  opts: StreamOptions,
  sink: RowSink,
  hooks: StreamHooks = {},
): Promise<string[] | null> {
  const chunkBytes = hooks.chunkBytes ?? 4 * 1024 * 1024;
  const decoder = createDecoder(opts.encoding, opts.encoding === 'utf-8');
  const lines = new LineCounter(opts.lineEnding);
  const newline = opts.lineEnding === 'CRLF' ? '\r\n' : opts.lineEnding === 'CR' ? '\r' : '\n';
  let skip = opts.skipRows + (opts.hasHeader ? 1 : 0);
  let header: string[] | null = null;
  let pending = '';
  let offset = 0;
  let first = true;

  const emit = (fields: string[], text: string, start: number, end: number, err: 'unclosedQuote' | null) => {
    // The line break after the last line is not a blank line.
    if (start === text.length && fields.length === 1 && fields[0] === '') return;
    if (skip > 0) {
      skip--;
      if (skip === 0 && opts.hasHeader) header = fields;
      return;
    }
    sink.row(fields, text, start, end, lines, err);
  };

  // Read-ahead: the next slice is read while the current one is parsed.
  let nextRead: Promise<Uint8Array> | null = source.size > 0 ? source.read(0, chunkBytes) : null;
  while (offset < source.size || pending.length > 0) {
    if (hooks.isCancelled?.()) {
      await nextRead?.catch(() => undefined);
      throw new AppFailure('cancelled', 'The import was cancelled.');
    }
    const atEnd = offset >= source.size;
    let text = pending;
    if (!atEnd) {
      let bytes = await nextRead!;
      nextRead = offset + chunkBytes < source.size ? source.read(offset + chunkBytes, chunkBytes) : null;
      if (first) {
        bytes = bytes.subarray(bomLength(bytes, opts.encoding));
        first = false;
      }
      offset += chunkBytes;
      let decoded: string;
      try {
        decoded = decoder.decode(bytes, { stream: offset < source.size });
      } catch {
        throw new AppFailure(
          'encoding',
          'The file is not valid UTF-8 beyond its first part. Choose the encoding Windows-1252 and import again.',
          { encoding: opts.encoding },
        );
      }
      text = pending + decoded;
      hooks.onBytes?.(Math.min(offset, source.size));
    }
    const final = offset >= source.size;
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
        const line = text.slice(pos, end);
        emit(splitWhitespace(line), text, pos, end, null);
        pos = nl + 1;
      }
    } else {
      let prev = 0;
      let held = -1;
      // Papa's own Parser, without the ParserHandle wrapper that Papa.parse adds (header handling, dynamic typing,
      // a results object per row): each step gets `data: [row]` and the cursor after the row.
      const parser: Papa.Parser = new Papa.Parser({
        delimiter: opts.delimiter,
        newline: newline as '\n',
        quoteChar: '"',
        step: (res: Papa.ParseStepResult<string[][]>) => {
          const cursor = res.meta.cursor;
          if (!final && cursor >= text.length) {
            held = prev;
            parser.abort();
            return;
          }
          const err =
            res.errors.length > 0 && res.errors.some((e) => e.code === 'MissingQuotes')
              ? 'unclosedQuote'
              : null;
          emit(res.data[0], text, prev, trimBreak(text, cursor), err);
          prev = cursor;
        },
      });
      parser.parse(text, 0, false);
      if (held >= 0) consumed = held;
    }
    lines.finish(consumed);
    pending = consumed < text.length ? text.slice(consumed) : '';
    if (pending.length > MAX_PENDING_CHARS) {
      throw new AppFailure(
        'unclosedQuote',
        'A quote opened in the file is never closed, so the rest of the file reads as one cell.',
        { line: lines.lineAt(consumed) },
      );
    }
    await sink.afterChunk?.();
    if (final) break;
  }
  return header;
}
