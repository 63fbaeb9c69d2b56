// The self-check's worker methods, through the merged API: the scores and the biggest lever of a set of answers
// (README: yes 1, partly 1/2, no and don't know 0; a level's score is 100 × the mean over its answered questions;
// the lowest level once every level has an answer, ties: more open questions, then strategy, tactics, operations),
// and the evidence of the value stream map alone. Expected figures are worked out by hand in the comments.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { api } from '../../src/worker/api';
import type { Answer, Answers } from '../../src/shared/selfcheck';
import type { Result } from '../../src/shared/errors';

const answers = (a: Record<string, Answer>): Answers =>
  Object.fromEntries(Object.entries(a).map(([id, answer]) => [id, { answer, note: 'a note' }]));

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('selfCheckScore', () => {
  it('scores each level over its answered questions and names the weakest level', async () => {
    const s = unwrap(
      await api.selfCheckScore(
        answers({
          segmentValue: 'yes', // strategy: (1 + 0) / 2 = 50, clvVsCac unanswered
          pareto: 'no',
          budgetShare: 'partly', // tactics: (0.5 + 0) / 2 = 25, reactivation unanswered
          firstOrderDropoff: 'unknown',
          handoffs: 'yes', // operations: (1 + 1 + 0.5) / 3 = 83.33, dataQuality unanswered
          timeToValue: 'yes',
          dataJoined: 'partly',
        }),
      ),
    );
    expect(s.levels).toEqual([
      { level: 'strategy', score: 50, answered: 2, total: 3, open: ['pareto', 'clvVsCac'] },
      {
        level: 'tactics',
        score: 25,
        answered: 2,
        total: 3,
        open: ['budgetShare', 'firstOrderDropoff', 'reactivation'],
      },
      { level: 'operations', score: 250 / 3, answered: 3, total: 4, open: ['dataJoined', 'dataQuality'] },
    ]);
    // Tactics (25) is the lowest; its open questions by how clearly open: don't know, partly, unanswered.
    expect(s.verdict).toEqual({
      ready: true,
      level: 'tactics',
      score: 25,
      open: ['firstOrderDropoff', 'budgetShare', 'reactivation'],
      first: 'firstOrderDropoff',
    });
  });

  it('breaks a tie of scores by more open questions', async () => {
    // Every level scores 50: strategy 0.5 / 1 with 3 open, tactics (1 + 0) / 2 with 2 open, operations 0.5 / 1
    // with 4 open: operations has the most open questions.
    const s = unwrap(
      await api.selfCheckScore(
        answers({ segmentValue: 'partly', budgetShare: 'yes', firstOrderDropoff: 'no', handoffs: 'partly' }),
      ),
    );
    expect(s.levels.map((l) => [l.score, l.open.length])).toEqual([
      [50, 3],
      [50, 2],
      [50, 4],
    ]);
    expect(s.verdict).toEqual({
      ready: true,
      level: 'operations',
      score: 50,
      open: ['handoffs', 'timeToValue', 'dataJoined', 'dataQuality'],
      first: 'handoffs',
    });
  });

  it('breaks a tie of scores and open questions by the order of the levels', async () => {
    // Strategy 100; tactics (0.5 × 3) / 3 = 50 with 3 open; operations (0 + 1 + 0.5 + 0.5) / 4 = 50 with 3 open.
    const s = unwrap(
      await api.selfCheckScore(
        answers({
          segmentValue: 'yes',
          pareto: 'yes',
          clvVsCac: 'yes',
          budgetShare: 'partly',
          firstOrderDropoff: 'partly',
          reactivation: 'partly',
          handoffs: 'no',
          timeToValue: 'yes',
          dataJoined: 'partly',
          dataQuality: 'partly',
        }),
      ),
    );
    expect(s.levels.map((l) => l.score)).toEqual([100, 50, 50]);
    expect(s.verdict).toEqual({
      ready: true,
      level: 'tactics',
      score: 50,
      open: ['budgetShare', 'firstOrderDropoff', 'reactivation'],
      first: 'budgetShare',
    });
  });

  it('waits for an answer on every level', async () => {
    const s = unwrap(await api.selfCheckScore(answers({ pareto: 'yes' })));
    expect(s.levels.map((l) => l.score)).toEqual([100, null, null]);
    expect(s.verdict).toEqual({ ready: false, missingLevels: ['tactics', 'operations'] });
    const none = unwrap(await api.selfCheckScore({}));
    expect(none.levels.map((l) => [l.answered, l.total])).toEqual([
      [0, 3],
      [0, 3],
      [0, 4],
    ]);
  });
});

describe('selfCheckMapEvidence', () => {
  it('gives the handoffs and time-to-value of the map, and says so when there is none', async () => {
    const map = {
      steps: 4,
      handoffsFirst90Days: 3,
      handoffsTotal: 5,
      timeToValueDays: 2.5,
      leadTimeDays: 15,
    };
    const ev = unwrap(await api.selfCheckMapEvidence(map));
    expect(Object.keys(ev).sort()).toEqual(['handoffs', 'timeToValue']);
    expect(ev.handoffs).toMatchObject({ available: true, values: { first90Days: 3, total: 5, steps: 4 } });
    // Without a dataset there is no median time to the second purchase.
    expect(ev.timeToValue).toMatchObject({
      available: true,
      values: { mapDays: 2.5, leadTimeDays: 15, medianDaysToSecond: null },
    });

    const none = unwrap(await api.selfCheckMapEvidence(null));
    expect(none.handoffs).toMatchObject({ available: false, reason: 'noMap' });
    expect(none.timeToValue).toMatchObject({ available: false, reason: 'noMap' });
  });
});
