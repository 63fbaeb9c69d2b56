/**
 * The mapping step's preview: the first rows as they will be stored. The sample goes through the same streaming
 * parser and the same validator as the import, so line numbers, blank lines and verdicts match the import exactly.
 */
import type { ImportOptions, PreviewRow } from '../shared/types';
import { rejectReason } from './columnize';
import { missingRoles } from './mapping';
import { isBlank } from './normalize';
import { bytesSource, streamRows, type LineCounter } from './parse';
import { decodeSample, parseSampleRows } from './sniff';
import { sourceOf } from './sources/registry';
import type { ImportSource } from './sources/types';

export function headersOf(bytes: Uint8Array, fileSize: number, options: ImportOptions): string[] {
  const text = decodeSample(bytes, options.encoding, bytes.length < fileSize);
  const rows = parseSampleRows(text, options.delimiter, options.skipRows + 2);
  const first = rows[options.skipRows] ?? [];
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return Array.from({ length: width }, (_, i) => {
    const h = options.hasHeader ? (first[i] ?? '').trim() : '';
    return h !== '' ? h : `#${i + 1}`;
  });
}

/** The byte offset just after the last line break of `bytes`, or its length if there is none. */
function lastBreakEnd(bytes: Uint8Array, encoding: ImportOptions['encoding']): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const hi = encoding === 'utf-16le' ? 1 : 0;
    for (let i = bytes.length - 2 - (bytes.length % 2); i >= 0; i -= 2) {
      const unit = bytes[i + 1 - hi] | (bytes[i + hi] << 8);
      if (unit === 10 || unit === 13) return i + 2;
    }
    return bytes.length;
  }
  const cut = Math.max(bytes.lastIndexOf(10), bytes.lastIndexOf(13));
  return cut > 0 ? cut + 1 : bytes.length;
}

/**
 * Parses the start of the file (`bytes`, a prefix of it) and judges up to `max` rows like the import of `kind` (by
 * default the source the options name) will.
 */
export async function previewRows(
  bytes: Uint8Array,
  fileSize: number,
  options: ImportOptions,
  max = 40,
  kind: ImportSource = sourceOf(options),
): Promise<PreviewRow[]> {
  // Rows are judged once every required column is mapped.
  const v = missingRoles(options.roles, kind).length === 0 ? kind.createJudge(options) : null;
  // A prefix of a longer file ends mid-row: cut it after its last line break (a whole code unit in UTF-16).
  const sample = bytes.length < fileSize ? bytes.subarray(0, lastBreakEnd(bytes, options.encoding)) : bytes;
  const out: PreviewRow[] = [];
  await streamRows(
    bytesSource(sample),
    {
      encoding: options.encoding,
      delimiter: options.delimiter,
      skipRows: options.skipRows,
      hasHeader: options.hasHeader,
      lineEnding: options.lineEnding,
    },
    {
      row(raw: string[], _text: string, start: number, _end: number, lines: LineCounter, error) {
        if (out.length >= max || (isBlank(raw[0]) && raw.every(isBlank))) return;
        const line = lines.lineAt(start);
        const checked = error ?? (v ? v.check(raw) : null);
        // Judged like the import (a spreadsheet's sum row is a sum row).
        const problem = checked === null ? null : rejectReason(checked, raw);
        const row: PreviewRow = {
          line,
          raw,
          customer: null,
          date: null,
          amount: null,
          isReturn: false,
          problem,
          problemColumn: problem !== null && v && v.problemColumn >= 0 ? v.problemColumn : null,
        };
        if (v !== null && problem === null) v.describe(raw, row);
        out.push(row);
      },
    },
  );
  return out;
}
