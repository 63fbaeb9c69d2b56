import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ITERATIONS,
  FORMAT_VERSION,
  readBackup,
  readBackupHeader,
  writeBackup,
  type WriteBackupOptions,
} from '../../src/storage/backup/format';
import { BackupError, type BackupEntry, type BackupFailureKind } from '../../src/storage/backup/types';

// Few iterations keep the tests quick; one test below uses the default count.
const FAST: WriteBackupOptions = {
  iterations: 1_000,
  schemaVersion: 5,
  createdAt: Date.UTC(2025, 2, 14, 9, 30),
};
const PASS = 'Grüße aus Köln – 12 Äpfel';

async function* from(entries: BackupEntry[]): AsyncGenerator<BackupEntry> {
  yield* entries;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function backup(entries: BackupEntry[], opts: Partial<WriteBackupOptions> = {}): Promise<Uint8Array> {
  const blob = await new Response(writeBackup(from(entries), PASS, { ...FAST, ...opts })).blob();
  return new Uint8Array(await blob.arrayBuffer());
}

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

async function restore(bytes: Uint8Array, passphrase = PASS): Promise<BackupEntry[]> {
  const { entries } = await readBackup(blobOf(bytes), passphrase);
  return collect(entries);
}

/** The kind of the BackupError the promise rejects with (fails the test when it resolves or throws another error). */
async function kindOf(p: Promise<unknown>): Promise<BackupFailureKind> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).message.length).toBeGreaterThan(10);
    return (err as BackupError).kind;
  }
  throw new Error('expected a BackupError, but the file was read');
}

/**
 * The layout as docs/backup-format.md describes it, parsed independently of format.ts: where the front (prefix,
 * JSON header, key check, digest) ends and where each chunk record starts.
 */
function layout(bytes: Uint8Array) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkBytes = dv.getUint32(12, true);
  const headerLength = dv.getUint32(16, true);
  const frontEnd = 20 + headerLength + 44 + 32;
  const records: { start: number; length: number; last: boolean; end: number }[] = [];
  for (let at = frontEnd; at < bytes.length;) {
    const length = dv.getUint32(at, true);
    const last = bytes[at + 4] === 1;
    records.push({ start: at, length, last, end: at + 17 + length });
    at += 17 + length;
  }
  return { version: dv.getUint16(10, true), chunkBytes, headerLength, frontEnd, records };
}

/** Deterministic pseudo-random numbers (a 32-bit LCG), so the data barely compresses and fills many chunks. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function noisyEntries(n: number): BackupEntry[] {
  const r = lcg(7);
  return Array.from({ length: n }, (_, i) => ({
    table: 'chunks',
    row: {
      datasetId: 1,
      column: 'amount',
      chunk: i,
      values: Float64Array.from({ length: 64 }, () => r() * 1e4),
    },
  }));
}

describe('round trip', () => {
  it('keeps every typed array kind, special numbers, nested values and umlauts', async () => {
    const subarray = new Int32Array([9, 8, 7, 6, 5]).subarray(1, 4);
    const row = {
      id: 3,
      name: 'Müller & Söhne GmbH – Straße 7 (Zürich) 😀',
      i8: new Int8Array([-128, -1, 0, 127]),
      u8: new Uint8Array([0, 1, 2, 255]),
      i16: new Int16Array([-32768, -2, 32767]),
      u16: new Uint16Array([0, 65535, 1234]),
      i32: new Int32Array([-2147483648, -1, 0, 2147483647]),
      u32: new Uint32Array([0, 4294967295, 17850]),
      f32: new Float32Array([1.5, -0.25, NaN, Infinity, -Infinity]),
      f64: new Float64Array([0.1, -1e-300, NaN, Infinity, -Infinity, -0, Number.MAX_VALUE]),
      clamped: new Uint8ClampedArray([0, 128, 255]),
      empty: new Float64Array(0),
      view: subarray,
      numbers: [NaN, Infinity, -Infinity, -0, 0, 2 ** 31, -(2 ** 31), 2 ** 53, 0.30000000000000004, 1e-320],
      flags: [true, false, null],
      nested: { a: { b: { c: ['x', { d: 'ä' }], e: {} }, f: [] }, g: '' },
      gone: undefined,
      holes: [1, undefined, 3],
    };
    const entries: BackupEntry[] = [
      { table: 'workspaces', row: { id: 1, name: 'Bäckerei Schäfer', createdAt: 1_700_000_000_000 } },
      { table: 'chunks', row },
      { table: 'settings', row: 'a bare string' },
      { table: 'settings', row: 42 },
      { table: 'settings', row: null },
    ];
    const back = await restore(await backup(entries));
    expect(back.map((e) => e.table)).toEqual(['workspaces', 'chunks', 'settings', 'settings', 'settings']);
    expect(back[0].row).toEqual({ id: 1, name: 'Bäckerei Schäfer', createdAt: 1_700_000_000_000 });
    expect(back.slice(2).map((e) => e.row)).toEqual(['a bare string', 42, null]);

    const got = back[1].row as Record<string, unknown>;
    const kinds: [string, unknown][] = [
      ['i8', Int8Array],
      ['u8', Uint8Array],
      ['i16', Int16Array],
      ['u16', Uint16Array],
      ['i32', Int32Array],
      ['u32', Uint32Array],
      ['f32', Float32Array],
      ['f64', Float64Array],
      ['clamped', Uint8ClampedArray],
      ['empty', Float64Array],
      ['view', Int32Array],
    ];
    for (const [key, ctor] of kinds) {
      expect((got[key] as object).constructor, key).toBe(ctor);
      expect(Array.from(got[key] as ArrayLike<number>), key).toEqual(
        Array.from((row as Record<string, unknown>)[key] as ArrayLike<number>),
      );
    }
    expect(Array.from(got.view as Int32Array)).toEqual([8, 7, 6]);
    expect(Object.is((got.f64 as Float64Array)[5], -0)).toBe(true);
    const numbers = got.numbers as number[];
    expect(numbers[0]).toBeNaN();
    expect(numbers.slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Object.is(numbers[3], -0)).toBe(true);
    expect(Object.is(numbers[4], 0)).toBe(true);
    expect(numbers.slice(5)).toEqual([2 ** 31, -(2 ** 31), 2 ** 53, 0.30000000000000004, 1e-320]);
    expect(got.name).toBe('Müller & Söhne GmbH – Straße 7 (Zürich) 😀');
    expect(got.flags).toEqual([true, false, null]);
    expect(got.nested).toEqual({ a: { b: { c: ['x', { d: 'ä' }], e: {} }, f: [] }, g: '' });
    expect('gone' in got).toBe(false);
    // As in JSON: an undefined array slot comes back as null.
    expect(got.holes).toEqual([1, null, 3]);
    expect(Object.keys(got)).toEqual(Object.keys(row).filter((k) => k !== 'gone'));
  });

  it('keeps a "__proto__" key as a plain own property', async () => {
    const row = JSON.parse('{"__proto__": {"polluted": 1}, "ok": 2}') as Record<string, unknown>;
    const [back] = await restore(await backup([{ table: 'settings', row }]));
    const got = back.row as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes and reads no entries at all', async () => {
    expect(await restore(await backup([]))).toEqual([]);
  });

  it('crosses many small chunks', async () => {
    const entries = noisyEntries(40);
    const bytes = await backup(entries, { chunkBytes: 64 });
    const { records, chunkBytes } = layout(bytes);
    expect(chunkBytes).toBe(64);
    expect(records.length).toBeGreaterThan((40 * 64 * 8 * 0.5) / 64); // at least half the raw floats' bytes
    for (const r of records.slice(0, -1)) {
      expect(r.last).toBe(false);
      expect(r.length).toBe(64 + 16);
    }
    expect(records.at(-1)!.last).toBe(true);
    expect(records.at(-1)!.end).toBe(bytes.length);
    expect(await restore(bytes)).toEqual(entries);
  });

  it('lets the entries be read twice', async () => {
    const entries = noisyEntries(3);
    const { entries: it } = await readBackup(blobOf(await backup(entries, { chunkBytes: 256 })), PASS);
    expect(await collect(it)).toEqual(entries);
    expect(await collect(it)).toEqual(entries);
  });

  it('opens with the same passphrase written in decomposed Unicode', async () => {
    const bytes = await backup([{ table: 'settings', row: { a: 1 } }]);
    expect(PASS.normalize('NFD')).not.toBe(PASS);
    expect(await restore(bytes, PASS.normalize('NFD'))).toEqual([{ table: 'settings', row: { a: 1 } }]);
  });

  it('uses the default iteration count when none is given', async () => {
    const blob = await new Response(
      writeBackup(from([{ table: 'settings', row: { k: 'v' } }]), 'richtig', { schemaVersion: 5 }),
    ).blob();
    const { header, entries } = await readBackup(blob, 'richtig');
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(header.kdf.iterations).toBe(DEFAULT_ITERATIONS);
    expect(await collect(entries)).toEqual([{ table: 'settings', row: { k: 'v' } }]);
  });
});

describe('header', () => {
  it('starts with the mark and tells version, schema, date and key derivation without the passphrase', async () => {
    const bytes = await backup([{ table: 'settings', row: 1 }], { chunkBytes: 4096 });
    expect(new TextDecoder().decode(bytes.subarray(0, 10))).toBe('KUNDENWERT');
    const l = layout(bytes);
    expect(l.version).toBe(1);
    expect(l.chunkBytes).toBe(4096);
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + l.headerLength))) as unknown;

    const header = await readBackupHeader(blobOf(bytes));
    expect(header).toEqual(json);
    expect(FORMAT_VERSION).toBe(1);
    expect(header.app).toBe('kundenwert');
    expect(header.formatVersion).toBe(1);
    expect(header.schemaVersion).toBe(5);
    expect(header.createdAt).toBe(Date.UTC(2025, 2, 14, 9, 30));
    expect(header.cipher).toBe('AES-GCM');
    expect(header.kdf.name).toBe('PBKDF2');
    expect(header.kdf.hash).toBe('SHA-256');
    expect(header.kdf.iterations).toBe(1_000);
    expect(atob(header.kdf.salt)).toHaveLength(16);
    // The header carries no customer data.
    expect(new TextDecoder().decode(bytes)).not.toContain('settings');

    const again = await readBackupHeader(blobOf(await backup([{ table: 'settings', row: 1 }])));
    expect(again.kdf.salt).not.toBe(header.kdf.salt);
  });

  it('refuses bad options', () => {
    expect(() => writeBackup(from([]), PASS, { ...FAST, chunkBytes: 0 })).toThrow(RangeError);
    expect(() => writeBackup(from([]), PASS, { ...FAST, iterations: 0 })).toThrow(RangeError);
    expect(() => writeBackup(from([]), '', FAST)).toThrow(RangeError);
  });

  it('errors the stream on a value the format cannot hold, naming the table', async () => {
    const stream = writeBackup(from([{ table: 'campaigns', row: { when: new Date(0) } }]), PASS, FAST);
    await expect(new Response(stream).blob()).rejects.toThrow(/cannot hold a Date.*campaigns/);
  });
});

describe('refusals', () => {
  const entries = noisyEntries(30);
  const written = backup(entries, { chunkBytes: 512 });

  it('tells a wrong passphrase before any entry is read', async () => {
    const bytes = await written;
    expect(await kindOf(readBackup(blobOf(bytes), 'Grüße aus Koln – 12 Äpfel'))).toBe('wrongPassphrase');
    expect(await kindOf(readBackup(blobOf(bytes), ''))).toBe('wrongPassphrase');
  });

  it('tells a truncated file wherever it is cut', async () => {
    const bytes = await written;
    const l = layout(bytes);
    expect(l.records.length).toBeGreaterThan(3);
    const [r0, r1] = l.records;
    const inHeader = [5, 10, 15, 19, 20, 20 + Math.floor(l.headerLength / 2), 20 + l.headerLength + 10];
    inHeader.push(l.frontEnd - 1);
    for (const cut of inHeader) {
      expect(await kindOf(readBackup(blobOf(bytes.slice(0, cut)), PASS)), `cut at ${cut}`).toBe('truncated');
      expect(await kindOf(readBackupHeader(blobOf(bytes.slice(0, cut)))), `cut at ${cut}`).toBe('truncated');
    }
    const inChunks = [
      l.frontEnd, // no chunk at all
      r0.start + 3, // inside a record's length
      r0.start + 10, // inside its IV
      r0.start + 17 + 100, // inside its ciphertext
      r0.end - 1, // its tag cut short
      r0.end, // exactly at a chunk boundary
      r1.end,
      l.records.at(-2)!.end, // every chunk but the last
      bytes.length - 1,
    ];
    for (const cut of inChunks) {
      const { entries: it } = await readBackup(blobOf(bytes.slice(0, cut)), PASS);
      expect(await kindOf(collect(it)), `cut at ${cut}`).toBe('truncated');
    }
  });

  it('tells a changed byte in a chunk, a reordered, a missing chunk and bytes appended', async () => {
    const bytes = await written;
    const l = layout(bytes);
    const r = l.records[1];
    const positions = [
      r.start, // its length
      r.start + 4, // its last-chunk flag
      r.start + 5, // its IV
      r.start + 17, // its first ciphertext byte
      r.start + 17 + 200,
      r.end - 1, // its tag
      l.records.at(-1)!.end - 1, // the last chunk's tag
    ];
    for (const at of positions) {
      const changed = bytes.slice();
      changed[at] ^= 0x01;
      const { entries: it } = await readBackup(blobOf(changed), PASS);
      expect(await kindOf(collect(it)), `byte ${at}`).toBe('tampered');
    }
    const [a, b, c] = l.records;
    const swapped = new Uint8Array(bytes.length);
    swapped.set(bytes.subarray(0, a.start));
    swapped.set(bytes.subarray(b.start, b.end), a.start);
    swapped.set(bytes.subarray(a.start, a.end), a.start + (b.end - b.start));
    swapped.set(bytes.subarray(b.end), b.end);
    const dropped = new Uint8Array([...bytes.subarray(0, b.start), ...bytes.subarray(c.start)]);
    const appended = new Uint8Array([...bytes, 0]);
    for (const [name, file] of [
      ['swapped', swapped],
      ['dropped', dropped],
      ['appended', appended],
    ] as const) {
      const { entries: it } = await readBackup(blobOf(file), PASS);
      expect(await kindOf(collect(it)), name).toBe('tampered');
    }
  });

  it('tells a changed byte in the header as the format documents it', async () => {
    const bytes = await written;
    const l = layout(bytes);
    const expected = (at: number): BackupFailureKind => {
      if (at < 10) return 'notABackup'; // the mark
      if (at === 10) return 'notABackup'; // version 1 → 0
      if (at === 11) return 'newerVersion'; // version 1 → 257
      return 'tampered'; // chunk size, header length, JSON, key check, checksum
    };
    for (let at = 0; at < l.frontEnd; at++) {
      const changed = bytes.slice();
      changed[at] ^= 0x01;
      const want = expected(at);
      expect(await kindOf(readBackupHeader(blobOf(changed))), `byte ${at}`).toBe(want);
      expect(await kindOf(readBackup(blobOf(changed), PASS)), `byte ${at}`).toBe(want);
    }
  });

  it('tells a file of another program, a random and an empty file', async () => {
    const r = lcg(3);
    const random = Uint8Array.from({ length: 10_000 }, () => Math.floor(r() * 256));
    const csv = new TextEncoder().encode('Kundennummer;Datum;Betrag\n17850;01.12.2010;15,30\n');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    for (const file of [random, csv, zip, new Uint8Array(0)]) {
      expect(await kindOf(readBackupHeader(blobOf(file)))).toBe('notABackup');
      expect(await kindOf(readBackup(blobOf(file), PASS))).toBe('notABackup');
    }
  });

  it('tells a file of a newer format version', async () => {
    const changed = (await written).slice();
    new DataView(changed.buffer).setUint16(10, FORMAT_VERSION + 1, true);
    expect(await kindOf(readBackupHeader(blobOf(changed)))).toBe('newerVersion');
    expect(await kindOf(readBackup(blobOf(changed), PASS))).toBe('newerVersion');
  });
});

describe('streaming', () => {
  /** A dataset of `rows` order lines stored as the app stores them: typed-array chunks of 65,536 values. */
  function* dataset(rows: number, seen: { n: number; bytes: number }): Generator<BackupEntry> {
    const r = lcg(11);
    const per = 65_536;
    seen.n++;
    yield { table: 'workspaces', row: { id: 1, name: 'Große Kundendatei' } };
    for (const column of ['amount', 'day', 'flags'] as const) {
      for (let chunk = 0; chunk * per < rows; chunk++) {
        const n = Math.min(per, rows - chunk * per);
        const values =
          column === 'day'
            ? Int32Array.from({ length: n }, (_, i) => 14_600 + ((chunk * per + i) % 3000))
            : column === 'amount'
              ? Float64Array.from({ length: n }, () => Math.round(r() * 1e6) / 100)
              : Uint8Array.from({ length: n }, (_, i) => ((chunk * per + i) % 97 === 0 ? 1 : 0));
        seen.n++;
        seen.bytes += values.byteLength;
        yield { table: 'chunks', row: { datasetId: 1, column, chunk, values } };
      }
    }
    for (let i = 0; i < 2_000; i++) {
      seen.n++;
      yield {
        table: 'dictionaries',
        row: { datasetId: 1, column: 'customer', code: i, value: `Kunde ${i} ö` },
      };
    }
  }

  class CountingBlob extends Blob {
    read = 0;
    largest = 0;
    override slice(start?: number, end?: number, type?: string): Blob {
      const part = super.slice(start, end, type);
      this.read += part.size;
      this.largest = Math.max(this.largest, part.size);
      return part;
    }
  }

  it('stops pulling entries when the file is not read to its end, and a reader may stop early', async () => {
    let pulled = 0;
    let closed = false;
    const source = (async function* () {
      try {
        for (const e of noisyEntries(200)) {
          pulled++;
          yield e;
        }
      } finally {
        closed = true;
      }
    })();
    const reader = writeBackup(source, PASS, { ...FAST, chunkBytes: 256 }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(200);

    const { entries } = await readBackup(blobOf(await backup(noisyEntries(50), { chunkBytes: 256 })), PASS);
    let seen = 0;
    for await (const e of entries) {
      expect(e.table).toBe('chunks');
      if (++seen === 2) break;
    }
    expect(seen).toBe(2);
  });

  it('round-trips 200,000 rows in typed arrays a chunk at a time', async () => {
    const rows = 200_000;
    const chunkBytes = 64 * 1024;
    const written = { n: 0, bytes: 0 };
    const source = (async function* () {
      yield* dataset(rows, written);
    })();
    const stream = writeBackup(source, PASS, { ...FAST, chunkBytes });

    // The writer pulls entries only as the file is read: when the first two chunks arrive, most rows are still due.
    const reader = stream.getReader();
    const parts: Uint8Array[] = [];
    const total = 1 + 3 * Math.ceil(rows / 65_536) + 2_000;
    for (let i = 0; i < 3; i++) parts.push((await reader.read()).value!);
    // (the workspace row, then amounts: two 64 KiB chunks hold less than one 512 KB chunk of them; the writer may
    // hold one or two more entries in hand)
    expect(written.n).toBeLessThanOrEqual(4);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    expect(written.n).toBe(total);
    expect(written.bytes).toBe(rows * (4 + 8 + 1));
    // One part per chunk record, none larger than a chunk.
    for (const p of parts.slice(1)) expect(p.length).toBeLessThanOrEqual(17 + chunkBytes + 16);

    const file = new CountingBlob(parts as Uint8Array<ArrayBuffer>[]);
    expect(parts.length).toBeGreaterThan(8); // many chunks
    const { entries } = await readBackup(file, PASS);
    const seen = { n: 0, bytes: 0 };
    const expected = dataset(rows, seen);
    let count = 0;
    for await (const e of entries) {
      // The first entry comes after the header and a few chunks have been read, not the whole file.
      if (count === 0) expect(file.read).toBeLessThanOrEqual(parts[0].length + 4 * (17 + chunkBytes + 16));
      expect(e).toEqual(expected.next().value);
      count++;
    }
    expect(count).toBe(total);
    expect(expected.next().done).toBe(true);
    expect(file.largest).toBeLessThanOrEqual(17 + chunkBytes + 16);
  });
});
