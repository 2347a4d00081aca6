import type { Translator } from "../src/core/i18n/translate.ts";
import type { Money } from "../src/core/pricing/money.ts";
import { formatNumber } from "../src/core/reply/format.ts";

/** "per seat cost for 200 developers": each model's month divided among the people the usage is for. */
export function perPersonNote(t: Translator, money: Money, people: number, models: readonly { name: string; cost: number | null }[]): string | null {
  const priced = models.filter((m): m is { name: string; cost: number } => m.cost !== null);
  if (people < 2 || !priced.length) return null;
  const costs = priced.map((m) => `${m.name} ${money.amount(m.cost / people)}`);
  return t("ask.perPerson", { people: formatNumber(people, 0), costs: t.lang === "zh" ? costs.join("，") : t.list(costs) });
}
