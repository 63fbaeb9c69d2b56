/**
 * The self-check's figures: the scoring of the answers per level and the "biggest lever" verdict, over the
 * checklist of src/shared/selfcheck.ts (the questions as data; their texts are UI texts in src/i18n/). Pure: no I/O,
 * no UI. The worker computes them (src/worker/handlers/selfcheck.ts) and hands them to the view ready to draw.
 *
 * Scoring (documented in the README):
 * - an answer scores yes = 1, partly = 0.5, no = 0, don't know = 0 (not knowing is itself an open lever);
 * - a level's score is 100 × the mean score of its answered questions, or null when none is answered;
 * - the biggest lever is the level with the lowest score once every level has at least one answer; ties go to the
 *   level with more open questions, then to the earlier level (strategy, tactics, operations);
 * - a question is open unless it is answered yes.
 */

import {
  LEVELS,
  QUESTIONS,
  type Answer,
  type Answers,
  type Level,
  type QuestionId,
} from '../shared/selfcheck';

// The checklist's structure (levels, answers, questions, implementation steps) lives in src/shared/selfcheck.ts,
// where the UI reads it too; it is re-exported here beside the scoring that works on it.
export {
  ANSWERS,
  IMPLEMENTATION_STEPS,
  LEVELS,
  QUESTION_IDS,
  QUESTIONS,
  type Answer,
  type AnswerEntry,
  type Answers,
  type EvidenceKind,
  type ImplementationStepId,
  type Level,
  type Question,
  type QuestionId,
} from '../shared/selfcheck';

export const POINTS: Record<Answer, number> = { yes: 1, partly: 0.5, no: 0, unknown: 0 };

export interface LevelScore {
  level: Level;
  /** 0..100, or null when no question of the level is answered. */
  score: number | null;
  answered: number;
  total: number;
  /** Ids of the questions not answered yes (unanswered included), in checklist order. */
  open: QuestionId[];
}

export function levelScores(answers: Answers): LevelScore[] {
  return LEVELS.map((level) => {
    const qs = QUESTIONS.filter((q) => q.level === level);
    let sum = 0;
    let answered = 0;
    const open: QuestionId[] = [];
    for (const q of qs) {
      const a = answers[q.id]?.answer ?? null;
      if (a !== null) {
        answered++;
        sum += POINTS[a];
      }
      if (a !== 'yes') open.push(q.id);
    }
    return { level, score: answered ? (100 * sum) / answered : null, answered, total: qs.length, open };
  });
}

/** Open questions first by how clearly they are open: no, don't know, partly, unanswered. */
const OPENNESS: Record<Answer | 'none', number> = { no: 0, unknown: 1, partly: 2, none: 3, yes: 4 };

export type Verdict =
  | { ready: false; missingLevels: Level[] }
  | {
      ready: true;
      level: Level;
      score: number;
      /** Open questions of the level, most clearly open first. */
      open: QuestionId[];
      /** The question whose next step the verdict proposes. */
      first: QuestionId | null;
    };

export function biggestLever(answers: Answers): Verdict {
  const scores = levelScores(answers);
  const missing = scores.filter((s) => s.score === null).map((s) => s.level);
  if (missing.length) return { ready: false, missingLevels: missing };
  const weakest = [...scores].sort(
    (a, b) =>
      a.score! - b.score! ||
      b.open.length - a.open.length ||
      LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level),
  )[0];
  const open = [...weakest.open].sort(
    (x, y) =>
      OPENNESS[answers[x]?.answer ?? 'none'] - OPENNESS[answers[y]?.answer ?? 'none'] ||
      weakest.open.indexOf(x) - weakest.open.indexOf(y),
  );
  return { ready: true, level: weakest.level, score: weakest.score!, open, first: open[0] ?? null };
}
