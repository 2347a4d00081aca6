import type { AxisCurrency } from "../reply/chart-spec.ts";
import type { CurrencyMode } from "../dispatch/grammar.ts";
import { formatPrice, formatUsd, formatWith } from "../reply/format.ts";
import type { Translator } from "../i18n/translate.ts";
import type { CurrencyFile, PricedModel } from "../knowledge/schema.ts";
import { workloadCost, type CostWorkload, type PricedEntry, type WorkloadCost } from "./pricing.ts";
import type { Source } from "../reply/reply.ts";
import { kept } from "../kept.ts";

export type { CurrencyMode };

/** ¥ to two decimals; sub-fen amounts (a per-token price, a single short request) keep up to four. */
export function formatCny(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude > 0 && magnitude < 0.0001) return `¥${formatWith("yuanTiny", { maximumSignificantDigits: 2 }, value)}`;
  if (magnitude > 0 && magnitude < 0.01) return `¥${formatWith("yuanFine", { minimumFractionDigits: 2, maximumFractionDigits: 4 }, value)}`;
  return `¥${formatWith("yuan", { minimumFractionDigits: 2, maximumFractionDigits: 2 }, value)}`;
}

/** Each model's list prices as shown, by currency, field and rate: the same in every answer that shows them. */
const shownPrices = new WeakMap<PricedModel, Map<string, string>>();

/** A model with its provider's own yuan prices in place of its dollar ones, made once per model (null: it has none). */
const yuanLists = new WeakMap<PricedEntry, PricedEntry | null>();

function yuanList(model: PricedEntry): PricedEntry | null {
  const native = model.nativeCny;
  return native ? { ...model, inputPer1M: native.inputPer1M, outputPer1M: native.outputPer1M, cachedInputPer1M: native.cachedInputPer1M } : null;
}

const newShownPrices = (): Map<string, string> => new Map();

/** How every priced answer shows money: USD, CNY or both (Chinese answers default to both), from one rate with its date. */
export class Money {
  constructor(
    readonly mode: CurrencyMode,
    private readonly currency: CurrencyFile,
  ) {}

  /** The currency asked for, else both for Chinese answers and dollars for English ones. */
  static from(asked: CurrencyMode | null, t: Translator, currency: CurrencyFile): Money {
    return new Money(asked ?? (t.lang === "zh" ? "both" : "usd"), currency);
  }

  /** The money axis of a chart: yuan whenever the answer shows yuan. */
  axisCurrency(): AxisCurrency {
    return this.mode === "usd" ? { code: "usd" } : { code: "cny", usdToCny: this.rate };
  }

  get rate(): number {
    return this.currency.usdToCny.rate;
  }

  private show(usd: string, cny: string): string {
    return this.mode === "usd" ? usd : this.mode === "cny" ? cny : `${usd} (${cny})`;
  }

  /** An amount with no provider price behind it (GPU rent, a total): converted at the rate. */
  amount(usd: number): string {
    return this.show(formatUsd(usd), formatCny(usd * this.rate));
  }

  /** A per-1M-token price: the provider's own yuan price where the knowledge has one. Written once per model, currency and rate. */
  price(model: PricedModel, field: "inputPer1M" | "outputPer1M" | "cachedInputPer1M"): string {
    const shown = kept(shownPrices, model, newShownPrices);
    const key = `${this.mode}:${field}:${this.rate}`;
    let text = shown.get(key);
    if (text === undefined) {
      const usd = model[field];
      const native = model.nativeCny?.[field];
      text = usd === undefined ? "—" : this.show(formatPrice(usd), formatCny(native ?? usd * this.rate));
      shown.set(key, text);
    }
    return text;
  }

  /** A price actually used for a cost (long-context, batch …): the provider's yuan list applies to standard prices only. */
  priceUsed(model: PricedModel, cost: WorkloadCost, field: "inputPer1M" | "outputPer1M" | "cachedInputPer1M"): string {
    if (cost.pricing === "standard") return this.price(model, field);
    const usd = cost.prices[field];
    return this.show(formatPrice(usd), formatCny(usd * this.rate));
  }

  /** A model's workload cost, computed once; in yuan from its own yuan price list when it has one at standard prices. */
  cost(model: PricedEntry, workload: CostWorkload): { cost: WorkloadCost; shown: string } {
    const cost = workloadCost(model, workload);
    const inYuan = cost.pricing === "standard" ? kept(yuanLists, model, yuanList) : null;
    const cny = inYuan ? workloadCost(inYuan, workload).totalUsd : cost.totalUsd * this.rate;
    return { cost, shown: this.show(formatUsd(cost.totalUsd), formatCny(cny)) };
  }

  /** The note and source that say which rate was used, shown whenever yuan appear. */
  notes(t: Translator, models: readonly PricedModel[]): { notes: string[]; sources: Source[]; data: Record<string, unknown> } {
    if (this.mode === "usd") return { notes: [], sources: [], data: { currency: "usd" } };
    const { rate, asOf, source } = this.currency.usdToCny;
    const natives = models.filter((m) => m.nativeCny);
    const notes = [t("currency.rate", { rate: rate.toFixed(2), date: asOf })];
    if (natives.length) notes.push(t("currency.native", { models: natives.map((m) => m.name).join(", ") }));
    const sources: Source[] = [
      { title: t("currency.source"), ref: source, asOf },
      ...natives.map((m) => ({ title: `${m.name} ¥`, ref: m.nativeCny!.source, asOf: m.nativeCny!.asOf })),
    ];
    return { notes, sources, data: { currency: this.mode, usdToCny: rate, rateAsOf: asOf } };
  }
}
