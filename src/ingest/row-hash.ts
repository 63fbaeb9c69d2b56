/**
 * Exact-duplicate detection without keeping the rows. Every row's original text is hashed into two independent
 * 32-bit lanes (64 bits in all) as it streams past; the hashes are appended to flat arrays. At the end one radix
 * sort by the first lane brings equal rows together, and within a run of equal first lanes the second lane decides.
 * Two different rows share both lanes with a probability of about n² / 2⁶⁵ (≈ 3·10⁻⁸ for a million rows).
 * Sequential passes instead of a hash table keep this fast on large inputs (no random access over megabytes).
 */
const SEED1 = 0x811c9dc5 | 0;
const SEED2 = 0x9747b28c | 0;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/**
 * One 32-bit word into each lane, in the way of MurmurHash3's body, with other constants for the second lane. The
 * word is scrambled (multiply, rotate, multiply) before it meets the state, so a difference in any bit reaches all
 * bits: a bare `imul(h ^ w)` only carries differences upward, and rows that differ in the top bytes of two words
 * then collided about once in 2^14 pairs.
 */
function lane1(h: number, w: number): number {
  const k = Math.imul(rotl(Math.imul(w, 0xcc9e2d51), 15), 0x1b873593);
  return (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;
}

function lane2(h: number, w: number): number {
  const k = Math.imul(rotl(Math.imul(w, 0x85ebca6b), 16), 0xc2b2ae35);
  return (Math.imul(rotl(h ^ k, 17), 9) + 0x7f4a7c15) | 0;
}

/** MurmurHash3's finalizer with the length mixed in. */
function fmix(h0: number, length: number, m1: number, m2: number): number {
  let h = h0 ^ length;
  h = Math.imul(h ^ (h >>> 16), m1);
  h = Math.imul(h ^ (h >>> 13), m2);
  return h ^ (h >>> 16);
}

export class RowHashes {
  private a = new Int32Array(1 << 16);
  private b = new Int32Array(1 << 16);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /**
   * Appends the hash of `s[start, end)` for the next row. Four characters make one 32-bit word when all are below
   * 256 (the same words that `addAscii` reads from the bytes, so both give the same hash for the same row).
   */
  add(s: string, start: number, end: number): void {
    let h1 = SEED1;
    let h2 = SEED2;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const c0 = s.charCodeAt(i);
      const c1 = s.charCodeAt(i + 1);
      const c2 = s.charCodeAt(i + 2);
      const c3 = s.charCodeAt(i + 3);
      if ((c0 | c1 | c2 | c3) < 256) {
        const w = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
        h1 = lane1(h1, w);
        h2 = lane2(h2, w);
      } else {
        // Beyond Latin-1 (never on the byte path): two words of two characters each.
        const w = c0 | (c1 << 16);
        const v = c2 | (c3 << 16);
        h1 = lane1(lane1(h1, w), v);
        h2 = lane2(lane2(h2, w), v);
      }
    }
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      h1 = lane1(h1, c);
      h2 = lane2(h2, c);
    }
    this.push(h1, h2, end - start);
  }

  /**
   * The same hash as `add` for a row whose characters are the ASCII bytes `bytes[start, end)`: four bytes are one
   * little-endian word, read at once, which is several times faster than `charCodeAt`.
   */
  addAscii(bytes: DataView, start: number, end: number): void {
    let h1 = SEED1;
    let h2 = SEED2;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const w = bytes.getInt32(i, true);
      h1 = lane1(h1, w);
      h2 = lane2(h2, w);
    }
    for (; i < end; i++) {
      const c = bytes.getUint8(i);
      h1 = lane1(h1, c);
      h2 = lane2(h2, c);
    }
    this.push(h1, h2, end - start);
  }

  private push(a1: number, a2: number, length: number): void {
    if (this.n === this.a.length) {
      const a = new Int32Array(this.n * 2);
      a.set(this.a);
      this.a = a;
      const b = new Int32Array(this.n * 2);
      b.set(this.b);
      this.b = b;
    }
    this.a[this.n] = fmix(a1, length, 0x85ebca6b, 0xc2b2ae35);
    this.b[this.n] = fmix(a2, length, 0x7feb352d, 0x846ca68b);
    this.n++;
  }

  /** Row numbers (0-based, in order of `add`) that repeat an earlier row exactly, ascending. */
  duplicates(): Int32Array {
    const n = this.n;
    let key = this.a.subarray(0, n).slice();
    let idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    let key2 = new Int32Array(n);
    let idx2 = new Int32Array(n);
    const count = new Int32Array(256);
    // LSD radix sort by the first lane, 8 bits a pass; stable, so equal keys stay in row order.
    for (let shift = 0; shift < 32; shift += 8) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 255]++;
      let sum = 0;
      for (let d = 0; d < 256; d++) {
        const c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const k = key[i];
        const at = count[(k >>> shift) & 255]++;
        key2[at] = k;
        idx2[at] = idx[i];
      }
      [key, key2] = [key2, key];
      [idx, idx2] = [idx2, idx];
    }
    const dups: number[] = [];
    const b = this.b;
    for (let i = 0; i < n;) {
      let j = i + 1;
      while (j < n && key[j] === key[i]) j++;
      // A run of equal first lanes (almost always one row): a member is a duplicate if an earlier member has the
      // same second lane.
      for (let x = i + 1; x < j; x++) {
        for (let y = i; y < x; y++) {
          if (b[idx[y]] === b[idx[x]]) {
            dups.push(idx[x]);
            break;
          }
        }
      }
      i = j;
    }
    return Int32Array.from(dups).sort();
  }
}
