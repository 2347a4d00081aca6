import { daysBetween, STALE_AFTER_DAYS } from "../pricing/price-age.ts";
import type { Knowledge } from "./load.ts";
import { isPriced } from "./kinds.ts";

export interface KnowledgeWarning {
  file: string;
  entry: string;
  message: string;
}

/**
 * Things worth an admin's attention that do not stop the bot: old prices, deprecated models, models the last import
 * missed, and task bars written as a fixed score (they do not move with the frontier).
 */
export function knowledgeWarnings(knowledge: Knowledge, today: string): KnowledgeWarning[] {
  const warnings: KnowledgeWarning[] = [];
  for (const model of knowledge.models.filter(isPriced)) {
    const entry = `model "${model.id}"`;
    const age = daysBetween(model.asOf, today);
    if (age > STALE_AFTER_DAYS) warnings.push({ file: "knowledge/models.yaml", entry, message: `price is ${age} days old (asOf ${model.asOf})` });
    if (model.deprecationDate && model.deprecationDate <= today) {
      warnings.push({ file: "knowledge/models.yaml", entry, message: `deprecated by its provider since ${model.deprecationDate}` });
    }
  }
  for (const id of knowledge.lastImport?.missing ?? []) {
    warnings.push({ file: "knowledge/import-log.yaml", entry: `model "${id}"`, message: `was missing from the last import (${knowledge.lastImport!.at})` });
  }
  for (const task of knowledge.tasks) {
    const bar = task.minQuality;
    if (bar && "score" in bar)
      warnings.push({
        file: "knowledge/tasks.yaml",
        entry: `task "${task.id}"`,
        message: `minQuality is a fixed score (${bar.score}); write it as belowBest: <points below the board's best ${bar.category} score> so it moves with the frontier`,
      });
  }
  return warnings;
}
