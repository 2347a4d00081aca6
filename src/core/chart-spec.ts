/** What a chart shows, in the reply's language; surfaces render it to PNG where charts help. */
export type ChartSpec = BarChartSpec | BreakEvenChartSpec;

export interface BarChartSpec {
  kind: "bars";
  title: string;
  axisLabel: string;
  /** shown on the axis when the scale is logarithmic */
  logNote: string;
  items: { label: string; value: number; valueLabel: string }[];
}

export interface BreakEvenChartSpec {
  kind: "breakEven";
  title: string;
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
  /** the money axis: dollars, or yuan at the answer's rate */
  axisCurrency: { code: "usd" } | { code: "cny"; usdToCny: number };
}
