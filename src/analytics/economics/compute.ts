/**
 * Every economics figure of a scope (METRICS.md "Economics"), assembled from the figure families of this folder.
 * Pure: the worker handler (src/worker/handlers/economics.ts) reads the dataset, the master data, the spend and the
 * forecast and passes them in; the report can do the same.
 */
import type {
  CacPeriods,
  CalculatorInputs,
  ChannelRow,
  EconomicsReason,
  EconomicsRequestOptions,
  EconomicsResult,
  Figure,
  MasterJoinInfo,
  RecordColumns,
  SettingsUsed,
  WhatIfLevers,
  WhatIfResult,
} from '../../shared/economics';
import {
  DEFAULT_DISCOUNT_PERCENT_MONTHLY,
  DEFAULT_TARGET_LTV_TO_CAC,
  type YourFigures,
} from '../../shared/figures';
import { dayToIso } from '../../shared/days';
import { NO_DAY } from '../../shared/columns';
import type { AggregateOptions, CustomerTable } from '../customers';
import type { Lines } from '../lines';
import type { KpiResult } from '../kpis';
import { horizonIndex, type ForecastColumns, type ForecastReport, type ForecastSettings } from '../forecast';
import { historyDays } from '../sufficiency';
import { joinMaster } from '../master-join';
import { calibrationSummary, compress, type Occasions } from '../btyd/summary';
import { expectedSpend, type GammaGammaParams } from '../btyd/gammagamma';
import type { BgNbdParams } from '../btyd/bgnbd';
import type { MbgNbdParams } from '../btyd/mbgnbd';
import type { ParetoNbdParams } from '../btyd/paretonbd';
import {
  buildOrders,
  computeContribution,
  contributionMargins,
  customerOrders,
  marginAvailable,
  scopeMarginRate,
  serviceCosts,
  type MarginSettings,
} from './margin';
import {
  ChannelNames,
  cacFigure,
  cacPeriods,
  channelWindow,
  customerChannels,
  spendInfo,
  spendRows,
  type SpendRows,
} from './channels';
import {
  OWN_FIT_CUSTOMERS,
  firstYearContribution,
  ltvToCac,
  maxAffordableCac,
  meanFirstOrderValue,
  newCustomerClv,
  newCustomerRepeatValue,
  observedPaybackMonth,
  paybackMonths,
  type PurchaseModel,
  type ValueModel,
} from './acquisition';
import { retentionByCohortYear } from './retention';
import { channelOrderKpis, funnel, nps, timeToValue } from './funnel';
import { budgetAllocation } from './budget';
import { whatIf, type WhatIfModel } from './whatif';

/**
 * The column keys the figures read from the master data and the spend files (the roles of the two import sources).
 */
export const MASTER_KEYS = {
  customer: 'customer',
  channel: 'acquisitionChannel',
  firstContact: 'firstContact',
  tickets: 'tickets',
  serviceCost: 'serviceCost',
  nps: 'nps',
} as const;

export const SPEND_KEYS = {
  period: 'period',
  channel: 'channel',
  amount: 'amount',
  purpose: 'purpose',
  impressions: 'impressions',
  clicks: 'clicks',
  leads: 'leads',
} as const;

export interface EconomicsInputs {
  lines: Lines;
  opts: AggregateOptions;
  table: CustomerTable;
  occasions: Occasions;
  currency: string;
  figures: YourFigures;
  options: EconomicsRequestOptions;
  master: { fileName: string; data: RecordColumns } | null;
  spend: RecordColumns[];
  /** The KPIs of the scope (computeKpis). */
  kpis: KpiResult;
  /** The scope's forecast at D (BG/NBD in weeks, margin rate 1, the discount below), or null without amounts. */
  forecast: { report: ForecastReport; columns: ForecastColumns } | null;
  /**
   * A channel's own value model (the caller memoises it); called only for channels with ≥ 500 customers.
   * Default: none (every channel uses the fit on all customers).
   */
  channelFit?: (channel: string, keep: () => Uint8Array) => ValueModel | null;
  /**
   * Memo of the caller's scope for the parts that depend on the margin settings only (the orders and their margins),
   * so a change of a cost setting does not read the lines again. Default: no memo.
   */
  memo?: <T>(key: string, compute: () => T) => T;
  /**
   * A filter is active (the lines and customers are filtered, the spend cannot be): every figure of spend against
   * customers is unavailable with the reason 'filtered'.
   */
  filtered?: boolean;
}

/** What the result was computed from, kept for the what-if simulator. */
export interface EconomicsContext {
  inputs: EconomicsInputs;
  result: EconomicsResult;
  valueModel: ValueModel | null;
  monthlyDiscount: number;
  /** The what-if simulator's base (triples and expected spend of the fit's customers), built on first use. */
  whatIfBase?: WhatIfModel | null;
}

const none = (reason: EconomicsReason): Figure => ({ value: null, reason });

/** With a filter, the CAC of every period is unavailable (the spend is not filtered, the new customers are). */
function withoutCac(p: CacPeriods, filtered: boolean): CacPeriods {
  if (!filtered) return p;
  return {
    ...p,
    periods: p.periods.map((x) => ({
      ...x,
      byChannel: x.byChannel.map((c) => ({ ...c, cac: null })),
      blended: { ...x.blended, cac: null },
    })),
  };
}

/** The value model of the forecast's fit on all customers, or null without a purchase and a spend fit. */
export function forecastValueModel(report: ForecastReport | null): ValueModel | null {
  const fit = report?.fit;
  const spend = report?.spend?.fit;
  if (!fit || !spend) return null;
  const unitDays = report.settings.unit === 'week' ? 7 : 1;
  const purchase: PurchaseModel =
    fit.model === 'paretonbd'
      ? { model: 'paretonbd', params: fit.params as unknown as ParetoNbdParams, unitDays }
      : fit.model === 'mbgnbd'
        ? { model: 'mbgnbd', params: fit.params as unknown as MbgNbdParams, unitDays }
        : { model: 'bgnbd', params: fit.params as unknown as BgNbdParams, unitDays };
  return { purchase, spend: spend.params as unknown as GammaGammaParams };
}

/** A target LTV:CAC divides the new-customer CLV: one of 0 or less is not usable (the default applies). */
const usableTarget = (t: number | null): t is number => t !== null && Number.isFinite(t) && t > 0;

/** The figures' view of the cost settings, and the keys that rest on a default. */
export function marginSettings(f: YourFigures): { settings: MarginSettings; defaults: string[] } {
  const c = f.costs;
  const defaults: string[] = [];
  if (c.costPerOrder === null) defaults.push('costPerOrder');
  if (c.costPerReturn === null) defaults.push('costPerReturn');
  if (c.serviceCostPerTicket === null && c.serviceCostPerCustomerYear === null)
    defaults.push('serviceCostPerTicket', 'serviceCostPerCustomerYear');
  if (c.discountPercentMonthly === null) defaults.push('discountPercentMonthly');
  if (!usableTarget(c.targetLtvToCac)) defaults.push('targetLtvToCac');
  return {
    settings: {
      marginPercent: f.marginPercent,
      marginByCategory: c.marginByCategory,
      costPerOrder: c.costPerOrder ?? 0,
      costPerReturn: c.costPerReturn ?? 0,
      serviceCostPerTicket: c.serviceCostPerTicket,
      serviceCostPerCustomerYear: c.serviceCostPerCustomerYear,
    },
    defaults,
  };
}

/** The master join, once per customer dictionary and master data (both are held unchanged while in use). */
const joins = new WeakMap<RecordColumns, WeakMap<readonly string[], ReturnType<typeof joinMaster>>>();

function joinOf(ids: readonly string[], master: RecordColumns) {
  let byDict = joins.get(master);
  if (!byDict) joins.set(master, (byDict = new WeakMap()));
  let j = byDict.get(ids);
  if (!j) byDict.set(ids, (j = joinMaster(ids, master)));
  return j;
}

/** A master number or day column per customer code (NaN / NO_DAY where none). */
function perCustomerNumber(rowOf: Int32Array, col: Float64Array): Float64Array {
  const out = new Float64Array(rowOf.length);
  for (let c = 0; c < rowOf.length; c++) out[c] = rowOf[c] >= 0 ? col[rowOf[c]] : NaN;
  return out;
}
function perCustomerDay(rowOf: Int32Array, col: Int32Array): Int32Array {
  const out = new Int32Array(rowOf.length);
  for (let c = 0; c < rowOf.length; c++) out[c] = rowOf[c] >= 0 ? col[rowOf[c]] : NO_DAY;
  return out;
}

export function computeEconomics(inp: EconomicsInputs): EconomicsContext {
  const t0 = performance.now();
  const { lines, opts, table, figures, options, kpis } = inp;
  const D = table.asOf;
  const ids = lines.dicts.customer ?? [];
  const { settings, defaults } = marginSettings(figures);
  const monthlyDiscount = (figures.costs.discountPercentMonthly ?? DEFAULT_DISCOUNT_PERCENT_MONTHLY) / 100;
  const typedTarget = figures.costs.targetLtvToCac;
  const target = usableTarget(typedTarget) ? typedTarget : DEFAULT_TARGET_LTV_TO_CAC;
  const months = options.horizonMonths;
  const history = historyDays(lines, D) >= 730;

  // Master data: the join, and its columns per customer code.
  let join: ReturnType<typeof joinMaster> | null = null;
  let master: MasterJoinInfo | null = null;
  if (inp.master) {
    join = joinOf(ids, inp.master.data);
    let matched = 0;
    const onlyInOrders: string[] = [];
    let onlyInOrdersCount = 0;
    for (let c = 0; c < table.size; c++) {
      if (!table.isCustomer[c]) continue;
      if (join.rowOf[c] >= 0) matched++;
      else if (onlyInOrdersCount++ < 20) onlyInOrders.push(ids[c]);
    }
    master = {
      fileName: inp.master.fileName,
      masterRows: inp.master.data.n,
      matched,
      onlyInMaster: join.onlyInMaster,
      onlyInOrders: onlyInOrdersCount,
      duplicateIds: join.duplicateIds,
      sampleOnlyInMaster: join.sampleOnlyInMaster,
      sampleOnlyInOrders: onlyInOrders,
    };
  }
  const md = inp.master?.data;
  const ticketCol = md?.numbers[MASTER_KEYS.tickets];
  const tickets = join && ticketCol ? perCustomerNumber(join.rowOf, ticketCol) : null;
  const contactCol = md?.days[MASTER_KEYS.firstContact];
  const contact = join && contactCol ? perCustomerDay(join.rowOf, contactCol) : null;
  const serviceCol = md?.numbers[MASTER_KEYS.serviceCost];
  const masterService = join && serviceCol ? perCustomerNumber(join.rowOf, serviceCol) : null;
  const npsCol = md?.numbers[MASTER_KEYS.nps];
  const scores = join && npsCol ? perCustomerNumber(join.rowOf, npsCol) : null;

  // Margins and contribution.
  const memo = inp.memo ?? (<T>(_key: string, compute: () => T) => compute());
  const marginKey = `economics-orders|${JSON.stringify([settings.marginPercent, settings.marginByCategory])}`;
  const { orders, co } = memo(marginKey, () => {
    const built = buildOrders(lines, opts, settings);
    return { orders: built, co: customerOrders(built, table.size) };
  });
  const hasMargin = marginAvailable(orders);
  const service = serviceCosts(table, tickets, settings, masterService);
  const margins = contributionMargins(table, co, service, settings);
  const marginRate = hasMargin && table.hasAmount ? scopeMarginRate(table, co) : null;

  const forecast = inp.forecast;
  const forecastFailure = forecast
    ? (forecast.report.failure?.code ?? forecast.report.spend?.failure?.code ?? null)
    : null;
  const h = horizonIndex(months);
  const fcols = forecast?.columns ?? null;
  const predictedReason: EconomicsReason | null = !table.hasAmount
    ? 'noAmount'
    : !fcols?.clv
      ? 'noForecast'
      : null;
  const contribution = computeContribution(
    {
      table,
      ids,
      co,
      service,
      settings,
      hasMargin,
      predicted: {
        months,
        clv: fcols?.clv?.[h] ?? null,
        expected: fcols?.expected[h] ?? new Float64Array(table.size).fill(NaN),
        pAlive: fcols?.pAlive ?? new Float64Array(table.size).fill(NaN),
        reason: predictedReason,
      },
    },
    margins,
  );

  // Channels and spend.
  const names = new ChannelNames();
  const masterChannel =
    join && md?.codes[MASTER_KEYS.channel]
      ? {
          rowOf: join.rowOf,
          codes: md.codes[MASTER_KEYS.channel],
          dict: md.dicts[MASTER_KEYS.channel] ?? [],
        }
      : null;
  const channelOf = customerChannels(lines, opts, table, masterChannel, names);
  const rows: SpendRows | null =
    inp.spend.length > 0 || figures.costs.typedSpend.length > 0
      ? spendRows(inp.spend, figures.costs.typedSpend, figures.costs.channelPurpose, names)
      : null;
  const u = names.size;
  const emptyRows = spendRows([], [], {}, names);
  const year = channelWindow(table, channelOf, rows ?? emptyRows, u, D - 365, D);

  const valueAll = table.hasAmount ? forecastValueModel(forecast?.report ?? null) : null;
  // Service cost of a year per customer: the yearly cost, or the ticket cost per year of tenure (at least one).
  const serviceYear = new Float64Array(table.size);
  for (let c = 0; c < table.size; c++) {
    if (!table.isCustomer[c]) continue;
    serviceYear[c] =
      service.basis === 'yearly'
        ? (settings.serviceCostPerCustomerYear ?? 0)
        : service.cost[c] / Math.max(1, (D - table.first[c]) / 365.25);
  }
  const fy = firstYearContribution(table, orders, channelOf, u, settings, serviceYear);

  const clvOf = (ch: number, name: string | null): ChannelRow['newCustomerClv'] => {
    if (!table.hasAmount) return { ...none('noAmount'), fit: null };
    if (!hasMargin || marginRate === null) return { ...none('noMargin'), fit: null };
    const first = meanFirstOrderValue(table, co.firstOrderValue, channelOf, ch < u ? ch : -1, D - 365, D);
    if (first.mean === null) return { ...none('noNewCustomers'), fit: null };
    let model = valueAll;
    let fit: 'channel' | 'all' = 'all';
    if (name !== null && inp.channelFit && year.customers[ch] >= OWN_FIT_CUSTOMERS) {
      const own = inp.channelFit(name, () => {
        const keep = new Uint8Array(table.size);
        for (let c = 0; c < table.size; c++) keep[c] = channelOf[c] === ch ? 1 : 0;
        return keep;
      });
      if (own) {
        model = own;
        fit = 'channel';
      }
    }
    if (!model) return { ...none('noForecast'), fit: null };
    const value = newCustomerClv(marginRate, first.mean, model, months, monthlyDiscount);
    if (!Number.isFinite(value)) return { ...none('noForecast'), fit: null };
    return {
      value,
      reason: null,
      fit,
    };
  };

  const channels: ChannelRow[] = [];
  for (let ch = 0; ch <= u; ch++) {
    const isUnknown = ch === u;
    // Names seen only in an order dictionary (no customer, no spend) are no channel of the figures.
    if (year.customers[ch] === 0 && (isUnknown || !names.inSpend[ch])) continue;
    const name = isUnknown ? null : names.names[ch];
    const spend = year.spend[ch];
    const cac = inp.filtered ? none('filtered') : cacFigure(spend, year.newCustomers[ch]);
    const clv = clvOf(ch, name);
    channels.push({
      channel: name,
      customers: year.customers[ch],
      newCustomers: year.newCustomers[ch],
      spend,
      cac,
      newCustomerClv: clv,
      maxAffordableCac: maxAffordableCac(clv, target),
      ltvToCac: ltvToCac(clv, cac),
      paybackMonths: !table.hasAmount
        ? none('noAmount')
        : hasMargin
          ? paybackMonths(cac, fy, ch, history)
          : none('noMargin'),
      observedPaybackMonth: !table.hasAmount
        ? none('noAmount')
        : hasMargin
          ? observedPaybackMonth(cac, fy, ch, history)
          : none('noMargin'),
      inCustomers: isUnknown || names.inCustomers[ch],
      inSpend: !isUnknown && names.inSpend[ch],
    });
  }
  let blendedSpend = year.spendWithoutChannel;
  let blendedNew = 0;
  for (let ch = 0; ch <= u; ch++) {
    blendedSpend += year.spend[ch];
    blendedNew += year.newCustomers[ch];
  }
  const blendedCac = inp.filtered ? none('filtered') : cacFigure(blendedSpend, blendedNew);

  // Calculator inputs.
  const k = kpis.kpis;
  const spendCac = rows && blendedCac.value !== null ? blendedCac.value : null;
  const calculator: CalculatorInputs = {
    aov: k.aov.value,
    frequency: k.purchaseFrequency.value,
    lifespanYears: k.lifespanYears.value,
    cac: spendCac ?? figures.cac,
    cacSource: spendCac !== null ? 'spend' : figures.cac !== null ? 'typed' : 'none',
    marginRate,
  };

  // Funnel and budget.
  const firstAll = meanFirstOrderValue(table, co.firstOrderValue, channelOf, 'all', D - 365, D);
  const valueRate = marginRate ?? 1;
  const meanClv = forecast?.report.horizons[h]?.meanClv ?? null;
  const npsValue = nps(table, scores);
  const stages = funnel({
    table,
    rows,
    newCustomers: blendedNew,
    newByChannel: year.newCustomers,
    firstOrderAov: table.hasAmount ? firstAll.mean : null,
    aov: k.aov.value,
    repeatRate: k.repeatRate.value,
    clv: meanClv === null ? null : meanClv * valueRate,
    nps: npsValue.value,
    filtered: inp.filtered,
  });
  // The funnel of each channel listed (its spend rows, its new customers and its customers' orders).
  const funnelByChannel = channels.map((row) => {
    // Unknown-channel customers carry −1, as do spend rows without a channel.
    const ch = row.channel === null ? -1 : names.index(row.channel);
    const own = channelOrderKpis(table, channelOf, ch, fcols?.clv?.[h] ?? null);
    const first = meanFirstOrderValue(table, co.firstOrderValue, channelOf, ch, D - 365, D);
    return {
      channel: row.channel,
      stages: funnel({
        table,
        rows,
        channel: ch,
        newCustomers: row.newCustomers,
        firstOrderAov: table.hasAmount ? first.mean : null,
        aov: own.aov,
        repeatRate: own.repeatRate,
        clv: own.meanClv === null ? null : own.meanClv * valueRate,
        nps: nps(table, scores, channelOf, ch).value,
        filtered: inp.filtered,
      }),
    };
  });
  const newClvAll =
    valueAll && firstAll.mean !== null
      ? firstAll.mean + newCustomerRepeatValue(valueAll, months, monthlyDiscount)
      : null;
  const budget = budgetAllocation({
    table,
    // With a filter, no budget split: the spend (and a typed split) is of the whole business, the value is not.
    rows: inp.filtered ? null : rows,
    typedAcquisition: inp.filtered ? null : figures.acquisitionShare,
    typedExisting: inp.filtered ? null : figures.existingShare,
    clv: fcols?.clv?.[h] ?? null,
    newCustomerClv: newClvAll,
  });
  if (inp.filtered) budget.reason = 'filtered';
  if (budget.valueExisting !== null) budget.valueExisting *= valueRate;
  if (budget.valueNew !== null) budget.valueNew *= valueRate;

  const used: SettingsUsed = {
    marginSource: orders.source,
    marginPercent: figures.marginPercent,
    categoryMargins: Object.keys(figures.costs.marginByCategory).length,
    costPerOrder: settings.costPerOrder,
    costPerReturn: settings.costPerReturn,
    serviceCostPerTicket: settings.serviceCostPerTicket ?? 0,
    serviceCostPerCustomerYear: settings.serviceCostPerCustomerYear ?? 0,
    serviceBasis: service.basis,
    discountMonthly: monthlyDiscount,
    targetLtvToCac: target,
    horizonMonths: months,
    model: valueAll?.purchase.model ?? 'bgnbd',
    defaults,
  };

  const result: EconomicsResult = {
    asOf: dayToIso(D),
    currency: inp.currency,
    hasAmount: table.hasAmount,
    customers: table.count,
    settings: used,
    master,
    spend: rows ? spendInfo(rows, names, D) : null,
    contribution,
    channels,
    blended: { spend: blendedSpend, newCustomers: blendedNew, cac: blendedCac },
    cacPeriods: withoutCac(
      cacPeriods(table, channelOf, rows ?? emptyRows, names, options.granularity),
      inp.filtered === true,
    ),
    filtered: inp.filtered === true,
    retention: retentionByCohortYear(table, history),
    timeToValue: timeToValue(table, contact, inp.master ? 'noFirstContact' : 'noMaster'),
    funnel: stages,
    funnelByChannel,
    budget,
    calculator,
    forecastFailure,
    computeMs: 0,
  };
  result.computeMs = performance.now() - t0;
  return { inputs: inp, result, valueModel: valueAll, monthlyDiscount };
}

/** The what-if simulator on a computed context (the forecast's fit on all customers, revenue × the margin rate). */
export function computeWhatIf(ctx: EconomicsContext, levers: WhatIfLevers): WhatIfResult {
  const { inputs, result, valueModel } = ctx;
  if (ctx.whatIfBase === undefined) {
    ctx.whatIfBase = null;
    if (valueModel) {
      const unitDays = valueModel.purchase.unitDays;
      const summary = calibrationSummary(inputs.occasions, inputs.table.asOf, unitDays);
      const triples = compress(summary.x, summary.tx, summary.T);
      const spend = new Float64Array(summary.x.length);
      for (let i = 0; i < spend.length; i++)
        spend[i] = expectedSpend(valueModel.spend, summary.x[i], summary.m[i]);
      ctx.whatIfBase = { purchase: valueModel.purchase, triples, spend };
    }
  }
  const model = ctx.whatIfBase;
  return whatIf(levers, result.calculator, model, result.settings.horizonMonths, ctx.monthlyDiscount);
}

/** The forecast settings behind the predicted figures: BG/NBD in weeks at D, on revenue (the margin comes after); the worker and the report use the same. */
export function economicsForecastSettings(figures: YourFigures): ForecastSettings {
  return {
    model: 'bgnbd',
    unit: 'week',
    calibrationEnd: null,
    monthlyDiscount: (figures.costs.discountPercentMonthly ?? DEFAULT_DISCOUNT_PERCENT_MONTHLY) / 100,
    marginRate: 1,
  };
}
