/**
 * Exact-duplicate detection without keeping the rows: every row's original text is hashed into two independent
 * 32-bit lanes (64 bits in all), and the pairs are kept in an open-addressing table of typed arrays.
 * Two different rows share both lanes with a probability of about n² / 2⁶⁵ (≈ 3·10⁻⁸ for a million rows).
 */
export class RowHashSet {
  private a: Int32Array;
  private b: Int32Array;
  private used: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the text `s[start, end)`; returns false when the same text was added before. */
  addRange(s: string, start: number, end: number): boolean {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995);
    }
    h1 ^= end - start;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
    h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
    h1 ^= h1 >>> 16;
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0x7feb352d);
    h2 = Math.imul(h2 ^ (h2 >>> 15), 0x846ca68b);
    h2 ^= h2 >>> 16;
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    let i = h1 & this.mask;
    for (;;) {
      if (!this.used[i]) {
        this.used[i] = 1;
        this.a[i] = h1;
        this.b[i] = h2;
        if (++this.count * 2 > this.mask) this.grow();
        return true;
      }
      if (this.a[i] === h1 && this.b[i] === h2) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const { a, b, used } = this;
    const cap = (this.mask + 1) * 2;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.insert(a[i], b[i]);
  }
}
