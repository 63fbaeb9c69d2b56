/**
 * Exact-duplicate detection without keeping the rows: every row's original text is hashed into two independent
 * 32-bit lanes (64 bits in all), and the pairs are kept in an open-addressing table of one Int32Array (the two
 * lanes side by side, so a probe touches one cache line). Two different rows share both lanes with a probability
 * of about n² / 2⁶⁵ (≈ 3·10⁻⁸ for a million rows). The pair (0, 0) marks an empty slot; a real (0, 0) is stored
 * as (0, 1).
 */
export class RowHashSet {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
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
    if (h1 === 0 && h2 === 0) h2 = 1;
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let i = h1 & mask;
    for (;;) {
      const j = i << 1;
      const a = slots[j];
      const b = slots[j + 1];
      if (a === 0 && b === 0) {
        slots[j] = h1;
        slots[j + 1] = h2;
        if (++this.count * 2 > mask) this.grow();
        return true;
      }
      if (a === h1 && b === h2) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.count = 0;
    for (let j = 0; j < old.length; j += 2)
      if (old[j] !== 0 || old[j + 1] !== 0) this.insert(old[j], old[j + 1]);
  }
}
