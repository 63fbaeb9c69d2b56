/**
 * A stable argsort of float64 keys by LSD radix sort: eight byte passes over the keys' bits, made order-preserving
 * (negative numbers have all bits flipped, positive ones the sign bit). Passes where every key has the same byte
 * are skipped. For 100k customers this is several times faster than a comparison sort, which matters for the RFM
 * scores and the Pareto figures that sort all customers on every as-of date or filter.
 */
export function argsortFloat64(keys: Float64Array): Uint32Array {
  const n = keys.length;
  // The sortable bits of each key as two 32-bit halves.
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = keys[i] + 0; // -0 → +0, so that 0 and -0 are equal keys
  const words = new Uint32Array(f.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // Little-endian: the low word first.
    const h = words[2 * i + 1];
    const l = words[2 * i];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const count = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = (pass % 4) * 8;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(word[i] >>> shift) & 255]++;
    if (n === 0 || count[(word[0] >>> shift) & 255] === n) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      next[count[(word[i] >>> shift) & 255]++] = i;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
