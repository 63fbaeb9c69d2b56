/**
 * Campaigns through the worker API on two hand-made datasets of one workspace: an earlier export (up to C =
 * 2024-03-31), where the list is saved, and a later one with the purchases after C (customer D is not in it). Every
 * outcome figure is computed by hand in the comments. The list itself comes from an injected list source (the list
 * core has tests of its own), so that the list order is known here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import { api } from '../../src/worker/api';
import { campaignLists, holdOut } from '../../src/worker/handlers/campaigns';
import { EMPTY_FIGURES } from '../../src/shared/figures';
import type {
  ActionListQuery,
  ActionRow,
  CampaignStage,
  SaveCampaignOptions,
} from '../../src/shared/actions';
import type { ActionList } from '../../src/worker/action-lists';

freshDatabasePerTest('campaigns-api');

const HEADER = 'Kunde;Datum;Betrag;Kategorie';
// The earlier export: as-of date (its last day) C = 2024-03-31. G's first order on 2022-01-01 gives the export the
// 730 days of history (821) the reactivation list needs with N = 12 (the self-check's rule); G stays active.
const EARLIER = [
  'G;01.01.2022;10,00;Schrauben',
  'A;10.01.2023;100,00;Schrauben',
  'B;10.02.2023;200,00;Schrauben',
  'C;10.03.2023;50,00;Dübel',
  'D;10.04.2023;80,00;Schrauben',
  'E;10.05.2023;60,00;Schrauben',
  'F;10.06.2023;90,00;Schrauben',
  'H;10.07.2023;30,00;Schrauben',
  'G;31.03.2024;10,00;Schrauben',
];
// The later export: the earlier lines without D's, and the months after C; its last day D = 2024-09-15.
// A window of 90 days after C is (2024-03-31, 2024-06-29].
const LATER = [
  ...EARLIER.filter((l) => !l.startsWith('D;')),
  'A;15.04.2024;120,00;Dübel', //       in the window, in the target Dübel
  'B;01.07.2024;300,00;Schrauben', //   after the window (2024-06-29)
  'C;20.05.2024;40,00;Schrauben', //    in the window
  'C;21.05.2024;-15,00;Schrauben', //   a return in the window
  'E;29.06.2024;70,00;Dübel', //        on the window's last day, in the target
  'G;15.09.2024;5,00;Schrauben', //     sets D
];
const csv = (lines: string[]) => [HEADER, ...lines].join('\n');

const STAGES: CampaignStage[] = [
  {
    day: 0,
    title: 'Erinnerung',
    text: 'Hallo {name} ({customer}), zuletzt am {lastOrderDate}.',
    doneAt: null,
  },
  {
    day: 14,
    title: 'Angebot',
    text: '{orders} Bestellungen, {revenue}; neu: {suggestion}. {unbekannt}',
    doneAt: null,
  },
];

/** The list source: the given ids in this order, looked up in the scope's customer dictionary. */
let listIds: string[] = [];
let spy: ReturnType<typeof vi.spyOn> | null = null;
beforeEach(() => {
  spy = vi.spyOn(campaignLists, 'listOf').mockImplementation((p, _figures, query: ActionListQuery) => {
    const dict = p.lines.dicts.customer;
    return {
      summary: { list: query.list } as ActionList['summary'],
      codes: Int32Array.from(listIds, (id) => dict.indexOf(id)),
      row: () => {
        throw new Error('not used');
      },
    };
  });
});
afterEach(() => spy?.mockRestore());

async function twoDatasets() {
  const earlier = await importCsv(csv(EARLIER));
  const later = await importCsv(csv(LATER), earlier.workspaceId);
  return { ws: earlier.workspaceId, earlier, later };
}

function options(o: Partial<SaveCampaignOptions> = {}): SaveCampaignOptions {
  return {
    name: ' Rückgewinnung Q2 ',
    query: { list: 'reactivation', inactiveMonths: 12 },
    top: null,
    holdOutShare: 0,
    windowDays: 90,
    stages: STAGES,
    ...o,
  };
}

type SaveRequest = Parameters<typeof api.saveCampaign>[0];
/** Saves a campaign of `options(o)` from the dataset `datasetId`, with no figures of one's own. */
const saveFrom = (
  datasetId: SaveRequest['datasetId'],
  o: Partial<SaveCampaignOptions> = {},
  filters?: SaveRequest['filters'],
) => api.saveCampaign({ datasetId, figures: EMPTY_FIGURES, filters, options: options(o) });

type MessagesRequest = Parameters<typeof api.campaignMessages>[0];
/** A page of a campaign's messages on the dataset `datasetId`. */
async function messages(
  datasetId: MessagesRequest['datasetId'],
  campaignId: MessagesRequest['campaignId'],
  locale: MessagesRequest['locale'],
  offset: number,
  limit: number,
) {
  return unwrap(await api.campaignMessages({ datasetId, campaignId, locale, offset, limit }));
}

describe('saving a campaign', () => {
  it('stores the ids of the first `top` of the list; those beyond are the comparison group', async () => {
    const { ws, earlier } = await twoDatasets();
    listIds = ['A', 'B', 'C', 'D', 'E', 'F', 'H'];
    const info = unwrap(
      await saveFrom(earlier.id, { top: 4 }, [{ attribute: 'category', values: ['Schrauben', 'Dübel'] }]),
    );
    expect(info).toMatchObject({
      workspaceId: ws,
      name: 'Rückgewinnung Q2',
      datasetId: earlier.id,
      datasetName: earlier.name,
      savedAsOf: '2024-03-31',
      filters: [{ attribute: 'category', values: ['Schrauben', 'Dübel'] }],
      target: null,
      windowDays: 90,
      size: 4,
      comparisonSize: 3,
    });
    expect(info.stages).toEqual(STAGES);
    const [listed] = unwrap(await api.listCampaigns(ws));
    expect(listed).toEqual(info);
    expect('customers' in listed).toBe(false);
  });

  it('holds back round(share × taken) of the taken customers at random, the same way for the same input', () => {
    const taken = Array.from({ length: 25 }, (_, i) => `K${i}`);
    const a = holdOut(taken, 0.2, 1000);
    // round(0.2 × 25) = 5 held back, 20 contacted; together the taken ones, each part in list order.
    expect(a.held).toHaveLength(5);
    expect(a.contacted).toHaveLength(20);
    expect([...a.contacted, ...a.held].sort()).toEqual([...taken].sort());
    expect(a.contacted).toEqual(taken.filter((id) => !a.held.includes(id)));
    expect(holdOut(taken, 0.2, 1000)).toEqual(a);
    // round(0.5 × 3) = 2; round(0.1 × 4) = 0; round(0.5 × 1) = 1, capped at taken − 1 = 0 so that someone is contacted.
    expect(holdOut(['a', 'b', 'c'], 0.5, 1).held).toHaveLength(2);
    expect(holdOut(['a', 'b', 'c', 'd'], 0.1, 1).held).toHaveLength(0);
    expect(holdOut(['a'], 0.5, 1)).toEqual({ contacted: ['a'], held: [] });
  });

  it('a whitespace list stores its target B; held-back ids join those beyond top in the comparison group', async () => {
    const { ws, earlier } = await twoDatasets();
    listIds = ['A', 'B', 'C', 'E', 'F', 'H', 'G'];
    const info = unwrap(
      await saveFrom(earlier.id, {
        name: 'Dübel',
        query: { list: 'whitespace', pair: { a: 'Schrauben', b: 'Dübel' } },
        top: 6,
        holdOutShare: 0.5,
      }),
    );
    // Taken 6, held back round(0.5 × 6) = 3: contacted 3; comparison 3 held + G beyond top = 4.
    expect(info).toMatchObject({ target: 'Dübel', size: 3, comparisonSize: 4 });
    expect(unwrap(await api.listCampaigns(ws))).toHaveLength(1);
  });

  it('refuses an empty list, an empty name, a window outside 1–730 days and a share above 0.5, storing nothing', async () => {
    const { ws, earlier } = await twoDatasets();
    const save = (o: Partial<SaveCampaignOptions>) => saveFrom(earlier.id, o);
    listIds = [];
    const empty = await save({});
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe('campaignEmpty');
    listIds = ['A'];
    for (const bad of [{ name: '   ' }, { windowDays: 0 }, { windowDays: 731 }, { holdOutShare: 0.51 }]) {
      const res = await save(bad);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('campaignInvalid');
    }
    expect(unwrap(await api.listCampaigns(ws))).toEqual([]);
    expect(unwrap(await save({ windowDays: 730, holdOutShare: 0.5 })).windowDays).toBe(730);
  });
});

describe('editing and deleting', () => {
  it('renames, changes the window and marks a stage done; lists newest first; deletes', async () => {
    const { ws, earlier } = await twoDatasets();
    listIds = ['A', 'B'];
    const save = (name: string) => saveFrom(earlier.id, { name });
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1000);
    const first = unwrap(await save('Erste'));
    now.mockReturnValue(2000);
    const second = unwrap(await save('Zweite'));
    now.mockReturnValue(3000);
    const done = STAGES.map((s, i) => (i === 0 ? { ...s, doneAt: '2024-04-02' } : s));
    const edited = unwrap(
      await api.updateCampaign(first.id, { name: ' Erste, neu ', windowDays: 30, stages: done }),
    );
    now.mockRestore();
    expect(edited).toMatchObject({ name: 'Erste, neu', windowDays: 30, updatedAt: 3000, createdAt: 1000 });
    expect(edited.stages[0].doneAt).toBe('2024-04-02');
    expect((await api.updateCampaign(first.id, { name: '' })).ok).toBe(false);
    expect(unwrap(await api.listCampaigns(ws)).map((c) => c.name)).toEqual(['Zweite', 'Erste, neu']);
    unwrap(await api.deleteCampaign(second.id));
    expect(unwrap(await api.listCampaigns(ws)).map((c) => c.id)).toEqual([first.id]);
    const gone = await api.updateCampaign(second.id, { name: 'x' });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('notFound');
  });
});

describe('campaign outcome', () => {
  async function saved(ids: string[], o: Partial<SaveCampaignOptions>) {
    const sets = await twoDatasets();
    listIds = ids;
    const info = unwrap(await saveFrom(sets.earlier.id, o));
    return { ...sets, info };
  }

  it('win-back on the later data: list A, B, C, D (D not in it), comparison E, F, H', async () => {
    const { later, info } = await saved(['A', 'B', 'C', 'D', 'E', 'F', 'H'], { top: 4 });
    const out = unwrap(await api.campaignOutcome({ datasetId: later.id, campaignId: info.id }));
    expect(out).toMatchObject({
      campaignId: info.id,
      datasetName: later.name,
      asOf: '2024-09-15',
      windowStart: '2024-03-31',
      windowEnd: '2024-06-29',
      partial: false,
      kind: 'winBack',
      listReason: null,
      comparisonReason: null,
    });
    // List: A bought on 04-15 (120), C on 05-20 (40, and a return of −15); B only on 07-01, after the window; D is
    // missing (counted, not converted). Converted 2 of 4 = 0.5; revenue 120 + 40 − 15 = 145.
    expect(out.list).toEqual({
      size: 4,
      converted: 2,
      rate: 0.5,
      revenue: 145,
      targetRevenue: null,
      missing: 1,
    });
    // Comparison: E on 06-29 (70); F and H nothing. 1 of 3; revenue 70.
    expect(out.comparison).toEqual({
      size: 3,
      converted: 1,
      rate: 1 / 3,
      revenue: 70,
      targetRevenue: null,
      missing: 0,
    });
    // Uplift 0.5 − 1/3 = 1/6.
    expect(out.uplift).toBeCloseTo(1 / 6, 12);
  });

  it('the request’s filters do not apply: every purchase of the customers counts', async () => {
    const { later, info } = await saved(['A', 'B', 'C', 'D', 'E', 'F', 'H'], { top: 4 });
    const plain = unwrap(await api.campaignOutcome({ datasetId: later.id, campaignId: info.id }));
    const filtered = unwrap(
      await api.campaignOutcome({
        datasetId: later.id,
        campaignId: info.id,
        filters: [{ attribute: 'category', values: ['Schrauben'] }],
      }),
    );
    // With the filter A's Dübel purchase would not count (1 of 4); without it A converts: 2 of 4, as above.
    expect(filtered).toEqual(plain);
    expect(filtered.list?.converted).toBe(2);
  });

  it('cut at an as-of date of 2024-05-15: window (03-31, 05-15], partial', async () => {
    const { later, info } = await saved(['A', 'B', 'C', 'D', 'E', 'F', 'H'], { top: 4 });
    const out = unwrap(
      await api.campaignOutcome({ datasetId: later.id, asOf: '2024-05-15', campaignId: info.id }),
    );
    expect([out.windowEnd, out.partial]).toEqual(['2024-05-15', true]);
    // Only A (04-15, 120) in the list; C's lines (05-20, 05-21) and E's (06-29) are after 05-15.
    expect(out.list).toMatchObject({ size: 4, converted: 1, rate: 0.25, revenue: 120, missing: 1 });
    expect(out.comparison).toMatchObject({ size: 3, converted: 0, rate: 0, revenue: 0 });
    expect(out.uplift).toBe(0.25);
  });

  it('cross-sell Schrauben → Dübel: conversion is a purchase in Dübel; revenue in Dübel reported', async () => {
    const { later, info } = await saved(['A', 'B', 'C', 'E', 'F'], {
      query: { list: 'whitespace', pair: { a: 'Schrauben', b: 'Dübel' } },
      top: 3,
    });
    const out = unwrap(await api.campaignOutcome({ datasetId: later.id, campaignId: info.id }));
    expect(out.kind).toBe('crossSell');
    // List A, B, C: only A bought Dübel in the window (120); C bought Schrauben (40 − 15). 1 of 3; revenue 145; in
    // Dübel 120.
    expect(out.list).toEqual({
      size: 3,
      converted: 1,
      rate: 1 / 3,
      revenue: 145,
      targetRevenue: 120,
      missing: 0,
    });
    // Comparison E, F: E bought Dübel on 06-29 (70). 1 of 2; revenue 70, in Dübel 70.
    expect(out.comparison).toEqual({
      size: 2,
      converted: 1,
      rate: 0.5,
      revenue: 70,
      targetRevenue: 70,
      missing: 0,
    });
    // Uplift 1/3 − 1/2 = −1/6.
    expect(out.uplift).toBeCloseTo(-1 / 6, 12);
  });

  it('no later data (the earlier export itself) and no comparison group are reasons, not numbers', async () => {
    const { earlier, later, info } = await saved(['A', 'B'], {});
    const before = unwrap(await api.campaignOutcome({ datasetId: earlier.id, campaignId: info.id }));
    expect(before).toMatchObject({ list: null, listReason: 'noLaterData', comparisonReason: 'noLaterData' });
    expect(before.uplift).toBeNull();
    const after = unwrap(await api.campaignOutcome({ datasetId: later.id, campaignId: info.id }));
    // A converted (120), B not (07-01): 1 of 2.
    expect(after.list).toMatchObject({ size: 2, converted: 1, rate: 0.5, revenue: 120 });
    expect(after).toMatchObject({ comparison: null, comparisonReason: 'noComparison', uplift: null });
  });
});

describe('campaign messages', () => {
  /** Hand-set rows of the list core, so that this test checks the filling and the formatting. */
  const ROWS: Record<string, Partial<ActionRow>> = {
    A: {
      name: 'Alpha GmbH',
      lastOrder: '2023-01-10',
      daysSinceLast: 446,
      orders: 1,
      revenue: 1234.5,
      lastProducts: ['Schrauben'],
      usualProducts: ['Schrauben', 'Dübel'],
    },
    B: {
      name: null,
      lastOrder: '2023-02-10',
      daysSinceLast: 415,
      orders: 2,
      revenue: 200,
      lastProducts: [],
      usualProducts: ['Schrauben'],
    },
    C: {
      name: 'Gamma AG',
      lastOrder: '2023-03-10',
      daysSinceLast: 387,
      orders: 1,
      revenue: 50,
      lastProducts: ['Dübel'],
      usualProducts: ['Dübel'],
    },
  };

  beforeEach(() => {
    vi.spyOn(campaignLists, 'rowOf').mockImplementation((p, _f, code) => {
      const id = p.lines.dicts.customer[code];
      return { code, id, ...ROWS[id] } as ActionRow;
    });
  });
  afterEach(() => vi.mocked(campaignLists.rowOf).mockRestore());

  it('fills each stage for each customer in list order, paged, formatted by locale', async () => {
    const { earlier, later } = await twoDatasets();
    listIds = ['A', 'B', 'C'];
    const info = unwrap(
      await saveFrom(earlier.id, { query: { list: 'whitespace', pair: { a: 'Schrauben', b: 'Dübel' } } }),
    );
    const de = await messages(later.id, info.id, 'de', 0, 2);
    expect(de.total).toBe(3);
    expect(de.fromSavedDataset).toBe(true);
    expect(de.rows.map((r) => r.id)).toEqual(['A', 'B']);
    expect(de.rows[0].fields).toEqual({
      customer: 'A',
      name: 'Alpha GmbH',
      lastOrderDate: '10.01.2023',
      daysSinceLastOrder: '446',
      lastProducts: 'Schrauben',
      usualProducts: 'Schrauben, Dübel',
      orders: '1',
      revenue: '1.234,50\u00a0€',
      suggestion: 'Dübel',
    });
    expect(de.rows[0].messages).toEqual([
      'Hallo Alpha GmbH (A), zuletzt am 10.01.2023.',
      '1 Bestellungen, 1.234,50\u00a0€; neu: Dübel. {unbekannt}',
    ]);
    expect(de.rows[1]).toMatchObject({ id: 'B', name: null });
    expect(de.rows[1].messages[0]).toBe('Hallo  (B), zuletzt am 10.02.2023.');
    const en = await messages(later.id, info.id, 'en', 2, 5);
    expect(en.rows.map((r) => r.id)).toEqual(['C']);
    const enA = await messages(later.id, info.id, 'en', 0, 1);
    expect(enA.rows[0].fields).toMatchObject({ lastOrderDate: '2023-01-10', revenue: '€1,234.50' });
  });

  it('with its dataset gone, the fields come from the request’s dataset at C; an id not in it gets empty fields', async () => {
    const { earlier, later } = await twoDatasets();
    listIds = ['A', 'D'];
    const info = unwrap(await saveFrom(earlier.id));
    unwrap(await api.deleteDataset(earlier.id));
    const page = await messages(later.id, info.id, 'de', 0, 10);
    expect(page.fromSavedDataset).toBe(false);
    expect(page.rows.map((r) => [r.id, r.name])).toEqual([
      ['A', 'Alpha GmbH'],
      ['D', null],
    ]);
    expect(page.rows[1].fields).toMatchObject({
      customer: 'D',
      lastOrderDate: '',
      orders: '',
      suggestion: '',
    });
    expect(page.rows[1].messages[0]).toBe('Hallo  (D), zuletzt am.');
  });
});

describe('with the real list core', () => {
  beforeEach(() => spy?.mockRestore());

  it('saves the reactivation list at C, measures it on the later data and fills its messages', async () => {
    const { ws, earlier, later } = await twoDatasets();
    // At C = 2024-03-31 with N = 12 months, inactive means a last purchase on or before C − 366 days = 2023-03-31:
    // A (2023-01-10), B (2023-02-10) and C (2023-03-10); D (2023-04-10) and later are active. Sorted by id: A, B, C.
    const info = unwrap(
      await saveFrom(earlier.id, {
        query: { list: 'reactivation', inactiveMonths: 12, sort: 'id', descending: false },
        top: 2,
      }),
    );
    expect(info).toMatchObject({ workspaceId: ws, size: 2, comparisonSize: 1, savedAsOf: '2024-03-31' });
    const out = unwrap(await api.campaignOutcome({ datasetId: later.id, campaignId: info.id }));
    // List A, B: A bought on 04-15 (120), B only after the window: 1 of 2, revenue 120. Comparison C: bought on
    // 05-20 (40) and returned 15 on 05-21: 1 of 1, revenue 25. Uplift 0.5 − 1 = −0.5.
    expect(out.list).toEqual({
      size: 2,
      converted: 1,
      rate: 0.5,
      revenue: 120,
      targetRevenue: null,
      missing: 0,
    });
    expect(out.comparison).toEqual({
      size: 1,
      converted: 1,
      rate: 1,
      revenue: 25,
      targetRevenue: null,
      missing: 0,
    });
    expect(out.uplift).toBe(-0.5);
    const page = await messages(later.id, info.id, 'de', 0, 10);
    // At C: A's only order 2023-01-10, 446 days before (365 to 2024-01-10, + 31 + 29 + 21), 100,00 €, Schrauben;
    // B's 2023-02-10, 415 days before (365 to 2024-02-10, + 19 + 31), 200,00 €. No master data: no names.
    expect(page.rows.map((r) => r.fields)).toEqual([
      {
        customer: 'A',
        name: '',
        lastOrderDate: '10.01.2023',
        daysSinceLastOrder: '446',
        lastProducts: 'Schrauben',
        usualProducts: 'Schrauben',
        orders: '1',
        revenue: '100,00\u00a0€',
        suggestion: '',
      },
      {
        customer: 'B',
        name: '',
        lastOrderDate: '10.02.2023',
        daysSinceLastOrder: '415',
        lastProducts: 'Schrauben',
        usualProducts: 'Schrauben',
        orders: '1',
        revenue: '200,00\u00a0€',
        suggestion: '',
      },
    ]);
    expect(page.rows[0].messages[1]).toBe('1 Bestellungen, 100,00\u00a0€; neu:. {unbekannt}');
  });
});
