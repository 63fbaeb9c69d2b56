import { describe, expect, it } from 'vitest';
import { valueStreamFigures } from '../../src/analytics/valuestream';
import {
  PHASES,
  cleanNumber,
  templateSteps,
  validateStep,
  type Phase,
  type ValueRating,
  type VsmStep,
} from '../../src/shared/valuestream';
import { moveStep, newStepId, removeStep, valueStreamCsvRows } from '../../src/views/valuestream/steps';
import { drawValueStream, fitText, flowBoxes, flowHeight, flowPerRow, wrapText } from '../../src/charts/flow';
import * as vsTexts from '../../src/i18n/messages/valuestream';

/** The template worded from the app's German or English dictionary. */
const template = (lang: 'de' | 'en') => templateSteps(vsTexts.templateTexts((k) => vsTexts[lang][k]));

function step(
  id: string,
  phase: Phase,
  processHours: number,
  waitDays: number,
  rating: ValueRating,
  handoff: boolean,
  costPerCustomer = 0,
  name = id,
): VsmStep {
  return { id, name, phase, owner: 'Team', processHours, waitDays, costPerCustomer, rating, handoff };
}

/*
 * The hand-computed map. Hours are multiples of 6, so hours / 24 is exact in binary (0.25, 0.5, 1.5).
 *
 *  i  phase          wait d  process h (= d)  start = prev end + wait   end = start + process   rating       handoff  cost
 *  0  awareness        0     12 (0.5)         0 + 0     = 0             0.5                     necessary    yes      10
 *  1  consideration    2      6 (0.25)        0.5 + 2   = 2.5           2.75                    waste        no       20
 *  2  decision         3      6 (0.25)        2.75 + 3  = 5.75          6                       valueAdding  yes       5
 *  3  delivery         4     36 (1.5)         6 + 4     = 10            11.5                    valueAdding  yes      15
 *  4  retention       90     12 (0.5)         11.5 + 90 = 101.5         102                     waste        yes       8
 *
 * Process days = 0.5 + 0.25 + 0.25 + 1.5 + 0.5 = 3 (= 72 h / 24); wait days = 0 + 2 + 3 + 4 + 90 = 99;
 * lead time = 3 + 99 = 102 (= end of the last step).
 * Value-adding process = steps 2 and 3 = 0.25 + 1.5 = 1.75 d → ratio 1.75 / 102. Cost = 10+20+5+15+8 = 58.
 * Customer clock: the first step in delivery or later is step 3; its wait begins at the end of step 2 → day 6.
 * Handoffs (ends): step 0 at 0.5 (before day 6: not counted), step 2 at 6 (= the clock start: counted),
 *   step 3 at 11.5 (5.5 d after: counted), step 4 at 102 (96 d after > 90: not counted) → 2 of 4.
 * Time to value: the first value-adding step in delivery or later is step 3 (step 2 is value-adding but in
 *   decision) → 11.5 − 6 = 5.5 d.
 * Bottleneck: longest wait = step 4 with 90 d. Waste: steps 1 and 4.
 * By phase: awareness 0 + 0.5 = 0.5, consideration 2 + 0.25 = 2.25, decision 3 + 0.25 = 3.25,
 *   delivery 4 + 1.5 = 5.5, retention 90 + 0.5 = 90.5, advocacy 0 (sum 102).
 */
const MAP: VsmStep[] = [
  step('s0', 'awareness', 12, 0, 'necessary', true, 10, 'Ad'),
  step('s1', 'consideration', 6, 2, 'waste', false, 20, 'Quote'),
  step('s2', 'decision', 6, 3, 'valueAdding', true, 5, 'Order'),
  step('s3', 'delivery', 36, 4, 'valueAdding', true, 15, 'Shipping'),
  step('s4', 'retention', 12, 90, 'waste', true, 8, 'Support'),
];

describe('valueStreamFigures: the hand-computed map', () => {
  const f = valueStreamFigures(MAP);
  it('times, ratio and cost', () => {
    expect(f.leadTimeDays).toBe(102);
    expect(f.processDays).toBe(3);
    expect(f.waitDays).toBe(99);
    expect(f.valueAddedRatio).toBe(1.75 / 102);
    expect(f.costPerCustomer).toBe(58);
  });
  it('start and end day of every step', () => {
    expect(f.stepStartDays).toEqual([0, 2.5, 5.75, 10, 101.5]);
    expect(f.stepEndDays).toEqual([0.5, 2.75, 6, 11.5, 102]);
  });
  it('customer clock, handoffs in the first 90 days, time to value', () => {
    expect(f.customerStartDay).toBe(6);
    expect(f.handoffsFirst90Days).toBe(2);
    expect(f.handoffsTotal).toBe(4);
    expect(f.timeToValueDays).toBe(5.5);
  });
  it('bottleneck, waste, phases', () => {
    expect(f.bottleneck).toEqual({ index: 4, waitDays: 90 });
    expect(f.wasteSteps).toEqual([1, 4]);
    expect(f.byPhase).toEqual({
      awareness: { leadTimeDays: 0.5, steps: 1 },
      consideration: { leadTimeDays: 2.25, steps: 1 },
      decision: { leadTimeDays: 3.25, steps: 1 },
      delivery: { leadTimeDays: 5.5, steps: 1 },
      retention: { leadTimeDays: 90.5, steps: 1 },
      advocacy: { leadTimeDays: 0, steps: 0 },
    });
  });
  it('a handoff exactly 90 days after the clock start still counts, one just after does not', () => {
    // Step 4 waits 84 d instead of 90: ends at 11.5 + 84 + 0.5 = 96 = 6 + 90 → counted.
    const at90 = MAP.map((s, i) => (i === 4 ? { ...s, waitDays: 84 } : s));
    expect(valueStreamFigures(at90).stepEndDays[4]).toBe(96);
    expect(valueStreamFigures(at90).handoffsFirst90Days).toBe(3);
    // 84.25 d: ends at 96.25 = 90.25 d after the clock start → not counted.
    const after90 = MAP.map((s, i) => (i === 4 ? { ...s, waitDays: 84.25 } : s));
    expect(valueStreamFigures(after90).handoffsFirst90Days).toBe(2);
  });
  it('the customer clock starts at 0 when the first step is already in delivery', () => {
    // Only steps 3 and 4: step 3 starts at 4, ends 5.5; step 4 ends 5.5 + 90 + 0.5 = 96 (96 d > 90: not counted).
    const f2 = valueStreamFigures(MAP.slice(3));
    expect(f2.customerStartDay).toBe(0);
    expect(f2.timeToValueDays).toBe(5.5);
    expect(f2.handoffsFirst90Days).toBe(1);
  });
  it('without a step in delivery or later: clock at 0, no time to value', () => {
    // Steps 0–2 end at 0.5, 2.75, 6: handoffs of steps 0 and 2 lie within 90 days of day 0.
    const f3 = valueStreamFigures(MAP.slice(0, 3));
    expect(f3.customerStartDay).toBe(0);
    expect(f3.timeToValueDays).toBeNull();
    expect(f3.handoffsFirst90Days).toBe(2);
  });
  it('the order of steps in the array is the order of the journey (phase order is not enforced)', () => {
    // A delivery step first, then awareness: the clock starts at its wait (day 0).
    const f4 = valueStreamFigures([MAP[3], MAP[0]]);
    expect(f4.stepStartDays).toEqual([4, 5.5]);
    expect(f4.stepEndDays).toEqual([5.5, 6]);
    expect(f4.customerStartDay).toBe(0);
  });
});

describe('valueStreamFigures: edge cases', () => {
  it('empty map', () => {
    expect(valueStreamFigures([])).toEqual({
      leadTimeDays: 0,
      processDays: 0,
      waitDays: 0,
      valueAddedRatio: null,
      costPerCustomer: 0,
      stepStartDays: [],
      stepEndDays: [],
      customerStartDay: 0,
      handoffsFirst90Days: 0,
      handoffsTotal: 0,
      timeToValueDays: null,
      bottleneck: null,
      wasteSteps: [],
      byPhase: Object.fromEntries(PHASES.map((p) => [p, { leadTimeDays: 0, steps: 0 }])),
    });
  });
  it('all waits 0: no bottleneck; ratio = value-adding process / process', () => {
    // 12 h + 36 h = 2 d lead time; value-adding 36 h = 1.5 d → 0.75.
    const f = valueStreamFigures([
      step('a', 'decision', 12, 0, 'necessary', false),
      step('b', 'delivery', 36, 0, 'valueAdding', false),
    ]);
    expect(f.bottleneck).toBeNull();
    expect(f.leadTimeDays).toBe(2);
    expect(f.valueAddedRatio).toBe(0.75);
    expect(f.customerStartDay).toBe(0.5);
    expect(f.timeToValueDays).toBe(1.5);
  });
  it('ties: the first longest wait is the bottleneck', () => {
    const f = valueStreamFigures([
      step('a', 'awareness', 0, 1, 'necessary', false),
      step('b', 'decision', 0, 5, 'necessary', false),
      step('c', 'delivery', 0, 5, 'necessary', false),
    ]);
    expect(f.bottleneck).toEqual({ index: 1, waitDays: 5 });
  });
  it('zero lead time: ratio null', () => {
    const f = valueStreamFigures([
      step('a', 'delivery', 0, 0, 'valueAdding', true),
      step('b', 'retention', 0, 0, 'waste', false),
    ]);
    expect(f.leadTimeDays).toBe(0);
    expect(f.valueAddedRatio).toBeNull();
    expect(f.bottleneck).toBeNull();
    expect(f.timeToValueDays).toBe(0);
    expect(f.handoffsFirst90Days).toBe(1);
    expect(f.wasteSteps).toEqual([1]);
  });
  it('negative, NaN and infinite inputs count as 0', () => {
    const bad: VsmStep[] = [
      step('a', 'awareness', -12, Number.NaN, 'necessary', false, -5),
      step('b', 'delivery', Number.NaN, -3, 'valueAdding', false, Number.POSITIVE_INFINITY),
      step('c', 'retention', 24, Number.POSITIVE_INFINITY, 'waste', false, 7),
      // A form may even hold a string.
      { ...step('d', 'advocacy', 0, 0, 'necessary', false), waitDays: '3' as unknown as number },
    ];
    const f = valueStreamFigures(bad);
    // Only step c's 24 h = 1 d counts; cost only step c's 7.
    expect(f.leadTimeDays).toBe(1);
    expect(f.processDays).toBe(1);
    expect(f.waitDays).toBe(0);
    expect(f.costPerCustomer).toBe(7);
    expect(f.stepStartDays).toEqual([0, 0, 0, 1]);
    expect(f.stepEndDays).toEqual([0, 0, 1, 1]);
    expect(f.bottleneck).toBeNull();
    expect(f.valueAddedRatio).toBe(0);
    expect(f.timeToValueDays).toBe(0);
    expect([cleanNumber(-1), cleanNumber(Number.NaN), cleanNumber(Infinity), cleanNumber(2.5)]).toEqual([
      0, 0, 0, 2.5,
    ]);
  });
});

describe('templateSteps', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`${lang}: every phase, in order, unique ids, no problems`, () => {
      const t = template(lang);
      expect(new Set(t.map((s) => s.phase))).toEqual(new Set(PHASES));
      for (const p of PHASES) {
        const n = t.filter((s) => s.phase === p).length;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(2);
      }
      const order = t.map((s) => PHASES.indexOf(s.phase));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(t.map((s) => s.id)).size).toBe(t.length);
      for (const s of t) expect(validateStep(s)).toEqual([]);
      const f = valueStreamFigures(t);
      expect(f.leadTimeDays).toBeGreaterThan(0);
      expect(f.timeToValueDays).not.toBeNull();
      expect(f.handoffsTotal).toBeGreaterThan(0);
    });
  }
  it('German and English texts', () => {
    const de = template('de');
    const en = template('en');
    expect(de[0].name).toBe('Anzeige / Suchergebnis');
    expect(en[0].name).toBe('Ad / search result');
    expect(de.map((s) => s.owner)).toEqual(
      expect.arrayContaining(['Marketing', 'Vertrieb', 'Logistik', 'Kundenservice']),
    );
    expect(en.map((s) => s.owner)).toEqual(
      expect.arrayContaining(['Marketing', 'Sales', 'Logistics', 'Customer Service']),
    );
    // Same numbers in both languages.
    const nums = (t: VsmStep[]) =>
      t.map(({ id, phase, processHours, waitDays, costPerCustomer, rating, handoff }) => [
        id,
        phase,
        processHours,
        waitDays,
        costPerCustomer,
        rating,
        handoff,
      ]);
    expect(nums(de)).toEqual(nums(en));
  });
  it('returns fresh objects', () => {
    const a = template('en');
    a[0].name = 'changed';
    expect(template('en')[0].name).toBe('Ad / search result');
  });
});

describe('newStepId', () => {
  it('is unique', () => {
    const ids = Array.from({ length: 100 }, () => newStepId());
    expect(new Set(ids).size).toBe(100);
    for (const t of template('en')) expect(ids).not.toContain(t.id);
  });
});

describe('moveStep / removeStep', () => {
  it('moves a step and keeps the others as they are', () => {
    const moved = moveStep(MAP, 1, 2);
    expect(moved.map((s) => s.id)).toEqual(['s0', 's2', 's3', 's1', 's4']);
    expect(moved).not.toBe(MAP);
    expect(MAP.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    for (const s of MAP) expect(moved.find((m) => m.id === s.id)).toBe(s);
    expect(moveStep(MAP, 4, -4).map((s) => s.id)).toEqual(['s4', 's0', 's1', 's2', 's3']);
  });
  it('out of range is a no-op (a copy)', () => {
    for (const [i, d] of [
      [0, -1],
      [4, 1],
      [-1, 1],
      [5, -1],
      [2, 0],
      [1, 0.5],
    ]) {
      const r = moveStep(MAP, i, d);
      expect(r).toEqual(MAP);
      expect(r).not.toBe(MAP);
    }
  });
  it('removes one step', () => {
    expect(removeStep(MAP, 2).map((s) => s.id)).toEqual(['s0', 's1', 's3', 's4']);
    expect(removeStep(MAP, 2)[2]).toBe(MAP[3]);
    expect(removeStep(MAP, 5)).toEqual(MAP);
    expect(removeStep(MAP, -1)).toEqual(MAP);
    expect(MAP).toHaveLength(5);
  });
});

describe('validateStep', () => {
  it('names the bad fields', () => {
    expect(validateStep(MAP[0])).toEqual([]);
    expect(validateStep({ ...MAP[0], name: '   ' })).toEqual(['name']);
    expect(
      validateStep({
        ...MAP[0],
        processHours: -1,
        waitDays: Number.NaN,
        costPerCustomer: Number.POSITIVE_INFINITY,
      }),
    ).toEqual(['processHours', 'waitDays', 'costPerCustomer']);
    expect(validateStep({ ...MAP[0], phase: 'x' as Phase, rating: 'y' as ValueRating })).toEqual([
      'phase',
      'rating',
    ]);
    expect(validateStep({ ...MAP[0], owner: '' })).toEqual([]);
  });
});

describe('valueStreamCsvRows', () => {
  it('headers from the labels, one row per step', () => {
    const labels = {
      columns: {
        name: 'Name',
        phase: 'Phase',
        owner: 'Owner',
        processHours: 'Process h',
        waitDays: 'Wait d',
        costPerCustomer: 'Cost',
        rating: 'Rating',
        handoff: 'Handoff',
        start: 'Start',
        end: 'End',
      },
      phaseLabel: (p: Phase) => `P:${p}`,
      ratingLabel: (r: ValueRating) => `R:${r}`,
      yes: 'yes',
      no: 'no',
    };
    const steps = [
      ...MAP,
      { ...step('bad', 'advocacy', -1, Number.NaN, 'waste', false, -2), name: '=HYPERLINK()' },
    ];
    const { headers, rows } = valueStreamCsvRows(steps, valueStreamFigures(steps), labels);
    expect(headers).toEqual([
      'Name',
      'Phase',
      'Owner',
      'Process h',
      'Wait d',
      'Cost',
      'Rating',
      'Handoff',
      'Start',
      'End',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual(['Order', 'P:decision', 'Team', 6, 3, 5, 'R:valueAdding', 'yes', 5.75, 6]);
    expect(rows[1]).toEqual(['Quote', 'P:consideration', 'Team', 6, 2, 20, 'R:waste', 'no', 2.5, 2.75]);
    // Bad numbers are written as the 0 the figures use; the formula text is left for toCsv to neutralise.
    expect(rows[5]).toEqual(['=HYPERLINK()', 'P:advocacy', 'Team', 0, 0, 0, 'R:waste', 'no', 102, 102]);
    // Stale figures (fewer steps): start/end null.
    expect(valueStreamCsvRows(MAP, valueStreamFigures([]), labels).rows[0].slice(8)).toEqual([null, null]);
  });
});

/** A canvas context stand-in that records calls; measureText counts 7 px per character. */
function fakeContext() {
  const calls: { name: string; args: unknown[]; fillStyle: unknown; font: unknown }[] = [];
  const state: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(
    {},
    {
      get(_t, key) {
        if (key === 'measureText') return (s: string) => ({ width: Array.from(s).length * 7 });
        if (key in state) return state[key];
        return (...args: unknown[]) => {
          calls.push({ name: String(key), args, fillStyle: state.fillStyle, font: state.font });
        };
      },
      set(_t, key, value) {
        state[key] = value;
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  const texts = () => calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
  return { ctx, calls, texts };
}

describe('flow chart layout', () => {
  it('boxes per row and height', () => {
    // (800 − 2·16 − 60) / 210 = 3.37 → 3 per row; each row 106 + 10 + 52 + 24 = 192 px; 16 + 44 + 16 around.
    expect(flowPerRow(800)).toBe(3);
    expect(flowHeight(0, 800)).toBe(76);
    expect(flowHeight(3, 800)).toBe(16 + 192 + 44 + 16);
    expect(flowHeight(4, 800)).toBe(16 + 2 * 192 + 44 + 16);
    expect(flowHeight(5, 1200)).toBe(16 + 192 + 44 + 16);
    // Too narrow for one box: still one per row.
    expect(flowPerRow(100)).toBe(1);
    expect(flowHeight(5, 100)).toBe(16 + 5 * 192 + 60);
    expect(flowHeight(2, Number.NaN)).toBe(16 + 2 * 192 + 60);
    expect(flowHeight(-3, 800)).toBe(76);
    expect(flowBoxes(4, 800)[3]).toEqual({ x: 76, y: 208, w: 150, h: 106 });
    expect(flowBoxes(4, 800)[2]).toEqual({ x: 16 + 2 * 210 + 60, y: 16, w: 150, h: 106 });
  });
  it('fitText and wrapText', () => {
    const { ctx } = fakeContext();
    expect(fitText(ctx, 'short', 100)).toBe('short');
    // 70 px = 10 characters: 9 + '…'.
    expect(fitText(ctx, 'abcdefghijklmnop', 70)).toBe('abcdefghi…');
    expect(wrapText(ctx, 'Order processing & shipping', 134, 2)).toEqual(['Order processing &', 'shipping']);
    expect(wrapText(ctx, 'one two three four five six seven eight nine', 70, 2)).toEqual([
      'one two',
      'three fou…',
    ]);
    expect(wrapText(ctx, '   ', 70, 2)).toEqual([]);
    // Breaks after a hyphen (12 characters = 84 px per line).
    expect(wrapText(ctx, 'Nachbestell-Erinnerung senden', 84, 2)).toEqual(['Nachbestell-', 'Erinnerung…']);
    expect(wrapText(ctx, 'Nachbestell-Erinnerung', 200, 2)).toEqual(['Nachbestell-Erinnerung']);
  });
});

describe('drawValueStream', () => {
  const labels = {
    handoff: 'Handoff',
    wait: (d: number) => `${d} d`,
    process: (h: number) => `${h} h`,
    phase: (p: Phase) => `[${p}]`,
    leadTime: 'Lead time',
  };
  it('draws names, owners, phases, waits, handoffs and the lead time as text', () => {
    const { ctx, calls, texts } = fakeContext();
    const f = valueStreamFigures(MAP);
    const { height } = drawValueStream(ctx, MAP, f, labels, 800);
    expect(height).toBe(flowHeight(MAP.length, 800));
    const t = texts();
    for (const s of MAP) expect(t).toContain(s.name);
    for (const s of MAP) expect(t).toContain(`[${s.phase}]`);
    expect(t).toContain('Team');
    expect(t).toContain('90 d');
    expect(t).toContain('36 h');
    // Handoffs after steps 0, 2, 3 (arrows into steps 1, 3, 4) and after the last step 4 (outgoing arrow).
    expect(t.filter((s) => s === 'Handoff')).toHaveLength(4);
    expect(t.filter((s) => s === '⇄')).toHaveLength(4);
    expect(t).toContain('Lead time: 102 d');
    // Rating bands in the three colours; white background over the full height first.
    const fills = calls.filter((c) => c.name === 'fillRect').map((c) => c.fillStyle);
    expect(fills).toEqual(expect.arrayContaining(['#1a7f37', '#b38600', '#b42318']));
    expect(calls.find((c) => c.name === 'fillRect')?.args).toEqual([0, 0, 800, height]);
    expect(calls.filter((c) => c.name === 'save')).toHaveLength(
      calls.filter((c) => c.name === 'restore').length,
    );
  });
  it('truncates long names and writes the optional summary', () => {
    const { ctx, texts } = fakeContext();
    const long = [
      { ...MAP[3], handoff: false, name: 'Order processing and shipping with a very long description' },
    ];
    drawValueStream(
      ctx,
      long,
      valueStreamFigures(long),
      {
        ...labels,
        days: (d: number) => `${d} days`,
        processTime: 'Process',
        waitTime: 'Wait',
        valueAdded: 'Value added',
        percent: (r: number) => `${Math.round(r * 100)} %`,
        bottleneck: 'Bottleneck',
        rating: (r: ValueRating) => ({ valueAdding: 'VA', necessary: 'NVA', waste: 'W' })[r],
      },
      800,
    );
    const t = texts();
    // 134 px inner width = 19 characters per line.
    expect(t).toContain('Order processing');
    expect(t).toContain('and shipping with…');
    expect(t).not.toContain('Handoff');
    expect(t).toContain('Lead time: 5.5 days');
    // Process 1.5 d, wait 4 d, ratio 1.5 / 5.5 = 27 %.
    expect(
      t.some((s) => s.startsWith('Process: 1.5 days · Wait: 4 days · Value added: 27 % · Bottleneck: Order')),
    ).toBe(true);
    expect(t).toContain('VA');
    // Every text fits its box: nothing longer than the widest slot (the summary line, 800 − 32 px).
    for (const s of t) expect(Array.from(s).length * 7).toBeLessThanOrEqual(768);
  });
  it('an empty map draws only the lead time', () => {
    const { ctx, texts } = fakeContext();
    expect(drawValueStream(ctx, [], valueStreamFigures([]), labels, 600)).toEqual({ height: 76 });
    expect(texts()).toEqual(['Lead time: 0 d']);
  });
});
