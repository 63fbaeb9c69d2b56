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
import { de, en, IMPLEMENTATION_STEP_TEXT, QUESTION_TEXT } from '../../src/i18n/messages/selfcheck';

const answers = (a: Record<string, Answer>): Answers =>
  Object.fromEntries(Object.entries(a).map(([id, answer]) => [id, { answer, note: '' }]));

describe('the checklist model', () => {
  it('has German and English texts, a reason and a next step for every question, in all three levels', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    const keys = QUESTIONS.flatMap((q) => [
      QUESTION_TEXT[q.id].text,
      QUESTION_TEXT[q.id].why,
      QUESTION_TEXT[q.id].nextStep,
    ]);
    expect(new Set(keys).size).toBe(3 * QUESTIONS.length);
    for (const k of keys) {
      expect(de[k].length).toBeGreaterThan(10);
      expect(en[k].length).toBeGreaterThan(10);
      expect(de[k]).not.toBe(en[k]);
    }
    expect(LEVELS.map((l) => QUESTIONS.filter((q) => q.level === l).length)).toEqual([3, 3, 4]);
    expect(IMPLEMENTATION_STEPS).toHaveLength(6);
    expect(IMPLEMENTATION_STEPS.map((s) => en[IMPLEMENTATION_STEP_TEXT[s]])).toEqual([
      'Capture the current state',
      'Map the value stream',
      'Define customer-centred KPIs',
      'Integrate the tool stack',
      'Steer with automation',
      'Improve continuously',
    ]);
    expect(de[IMPLEMENTATION_STEP_TEXT.currentState]).toBe('Ist-Zustand erfassen');
  });

  it('words a question and its next step in both languages (the texts the verdict shows)', () => {
    const h = QUESTION_TEXT.handoffs;
    expect(en[h.text]).toBe(
      'Do you know the handoffs a new customer goes through in the first 90 days, and do you keep them few?',
    );
    expect(de[h.text]).toBe(
      'Kennen Sie die Übergaben, die ein Neukunde in den ersten 90 Tagen durchläuft – und halten Sie sie gering?',
    );
    expect(en[h.nextStep]).toMatch(/^Map the value stream of the first 90 days/);
    expect(de[h.nextStep]).toMatch(/^Zeichnen Sie die Wertstromkarte der ersten 90 Tage/);
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
