/**
 * Calibration summary (METRICS.md, "Predictive CLV": x, t_x, T, m per customer) and the compression of the
 * (x, t_x, T) triples on which the likelihoods and predictions run.
 */

/** Purchase occasions (customer-days) of all customers, sorted by customer, then day. */
export interface Occasions {
  customer: Int32Array;
  /** Integer days since 1970-01-01 UTC. */
  day: Int32Array;
  /** Net value of the occasion (≥ 0), or null when the data has no amounts. */
  value: Float64Array | null;
}

/** Per customer whose first occasion is on or before the calibration end (column-wise, in the same order). */
export interface CalibrationSummary {
  /** Days per time unit: 1 = day, 7 = week. */
  unitDays: number;
  calibrationEndDay: number;
  /** Last day in the data (the end of the holdout period). */
  endDay: number;
  /** Whether the occasions carry values (m is all NaN otherwise). */
  hasValues: boolean;
  customer: Int32Array;
  /** Repeat occasions in the calibration period: occasions − 1. */
  x: Int32Array;
  /** Last − first occasion, in units. */
  tx: Float64Array;
  /** Calibration end − first occasion, in units. */
  T: Float64Array;
  /** Mean value of the calibration repeat occasions (first excluded); NaN unless x > 0 and the mean is > 0. */
  m: Float64Array;
  /** Occasions in (calibration end, end day]. */
  holdout: Int32Array;
  firstDay: Int32Array;
}

/** Summary state of one customer while scanning its occasions. */
interface Scan {
  first: number;
  last: number;
  count: number;
  repeatValue: number;
  holdout: number;
  prevDay: number;
}

/**
 * Builds the calibration summary: x = calibration occasions − 1, t_x = (last − first) / unit,
 * T = (calEnd − first) / unit, m = mean value of the repeat occasions (Fader, Hardie & Lee 2005, "RFM and CLV").
 * Two entries of one customer on the same day are merged into one occasion (values summed).
 */
export function calibrationSummary(
  occ: Occasions,
  calibrationEndDay: number,
  unitDays: number,
): CalibrationSummary {
  const n = occ.customer.length;
  let endDay = -Infinity;
  for (let i = 0; i < n; i++) if (occ.day[i] > endDay) endDay = occ.day[i];
  const out = {
    customer: [] as number[],
    x: [] as number[],
    tx: [] as number[],
    T: [] as number[],
    m: [] as number[],
    holdout: [] as number[],
    firstDay: [] as number[],
  };
  const value = occ.value;
  let i = 0;
  while (i < n) {
    const code = occ.customer[i];
    const s: Scan = {
      first: occ.day[i],
      last: occ.day[i],
      count: 0,
      repeatValue: 0,
      holdout: 0,
      prevDay: NaN,
    };
    for (; i < n && occ.customer[i] === code; i++) {
      const d = occ.day[i];
      const sameDay = d === s.prevDay;
      s.prevDay = d;
      if (d > calibrationEndDay) {
        if (!sameDay) s.holdout++;
        continue;
      }
      if (!sameDay) s.count++;
      s.last = d;
      if (value !== null && s.count > 1) s.repeatValue += value[i];
    }
    if (s.first > calibrationEndDay) continue;
    const x = s.count - 1;
    const mean = x > 0 ? s.repeatValue / x : NaN;
    out.customer.push(code);
    out.x.push(x);
    out.tx.push((s.last - s.first) / unitDays);
    out.T.push((calibrationEndDay - s.first) / unitDays);
    out.m.push(mean > 0 ? mean : NaN);
    out.holdout.push(s.holdout);
    out.firstDay.push(s.first);
  }
  return {
    unitDays,
    calibrationEndDay,
    endDay: n > 0 ? endDay : calibrationEndDay,
    hasValues: value !== null,
    customer: Int32Array.from(out.customer),
    x: Int32Array.from(out.x),
    tx: Float64Array.from(out.tx),
    T: Float64Array.from(out.T),
    m: Float64Array.from(out.m),
    holdout: Int32Array.from(out.holdout),
    firstDay: Int32Array.from(out.firstDay),
  };
}

/**
 * Unique (x, t_x, T) triples with their counts. Besides the triples it indexes the distinct x values, the
 * distinct time values (t_x and T together) and the distinct (x, time) pairs, so that a likelihood evaluates
 * ln Γ(· + x) once per x, ln(α + t) once per time value, and the 2F1 terms once per (x, time) pair.
 */
export interface Triples {
  /** Number of unique triples. */
  count: number;
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  /** Customers per triple. */
  weight: Float64Array;
  /** Customer → triple. */
  index: Int32Array;
  /** Distinct x values and, per triple, the index of its x among them. */
  xLevels: Int32Array;
  xRef: Int32Array;
  /** Distinct values among all t_x and T; per triple, the index of its t_x and of its T among them. */
  times: Float64Array;
  txRef: Int32Array;
  TRef: Int32Array;
  /** Distinct (x, time) pairs as (index into xLevels, index into times); per triple, its (x, t_x) and (x, T) pair. */
  pairX: Int32Array;
  pairTime: Int32Array;
  txPair: Int32Array;
  TPair: Int32Array;
}

/** Interns numbers: returns a dense id per distinct value. */
class Interner {
  readonly values: number[] = [];
  private readonly ids = new Map<number, number>();
  id(v: number): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(v, id);
      this.values.push(v);
    }
    return id;
  }
}

/** Compresses per-customer (x, t_x, T) into unique triples with counts and the index maps of `Triples`. */
export function compress(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): Triples {
  const n = x.length;
  const xs = new Interner();
  const times = new Interner();
  const index = new Int32Array(n);
  // Triple key: (x id, t_x id, T id) packed into one exact integer (ids < 2^17 each; fall back to a string key).
  const byKey = new Map<number | string, number>();
  const tri = { x: [] as number[], tx: [] as number[], T: [] as number[], w: [] as number[] };
  const ref = { x: [] as number[], tx: [] as number[], T: [] as number[] };
  for (let i = 0; i < n; i++) {
    const xi = xs.id(x[i]);
    const ti = times.id(tx[i]);
    const Ti = times.id(T[i]);
    const key =
      xi < 131072 && ti < 131072 && Ti < 131072 ? (xi * 131072 + ti) * 131072 + Ti : `${xi}|${ti}|${Ti}`;
    let k = byKey.get(key);
    if (k === undefined) {
      k = tri.x.length;
      byKey.set(key, k);
      tri.x.push(x[i]);
      tri.tx.push(tx[i]);
      tri.T.push(T[i]);
      tri.w.push(0);
      ref.x.push(xi);
      ref.tx.push(ti);
      ref.T.push(Ti);
    }
    tri.w[k]++;
    index[i] = k;
  }
  const pairs = new Map<number, number>();
  const pairX: number[] = [];
  const pairTime: number[] = [];
  const pairOf = (xi: number, ti: number) => {
    const key = xi * 2 ** 26 + ti;
    let p = pairs.get(key);
    if (p === undefined) {
      p = pairX.length;
      pairs.set(key, p);
      pairX.push(xi);
      pairTime.push(ti);
    }
    return p;
  };
  const count = tri.x.length;
  const txPair = new Int32Array(count);
  const TPair = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    txPair[k] = pairOf(ref.x[k], ref.tx[k]);
    TPair[k] = pairOf(ref.x[k], ref.T[k]);
  }
  return {
    count,
    x: Int32Array.from(tri.x),
    tx: Float64Array.from(tri.tx),
    T: Float64Array.from(tri.T),
    weight: Float64Array.from(tri.w),
    index,
    xLevels: Int32Array.from(xs.values),
    xRef: Int32Array.from(ref.x),
    times: Float64Array.from(times.values),
    txRef: Int32Array.from(ref.tx),
    TRef: Int32Array.from(ref.T),
    pairX: Int32Array.from(pairX),
    pairTime: Int32Array.from(pairTime),
    txPair,
    TPair,
  };
}
