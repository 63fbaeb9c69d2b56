/**
 * Questions about figures that are possible but unlikely: the app asks next to the field instead of computing on
 * silently. Pure; the words are in src/i18n/messages/figures.ts (`fig.q.<id>`).
 *
 * The rules:
 * - CAC: below 1 % of the CLV the figures are compared with (a CLV of 1.000 € and a CAC of 1,25 €), the question
 *   suggests the CAC × 1000 (a thousands point read as a decimal point) when that lies between 1 % and 10 × the
 *   CLV; a CAC above 0 and below 1 (currency unit) is asked about without a CLV, too.
 * - Gross margin (percent): exactly 0 (every CLV on margin is 0), exactly 100 (the CLV is revenue, not margin), or
 *   above 0 and below 1 (a share typed for a percentage: 0,25 meant as 25 %, suggested).
 * - Monthly discount rate (percent): above 10 % a month (over 120 % a year; the yearly rate / 12 is suggested).
 * - Budget split (percent): acquisition and existing customers together above 100 %.
 * - Target LTV:CAC: below 1 (winning a customer may cost more than the customer brings).
 */

export type FigureField =
  'cac' | 'marginPercent' | 'discountPercent' | 'acquisitionShare' | 'existingShare' | 'targetLtvToCac';

export type QuestionId =
  | 'cacTiny'
  | 'cacBelowOne'
  | 'marginZero'
  | 'marginFull'
  | 'marginFraction'
  | 'discountHigh'
  | 'budgetOver100'
  | 'targetBelowOne';

export interface Question {
  id: QuestionId;
  /** A value the user probably meant, if there is one. */
  suggestion?: number;
}

export interface PlausibilityContext {
  /** The CLV the CAC is compared with (e.g. the historic CLV per customer), if known. */
  clv?: number | null;
  /** The other share of the budget split, for the sum check. */
  otherShare?: number | null;
}

export function plausibilityQuestion(
  field: FigureField,
  value: number | null,
  ctx: PlausibilityContext = {},
): Question | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (field) {
    case 'cac': {
      const clv = ctx.clv ?? null;
      if (value > 0 && clv !== null && clv > 0 && value < 0.01 * clv) {
        const times = value * 1000;
        return times >= 0.01 * clv && times <= 10 * clv
          ? { id: 'cacTiny', suggestion: times }
          : { id: 'cacTiny' };
      }
      if (value > 0 && value < 1) return { id: 'cacBelowOne' };
      return null;
    }
    case 'marginPercent':
      if (value === 0) return { id: 'marginZero' };
      if (value === 100) return { id: 'marginFull' };
      if (value > 0 && value < 1) return { id: 'marginFraction', suggestion: value * 100 };
      return null;
    case 'discountPercent':
      return value > 10 ? { id: 'discountHigh', suggestion: value / 12 } : null;
    case 'acquisitionShare':
    case 'existingShare': {
      const other = ctx.otherShare ?? null;
      return other !== null && value + other > 100 ? { id: 'budgetOver100' } : null;
    }
    case 'targetLtvToCac':
      return value < 1 ? { id: 'targetBelowOne' } : null;
  }
}
