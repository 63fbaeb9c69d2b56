/**
 * The self-check: the three levels where CLV levers sit (strategy, tactics, operations), the diagnostic questions
 * as data (their texts are UI texts in src/i18n/), the scoring and the "biggest lever" verdict. Pure: no I/O, no UI.
 *
 * Scoring (documented in the README):
 * - an answer scores yes = 1, partly = 0.5, no = 0, don't know = 0 (not knowing is itself an open lever);
 * - a level's score is 100 × the mean score of its answered questions, or null when none is answered;
 * - the biggest lever is the level with the lowest score once every level has at least one answer; ties go to the
 *   level with more open questions, then to the earlier level (strategy, tactics, operations);
 * - a question is open unless it is answered yes.
 */

export const LEVELS = ['strategy', 'tactics', 'operations'] as const;
export type Level = (typeof LEVELS)[number];
export type Answer = 'yes' | 'partly' | 'no' | 'unknown';
export const ANSWERS: readonly Answer[] = ['yes', 'partly', 'no', 'unknown'];
export const POINTS: Record<Answer, number> = { yes: 1, partly: 0.5, no: 0, unknown: 0 };

export type EvidenceKind =
  | 'segmentValue'
  | 'pareto'
  | 'clvVsCac'
  | 'budgetShare'
  | 'handoffs'
  | 'timeToValue'
  | 'firstOrderDropoff'
  | 'reactivation'
  | 'dataJoined'
  | 'dataQuality';

export const QUESTION_IDS = [
  'segmentValue',
  'pareto',
  'clvVsCac',
  'budgetShare',
  'firstOrderDropoff',
  'reactivation',
  'handoffs',
  'timeToValue',
  'dataJoined',
  'dataQuality',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/**
 * A question of the checklist: its id, its level and what the data can show about it. The words (the question,
 * why it matters, the next step when the answer is not yes) are UI texts, keyed by the id (src/i18n/messages/).
 */
export interface Question {
  id: QuestionId;
  level: Level;
  /** What the data can show about it (null: only the user knows). */
  evidence: EvidenceKind | null;
}

export const QUESTIONS: readonly Question[] = [
  { id: 'segmentValue', level: 'strategy', evidence: 'segmentValue' },
  { id: 'pareto', level: 'strategy', evidence: 'pareto' },
  { id: 'clvVsCac', level: 'strategy', evidence: 'clvVsCac' },
  { id: 'budgetShare', level: 'tactics', evidence: 'budgetShare' },
  { id: 'firstOrderDropoff', level: 'tactics', evidence: 'firstOrderDropoff' },
  { id: 'reactivation', level: 'tactics', evidence: 'reactivation' },
  { id: 'handoffs', level: 'operations', evidence: 'handoffs' },
  { id: 'timeToValue', level: 'operations', evidence: 'timeToValue' },
  { id: 'dataJoined', level: 'operations', evidence: 'dataJoined' },
  { id: 'dataQuality', level: 'operations', evidence: 'dataQuality' },
];

/** The six implementation steps of value stream management (a progress checklist, not scored), in order. */
export const IMPLEMENTATION_STEPS = [
  'currentState',
  'mapStream',
  'kpis',
  'toolStack',
  'automation',
  'improve',
] as const;
export type ImplementationStepId = (typeof IMPLEMENTATION_STEPS)[number];

export interface AnswerEntry {
  answer: Answer | null;
  note: string;
}

export type Answers = Record<string, AnswerEntry | undefined>;

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
