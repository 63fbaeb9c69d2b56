/** Texts of the self-check: levels, answers, scoring, verdict. */
import type { Texts } from '../texts';

export const de = {
  'sc.title': 'Selbstcheck: Wo liegt Ihr größter Hebel?',
  'sc.intro':
    'Der CLV steuert nichts, solange er nur eine berichtete Zahl ist. Seine größten Hebel liegen auf drei Ebenen: Strategie (welche Kunden bedienen wir?), Taktik (Preise, Bindung, Budget) und Operation (Time-to-Value, Übergaben, Onboarding). Beantworten Sie die Fragen; wo eine offen bleibt, liegt wahrscheinlich der größte ungenutzte Hebel. Ihre eigenen Daten belegen die Antworten, wo sie es können.',
  'sc.print': 'Drucken / PDF',
  'sc.reset': 'Selbstcheck zurücksetzen',
  'sc.confirmReset':
    'Alle Antworten, Notizen, Schritte und Zahlen dieses Selbstchecks löschen? Die Wertstromkarte bleibt erhalten.',
  'sc.noData':
    'Noch kein Datensatz: Sie können die Fragen schon beantworten; die Belege aus Ihren Daten erscheinen nach einem Import.',
  'sc.verdict': 'Ihr größter Hebel',
  'sc.verdictWaiting':
    'Beantworten Sie auf jeder Ebene mindestens eine Frage, um eine Einschätzung zu erhalten. Noch ohne Antwort: {levels}.',
  'sc.verdictAllYes':
    'Alle Fragen sind mit Ja beantwortet. Verbessern Sie weiter kontinuierlich und wiederholen Sie den Selbstcheck jedes Quartal.',
  'sc.verdictLevel': '{level} (Wert {score} von 100)',
  'sc.openQuestions': 'Offene Fragen',
  'sc.unanswered': 'nicht beantwortet',
  'sc.nextStep': 'Nächster Schritt',
  'sc.radar': 'Werte je Ebene',
  'sc.score': 'Wert (0–100)',
  'sc.levelHeader': 'Ebene',
  'sc.answered': 'Beantwortet',
  'sc.answeredOf': '{n} von {total} beantwortet',
  'sc.figures': 'Ihre Zahlen',
  'sc.figuresHint':
    'Diese Zahlen kennen nur Sie; sie bleiben in diesem Browser. Mit ihnen werden die Belege zu Vergleichen.',
  'sc.cac': 'Akquisitionskosten je Neukunde ({currency})',
  'sc.acquisitionShare': 'Budget für Akquisition %',
  'sc.existingShare': 'Budget für Bestandskunden %',
  'sc.level.strategy': 'Strategie',
  'sc.level.tactics': 'Taktik',
  'sc.level.operations': 'Operative Ebene',
  'sc.levelQuestion.strategy': 'Welche Kunden bedienen wir?',
  'sc.levelQuestion.tactics': 'Preise, Kundenbindung und Budgetverteilung',
  'sc.levelQuestion.operations': 'Time-to-Value, Übergaben und Onboarding in den ersten 90 Tagen',
  'sc.answer.yes': 'Ja',
  'sc.answer.partly': 'Teilweise',
  'sc.answer.no': 'Nein',
  'sc.answer.unknown': 'Weiß nicht',
  'sc.clearAnswer': 'Zurücknehmen',
  'sc.why': 'Warum das wichtig ist',
  'sc.note': 'Notiz',
  'sc.evidenceLoading': 'Belege aus Ihren Daten werden berechnet …',
  'sc.steps': 'Einführung des Value-Stream-Managements',
  'sc.stepsHint': 'Die sechs Schritte der Einführung; haken Sie ab, was erledigt ist.',
  'sc.toMap': 'Zur Wertstromkarte',
  'sc.saved': 'In diesem Browser gespeichert ({time}).',
  'sc.notSaved': 'Noch nichts gespeichert.',
  'sc.printContext':
    'Arbeitsbereich „{ws}“ · Datensatz „{ds}“ · Stichtag {asOf}{filters} · erstellt am {today}',
  'sc.scoreAria': 'Wert {score} von 100',
  'sc.marginNote': '100 % = CLV auf Umsatz; gilt auch für die Prognose.',
  'sc.figuresPrint':
    'Akquisitionskosten je Neukunde {cac} · Budget für Akquisition {acq}, für Bestandskunden {ex} · Rohertragsmarge {m}.',
};

export const en: Texts<typeof de> = {
  'sc.title': 'Self-check: where is your biggest lever?',
  'sc.intro':
    'CLV steers nothing while it is only a reported number. Its largest levers sit on three levels: strategy (which customers do we serve?), tactics (pricing, retention, budget) and operations (time-to-value, handoffs, onboarding). Answer the questions; wherever one stays open, the biggest unaddressed lever probably lies there. Your own data backs the answers where it can.',
  'sc.print': 'Print / PDF',
  'sc.reset': 'Reset the self-check',
  'sc.confirmReset':
    'Delete all answers, notes, steps and figures of this self-check? The value stream map stays.',
  'sc.noData':
    'No dataset yet: you can answer the questions now; the evidence from your data appears after an import.',
  'sc.verdict': 'Your biggest lever',
  'sc.verdictWaiting':
    'Answer at least one question on each level to get a verdict. Still without an answer: {levels}.',
  'sc.verdictAllYes':
    'Every question is answered yes. Keep improving continuously and repeat the self-check every quarter.',
  'sc.verdictLevel': '{level} (score {score} of 100)',
  'sc.openQuestions': 'Open questions',
  'sc.unanswered': 'not answered',
  'sc.nextStep': 'Next step',
  'sc.radar': 'Scores by level',
  'sc.score': 'Score (0–100)',
  'sc.levelHeader': 'Level',
  'sc.answered': 'Answered',
  'sc.answeredOf': '{n} of {total} answered',
  'sc.figures': 'Your figures',
  'sc.figuresHint':
    'Only you know these; they stay in this browser. They turn the evidence into comparisons.',
  'sc.cac': 'Acquisition cost per new customer ({currency})',
  'sc.acquisitionShare': 'Budget on acquisition %',
  'sc.existingShare': 'Budget on existing customers %',
  'sc.level.strategy': 'Strategy',
  'sc.level.tactics': 'Tactics',
  'sc.level.operations': 'Operations',
  'sc.levelQuestion.strategy': 'Which customers do we serve?',
  'sc.levelQuestion.tactics': 'Pricing, retention and budget allocation',
  'sc.levelQuestion.operations': 'Time-to-value, handoffs and onboarding in the first 90 days',
  'sc.answer.yes': 'Yes',
  'sc.answer.partly': 'Partly',
  'sc.answer.no': 'No',
  'sc.answer.unknown': "Don't know",
  'sc.clearAnswer': 'Clear',
  'sc.why': 'Why it matters',
  'sc.note': 'Note',
  'sc.evidenceLoading': 'Computing the evidence from your data …',
  'sc.steps': 'Implementing value stream management',
  'sc.stepsHint': 'The six steps of the introduction; tick what is done.',
  'sc.toMap': 'Open the value stream map',
  'sc.saved': 'Saved in this browser ({time}).',
  'sc.notSaved': 'Nothing saved yet.',
  'sc.printContext': 'Workspace "{ws}" · dataset "{ds}" · as of {asOf}{filters} · printed {today}',
  'sc.scoreAria': 'Score {score} of 100',
  'sc.marginNote': '100 % = CLV on revenue; also used by the forecast.',
  'sc.figuresPrint':
    'Acquisition cost per new customer {cac} · budget on acquisition {acq}, on existing customers {ex} · gross margin {m}.',
};
