// The due-now list through the worker API on simulated BG/NBD customers (seeded): the list holds exactly the
// customers of METRICS "Due now" (x ≥ 1, P(alive) ≥ 0.5, D − last ≥ own rhythm), ranked by P(alive) × expected
// spend, with the model and unit named, and every row of the other lists carries the expected next order date.
import { describe, expect, it } from 'vitest';
import {
  actionsRequest,
  freshDatabasePerTest,
  restoreActionRecordsAfterEach,
  unwrap,
} from '../worker-fixture';
import { api } from '../../../src/worker/api';
import { simulatedCsv } from './fixtures';

freshDatabasePerTest('actions-due');
restoreActionRecordsAfterEach();

describe('due now through the API', () => {
  it('lists the living, overdue repeat customers, ranked by P(alive) × expected spend', async () => {
    const req = await actionsRequest(simulatedCsv(0.8, 2.5, 3));
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
