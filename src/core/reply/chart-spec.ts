/** What a chart shows, in the reply's language; surfaces render it to PNG where charts help. */
export type ChartSpec = BarChartSpec | BreakEvenChartSpec;

/** The money axis: dollars, or yuan at the answer's rate. Spec values stay in USD; the chart converts. */
export type AxisCurrency = { code: "usd" } | { code: "cny"; usdToCny: number };

export interface BarChartSpec {
  kind: "bars";
  title: string;
  axisLabel: string;
  /** shown on the axis when the scale is logarithmic */
  logNote: string;
  /** `value` in USD; `valueLabel` as the answer shows it. The chart sorts the bars, cheapest first, unless `order` is "given". */
  items: { label: string; value: number; valueLabel: string }[];
  /** "given": keep the items' order (a timeline); absent: cheapest first */
  order?: "given";
  /** the currency of the tick labels; USD when absent */
  axisCurrency?: AxisCurrency;
  /** the language of compact tick labels ($50K / ¥5万); guessed from the title when absent */
  lang?: "en" | "zh";
}

export interface BreakEvenChartSpec {
  kind: "breakEven";
  title: string;
  /** one sentence stating who wins, e.g. "The API is cheaper at every volume"; drawn under the title */
  verdict?: string;
  xLabel: string;
  yLabel: string;
  apiLabel: string;
  selfLabel: string;
  breakEvenLabel: string;
  apiCostPer1M: number;
  monthlyFixedUsd: number;
  /** tokens one deployment serves a month; null when no throughput is known */
  capacityTokens: number | null;
  /** null when there is none to mark: the API is free, or one deployment cannot serve the volume */
  breakEvenTokens: number | null;
  formatTokens: "en" | "zh";
  axisCurrency: AxisCurrency;
}
