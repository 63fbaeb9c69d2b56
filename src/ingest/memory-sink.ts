/** A ChunkSink that keeps everything in memory: for the headless report, tests and benchmarks in Node. */
import { rejectRows, type RejectChunk, type RejectedRow } from '../shared/types';
import type { ChunkSink, ColumnChunk } from './columnize';

export class MemorySink implements ChunkSink {
  readonly chunks: ColumnChunk[] = [];
  readonly rejects: RejectedRow[] = [];

  /** Like IndexedDB, a later write of a column of a chunk replaces that column only. */
  async writeChunk(chunk: ColumnChunk): Promise<void> {
    const old = this.chunks[chunk.index];
    this.chunks[chunk.index] = old ? { ...old, columns: { ...old.columns, ...chunk.columns } } : chunk;
  }

  async writeRejects(_index: number, chunk: RejectChunk): Promise<void> {
    for (const r of rejectRows(chunk)) this.rejects.push(r);
  }

  /** One column over all chunks, concatenated. */
  column<T extends Float64Array | Int32Array | Uint8Array>(
    key: string,
    ctor: { new (values: ArrayLike<number>): T },
  ): T[] {
    return this.chunks.map((c) => new ctor(c.columns[key]));
  }
}
