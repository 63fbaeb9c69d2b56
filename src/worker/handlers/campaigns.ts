/**
 * Campaigns: a list saved with its date, customers, comparison group and staged workflow; the messages filled from
 * each customer's history; the outcome measured on later data (METRICS.md "Actions": Campaign outcome; choices in
 * docs/actions.md).
 */
import type {
  CampaignGroup,
  CampaignInfo,
  CampaignMessagePage,
  CampaignMessageRow,
  CampaignOutcomeView,
  CampaignPatch,
  CampaignRecord,
  CampaignStage,
  MessageField,
  SaveCampaignOptions,
} from '../../shared/actions';
import { AppFailure } from '../../shared/errors';
import { dayToIso, isoToDay } from '../../shared/days';
import { campaignOutcome as outcomeOf, type GroupOutcome } from '../../analytics/actions/campaign';
import { fillMessage } from '../../analytics/actions/message';
import { formatMoney, formatNumber } from '../../i18n/format';
import * as repo from '../../storage/campaigns';
import { getDataset } from '../../storage/datasets';
import { actionListOf, customerRowOf, prepareActions } from '../action-lists';
import { prepare, type AnalysisRequest, type Prepared } from '../scope';
import { figuresHandler } from './figures';
import type { ActionsRequest } from './actions';

export type SaveCampaignRequest = ActionsRequest & { options: SaveCampaignOptions };
export type CampaignOutcomeRequest = AnalysisRequest & { campaignId: number };
export type CampaignMessagesRequest = AnalysisRequest & {
  campaignId: number;
  locale: 'de' | 'en';
  offset: number;
  limit: number;
};

/** The list core the campaigns use (replaceable in tests). */
export const campaignLists = { listOf: actionListOf, rowOf: customerRowOf };

export const MAX_WINDOW_DAYS = 730;
export const MAX_HOLD_OUT_SHARE = 0.5;

function invalid(what: string): never {
  throw new AppFailure('campaignInvalid', `Campaign not saved: ${what}.`);
}

function checkName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '') invalid('the name is empty');
  return trimmed;
}

function checkWindow(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
    invalid(`the outcome window must be 1 to ${MAX_WINDOW_DAYS} days`);
  }
  return days;
}

/** Plain copies of the stages (no state proxies), open unless marked done. */
function cleanStages(stages: readonly CampaignStage[] | undefined): CampaignStage[] {
  return (stages ?? []).map((s) => ({
    day: Math.max(0, Math.round(Number(s.day) || 0)),
    title: String(s.title ?? ''),
    text: String(s.text ?? ''),
    doneAt: s.doneAt ?? null,
  }));
}

/** A 32-bit FNV-1a hash of a string: the seed of the hold-out. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits the taken customers into the contacted list and the held-back ones: round(share × taken) at random,
 * seeded by the creation time and the ids (the same input gives the same split), at most taken − 1 so that someone
 * is contacted. Both parts keep the list's order.
 */
export function holdOut(
  taken: readonly string[],
  share: number,
  createdAt: number,
): { contacted: string[]; held: string[] } {
  const k = Math.min(Math.round(share * taken.length), Math.max(0, taken.length - 1));
  const next = random(hash(`${createdAt}\n${taken.join('\n')}`));
  // A partial Fisher-Yates shuffle of the positions: the first k are held back.
  const pos = Array.from(taken, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pos.length - i));
    [pos[i], pos[j]] = [pos[j], pos[i]];
  }
  const isHeld = new Uint8Array(taken.length);
  for (let i = 0; i < k; i++) isHeld[pos[i]] = 1;
  const contacted: string[] = [];
  const held: string[] = [];
  taken.forEach((id, i) => (isHeld[i] ? held : contacted).push(id));
  return { contacted, held };
}

function toInfo(r: CampaignRecord): CampaignInfo {
  const { customers, comparison, ...rest } = r;
  return { ...rest, id: r.id!, size: customers.length, comparisonSize: comparison.length };
}

async function campaignOf(id: number): Promise<CampaignRecord> {
  const c = await repo.getCampaign(id);
  if (!c) throw new AppFailure('notFound', 'Campaign not found.');
  return c;
}

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Codes of ids in a customer dictionary; an id not in it gets its own code beyond it (`from`, `from + 1`, …). */
function codesOf(ids: readonly string[], codeOf: Map<string, number>, from: number) {
  let missing = 0;
  const codes = Int32Array.from(ids, (id) => codeOf.get(id) ?? from + missing++);
  return { codes, missing };
}

/** The code of each customer id of the data (memoised in the scope: every page of messages asks). */
function customerCodes(p: Prepared): Map<string, number> {
  return p.scope.cached('campaigns|codeOf', () => {
    const codeOf = new Map<string, number>();
    (p.lines.dicts.customer ?? []).forEach((id, code) => codeOf.set(id, code));
    return codeOf;
  });
}

function groupView(g: GroupOutcome | null, missing: number): CampaignGroup | null {
  if (!g) return null;
  return {
    size: g.size,
    converted: g.active,
    rate: g.rate,
    revenue: g.revenue,
    targetRevenue: g.targetRevenue ?? null,
    missing,
  };
}

/** The code column a target is named in: the category, else the product (the rule of the cross-sell lists). */
function targetKey(p: Prepared): string | null {
  if (p.lines.codes.category && p.lines.dicts.category) return 'category';
  if (p.lines.codes.product && p.lines.dicts.product) return 'product';
  return null;
}

/** An ISO date as dd.mm.yyyy (German) or as written (English). */
function messageDate(locale: 'de' | 'en', iso: string | null): string {
  if (!iso) return '';
  if (locale === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export const campaignsHandler = {
  /** The campaigns of a workspace, newest first. */
  async listCampaigns(workspaceId: number): Promise<CampaignInfo[]> {
    return (await repo.listCampaigns(workspaceId)).map(toInfo);
  },

  /** Takes the list of `options.query` in the request's scope, holds back the comparison share, stores it. */
  async saveCampaign(req: SaveCampaignRequest): Promise<CampaignInfo> {
    const o = req.options;
    const name = checkName(o.name);
    const windowDays = checkWindow(o.windowDays);
    const share = o.holdOutShare;
    if (typeof share !== 'number' || !(share >= 0 && share <= MAX_HOLD_OUT_SHARE)) {
      invalid('the held-back share must be 0 to 0.5');
    }
    const top = o.top;
    if (top !== null && (typeof top !== 'number' || !Number.isInteger(top) || top < 1)) {
      invalid('the number of customers to take must be a whole number of at least 1');
    }
    const p = await prepareActions(req);
    const query = plain(o.query);
    const list = campaignLists.listOf(p, req.figures, query);
    const dict = p.lines.dicts.customer ?? [];
    const ids = Array.from(list.codes, (c) => dict[c]);
    if (ids.length === 0) {
      throw new AppFailure('campaignEmpty', 'The list is empty: there is nothing to save as a campaign.');
    }
    const taken = top === null ? ids : ids.slice(0, top);
    const beyond = top === null ? [] : ids.slice(top);
    const createdAt = Date.now();
    const { contacted, held } = holdOut(taken, share, createdAt);
    const row: Omit<CampaignRecord, 'id'> = {
      workspaceId: p.info.workspaceId,
      name,
      createdAt,
      query,
      datasetId: p.info.id,
      datasetName: p.info.name,
      savedAsOf: dayToIso(p.opts.asOf),
      filters: plain(req.filters ?? []),
      customers: contacted,
      comparison: [...held, ...beyond],
      target: query.list === 'whitespace' ? (query.pair?.b ?? null) : null,
      windowDays,
      stages: cleanStages(o.stages),
      updatedAt: createdAt,
    };
    const id = await repo.addCampaign(row);
    return toInfo({ ...row, id });
  },

  /** Renames a campaign, changes its window or its stages (with their done dates). */
  async updateCampaign(id: number, patch: CampaignPatch): Promise<CampaignInfo> {
    const c = await campaignOf(id);
    const next: CampaignRecord = { ...c, updatedAt: Date.now() };
    if (patch.name !== undefined) next.name = checkName(patch.name);
    if (patch.windowDays !== undefined) next.windowDays = checkWindow(patch.windowDays);
    if (patch.stages !== undefined) next.stages = cleanStages(patch.stages);
    await repo.putCampaign(next);
    return toInfo(next);
  },

  async deleteCampaign(id: number): Promise<true> {
    await repo.deleteCampaign(id);
    return true;
  },

  /**
   * The outcome on the request's dataset and as-of date, over all the customers' purchases: the request's filters
   * are not applied (the campaign's customers were chosen with the filters at saving; afterwards every purchase of
   * theirs counts).
   */
  async campaignOutcome(req: CampaignOutcomeRequest): Promise<CampaignOutcomeView> {
    const c = await campaignOf(req.campaignId);
    const p = await prepare({ datasetId: req.datasetId, asOf: req.asOf ?? null });
    const dict = p.lines.dicts.customer ?? [];
    const codeOf = customerCodes(p);
    const list = codesOf(c.customers, codeOf, dict.length);
    const comparison = codesOf(c.comparison, codeOf, dict.length + list.missing);
    const C = isoToDay(c.savedAsOf);
    const key = c.target !== null ? targetKey(p) : null;
    const target =
      c.target !== null
        ? { key: key ?? 'category', code: key ? p.lines.dicts[key].indexOf(c.target) : -1 }
        : null;
    const res = outcomeOf(p.lines, {
      list: list.codes,
      comparison: comparison.codes,
      savedDay: C,
      windowDays: c.windowDays,
      target,
      opts: p.opts,
    });
    const listView = groupView(res.list, list.missing);
    const comparisonView = groupView(res.comparison, comparison.missing);
    return {
      campaignId: c.id!,
      datasetName: p.info.name,
      asOf: dayToIso(p.opts.asOf),
      windowStart: dayToIso(res.windowStart),
      windowEnd: dayToIso(Math.max(res.windowStart, res.windowEnd)),
      partial: res.windowEnd > C && res.windowEnd < C + c.windowDays,
      kind: c.target !== null ? 'crossSell' : 'winBack',
      list: listView,
      listReason: res.listReason,
      comparison: comparisonView,
      comparisonReason: res.comparisonReason,
      uplift: listView && comparisonView ? listView.rate - comparisonView.rate : null,
    };
  },

  /**
   * One page of the filled messages (every stage) of the campaign's customers, in list order. The fields come from
   * each customer's history at the campaign's date C, in the campaign's dataset and filters (the request's dataset
   * when that one is gone).
   */
  async campaignMessages(req: CampaignMessagesRequest): Promise<CampaignMessagePage> {
    const c = await campaignOf(req.campaignId);
    const fromSavedDataset = (await getDataset(c.datasetId)) !== null;
    const datasetId = fromSavedDataset ? c.datasetId : req.datasetId;
    let p: Prepared;
    try {
      p = await prepareActions({ datasetId, asOf: c.savedAsOf, filters: c.filters });
    } catch (e) {
      // Another dataset may lack a filter's attribute: then its customers' whole history is used.
      if (fromSavedDataset || !(e instanceof AppFailure) || e.code !== 'notFound') throw e;
      p = await prepareActions({ datasetId, asOf: c.savedAsOf });
    }
    const figures = await figuresHandler.getFigures(c.workspaceId, null);
    const codeOf = customerCodes(p);
    const { locale } = req;
    const currency = p.info.options.currency || 'EUR';
    const suggestion = c.target ?? '';
    const offset = Math.max(0, Math.floor(req.offset));
    const ids = c.customers.slice(offset, offset + Math.max(0, Math.floor(req.limit)));
    const rows = ids.map((id): CampaignMessageRow => {
      const code = codeOf.get(id);
      const known = code !== undefined && code < p.table.size && p.table.isCustomer[code] === 1;
      const r = known ? campaignLists.rowOf(p, figures, code) : null;
      const fields: Record<MessageField, string> = {
        customer: id,
        name: r?.name ?? '',
        lastOrderDate: messageDate(locale, r?.lastOrder ?? null),
        daysSinceLastOrder: r ? formatNumber(locale, r.daysSinceLast) : '',
        lastProducts: r ? r.lastProducts.join(', ') : '',
        usualProducts: r ? r.usualProducts.join(', ') : '',
        orders: r ? formatNumber(locale, r.orders) : '',
        revenue: r ? formatMoney(locale, r.revenue, currency) : '',
        suggestion,
      };
      return {
        id,
        name: r?.name ?? null,
        fields,
        messages: c.stages.map((s) => fillMessage(s.text, fields)),
      };
    });
    return { total: c.customers.length, rows, fromSavedDataset };
  },
};
