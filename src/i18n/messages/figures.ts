/** Texts of "your figures" (CAC, margin, budget split), of number fields and of the questions about unlikely values. */
import type { Texts } from '../texts';
import type { NumberProblem } from '../number-input';
import type { QuestionId } from '../../shared/plausibility';

export const de = {
  'fig.title': 'Ihre Zahlen',
  'fig.hint':
    'Zahlen, die nur Sie kennen. Sie gelten für diesen Arbeitsbereich in allen Ansichten (Überblick, Prognose, Selbstcheck) und werden nur in diesem Browser gespeichert.',
  'fig.cac': 'Akquisitionskosten je Neukunde (CAC, {currency})',
  'fig.margin': 'Rohertragsmarge %',
  'fig.acquisitionShare': 'Budgetanteil für Neukundengewinnung %',
  'fig.existingShare': 'Budgetanteil für Bestandskunden %',
  'fig.marginDefault': 'Keine Marge eingetragen: gerechnet mit 100 %, also auf Umsatz statt Rohertrag.',
  'fig.cacDefault': 'Keine CAC eingetragen: gerechnet mit 0 €.',
  'fig.cacUsed': 'abzüglich der eingetragenen CAC von {cac}',
  'fig.setHere': 'In „Ihre Zahlen“ eintragen',
  'fig.editHere': 'Ändern unter „Ihre Zahlen“',
  'fig.problem.invalid': 'Keine Zahl. Schreiben Sie z. B. {example}.',
  'fig.problem.wrongDecimal': 'Unklar: Im Deutschen trennt das Komma die Dezimalstellen.',
  'fig.problem.negative': 'Bitte keine negative Zahl.',
  'fig.problem.tooSmall': 'Die Zahl ist zu klein (mindestens {min}).',
  'fig.problem.tooLarge': 'Die Zahl ist zu groß (höchstens {max}).',
  'fig.meant': 'Meinten Sie {value}?',
  'fig.useValue': '{value} übernehmen',
  'fig.q.cacTiny': 'CAC von {value} ist weniger als 1 % des CLV ({clv}). Stimmt das?',
  'fig.q.cacBelowOne': 'CAC unter 1 ({value}) je Neukunde? Bitte prüfen.',
  'fig.q.marginZero': 'Eine Marge von 0 % macht jeden CLV auf Rohertrag zu 0. Stimmt das?',
  'fig.q.marginFull': '100 % Marge heißt: CLV auf Umsatz, nicht auf Rohertrag. Ist das Ihre Rohertragsmarge?',
  'fig.q.marginFraction': 'Eine Marge von {value} %? Anteile bitte in Prozent eingeben.',
  'fig.q.discountHigh': 'Über 10 % Abzinsung pro Monat sind mehr als 120 % im Jahr. Ist das ein Jahreszins?',
  'fig.q.budgetOver100': 'Beide Budgetanteile zusammen ergeben mehr als 100 %. Stimmt das?',
  'fig.download': 'Als Datei speichern (für den Bericht: npm run report -- --figures)',
  'fig.fileName': 'ihre-zahlen.json',
};

export const en: Texts<typeof de> = {
  'fig.title': 'Your figures',
  'fig.hint':
    'Figures only you know. They apply to this workspace in every view (Overview, Forecast, Self-check) and are kept in this browser only.',
  'fig.cac': 'Acquisition cost per new customer (CAC, {currency})',
  'fig.margin': 'Gross margin %',
  'fig.acquisitionShare': 'Budget share for winning new customers %',
  'fig.existingShare': 'Budget share for existing customers %',
  'fig.marginDefault': 'No margin entered: computed with 100 %, i.e. on revenue, not gross margin.',
  'fig.cacDefault': 'No CAC entered: computed with 0.',
  'fig.cacUsed': 'minus the CAC entered, {cac}',
  'fig.setHere': 'Enter it in “Your figures”',
  'fig.editHere': 'Change it in “Your figures”',
  'fig.problem.invalid': 'Not a number. Write, for example, {example}.',
  'fig.problem.wrongDecimal': 'Unclear: in English the point separates the decimals.',
  'fig.problem.negative': 'Please no negative number.',
  'fig.problem.tooSmall': 'The number is too small (at least {min}).',
  'fig.problem.tooLarge': 'The number is too large (at most {max}).',
  'fig.meant': 'Did you mean {value}?',
  'fig.useValue': 'Use {value}',
  'fig.q.cacTiny': 'A CAC of {value} is less than 1 % of the CLV ({clv}). Is that right?',
  'fig.q.cacBelowOne': 'A CAC below 1 ({value}) per new customer? Please check.',
  'fig.q.marginZero': 'A margin of 0 % makes every CLV on margin 0. Is that right?',
  'fig.q.marginFull':
    'A 100 % margin means the CLV on revenue, not on gross margin. Is that your gross margin?',
  'fig.q.marginFraction': 'A margin of {value} %? Please enter shares as percentages.',
  'fig.q.discountHigh': 'Over 10 % discount a month is more than 120 % a year. Is that a yearly rate?',
  'fig.q.budgetOver100': 'The two budget shares add up to more than 100 %. Is that right?',
  'fig.download': 'Save as a file (for the report: npm run report -- --figures)',
  'fig.fileName': 'your-figures.json',
};

type Key = keyof typeof de;

/** Why a typed number was refused. */
export const NUMBER_PROBLEM: Record<NumberProblem, Key> = {
  invalid: 'fig.problem.invalid',
  wrongDecimal: 'fig.problem.wrongDecimal',
  negative: 'fig.problem.negative',
  tooSmall: 'fig.problem.tooSmall',
  tooLarge: 'fig.problem.tooLarge',
};

/** The question about an unlikely figure. */
export const QUESTION_TEXT: Record<QuestionId, Key> = {
  cacTiny: 'fig.q.cacTiny',
  cacBelowOne: 'fig.q.cacBelowOne',
  marginZero: 'fig.q.marginZero',
  marginFull: 'fig.q.marginFull',
  marginFraction: 'fig.q.marginFraction',
  discountHigh: 'fig.q.discountHigh',
  budgetOver100: 'fig.q.budgetOver100',
};
