/**
 * Counts distinct pairs of non-negative int32 values (customer code, day) for the order count of files without an
 * order id. A `Set<number>` of `customer * 2^22 + day` did the same, but a Set holds at most 2^24 (16.7 million)
 * entries, so a large file without order ids failed with a RangeError; this open-addressing table of two typed
 * arrays has no such limit and hashes the integers inline.
 */
export class PairSet {
  /** First value + 1 per slot; 0 marks an empty slot. */
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  private mask = 1023;
  size = 0;

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    return h ^ (h >>> 15);
  }

  /** Adds the pair (a ≥ 0). */
  add(a: number, b: number): void {
    const key = a + 1;
    const firsts = this.firsts;
    const seconds = this.seconds;
    const mask = this.mask;
    for (let i = PairSet.hash(a, b) & mask; ; i = (i + 1) & mask) {
      const f = firsts[i];
      if (f === 0) {
        firsts[i] = key;
        seconds[i] = b;
        // Keep the table at most half full, so that probe runs stay short.
        if (2 * ++this.size > mask) this.grow();
        return;
      }
      if (f === key && seconds[i] === b) return;
    }
  }

  private grow(): void {
    const oldFirsts = this.firsts;
    const oldSeconds = this.seconds;
    const size = oldFirsts.length * 2;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.mask = size - 1;
    for (let j = 0; j < oldFirsts.length; j++) {
      const f = oldFirsts[j];
      if (f === 0) continue;
      const b = oldSeconds[j];
      let i = PairSet.hash(f - 1, b) & this.mask;
      while (this.firsts[i] !== 0) i = (i + 1) & this.mask;
      this.firsts[i] = f;
      this.seconds[i] = b;
    }
  }
}
