/** The mapping step's preview: the first rows as they will be stored, judged by the same validator as the import. */
import type { ImportOptions, PreviewRow, SniffResult } from '../shared/types';
import { RowValidator, normalizeId } from './columnize';
import { dayToIso, isBlank } from './normalize';
import { decodeSample, parseSampleRows } from './sniff';

/** Parses the sample again with the user's choices (which may differ from the sniffed ones). */
export function sampleRows(
  bytes: Uint8Array,
  fileSize: number,
  options: ImportOptions,
  max = 40,
): string[][] {
  const text = decodeSample(bytes, options.encoding, bytes.length < fileSize);
  const rows = parseSampleRows(text, options.delimiter, max + options.skipRows + 1);
  return rows.slice(options.skipRows + (options.hasHeader ? 1 : 0)).slice(0, max);
}

export function headersOf(bytes: Uint8Array, fileSize: number, options: ImportOptions): string[] {
  const text = decodeSample(bytes, options.encoding, bytes.length < fileSize);
  const rows = parseSampleRows(text, options.delimiter, options.skipRows + 2);
  const first = rows[options.skipRows] ?? [];
  const width = Math.max(...rows.map((r) => r.length), 0);
  return Array.from({ length: width }, (_, i) => {
    const h = options.hasHeader ? (first[i] ?? '').trim() : '';
    return h !== '' ? h : `#${i + 1}`;
  });
}

export function previewRows(rows: string[][], options: ImportOptions, firstLine: number): PreviewRow[] {
  if (options.roles.customer === undefined || options.roles.date === undefined) {
    return rows.map((raw, i) => ({
      line: firstLine + i,
      raw,
      customer: null,
      date: null,
      amount: null,
      isReturn: false,
      problem: null,
      problemColumn: null,
    }));
  }
  const v = new RowValidator(options);
  const orderIndex = options.roles.orderId ?? -1;
  return rows
    .filter((r) => !(r.length === 1 && isBlank(r[0])))
    .map((raw, i) => {
      const problem = v.check(raw);
      const ok = problem === null;
      return {
        line: firstLine + i,
        raw,
        customer: ok ? normalizeId(raw[options.roles.customer!]) : null,
        date: ok ? dayToIso(v.day) : null,
        amount: ok && v.hasAmount ? v.amount : null,
        isReturn: ok && v.isReturn(raw, orderIndex),
        problem,
        problemColumn: problem !== null && v.problemColumn >= 0 ? v.problemColumn : null,
      };
    });
}

export function sniffedHeaders(s: SniffResult): string[] {
  return s.headers;
}
