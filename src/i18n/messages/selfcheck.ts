/** Texts of the self-check: levels, answers, scoring, verdict. */
import type { Answer, ImplementationStepId, Level, QuestionId } from '../../shared/selfcheck';
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
  'sc.figuresPrint':
    'Akquisitionskosten je Neukunde {cac} · Budget für Akquisition {acq}, für Bestandskunden {ex} · Rohertragsmarge {m}.',
  // The checklist (src/shared/selfcheck.ts): per question the question, why it matters, the next step.
  'sc.q.segmentValue':
    'Können Sie beziffern, welche Kunden welchen Wert schaffen – nach Segmenten statt im Durchschnitt?',
  'sc.q.segmentValue.why':
    'Ein Durchschnitt verdeckt, dass wenige Segmente den Großteil des Werts tragen; ohne Segmentsicht fließen Budget und Aufmerksamkeit gleichmäßig statt dorthin, wo Wert entsteht.',
  'sc.q.segmentValue.next':
    'Ordnen Sie jedem Kunden ein Segment zu (RFM in der Kundenansicht genügt für den Anfang) und berichten Sie Umsatz und Marge je Segment monatlich.',
  'sc.q.pareto': 'Wissen Sie, welche Kunden zu den 20 % gehören, die den Großteil Ihres Werts bringen?',
  'sc.q.pareto.why':
    'Wenn der Wert stark konzentriert ist, entscheidet die Bindung weniger Kunden über das Ergebnis; wer sie nicht namentlich kennt, kann sie nicht gezielt halten.',
  'sc.q.pareto.next':
    'Exportieren Sie die Top-20-%-Liste, geben Sie jedem dieser Kunden einen Verantwortlichen und planen Sie einen persönlichen Kontakt pro Quartal.',
  'sc.q.clvVsCac':
    'Kennen Sie das CLV-Potenzial Ihrer Bestandskunden im Verhältnis zu Ihren Akquisitionskosten?',
  'sc.q.clvVsCac.why':
    'Erst das Verhältnis von künftigem Kundenwert zu Akquisitionskosten zeigt, ob Wachstum durch Neukunden Geld verdient oder verbrennt.',
  'sc.q.clvVsCac.next':
    'Tragen Sie Ihre Akquisitionskosten je Neukunde (CAC) ein und vergleichen Sie sie mit dem prognostizierten CLV; unter 3 : 1 lohnt es, die Akquisition zu prüfen.',
  'sc.q.budgetShare':
    'Entspricht Ihre Budgetverteilung zwischen Akquisition und Bestandskunden deren Anteil am Umsatz?',
  'sc.q.budgetShare.why':
    'Typisch sind 70 % des Budgets für Akquisition und 10 % für Bestandskunden, die aber über 80 % des Umsatzes bringen – hier liegt oft der schnellste Hebel.',
  'sc.q.budgetShare.next':
    'Verschieben Sie testweise einen Teil des Akquisitionsbudgets in Bindung und Reaktivierung und messen Sie den Umsatz der Bestandskunden im Folgequartal.',
  'sc.q.firstOrderDropoff':
    'Wissen Sie, wie viele Kunden nach der ersten Bestellung aufhören – und wirken Sie dem gezielt entgegen?',
  'sc.q.firstOrderDropoff.why':
    'Der Schritt vom ersten zum zweiten Kauf ist der größte Verlustpunkt im Kundenleben; jeder gehaltene Erstkäufer vervielfacht seinen Wert.',
  'sc.q.firstOrderDropoff.next':
    'Richten Sie eine Folgekommunikation für Erstkäufer in den ersten 30 Tagen ein (Dank, Nutzungstipps, Angebot zum zweiten Kauf) und verfolgen Sie die Kohorten-Quote in Monat 1 bis 3.',
  'sc.q.reactivation': 'Ist die Reaktivierung inaktiver Kunden ein fester Prozess?',
  'sc.q.reactivation.why':
    'Inaktive Kunden kennen Sie bereits; sie zurückzugewinnen kostet meist einen Bruchteil einer Neukundengewinnung.',
  'sc.q.reactivation.next':
    'Legen Sie einen monatlichen Lauf fest: Kunden ohne Kauf seit 12 Monaten, nach früherem Umsatz sortiert, mit einem persönlichen Angebot ansprechen.',
  'sc.q.handoffs':
    'Kennen Sie die Übergaben, die ein Neukunde in den ersten 90 Tagen durchläuft – und halten Sie sie gering?',
  'sc.q.handoffs.why':
    'Jede Übergabe zwischen Personen oder Teams kostet Zeit und Information; in der Anlaufphase entscheidet sie, ob der Kunde den versprochenen Wert erlebt.',
  'sc.q.handoffs.next':
    'Zeichnen Sie die Wertstromkarte der ersten 90 Tage und legen Sie für jeden Neukunden einen durchgehenden Ansprechpartner fest.',
  'sc.q.timeToValue': 'Kennen Sie Ihre Time-to-Value – die Zeit, bis ein Neukunde den ersten Nutzen hat?',
  'sc.q.timeToValue.why':
    'Je länger ein Kunde auf den ersten Nutzen wartet, desto eher zweifelt er an seiner Entscheidung und kauft nicht wieder.',
  'sc.q.timeToValue.next':
    'Messen Sie die Zeit von der Bestellung bis zum ersten Nutzen und kürzen Sie die längste Wartezeit auf diesem Weg.',
  'sc.q.dataJoined':
    'Sind Stamm-, Transaktions-, Vertrags- und Interaktionsdaten in einem Kundenprofil zusammengeführt?',
  'sc.q.dataJoined.why':
    'Getrennte Datentöpfe führen zu widersprüchlichen Zahlen und verhindern, dass Vertrieb, Service und Marketing denselben Kunden sehen.',
  'sc.q.dataJoined.next':
    'Legen Sie eine eindeutige Kundennummer über alle Systeme fest und führen Sie wenigstens Bestellungen, Kanal und Region in einem Export zusammen.',
  'sc.q.dataQuality': 'Werden Dubletten entfernt, Formate vereinheitlicht und Pflichtfelder geprüft?',
  'sc.q.dataQuality.why':
    'Jede Kennzahl ist nur so gut wie die Daten darunter; fehlende Kundennummern und Dubletten verfälschen Kundenwert und Segmente.',
  'sc.q.dataQuality.next':
    'Machen Sie die Kundennummer zum Pflichtfeld in Kasse und Shop und prüfen Sie den Export monatlich mit der Importzusammenfassung.',
  // The six implementation steps of value stream management.
  'sc.step.currentState': 'Ist-Zustand erfassen',
  'sc.step.mapStream': 'Wertstrom abbilden',
  'sc.step.kpis': 'Kundenzentrierte KPIs definieren',
  'sc.step.toolStack': 'Tool-Stack integrieren',
  'sc.step.automation': 'Mit Automatisierung steuern',
  'sc.step.improve': 'Kontinuierlich verbessern',
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
  'sc.figuresPrint':
    'Acquisition cost per new customer {cac} · budget on acquisition {acq}, on existing customers {ex} · gross margin {m}.',
  // The checklist (src/shared/selfcheck.ts): per question the question, why it matters, the next step.
  'sc.q.segmentValue':
    'Can you quantify which customers create which value, by segment rather than as an average?',
  'sc.q.segmentValue.why':
    'An average hides that a few segments carry most of the value; without a segment view, budget and attention are spread evenly instead of going where value is created.',
  'sc.q.segmentValue.next':
    'Give every customer a segment (RFM in the Customers view is enough to start) and report revenue and margin per segment every month.',
  'sc.q.pareto': 'Do you know which customers are the 20 % who bring most of your value?',
  'sc.q.pareto.why':
    'When value is concentrated, keeping a few customers decides the result; if you cannot name them, you cannot look after them on purpose.',
  'sc.q.pareto.next':
    'Export the top-20 % list, give each of these customers an owner and plan a personal contact every quarter.',
  'sc.q.clvVsCac':
    'Do you know the CLV potential of your existing customers relative to what you spend on acquisition?',
  'sc.q.clvVsCac.why':
    'Only the ratio of future customer value to acquisition cost shows whether growth through new customers earns money or burns it.',
  'sc.q.clvVsCac.next':
    'Enter your acquisition cost per new customer (CAC) and compare it with the predicted CLV; below 3 : 1, review the acquisition spend.',
  'sc.q.budgetShare':
    'Does your budget split between acquisition and existing customers match their share of revenue?',
  'sc.q.budgetShare.why':
    'A typical pattern is 70 % of the budget on acquisition and 10 % on existing customers, who bring over 80 % of the revenue; this is often the quickest lever.',
  'sc.q.budgetShare.next':
    'Move part of the acquisition budget to retention and reactivation as a test and measure the revenue of existing customers in the following quarter.',
  'sc.q.firstOrderDropoff':
    'Do you know how many customers stop after the first order, and do you act on it?',
  'sc.q.firstOrderDropoff.why':
    'The step from the first to the second purchase is where most customers are lost; every first-time buyer who stays multiplies their value.',
  'sc.q.firstOrderDropoff.next':
    'Set up a follow-up for first-time buyers in their first 30 days (thanks, tips, an offer for the second purchase) and track the cohort rate in months 1 to 3.',
  'sc.q.reactivation': 'Is reactivation of inactive customers a standing process?',
  'sc.q.reactivation.why':
    'You already know your inactive customers; winning them back usually costs a fraction of winning a new one.',
  'sc.q.reactivation.next':
    'Set up a monthly run: customers without a purchase for 12 months, sorted by their past revenue, contacted with a personal offer.',
  'sc.q.handoffs':
    'Do you know the handoffs a new customer goes through in the first 90 days, and do you keep them few?',
  'sc.q.handoffs.why':
    'Every handoff between people or teams costs time and information; in the first weeks it decides whether the customer experiences the promised value.',
  'sc.q.handoffs.next':
    'Map the value stream of the first 90 days and give every new customer one contact person from start to finish.',
  'sc.q.timeToValue': 'Do you know your time-to-value, the time until a new customer gets the first benefit?',
  'sc.q.timeToValue.why':
    'The longer a customer waits for the first benefit, the more likely they doubt their decision and do not buy again.',
  'sc.q.timeToValue.next':
    'Measure the time from the order to the first benefit and cut the longest wait on that way.',
  'sc.q.dataJoined': 'Are master, transaction, contract and interaction data joined in one customer profile?',
  'sc.q.dataJoined.why':
    'Separate data silos give conflicting figures and keep sales, service and marketing from seeing the same customer.',
  'sc.q.dataJoined.next':
    'Agree on one customer number across all systems and join at least orders, channel and region in one export.',
  'sc.q.dataQuality': 'Are duplicates removed, formats unified and mandatory fields validated?',
  'sc.q.dataQuality.why':
    'Every figure is only as good as the data underneath; missing customer ids and duplicates distort customer value and segments.',
  'sc.q.dataQuality.next':
    'Make the customer id mandatory at the till and in the shop, and check the export every month with the import summary.',
  // The six implementation steps of value stream management.
  'sc.step.currentState': 'Capture the current state',
  'sc.step.mapStream': 'Map the value stream',
  'sc.step.kpis': 'Define customer-centred KPIs',
  'sc.step.toolStack': 'Integrate the tool stack',
  'sc.step.automation': 'Steer with automation',
  'sc.step.improve': 'Improve continuously',
};

type Key = keyof typeof de;

export const LEVEL_LABEL: Record<Level, Key> = {
  strategy: 'sc.level.strategy',
  tactics: 'sc.level.tactics',
  operations: 'sc.level.operations',
};

/** The question each level answers. */
export const LEVEL_QUESTION: Record<Level, Key> = {
  strategy: 'sc.levelQuestion.strategy',
  tactics: 'sc.levelQuestion.tactics',
  operations: 'sc.levelQuestion.operations',
};

export const ANSWER_LABEL: Record<Answer, Key> = {
  yes: 'sc.answer.yes',
  partly: 'sc.answer.partly',
  no: 'sc.answer.no',
  unknown: 'sc.answer.unknown',
};

/** Per question: the question, why it matters, and the next concrete step when the answer is not yes. */
export const QUESTION_TEXT: Record<QuestionId, { text: Key; why: Key; nextStep: Key }> = {
  segmentValue: {
    text: 'sc.q.segmentValue',
    why: 'sc.q.segmentValue.why',
    nextStep: 'sc.q.segmentValue.next',
  },
  pareto: { text: 'sc.q.pareto', why: 'sc.q.pareto.why', nextStep: 'sc.q.pareto.next' },
  clvVsCac: { text: 'sc.q.clvVsCac', why: 'sc.q.clvVsCac.why', nextStep: 'sc.q.clvVsCac.next' },
  budgetShare: { text: 'sc.q.budgetShare', why: 'sc.q.budgetShare.why', nextStep: 'sc.q.budgetShare.next' },
  firstOrderDropoff: {
    text: 'sc.q.firstOrderDropoff',
    why: 'sc.q.firstOrderDropoff.why',
    nextStep: 'sc.q.firstOrderDropoff.next',
  },
  reactivation: {
    text: 'sc.q.reactivation',
    why: 'sc.q.reactivation.why',
    nextStep: 'sc.q.reactivation.next',
  },
  handoffs: { text: 'sc.q.handoffs', why: 'sc.q.handoffs.why', nextStep: 'sc.q.handoffs.next' },
  timeToValue: { text: 'sc.q.timeToValue', why: 'sc.q.timeToValue.why', nextStep: 'sc.q.timeToValue.next' },
  dataJoined: { text: 'sc.q.dataJoined', why: 'sc.q.dataJoined.why', nextStep: 'sc.q.dataJoined.next' },
  dataQuality: { text: 'sc.q.dataQuality', why: 'sc.q.dataQuality.why', nextStep: 'sc.q.dataQuality.next' },
};

export const IMPLEMENTATION_STEP_TEXT: Record<ImplementationStepId, Key> = {
  currentState: 'sc.step.currentState',
  mapStream: 'sc.step.mapStream',
  kpis: 'sc.step.kpis',
  toolStack: 'sc.step.toolStack',
  automation: 'sc.step.automation',
  improve: 'sc.step.improve',
};
