import type { Lang } from "../i18n/lang.ts";
import { plainShapeOf, writePlain, type PlainShape } from "./plain-number.ts";

/** A number format reused by key: plain ones written directly, the rest by Intl with the texts it produced. */
interface KeptFormat {
  plain: PlainShape | null;
  format: Intl.NumberFormat;
  texts: Map<number, string>;
}

const formats = new Map<string, KeptFormat>();
/** Texts kept per Intl format; past it the format starts afresh (a bound, not a ranking). */
const TEXTS_PER_FORMAT = 2_000;

/**
 * `value` in the format named `key` (built from `options` the first time the key is seen). Fixed-decimal formats
 * in US English are written directly, exactly as Intl writes them; Intl.NumberFormat is costly to build and a few
 * microseconds per call, so for the others both the format and its recent texts are kept.
 */
export function formatWith(key: string, options: Intl.NumberFormatOptions, value: number, locale = "en-US"): string {
  let kept = formats.get(key);
  if (!kept) {
    kept = { plain: plainShapeOf(options, locale), format: new Intl.NumberFormat(locale, options), texts: new Map() };
    formats.set(key, kept);
  }
  // the texts are keyed as Map keys compare, which takes -0 for 0: both are written as 0
  if (value === 0) value = 0;
  const plain = kept.plain && writePlain(value, kept.plain);
  if (plain) return plain;
  let text = kept.texts.get(value);
  if (text === undefined) {
    if (kept.texts.size >= TEXTS_PER_FORMAT) kept.texts.clear();
    text = kept.format.format(value);
    kept.texts.set(value, text);
  }
  return text;
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
  if (value !== 0 && Math.abs(value) < 0.0001) return formatWith("usdTiny", { style: "currency", currency: "USD", maximumSignificantDigits: 2 }, value);
  const max = fractionDigits(value);
  return formatWith(`usd${max}`, { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: max }, value);
}

/** A per-1M-token price: keeps the digits the price list states ($0.125), never float noise. */
export function formatPrice(value: number): string {
  return formatWith("price", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 }, value);
}

export function formatNumber(value: number, maxFractionDigits = 2, useGrouping = true): string {
  return formatWith(`n${maxFractionDigits}${useGrouping ? "g" : ""}`, { maximumFractionDigits: maxFractionDigits, useGrouping }, value);
}

const COMPACT_LOCALES: Record<Lang, string> = { en: "en", zh: "zh-CN" };

/** 10M / 1000万, 1.5K / 1500, 272K / 27.2万, 2.5T / 2.5万亿: Intl's compact notation in each language's units. */
export function formatCount(value: number, lang: Lang): string {
  // below a language's first unit (1K, 1万) the number is written out in full: whole, since an average of 642.857
  // requests a month reads as 643 (a tenth kept below 10)
  const belowUnits = Math.abs(value) < (lang === "zh" ? 10_000 : 1000);
  const shown = !belowUnits ? value : Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  const significant = belowUnits ? 21 : 3;
  return formatWith(`compact-${lang}-${significant}`, { notation: "compact", maximumSignificantDigits: significant }, shown, COMPACT_LOCALES[lang]);
}

export function formatTokens(value: number, lang: Lang): string {
  return lang === "zh" ? `${formatCount(value, lang)} Token` : `${formatCount(value, lang)} tokens`;
}

export function formatPercent(value: number): string {
  return `${formatNumber(value, 1)}%`;
}

/** 8.9× / 8.9 倍: how many times, in each language's own way. */
export function formatRatio(value: number, lang: Lang): string {
  const number = formatNumber(value, value >= 10 ? 0 : 1);
  return lang === "zh" ? `${number} 倍` : `${number}×`;
}
