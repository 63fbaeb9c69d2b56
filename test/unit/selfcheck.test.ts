import { describe, expect, it } from 'vitest';
import {
  biggestLever,
  IMPLEMENTATION_STEPS,
  LEVELS,
  levelScores,
  QUESTIONS,
  type Answer,
  type Answers,
} from '../../src/analytics/selfcheck';

const answers = (a: Record<string, Answer>): Answers =>
  Object.fromEntries(Object.entries(a).map(([id, answer]) => [id, { answer, note: '' }]));

describe('the checklist model', () => {
  it('has German and English texts, a reason and a next step for every question, in all three levels', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS)
      for (const t of [q.text, q.why, q.nextStep]) {
        expect(t.de.length).toBeGreaterThan(10);
        expect(t.en.length).toBeGreaterThan(10);
        expect(t.de).not.toBe(t.en);
      }
    expect(LEVELS.map((l) => QUESTIONS.filter((q) => q.level === l).length)).toEqual([3, 3, 4]);
    expect(IMPLEMENTATION_STEPS).toHaveLength(6);
  });
});

describe('scoring and the biggest lever', () => {
  it('scores a full hand-made answer set exactly and picks the weakest level', () => {
    const a = answers({
      segmentValue: 'yes', // strategy: (1 + 0.5 + 0) / 3 = 50
      pareto: 'partly',
      clvVsCac: 'no',
      budgetShare: 'yes', // tactics: (1 + 1 + 0.5) / 3 = 83.33
      firstOrderDropoff: 'yes',
      reactivation: 'partly',
      handoffs: 'no', // operations: (0 + 0 + 1 + 0.5) / 4 = 37.5
      timeToValue: 'unknown',
      dataJoined: 'yes',
      dataQuality: 'partly',
    });
    const s = levelScores(a);
    expect(s.map((x) => x.score)).toEqual([50, 250 / 3, 37.5]);
    expect(s.map((x) => x.answered)).toEqual([3, 3, 4]);
    expect(s[0].open).toEqual(['pareto', 'clvVsCac']);
    const v = biggestLever(a);
    expect(v).toEqual({
      ready: true,
      level: 'operations',
      score: 37.5,
      open: ['handoffs', 'timeToValue', 'dataQuality'], // no, don't know, partly
      first: 'handoffs',
    });
  });

  it('scores only answered questions and waits for one answer per level', () => {
    const a = answers({ segmentValue: 'partly', pareto: 'no' });
    const s = levelScores(a);
    expect(s[0]).toMatchObject({
      score: 25,
      answered: 2,
      total: 3,
      open: ['segmentValue', 'pareto', 'clvVsCac'],
    });
    expect(s[1].score).toBeNull();
    expect(biggestLever(a)).toEqual({ ready: false, missingLevels: ['tactics', 'operations'] });
    expect(biggestLever({})).toEqual({ ready: false, missingLevels: ['strategy', 'tactics', 'operations'] });
  });

  it('breaks a tie by the number of open questions, then by the order of the levels', () => {
    // strategy 0 with 3 open (one no, two unanswered); tactics 0 with 2 open; operations 100.
    const a = answers({
      segmentValue: 'no',
      budgetShare: 'no',
      firstOrderDropoff: 'no',
      reactivation: 'yes',
      handoffs: 'yes',
    });
    const v = biggestLever(a);
    expect(v).toMatchObject({ ready: true, level: 'strategy', score: 0, first: 'segmentValue' });
    // Same scores and open counts: the earlier level wins.
    const b = answers({
      segmentValue: 'no',
      pareto: 'yes',
      clvVsCac: 'yes',
      budgetShare: 'no',
      firstOrderDropoff: 'yes',
      reactivation: 'yes',
      handoffs: 'yes',
    });
    expect(levelScores(b).map((x) => x.score)).toEqual([200 / 3, 200 / 3, 100]);
    expect(biggestLever(b)).toMatchObject({ level: 'strategy', open: ['segmentValue'] });
  });

  it('treats "don\'t know" as open with no points, and all yes as a level without open questions', () => {
    const all = answers(Object.fromEntries(QUESTIONS.map((q) => [q.id, 'yes'])) as Record<string, Answer>);
    expect(levelScores(all).map((x) => x.score)).toEqual([100, 100, 100]);
    expect(biggestLever(all)).toMatchObject({ ready: true, level: 'strategy', open: [], first: null });
    const unknown = answers({ segmentValue: 'unknown', budgetShare: 'yes', handoffs: 'yes' });
    expect(biggestLever(unknown)).toMatchObject({ level: 'strategy', score: 0, first: 'segmentValue' });
  });
});
