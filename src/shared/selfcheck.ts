/**
 * The self-check's checklist as structure: the three levels where CLV levers sit (strategy, tactics, operations),
 * the answers, the questions (each with its level and what the data can show about it) and the implementation
 * steps. Static content that both the UI and the analytics read; no figures (the scoring is in
 * src/analytics/selfcheck.ts, the evidence in src/analytics/evidence.ts) and no words (the texts are UI texts,
 * keyed by these ids, in src/i18n/messages/selfcheck.ts).
 */

export const LEVELS = ['strategy', 'tactics', 'operations'] as const;
export type Level = (typeof LEVELS)[number];
export type Answer = 'yes' | 'partly' | 'no' | 'unknown';
export const ANSWERS: readonly Answer[] = ['yes', 'partly', 'no', 'unknown'];

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

/** The user's answer to a question (null: not answered, or taken back) and the note beside it. */
export interface AnswerEntry {
  answer: Answer | null;
  note: string;
}

/** The answers of a self-check by question id (as stored per workspace). */
export type Answers = Record<string, AnswerEntry | undefined>;
