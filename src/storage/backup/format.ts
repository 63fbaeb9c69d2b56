/**
 * The encrypted workspace file, byte by byte in docs/backup-format.md. Pure and streaming: it writes a stream of
 * entries to a ReadableStream and reads them back from a Blob slice by slice, holding at most a few chunks in memory.
 * Web Crypto (PBKDF2-SHA-256 → AES-GCM 256) and CompressionStream (gzip) only, so it runs in the worker and in Node.
 *
 * Layout: prefix (magic, format version, chunk size, header length) · JSON header · key check · SHA-256 of all that
 * · chunks (length, last-chunk flag, IV, AES-GCM ciphertext of the gzip-compressed entry stream).
 */
import { BackupError, type BackupEntry, type BackupHeader } from './types';

/** The version of this file format. A later app reads every earlier one; this one refuses later ones. */
export const FORMAT_VERSION = 1;
/** PBKDF2 iterations written by default (OWASP's figure for PBKDF2-HMAC-SHA-256). */
export const DEFAULT_ITERATIONS = 600_000;
/** Compressed bytes per encrypted chunk, by default. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;
export const MIN_CHUNK_BYTES = 16;
export const MAX_CHUNK_BYTES = 64 << 20;
/** A file asking for more iterations than this is not one of ours (and would stall the worker). */
export const MAX_ITERATIONS = 10_000_000;

/** ASCII "KUNDENWERT": the first ten bytes of every workspace file. */
export const MAGIC = new Uint8Array([0x4b, 0x55, 0x4e, 0x44, 0x45, 0x4e, 0x57, 0x45, 0x52, 0x54]);
/** magic (10) · format version u16 · chunk bytes u32 · header length u32, all little-endian. */
export const PREFIX_BYTES = MAGIC.length + 2 + 4 + 4;
const MAX_HEADER_BYTES = 1 << 16;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The plaintext of the key check: ASCII "KUNDENWERT-KEYOK". */
const KEY_CHECK = new Uint8Array([...MAGIC, 0x2d, 0x4b, 0x45, 0x59, 0x4f, 0x4b]);
export const KEY_CHECK_BYTES = IV_BYTES + KEY_CHECK.length + TAG_BYTES;
const DIGEST_BYTES = 32;
/** A chunk record: ciphertext length u32 · flags u8 (1 = last chunk) · IV (12) · ciphertext with its tag. */
export const RECORD_HEAD_BYTES = 4 + 1 + IV_BYTES;
/** The decompressor is fed this much at a time, so one call never expands into more than a few MB. */
const INFLATE_SLICE = 1 << 16;

export interface WriteBackupOptions {
  /** PBKDF2 iterations; DEFAULT_ITERATIONS unless given (tests pass fewer). */
  iterations?: number;
  /** Compressed bytes per chunk; DEFAULT_CHUNK_BYTES unless given. */
  chunkBytes?: number;
  /** The IndexedDB schema version the rows come from. */
  schemaVersion: number;
  createdAt?: number;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

// ---------------------------------------------------------------------------------------------------------------
// Errors

const notABackup = (why: string) => new BackupError('notABackup', `Not a Kundenwert workspace file: ${why}`);
const truncated = (why: string) => new BackupError('truncated', `The workspace file is incomplete: ${why}`);
const tampered = (why: string) => new BackupError('tampered', `The workspace file was changed: ${why}`);

// ---------------------------------------------------------------------------------------------------------------
// Writing

/**
 * Writes the entries as one encrypted workspace file. The key is derived when the stream is first read; entries are
 * pulled from `entries` only as fast as the stream is read. An entry the format cannot hold (a Date, a Map, a Blob…)
 * errors the stream with a plain Error naming its table.
 */
export function writeBackup(
  entries: AsyncIterable<BackupEntry>,
  passphrase: string,
  opts: WriteBackupOptions,
): ReadableStream<Uint8Array> {
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be a whole number from 1 to ${MAX_ITERATIONS}`);
  }
  if (!Number.isInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunkBytes must be a whole number from ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES}`);
  }
  if (!Number.isInteger(opts.schemaVersion) || opts.schemaVersion < 1) {
    throw new RangeError('schemaVersion must be a positive whole number');
  }
  if (passphrase.length === 0) throw new RangeError('The passphrase must not be empty');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const header: BackupHeader = {
    app: 'kundenwert',
    formatVersion: FORMAT_VERSION,
    schemaVersion: opts.schemaVersion,
    createdAt: opts.createdAt ?? Date.now(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: 'AES-GCM',
  };
  let records: AsyncGenerator<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      records ??= writeRecords(entries, passphrase, header, salt, chunkBytes);
      const next = await records.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await records?.return(undefined);
    },
  });
}

async function* writeRecords(
  entries: AsyncIterable<BackupEntry>,
  passphrase: string,
  header: BackupHeader,
  salt: Uint8Array,
  chunkBytes: number,
): AsyncGenerator<Uint8Array> {
  const key = await deriveKey(passphrase, salt, header.kdf.iterations);
  const json = utf8.encode(JSON.stringify(header));
  const head = new Uint8Array(PREFIX_BYTES + json.length);
  const hv = view(head);
  head.set(MAGIC, 0);
  hv.setUint16(MAGIC.length, FORMAT_VERSION, true);
  hv.setUint32(MAGIC.length + 2, chunkBytes, true);
  hv.setUint32(MAGIC.length + 6, json.length, true);
  head.set(json, PREFIX_BYTES);
  const checkIv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const check = await encrypt(key, checkIv, KEY_CHECK, head);
  const front = concat([head, checkIv, check]);
  const digest = await sha256(front);
  yield concat([front, digest]);

  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  const reader = gzip.readable.getReader();
  let failure: unknown;
  const pump = (async () => {
    try {
      const encoder = new EntryEncoder();
      // Each write is awaited, not only `ready`: Node's CompressionStream takes every write at once and buffers
      // it; its write promise waits until the compressor has room, as a browser's does.
      for await (const entry of entries) await writer.write(encoder.entry(entry));
      await writer.write(new Uint8Array(4)); // the end of the entries: a frame of length 0
      await writer.close();
    } catch (err) {
      failure ??= err;
      await writer.abort(err).catch(ignore);
    }
  })();

  const chunk = new Uint8Array(chunkBytes);
  let fill = 0;
  let index = 0;
  try {
    for (;;) {
      let piece: ReadableStreamReadResult<Uint8Array>;
      try {
        piece = await reader.read();
      } catch (err) {
        throw failure ?? err;
      }
      if (piece.done) break;
      const bytes = piece.value;
      for (let off = 0; off < bytes.length;) {
        // A full chunk goes out only once more bytes follow it, so the last chunk is never empty (unless all is).
        if (fill === chunkBytes) {
          yield await sealChunk(key, digest, index++, false, chunk);
          fill = 0;
        }
        const n = Math.min(chunkBytes - fill, bytes.length - off);
        chunk.set(bytes.subarray(off, off + n), fill);
        fill += n;
        off += n;
      }
    }
    await pump;
    if (failure !== undefined) throw failure;
    yield await sealChunk(key, digest, index, true, chunk.subarray(0, fill));
  } finally {
    if (failure === undefined) failure = new Error('The workspace file was not read to its end');
    await reader.cancel().catch(ignore);
    await pump;
  }
}

async function sealChunk(
  key: CryptoKey,
  digest: Uint8Array,
  index: number,
  last: boolean,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await encrypt(key, iv, plain, chunkAad(digest, index, last));
  const out = new Uint8Array(RECORD_HEAD_BYTES + sealed.length);
  view(out).setUint32(0, sealed.length, true);
  out[4] = last ? 1 : 0;
  out.set(iv, 5);
  out.set(sealed, RECORD_HEAD_BYTES);
  return out;
}

/** Additional data of a chunk: the header digest (binds the header and the key check), its index and last flag. */
function chunkAad(digest: Uint8Array, index: number, last: boolean): Uint8Array {
  const aad = new Uint8Array(DIGEST_BYTES + 5);
  aad.set(digest, 0);
  view(aad).setUint32(DIGEST_BYTES, index, true);
  aad[DIGEST_BYTES + 4] = last ? 1 : 0;
  return aad;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

interface Front {
  header: BackupHeader;
  /** prefix + JSON header: the additional data of the key check. */
  head: Uint8Array;
  checkIv: Uint8Array;
  check: Uint8Array;
  digest: Uint8Array;
  salt: Uint8Array;
  chunkBytes: number;
  /** Offset of the first chunk. */
  end: number;
}

/** The plain header, checked against its digest, without the passphrase (to show date and version first). */
export async function readBackupHeader(file: Blob): Promise<BackupHeader> {
  return (await readFront(file)).header;
}

/**
 * Opens a workspace file: checks the header and the passphrase (a wrong one is told before any entry is read), then
 * reads the entries slice by slice as they are iterated. `entries` may be iterated more than once (each pass reads
 * the file again). A chunk is authenticated before its entries are yielded, but entries of earlier chunks may have
 * been yielded before a later chunk turns out changed or missing: a caller that must be all or nothing keeps what it
 * read aside until the iteration has ended without an error.
 */
export async function readBackup(
  file: Blob,
  passphrase: string,
): Promise<{ header: BackupHeader; entries: AsyncIterable<BackupEntry> }> {
  const front = await readFront(file);
  const key = await deriveKey(passphrase, front.salt, front.header.kdf.iterations);
  let opened: Uint8Array | undefined;
  try {
    opened = await decrypt(key, front.checkIv, front.check, front.head);
  } catch {
    opened = undefined;
  }
  if (!opened || !equalBytes(opened, KEY_CHECK)) {
    throw new BackupError('wrongPassphrase', 'The passphrase does not open this workspace file.');
  }
  return {
    header: front.header,
    entries: { [Symbol.asyncIterator]: () => readEntries(file, key, front) },
  };
}

async function readFront(file: Blob): Promise<Front> {
  if (file.size === 0) throw notABackup('the file is empty.');
  const prefix = await slice(file, 0, PREFIX_BYTES);
  const seen = Math.min(prefix.length, MAGIC.length);
  if (!equalBytes(prefix.subarray(0, seen), MAGIC.subarray(0, seen))) {
    throw notABackup('it does not start with the workspace file mark.');
  }
  if (prefix.length < PREFIX_BYTES) throw truncated('it ends inside its header.');
  const pv = view(prefix);
  const version = pv.getUint16(MAGIC.length, true);
  if (version > FORMAT_VERSION) {
    throw new BackupError(
      'newerVersion',
      `The workspace file has format version ${version}; this app reads versions up to ${FORMAT_VERSION}.`,
    );
  }
  if (version < 1) throw notABackup('its format version is 0.');
  const chunkBytes = pv.getUint32(MAGIC.length + 2, true);
  const headerBytes = pv.getUint32(MAGIC.length + 6, true);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw tampered(`its chunk size (${chunkBytes} bytes) is out of range.`);
  }
  if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES) {
    throw tampered(`its header length (${headerBytes} bytes) is out of range.`);
  }
  const end = PREFIX_BYTES + headerBytes + KEY_CHECK_BYTES + DIGEST_BYTES;
  const bytes = await slice(file, 0, end);
  if (bytes.length < end) throw truncated('it ends inside its header.');
  const digestAt = end - DIGEST_BYTES;
  const digest = bytes.slice(digestAt, end);
  if (!equalBytes(await sha256(bytes.subarray(0, digestAt)), digest)) {
    throw tampered('its header does not match its checksum.');
  }
  const head = bytes.slice(0, PREFIX_BYTES + headerBytes);
  const header = parseHeader(head.subarray(PREFIX_BYTES), version);
  const salt = fromBase64(header.kdf.salt);
  if (!salt || salt.length !== SALT_BYTES) throw notABackup('its salt is not 16 bytes.');
  return {
    header,
    head,
    checkIv: bytes.slice(head.length, head.length + IV_BYTES),
    check: bytes.slice(head.length + IV_BYTES, digestAt),
    digest,
    salt,
    chunkBytes,
    end,
  };
}

function parseHeader(json: Uint8Array, version: number): BackupHeader {
  let h: unknown;
  try {
    h = JSON.parse(fromUtf8.decode(json));
  } catch {
    throw notABackup('its header is not JSON.');
  }
  const o = h as Partial<BackupHeader> | null;
  const kdf = o?.kdf;
  const ok =
    o !== null &&
    typeof o === 'object' &&
    o.app === 'kundenwert' &&
    o.formatVersion === version &&
    Number.isInteger(o.schemaVersion) &&
    typeof o.createdAt === 'number' &&
    Number.isFinite(o.createdAt) &&
    o.cipher === 'AES-GCM' &&
    typeof kdf === 'object' &&
    kdf !== null &&
    kdf.name === 'PBKDF2' &&
    kdf.hash === 'SHA-256' &&
    Number.isInteger(kdf.iterations) &&
    kdf.iterations >= 1 &&
    kdf.iterations <= MAX_ITERATIONS &&
    typeof kdf.salt === 'string';
  if (!ok) throw notABackup('its header does not describe a Kundenwert workspace file.');
  return h as BackupHeader;
}

async function* readEntries(file: Blob, key: CryptoKey, front: Front): AsyncGenerator<BackupEntry> {
  const gunzip = new DecompressionStream('gzip');
  const writer = gunzip.writable.getWriter();
  const reader = gunzip.readable.getReader();
  let failure: unknown;
  const pump = (async () => {
    try {
      const full = RECORD_HEAD_BYTES + front.chunkBytes + TAG_BYTES;
      let offset = front.end;
      for (let index = 0; ; index++) {
        if (offset >= file.size) throw truncated(`it ends after chunk ${index}, before its last chunk.`);
        const rec = await slice(file, offset, offset + full);
        if (rec.length < RECORD_HEAD_BYTES) throw truncated(`it ends inside chunk ${index}.`);
        const length = view(rec).getUint32(0, true);
        const flags = rec[4];
        const last = flags === 1;
        if (
          flags > 1 ||
          length < TAG_BYTES ||
          length > front.chunkBytes + TAG_BYTES ||
          (!last && length !== front.chunkBytes + TAG_BYTES)
        ) {
          throw tampered(`chunk ${index} has an impossible length or flag.`);
        }
        if (rec.length < RECORD_HEAD_BYTES + length) throw truncated(`it ends inside chunk ${index}.`);
        let plain: Uint8Array<ArrayBuffer>;
        try {
          plain = await decrypt(
            key,
            rec.subarray(5, RECORD_HEAD_BYTES),
            rec.subarray(RECORD_HEAD_BYTES, RECORD_HEAD_BYTES + length),
            chunkAad(front.digest, index, last),
          );
        } catch {
          throw tampered(`chunk ${index} does not authenticate.`);
        }
        offset += RECORD_HEAD_BYTES + length;
        for (let at = 0; at < plain.length; at += INFLATE_SLICE) {
          await writer.write(plain.subarray(at, at + INFLATE_SLICE));
        }
        if (last) {
          if (offset !== file.size) throw tampered(`${file.size - offset} bytes follow its last chunk.`);
          break;
        }
      }
      await writer.close();
    } catch (err) {
      failure ??= err;
      await writer.abort(err).catch(ignore);
    }
  })();

  const queue = new ByteQueue();
  let ended = false;
  try {
    for (;;) {
      while (!ended && queue.length >= 4) {
        const n = queue.peekUint32();
        if (n === 0) {
          queue.take(4);
          ended = true;
        } else if (queue.length >= 4 + n) {
          queue.take(4);
          yield decodeEntry(queue.take(n));
        } else break;
      }
      let piece: ReadableStreamReadResult<Uint8Array>;
      try {
        piece = await reader.read();
      } catch (err) {
        throw failure ?? tampered(`its compressed data is broken (${String(err)}).`);
      }
      if (piece.done) break;
      queue.push(piece.value);
    }
    await pump;
    if (failure !== undefined) throw failure;
    if (!ended || queue.length > 0) throw tampered('its entries do not end where its data ends.');
  } finally {
    failure ??= new Error('The workspace file was not read to its end');
    await reader.cancel().catch(ignore);
    await pump;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entry encoding (docs/backup-format.md "Entries"): a frame per entry, values tagged, all little-endian.

const T_NULL = 0x00;
const T_FALSE = 0x01;
const T_TRUE = 0x02;
const T_INT32 = 0x03;
const T_FLOAT64 = 0x04;
const T_STRING = 0x05;
const T_ARRAY = 0x06;
const T_OBJECT = 0x07;

type TypedArrayCtor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Uint8ClampedArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

/** Typed array tags 0x10…0x18; the index into this list is tag − 0x10. */
const TYPED: readonly TypedArrayCtor[] = [
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  Uint8ClampedArray,
];
const T_TYPED = 0x10;
const MAX_DEPTH = 200;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses the bytes of each element in place (only on a big-endian machine: the file is little-endian). */
function swapBytes(bytes: Uint8Array, size: number): void {
  if (LITTLE_ENDIAN || size === 1) return;
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
}

class EntryEncoder {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private dv = view(this.buf);
  private pos = 0;
  private table = '';

  /** One frame: payload length u32, then the table name and the row. Returns a copy the caller may keep. */
  entry(e: BackupEntry): Uint8Array<ArrayBuffer> {
    this.table = e.table;
    this.pos = 4;
    this.string(e.table);
    this.value(e.row, 0);
    this.dv.setUint32(0, this.pos - 4, true);
    return this.buf.slice(0, this.pos);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.dv = view(next);
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private uint32(v: number): void {
    this.ensure(4);
    this.dv.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  private string(s: string): void {
    this.ensure(4 + s.length * 3);
    const { written } = utf8.encodeInto(s, this.buf.subarray(this.pos + 4));
    this.dv.setUint32(this.pos, written, true);
    this.pos += 4 + written;
  }

  private value(v: unknown, depth: number): void {
    if (depth > MAX_DEPTH) this.refuse(`nesting deeper than ${MAX_DEPTH}`);
    if (v === null || v === undefined) return this.byte(T_NULL);
    switch (typeof v) {
      case 'boolean':
        return this.byte(v ? T_TRUE : T_FALSE);
      case 'number':
        if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0)) {
          this.byte(T_INT32);
          this.ensure(4);
          this.dv.setInt32(this.pos, v, true);
          this.pos += 4;
        } else {
          this.byte(T_FLOAT64);
          this.ensure(8);
          this.dv.setFloat64(this.pos, v, true);
          this.pos += 8;
        }
        return;
      case 'string':
        this.byte(T_STRING);
        return this.string(v);
      case 'object':
        break;
      default:
        this.refuse(`a ${typeof v}`);
    }
    if (Array.isArray(v)) {
      this.byte(T_ARRAY);
      this.uint32(v.length);
      for (let i = 0; i < v.length; i++) this.value(v[i], depth + 1);
      return;
    }
    if (ArrayBuffer.isView(v)) {
      const kind = TYPED.findIndex((c) => v.constructor === c);
      if (kind < 0) this.refuse(`a ${v.constructor.name}`);
      const size = TYPED[kind].BYTES_PER_ELEMENT;
      this.byte(T_TYPED + kind);
      this.uint32(v.byteLength);
      this.ensure(v.byteLength);
      const out = this.buf.subarray(this.pos, this.pos + v.byteLength);
      out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      swapBytes(out, size);
      this.pos += v.byteLength;
      return;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      this.refuse(`a ${(v as object).constructor?.name ?? 'non-plain object'}`);
    }
    this.byte(T_OBJECT);
    const countAt = this.pos;
    this.uint32(0);
    let count = 0;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      this.string(k);
      this.value(x, depth + 1);
      count++;
    }
    this.dv.setUint32(countAt, count, true);
  }

  private refuse(what: string): never {
    throw new Error(`A workspace file cannot hold ${what} (in a row of table "${this.table}").`);
  }
}

function decodeEntry(bytes: Uint8Array): BackupEntry {
  const d = new EntryDecoder(bytes);
  try {
    const table = d.string();
    const row = d.value(0);
    if (!d.done()) throw new Error('bytes after the row');
    return { table, row };
  } catch (err) {
    // Unreachable for a file this module wrote: every byte was authenticated.
    throw tampered(`an entry cannot be decoded (${err instanceof Error ? err.message : String(err)}).`);
  }
}

class EntryDecoder {
  private readonly dv: DataView;
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {
    this.dv = view(bytes);
  }

  done(): boolean {
    return this.pos === this.bytes.length;
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new Error('the entry ends early');
  }

  private uint32(): number {
    this.need(4);
    const v = this.dv.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  string(): string {
    const n = this.uint32();
    this.need(n);
    const s = fromUtf8.decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Error('nesting too deep');
    this.need(1);
    const tag = this.bytes[this.pos++];
    switch (tag) {
      case T_NULL:
        return null;
      case T_FALSE:
        return false;
      case T_TRUE:
        return true;
      case T_INT32: {
        this.need(4);
        const v = this.dv.getInt32(this.pos, true);
        this.pos += 4;
        return v;
      }
      case T_FLOAT64: {
        this.need(8);
        const v = this.dv.getFloat64(this.pos, true);
        this.pos += 8;
        return v;
      }
      case T_STRING:
        return this.string();
      case T_ARRAY: {
        const n = this.uint32();
        if (n > this.bytes.length - this.pos) throw new Error('an array longer than its entry');
        const a: unknown[] = new Array(n);
        for (let i = 0; i < n; i++) a[i] = this.value(depth + 1);
        return a;
      }
      case T_OBJECT: {
        const n = this.uint32();
        const o: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const k = this.string();
          const x = this.value(depth + 1);
          // An own property even for "__proto__" (assignment would set the prototype instead).
          Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
        }
        return o;
      }
      default: {
        const ctor = TYPED[tag - T_TYPED];
        if (tag < T_TYPED || !ctor) throw new Error(`unknown tag ${tag}`);
        const n = this.uint32();
        if (n % ctor.BYTES_PER_ELEMENT !== 0) throw new Error('a typed array of a partial element');
        this.need(n);
        const copy = this.bytes.slice(this.pos, this.pos + n); // its own, aligned buffer
        this.pos += n;
        swapBytes(copy, ctor.BYTES_PER_ELEMENT);
        return new ctor(copy.buffer);
      }
    }
  }
}

/** Decompressed bytes waiting to be cut into frames. */
class ByteQueue {
  private pieces: Uint8Array[] = [];
  private head = 0;
  length = 0;

  push(b: Uint8Array): void {
    if (b.length === 0) return;
    this.pieces.push(b);
    this.length += b.length;
  }

  peekUint32(): number {
    const b = this.peek(4);
    return view(b).getUint32(0, true);
  }

  take(n: number): Uint8Array {
    const out = this.peek(n);
    this.length -= n;
    while (n > 0) {
      const first = this.pieces[0];
      const left = first.length - this.head;
      if (n < left) {
        this.head += n;
        n = 0;
      } else {
        n -= left;
        this.pieces.shift();
        this.head = 0;
      }
    }
    return out;
  }

  private peek(n: number): Uint8Array {
    const first = this.pieces[0];
    if (first.length - this.head >= n) return first.subarray(this.head, this.head + n);
    const out = new Uint8Array(n);
    let at = 0;
    for (let i = 0, h = this.head; at < n; i++, h = 0) {
      const part = this.pieces[i].subarray(h, h + (n - at));
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed on another system (ü as one or as two code points) opens the file.
  const material = await crypto.subtle.importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function encrypt(
  key: CryptoKey,
  iv: Uint8Array,
  plain: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array> {
  const out = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: own(iv), additionalData: own(aad), tagLength: TAG_BYTES * 8 },
    key,
    own(plain),
  );
  return new Uint8Array(out);
}

async function decrypt(
  key: CryptoKey,
  iv: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: own(iv), additionalData: own(aad), tagLength: TAG_BYTES * 8 },
    key,
    own(sealed),
  );
  return new Uint8Array(out);
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', own(bytes)));
}

/** The bytes as a view on a plain ArrayBuffer, as Web Crypto's types want (a copy only when needed). */
function own(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b);
}

async function slice(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

function fromBase64(s: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function ignore(): void {}
