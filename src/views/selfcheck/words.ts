/** The self-check's recurring words: a question's texts and a level's score as the view writes them. */
import { i18n } from '../../i18n/i18n.svelte';
import { QUESTION_TEXT } from '../../i18n/messages/selfcheck';
import type { QuestionId } from '../../shared/selfcheck';

/** A question's words in the UI language: the question, why it matters, or the next step. */
export const questionText = (id: QuestionId, part: 'text' | 'why' | 'nextStep'): string =>
  i18n.t(QUESTION_TEXT[id][part]);

/** A level's score in whole points, or a dash while none of its questions is answered. */
export const scoreText = (score: number | null): string => (score === null ? '–' : i18n.num(score, 0));
