import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { mentionedModels } from "./models.ts";

/**
 * Questions about how prices changed, in English and Chinese: "how has o3's price changed", "what got cheaper this
 * year", "deepseek 降价了吗", "今年哪些模型降价了". Answered by /history; kept apart from the main understander,
 * which never sees them.
 */
const ASKS_HISTORY =
  /price (?:history|changes?|cuts?|drops?)|pric(?:e|es|ing) (?:changed|moved|evolved|gone down|dropped|fallen)|how (?:has|have|did) .{1,60}?(?:price|prices|pricing|cost)s? (?:changed|change|moved|evolved)|\b(?:got|gotten|get|gets|getting|become|became) cheaper|价格(?:历史|变化|变动|走势)|降价|涨价|变便宜/u;
const THIS_YEAR = /\bthis year\b|今年/u;
const LAST_YEAR = /\blast year\b|去年/u;
const YEAR = /\b(?:in|since) (20\d\d)\b|(20\d\d) ?年(?:以来)?/u;

export interface HistoryQuestion {
  /** the model asked about, as its id; null: what got cheaper */
  model: string | null;
  /** YYYY-01-01 of the year asked about, if one was */
  since: string | null;
}

export function historyQuestion(snapshot: KnowledgeSnapshot, line: string, today: string): HistoryQuestion | null {
  const text = line.normalize("NFKC").toLowerCase();
  if (!ASKS_HISTORY.test(text)) return null;
  const year = THIS_YEAR.test(text) ? today.slice(0, 4) : LAST_YEAR.test(text) ? String(Number(today.slice(0, 4)) - 1) : (YEAR.exec(text)?.slice(1).find(Boolean) ?? null);
  const model = mentionedModels(snapshot, text).models[0]?.model.id ?? null;
  return { model, since: year ? `${year}-01-01` : null };
}
