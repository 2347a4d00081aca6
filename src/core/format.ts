import type { Lang } from "./i18n/lang.ts";

const formatters = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to build and cheap to reuse: one per distinct set of options, looked up by a short key. */
function numberFormat(key: string, options: Intl.NumberFormatOptions, locale = "en-US"): Intl.NumberFormat {
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

function fractionDigits(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude >= 1) return 2;
  if (magnitude >= 0.01) return 4;
  return 6;
}

/** $0.10, $1.25, $12,500.00, $0.0025: two decimals from a dollar up, more only for fractions of a cent. */
export function formatUsd(value: number): string {
  // below a hundredth of a cent, decimals would round to $0.00: two significant digits keep it visible ($0.00000013)
  if (value !== 0 && Math.abs(value) < 0.0001) return numberFormat("usdTiny", { style: "currency", currency: "USD", maximumSignificantDigits: 2 }).format(value);
  const max = fractionDigits(value);
  return numberFormat(`usd${max}`, { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: max }).format(value);
}

/** A per-1M-token price: keeps the digits the price list states ($0.125), never float noise. */
export function formatPrice(value: number): string {
  return numberFormat("price", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
}

export function formatNumber(value: number, maxFractionDigits = 2, useGrouping = true): string {
  return numberFormat(`n${maxFractionDigits}${useGrouping ? "g" : ""}`, { maximumFractionDigits: maxFractionDigits, useGrouping }).format(value);
}

const COMPACT_LOCALES: Record<Lang, string> = { en: "en", zh: "zh-CN" };

/** 10M / 1000万, 1.5K / 1500, 272K / 27.2万, 2.5T / 2.5万亿: Intl's compact notation in each language's units. */
export function formatCount(value: number, lang: Lang): string {
  // below a language's first unit (1K, 1万) the number is written out in full
  const significant = Math.abs(value) >= (lang === "zh" ? 10_000 : 1000) ? 3 : 21;
  return numberFormat(`compact-${lang}-${significant}`, { notation: "compact", maximumSignificantDigits: significant }, COMPACT_LOCALES[lang]).format(value);
}

export function formatTokens(value: number, lang: Lang): string {
  return lang === "zh" ? `${formatCount(value, lang)} Token` : `${formatCount(value, lang)} tokens`;
}

export function formatPercent(value: number): string {
  return `${formatNumber(value, 1)}%`;
}

export function formatRatio(value: number): string {
  return `${formatNumber(value, value >= 10 ? 0 : 1)}×`;
}
