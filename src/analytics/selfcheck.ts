/**
 * The self-check: the three levels where CLV levers sit (strategy, tactics, operations), the diagnostic questions
 * as data (German and English), the scoring and the "biggest lever" verdict. Pure: no I/O, no UI.
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

export interface Text {
  de: string;
  en: string;
}

export interface Question {
  id: string;
  level: Level;
  text: Text;
  /** Why the question matters. */
  why: Text;
  /** What the data can show about it (null: only the user knows). */
  evidence: EvidenceKind | null;
  /** The next concrete step when the answer is not yes. */
  nextStep: Text;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'segmentValue',
    level: 'strategy',
    text: {
      de: 'Können Sie beziffern, welche Kunden welchen Wert schaffen – nach Segmenten statt im Durchschnitt?',
      en: 'Can you quantify which customers create which value, by segment rather than as an average?',
    },
    why: {
      de: 'Ein Durchschnitt verdeckt, dass wenige Segmente den Großteil des Werts tragen; ohne Segmentsicht fließen Budget und Aufmerksamkeit gleichmäßig statt dorthin, wo Wert entsteht.',
      en: 'An average hides that a few segments carry most of the value; without a segment view, budget and attention are spread evenly instead of going where value is created.',
    },
    evidence: 'segmentValue',
    nextStep: {
      de: 'Ordnen Sie jedem Kunden ein Segment zu (RFM in der Kundenansicht genügt für den Anfang) und berichten Sie Umsatz und Marge je Segment monatlich.',
      en: 'Give every customer a segment (RFM in the Customers view is enough to start) and report revenue and margin per segment every month.',
    },
  },
  {
    id: 'pareto',
    level: 'strategy',
    text: {
      de: 'Wissen Sie, welche Kunden zu den 20 % gehören, die den Großteil Ihres Werts bringen?',
      en: 'Do you know which customers are the 20 % who bring most of your value?',
    },
    why: {
      de: 'Wenn der Wert stark konzentriert ist, entscheidet die Bindung weniger Kunden über das Ergebnis; wer sie nicht namentlich kennt, kann sie nicht gezielt halten.',
      en: 'When value is concentrated, keeping a few customers decides the result; if you cannot name them, you cannot look after them on purpose.',
    },
    evidence: 'pareto',
    nextStep: {
      de: 'Exportieren Sie die Top-20-%-Liste, geben Sie jedem dieser Kunden einen Verantwortlichen und planen Sie einen persönlichen Kontakt pro Quartal.',
      en: 'Export the top-20 % list, give each of these customers an owner and plan a personal contact every quarter.',
    },
  },
  {
    id: 'clvVsCac',
    level: 'strategy',
    text: {
      de: 'Kennen Sie das CLV-Potenzial Ihrer Bestandskunden im Verhältnis zu Ihren Akquisitionskosten?',
      en: 'Do you know the CLV potential of your existing customers relative to what you spend on acquisition?',
    },
    why: {
      de: 'Erst das Verhältnis von künftigem Kundenwert zu Akquisitionskosten zeigt, ob Wachstum durch Neukunden Geld verdient oder verbrennt.',
      en: 'Only the ratio of future customer value to acquisition cost shows whether growth through new customers earns money or burns it.',
    },
    evidence: 'clvVsCac',
    nextStep: {
      de: 'Tragen Sie Ihre Akquisitionskosten je Neukunde (CAC) ein und vergleichen Sie sie mit dem prognostizierten CLV; unter 3 : 1 lohnt es, die Akquisition zu prüfen.',
      en: 'Enter your acquisition cost per new customer (CAC) and compare it with the predicted CLV; below 3 : 1, review the acquisition spend.',
    },
  },
  {
    id: 'budgetShare',
    level: 'tactics',
    text: {
      de: 'Entspricht Ihre Budgetverteilung zwischen Akquisition und Bestandskunden deren Anteil am Umsatz?',
      en: 'Does your budget split between acquisition and existing customers match their share of revenue?',
    },
    why: {
      de: 'Typisch sind 70 % des Budgets für Akquisition und 10 % für Bestandskunden, die aber über 80 % des Umsatzes bringen – hier liegt oft der schnellste Hebel.',
      en: 'A typical pattern is 70 % of the budget on acquisition and 10 % on existing customers, who bring over 80 % of the revenue; this is often the quickest lever.',
    },
    evidence: 'budgetShare',
    nextStep: {
      de: 'Verschieben Sie testweise einen Teil des Akquisitionsbudgets in Bindung und Reaktivierung und messen Sie den Umsatz der Bestandskunden im Folgequartal.',
      en: 'Move part of the acquisition budget to retention and reactivation as a test and measure the revenue of existing customers in the following quarter.',
    },
  },
  {
    id: 'firstOrderDropoff',
    level: 'tactics',
    text: {
      de: 'Wissen Sie, wie viele Kunden nach der ersten Bestellung aufhören – und wirken Sie dem gezielt entgegen?',
      en: 'Do you know how many customers stop after the first order, and do you act on it?',
    },
    why: {
      de: 'Der Schritt vom ersten zum zweiten Kauf ist der größte Verlustpunkt im Kundenleben; jeder gehaltene Erstkäufer vervielfacht seinen Wert.',
      en: 'The step from the first to the second purchase is where most customers are lost; every first-time buyer who stays multiplies their value.',
    },
    evidence: 'firstOrderDropoff',
    nextStep: {
      de: 'Richten Sie eine Folgekommunikation für Erstkäufer in den ersten 30 Tagen ein (Dank, Nutzungstipps, Angebot zum zweiten Kauf) und verfolgen Sie die Kohorten-Quote in Monat 1 bis 3.',
      en: 'Set up a follow-up for first-time buyers in their first 30 days (thanks, tips, an offer for the second purchase) and track the cohort rate in months 1 to 3.',
    },
  },
  {
    id: 'reactivation',
    level: 'tactics',
    text: {
      de: 'Ist die Reaktivierung inaktiver Kunden ein fester Prozess?',
      en: 'Is reactivation of inactive customers a standing process?',
    },
    why: {
      de: 'Inaktive Kunden kennen Sie bereits; sie zurückzugewinnen kostet meist einen Bruchteil einer Neukundengewinnung.',
      en: 'You already know your inactive customers; winning them back usually costs a fraction of winning a new one.',
    },
    evidence: 'reactivation',
    nextStep: {
      de: 'Legen Sie einen monatlichen Lauf fest: Kunden ohne Kauf seit 12 Monaten, nach früherem Umsatz sortiert, mit einem persönlichen Angebot ansprechen.',
      en: 'Set up a monthly run: customers without a purchase for 12 months, sorted by their past revenue, contacted with a personal offer.',
    },
  },
  {
    id: 'handoffs',
    level: 'operations',
    text: {
      de: 'Kennen Sie die Übergaben, die ein Neukunde in den ersten 90 Tagen durchläuft – und halten Sie sie gering?',
      en: 'Do you know the handoffs a new customer goes through in the first 90 days, and do you keep them few?',
    },
    why: {
      de: 'Jede Übergabe zwischen Personen oder Teams kostet Zeit und Information; in der Anlaufphase entscheidet sie, ob der Kunde den versprochenen Wert erlebt.',
      en: 'Every handoff between people or teams costs time and information; in the first weeks it decides whether the customer experiences the promised value.',
    },
    evidence: 'handoffs',
    nextStep: {
      de: 'Zeichnen Sie die Wertstromkarte der ersten 90 Tage und legen Sie für jeden Neukunden einen durchgehenden Ansprechpartner fest.',
      en: 'Map the value stream of the first 90 days and give every new customer one contact person from start to finish.',
    },
  },
  {
    id: 'timeToValue',
    level: 'operations',
    text: {
      de: 'Kennen Sie Ihre Time-to-Value – die Zeit, bis ein Neukunde den ersten Nutzen hat?',
      en: 'Do you know your time-to-value, the time until a new customer gets the first benefit?',
    },
    why: {
      de: 'Je länger ein Kunde auf den ersten Nutzen wartet, desto eher zweifelt er an seiner Entscheidung und kauft nicht wieder.',
      en: 'The longer a customer waits for the first benefit, the more likely they doubt their decision and do not buy again.',
    },
    evidence: 'timeToValue',
    nextStep: {
      de: 'Messen Sie die Zeit von der Bestellung bis zum ersten Nutzen und kürzen Sie die längste Wartezeit auf diesem Weg.',
      en: 'Measure the time from the order to the first benefit and cut the longest wait on that way.',
    },
  },
  {
    id: 'dataJoined',
    level: 'operations',
    text: {
      de: 'Sind Stamm-, Transaktions-, Vertrags- und Interaktionsdaten in einem Kundenprofil zusammengeführt?',
      en: 'Are master, transaction, contract and interaction data joined in one customer profile?',
    },
    why: {
      de: 'Getrennte Datentöpfe führen zu widersprüchlichen Zahlen und verhindern, dass Vertrieb, Service und Marketing denselben Kunden sehen.',
      en: 'Separate data silos give conflicting figures and keep sales, service and marketing from seeing the same customer.',
    },
    evidence: 'dataJoined',
    nextStep: {
      de: 'Legen Sie eine eindeutige Kundennummer über alle Systeme fest und führen Sie wenigstens Bestellungen, Kanal und Region in einem Export zusammen.',
      en: 'Agree on one customer number across all systems and join at least orders, channel and region in one export.',
    },
  },
  {
    id: 'dataQuality',
    level: 'operations',
    text: {
      de: 'Werden Dubletten entfernt, Formate vereinheitlicht und Pflichtfelder geprüft?',
      en: 'Are duplicates removed, formats unified and mandatory fields validated?',
    },
    why: {
      de: 'Jede Kennzahl ist nur so gut wie die Daten darunter; fehlende Kundennummern und Dubletten verfälschen Kundenwert und Segmente.',
      en: 'Every figure is only as good as the data underneath; missing customer ids and duplicates distort customer value and segments.',
    },
    evidence: 'dataQuality',
    nextStep: {
      de: 'Machen Sie die Kundennummer zum Pflichtfeld in Kasse und Shop und prüfen Sie den Export monatlich mit der Importzusammenfassung.',
      en: 'Make the customer id mandatory at the till and in the shop, and check the export every month with the import summary.',
    },
  },
];

/** The six implementation steps of value stream management (a progress checklist, not scored). */
export const IMPLEMENTATION_STEPS: readonly { id: string; text: Text }[] = [
  { id: 'currentState', text: { de: 'Ist-Zustand erfassen', en: 'Capture the current state' } },
  { id: 'mapStream', text: { de: 'Wertstrom abbilden', en: 'Map the value stream' } },
  { id: 'kpis', text: { de: 'Kundenzentrierte KPIs definieren', en: 'Define customer-centred KPIs' } },
  { id: 'toolStack', text: { de: 'Tool-Stack integrieren', en: 'Integrate the tool stack' } },
  { id: 'automation', text: { de: 'Mit Automatisierung steuern', en: 'Steer with automation' } },
  { id: 'improve', text: { de: 'Kontinuierlich verbessern', en: 'Improve continuously' } },
];

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
  open: string[];
}

export function levelScores(answers: Answers): LevelScore[] {
  return LEVELS.map((level) => {
    const qs = QUESTIONS.filter((q) => q.level === level);
    let sum = 0;
    let answered = 0;
    const open: string[] = [];
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
      open: string[];
      /** The question whose next step the verdict proposes. */
      first: string | null;
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
