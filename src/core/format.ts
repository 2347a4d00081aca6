import type { Lang } from "./lang.ts";

const formatters = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to build and cheap to reuse: one per distinct set of options, looked up by a short key. */
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", options);
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

const EN_UNITS: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];
const ZH_UNITS: [number, string][] = [
  [1e8, "亿"],
  [1e4, "万"],
];

/** 10M / 1000万, 1.5K / 1,500, 272K / 27.2万: compact counts in each language's units. */
export function formatCount(value: number, lang: Lang): string {
  const units = lang === "zh" ? ZH_UNITS : EN_UNITS;
  for (const [size, unit] of units) {
    const scaled = Math.abs(value) / size;
    // Chinese writes 1000万, not 1,000万
    if (scaled >= 1) return `${formatNumber(value / size, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2, lang === "en")}${unit}`;
  }
  return formatNumber(value, 0);
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
