import type { AxisCurrency } from "../core/reply/chart-spec.ts";
import { formatCount } from "../core/reply/format.ts";

/** Tick steps: 1, 2, 2.5 and 5 times a power of ten, so every label is a number people round to. */
const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest step from STEPS at or above `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  return STEPS.find((s) => s * power >= rough * (1 - 1e-9))! * power;
}

/**
 * Ticks from 0 to the first multiple of a nice step at or above `max`, with at most `maxTicks` ticks
 * (0 included). Values are rounded to the step's precision so labels never show float noise.
 */
export function linearTicks(max: number, maxTicks = 5): number[] {
  const top = max > 0 ? max : 1;
  const step = niceStep(top / (maxTicks - 1));
  const count = Math.ceil(top / step - 1e-9);
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(digits)));
}

/** Gridlines of a log axis: 1, 2 and 5 in every decade, from the last at or below `min` to the first at or above `max`. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let exp = Math.floor(Math.log10(min)); !(ticks.length && ticks[ticks.length - 1]! >= max * (1 - 1e-9)); exp++) {
    for (const m of [1, 2, 5]) {
      const value = Number((m * 10 ** exp).toPrecision(1));
      if (value <= min * (1 + 1e-9)) ticks.length = 0;
      ticks.push(value);
      if (value >= max * (1 - 1e-9)) break;
    }
  }
  return ticks;
}

export function currencyRate(currency: AxisCurrency | undefined): number {
  return currency?.code === "cny" ? currency.usdToCny : 1;
}

const formats = new Map<number, Intl.NumberFormat>();

function fixed(digits: number): Intl.NumberFormat {
  let format = formats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  return format;
}

function decimals(value: number): number {
  for (let digits = 0; digits < 4; digits++) if (Math.abs(Number(value.toFixed(digits)) - value) < 1e-9) return digits;
  return 4;
}

/**
 * Tick labels in the answer's currency: compact on axes reaching ten thousand ($2.5K … $10K, ¥5,000 … ¥2万);
 * otherwise cents as money is written ($0.50, $2.50), the same number of decimals along a linear axis.
 */
export function moneyTicks(values: number[], currency: AxisCurrency | undefined, lang: "en" | "zh", scale: "linear" | "log"): string[] {
  const symbol = currency?.code === "cny" ? "¥" : "$";
  const top = Math.max(...values);
  const shared = Math.max(...values.map(decimals));
  return values.map((value) => {
    if (value === 0) return `${symbol}0`;
    if (top >= 10_000) return `${symbol}${formatCount(value, lang)}`;
    const digits = scale === "linear" ? shared : decimals(value);
    return `${symbol}${fixed(digits === 0 ? 0 : Math.max(2, digits)).format(value)}`;
  });
}
