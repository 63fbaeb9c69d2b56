/**
 * The sink of a record import (customer master data, marketing spend): keeps the chunks and rejected rows in memory,
 * so that the file is stored with one write once its import is complete (all or nothing), and joins the chunks into
 * the column-wise RecordColumns the worker's analyses read.
 */
import type { RecordColumns } from '../shared/economics';
import type { ColumnInfo, RejectChunk } from '../shared/types';
import type { ChunkSink, ColumnChunk } from './columnize';

export class RecordSink implements ChunkSink {
  private readonly chunks: ColumnChunk[] = [];
  private readonly rejectChunks: RejectChunk[] = [];

  async writeChunk(chunk: ColumnChunk): Promise<void> {
    this.chunks[chunk.index] = chunk;
  }

  async writeRejects(index: number, chunk: RejectChunk): Promise<void> {
    this.rejectChunks[index] = chunk;
  }

  /** The rejected rows in file order. */
  get rejects(): RejectChunk[] {
    return this.rejectChunks.filter((c) => c !== undefined);
  }

  /** The imported rows column-wise: codes and days widened to Int32, numbers as Float64. */
  columns(columns: readonly ColumnInfo[], dictionaries: Record<string, string[]>): RecordColumns {
    const chunks = this.chunks.filter((c) => c !== undefined);
    const n = chunks.reduce((s, c) => s + c.rows, 0);
    const out: RecordColumns = { n, codes: {}, dicts: {}, days: {}, numbers: {}, labels: {} };
    for (const col of columns) {
      const values = col.kind === 'number' ? new Float64Array(n) : new Int32Array(n);
      let at = 0;
      for (const c of chunks) {
        const v = c.columns[col.key];
        if (v) values.set(v, at);
        at += c.rows;
      }
      out.labels[col.key] = col.label;
      if (col.kind === 'code') {
        out.codes[col.key] = values as Int32Array;
        out.dicts[col.key] = dictionaries[col.key] ?? [];
      } else if (col.kind === 'day') out.days[col.key] = values as Int32Array;
      else if (col.kind === 'number') out.numbers[col.key] = values as Float64Array;
    }
    return out;
  }
}
