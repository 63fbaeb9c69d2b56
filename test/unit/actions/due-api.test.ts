// The due-now list through the worker API on simulated BG/NBD customers (seeded): the list holds exactly the
// customers of METRICS "Due now" (x ≥ 1, P(alive) ≥ 0.5, D − last ≥ own rhythm), ranked by P(alive) × expected
// spend, with the model and unit named, and every row of the other lists carries the expected next order date.
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest, importCsv, unwrap } from '../worker-fixture';
import { api } from '../../../src/worker/api';
import { actionRecords } from '../../../src/worker/action-lists';
import { EMPTY_FIGURES } from '../../../src/shared/figures';
import { dayToIso } from '../../../src/shared/days';
import { simulateBgNbd } from '../btyd/simulate';

freshDatabasePerTest('actions-due');
const original = { ...actionRecords };
afterEach(() => Object.assign(actionRecords, original));

function csv(): string {
  const occ = simulateBgNbd({
    customers: 600,
    seed: 3,
    r: 1,
    alpha: 2,
    a: 0.8,
    b: 2.5,
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

describe('due now through the API', () => {
  it('lists the living, overdue repeat customers, ranked by P(alive) × expected spend', async () => {
    actionRecords.master = async () => null;
    const ds = await importCsv(csv());
    const req = { datasetId: ds.id, figures: EMPTY_FIGURES };
    const due = unwrap(await api.actionRows({ ...req, query: { list: 'due' } }));
    expect(due.summary).toMatchObject({ unavailable: null, model: 'bgnbd', unit: 'week', withSpend: true });
    expect(due.total).toBeGreaterThan(10);
    for (const r of due.rows) {
      expect(r.orders).toBeGreaterThanOrEqual(2);
      expect(r.pAlive!).toBeGreaterThanOrEqual(0.5);
      expect(r.daysSinceLast).toBeGreaterThanOrEqual(r.rhythmDays! - 1e-9);
      expect(r.expectedNext).not.toBeNull();
    }
    for (let i = 1; i < due.rows.length; i++)
      expect(due.rows[i - 1].value).toBeGreaterThanOrEqual(due.rows[i].value);
    // Every customer with P(alive) ≥ 0.5 and overdue is on it: check against all customers' rows by hand rule.
    const all = unwrap(await api.actionRows({ ...req, query: { list: 'reactivation', inactiveMonths: 0 } }));
    const expected = all.rows
      .filter((r) => r.orders >= 2 && r.pAlive! >= 0.5 && r.daysSinceLast >= r.rhythmDays! - 1e-9)
      .map((r) => r.id)
      .sort();
    expect(due.rows.map((r) => r.id).sort()).toEqual(expected);
  });
});
