/**
 * A string dictionary for the import's hot loop: each distinct string gets the next code (0, 1, 2 …).
 *
 * Every cell that Papa hands over is a fresh string, so a `Map` has to hash it anew on each lookup through a slow
 * generic path; this was the single most expensive line of a million-row import. Here the hash is computed inline
 * over the characters (FNV-1a) and looked up in an open-addressing table of codes, and the candidate is compared
 * with `===` (content equality). Typical keys (ids, article numbers, countries) are short, so the loop is short.
 */
export class StringDict {
  /** The strings by code. */
  readonly values: string[] = [];
  private hashes = new Int32Array(64);
  /** Code + 1 per slot; 0 marks an empty slot. */
  private slots = new Int32Array(64);
  private mask = 63;

  get size(): number {
    return this.values.length;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h ^ (h >>> 15);
  }

  /** The code of `s`, or -1. */
  get(s: string): number {
    const h = StringDict.hash(s);
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const c = slots[i];
      if (c === 0) return -1;
      if (this.hashes[i] === h && this.values[c - 1] === s) return c - 1;
    }
  }

  /** The code of `s`, adding it when it is new. */
  code(s: string): number {
    const h = StringDict.hash(s);
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const c = slots[i];
      if (c === 0) break;
      if (this.hashes[i] === h && this.values[c - 1] === s) return c - 1;
    }
    const code = this.values.length;
    this.values.push(s);
    slots[i] = code + 1;
    this.hashes[i] = h;
    // Keep the table at most half full, so that probe runs stay short.
    if (2 * this.values.length > mask) this.grow();
    return code;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const size = oldSlots.length * 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      const c = oldSlots[j];
      if (c === 0) continue;
      const h = oldHashes[j];
      let i = h & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = c;
      this.hashes[i] = h;
    }
  }
}
