// The hand-made case shared by the cohort, trend and segment tests: three customers, two channels, one return.
import { FLAG_RETURN, type Lines } from '../../../src/analytics/lines';
import { daysFromCivil } from '../../../src/shared/days';

export const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
};

// [customer, date, amount, channel code]
const ROWS: [number, string, number, number][] = [
  [0, '2024-01-10', 100, 0],
  [0, '2024-02-05', 50, 0],
  [0, '2024-03-20', 30, 1],
  [0, '2024-03-21', -10, 1],
  [1, '2024-01-31', 200, 1],
  [2, '2024-02-15', 80, 0],
  [2, '2024-02-20', 20, 0],
  [2, '2024-04-02', 40, 1],
];

export const LINES: Lines = {
  n: ROWS.length,
  customer: Int32Array.from(ROWS, (r) => r[0]),
  day: Int32Array.from(ROWS, (r) => day(r[1])),
  amount: Float64Array.from(ROWS, (r) => r[2]),
  order: null,
  flags: Uint8Array.from(ROWS, (r) => (r[2] < 0 ? FLAG_RETURN : 0)),
  margin: null,
  codes: { channel: Int32Array.from(ROWS, (r) => r[3]), product: new Int32Array(ROWS.length) },
  dicts: { customer: ['A', 'B', 'C'], channel: ['Web', 'Shop'], product: ['P'] },
};
