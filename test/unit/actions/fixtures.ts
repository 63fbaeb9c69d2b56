// Files the Actions tests share: the hand-made file of five customers and seeded BG/NBD customers as a CSV.
import { dayToIso } from '../../../src/shared/days';
import { simulateBgNbd } from '../btyd/simulate';

/**
 * The hand-made file (customer, date, amount, category); D = 2024-06-30. Its figures are worked out by hand in
 * test/unit/actions/handler.test.ts.
 */
export const HAND_LINES = [
  ['A', '10.01.2022', '100,00', 'Food'],
  ['A', '10.03.2022', '50,00', 'Toys'],
  ['B', '15.01.2023', '200,00', 'Food'],
  ['C', '01.06.2024', '80,00', 'Food'],
  ['C', '30.06.2024', '40,00', 'Toys'],
  ['D', '01.08.2023', '30,00', 'Toys'],
  ['E', '30.06.2024', '60,00', 'Food'],
];
export const HAND_CSV = ['Kunde;Datum;Betrag;Kategorie', ...HAND_LINES.map((l) => l.join(';'))].join('\n');

/**
 * 600 simulated BG/NBD customers (r 1, α 2, the given a and b; spend p 6, q 4, γ 15) as a CSV of customer, date and
 * amount: two years from day 18000, first purchases over the first year.
 */
export function simulatedCsv(a: number, b: number, seed: number): string {
  const occ = simulateBgNbd({
    customers: 600,
    seed,
    r: 1,
    alpha: 2,
    a,
    b,
    p: 6,
    q: 4,
    gamma: 15,
    startDay: 18000,
    birthDays: 52 * 7,
    endDay: 18000 + 104 * 7,
  });
  const rows = ['Kunde;Datum;Betrag'];
  for (let i = 0; i < occ.day.length; i++) {
    const [y, m, d] = dayToIso(occ.day[i]).split('-');
    rows.push(`K${occ.customer[i]};${d}.${m}.${y};${occ.value![i].toFixed(2).replace('.', ',')}`);
  }
  return rows.join('\n');
}
