import type { Translator } from "../src/core/i18n/translate.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { costRatio, type WorkloadCost } from "../src/core/pricing/pricing.ts";
import { formatPercent, formatRatio } from "../src/core/reply/format.ts";

/** Below this ratio the saving is told in percent: "1.0× cheaper" says nothing. */
const CLOSE_RATIO = 1.1;

/** What the cheapest saves, as a share of the dearest's cost: never "100%" for a saving that is not all of it. */
function savedPercent(ratio: number): string {
  const percent = (1 - 1 / ratio) * 100;
  return percent >= 99.95 ? ">99.9%" : formatPercent(percent);
}

interface Ranked {
  model: Model;
  cost: WorkloadCost;
  shown: string;
}

/**
 * A comparison's verdict, cheapest first (two or more priced): which is cheapest, or which tie for it (Claude 3.7
 * Sonnet, Sonnet 4 and Sonnet 4.5 cost the same, and none of them is "cheapest" alone), and how much dearer the dearest
 * (or those tied for dearest) are.
 */
export function compareVerdict(t: Translator, workload: string, ranked: readonly Ranked[], amount: (usd: number) => string): string {
  const cheapest = ranked[0]!;
  const dearest = ranked.at(-1)!;
  const tied = ranked.filter((p) => p.cost.totalUsd === cheapest.cost.totalUsd);
  const names = t.list(tied.map((p) => p.model.name));
  if (dearest.cost.totalUsd === 0) return t.sentences([t("compare.lead", { workload, cheapest: cheapest.model.name, cost: cheapest.shown }), t("compare.allFree")]);
  if (tied.length === ranked.length) return t("compare.leadSame", { workload, models: names, cost: cheapest.shown });
  const several = tied.length > 1;
  const lead = several ? t("compare.leadTied", { workload, models: names, cost: cheapest.shown }) : t("compare.lead", { workload, cheapest: names, cost: cheapest.shown });
  const ratio = costRatio(cheapest.cost.totalUsd, dearest.cost.totalUsd);
  if (ratio === null || ratio <= 1) return lead;
  const dearests = ranked.filter((p) => p.cost.totalUsd === dearest.cost.totalUsd).map((p) => p.model.name);
  const than = { cheapest: names, other: t.list(dearests), cost: dearest.shown, saved: amount(dearest.cost.totalUsd - cheapest.cost.totalUsd) };
  const percent = savedPercent(ratio);
  const by =
    ratio >= CLOSE_RATIO
      ? t(several ? "compare.cheaperByTied" : "compare.cheaperBy", { ...than, ratio: formatRatio(ratio, t.lang), percent })
      : t(several ? "compare.cheaperByPercentTied" : "compare.cheaperByPercent", { ...than, percent });
  return t.sentences([lead, by]);
}
