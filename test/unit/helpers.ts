import { existsSync, openSync, readSync, fstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ByteSource } from '../../src/ingest/parse';

export const SHARED_DATA = resolve(__dirname, '../../../shared/data');
export const hasSharedData = existsSync(resolve(SHARED_DATA, 'online_retail.csv'));
export const sharedFile = (name: string) => resolve(SHARED_DATA, name);

/** A ByteSource over a file on disk, read in slices like File.slice in the browser (the descriptor stays open: the
 * sniffer and the import both read from the start, and the test process is short-lived). */
export function nodeFileSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read: async (offset, length) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      readSync(fd, buf, 0, n, offset);
      return buf;
    },
  };
}
