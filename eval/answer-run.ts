/**
 * Replays the answer corpus through the real core, the way the terminal answers a typed line: the dispatcher
 * composed as src/ask.ts composes it (every command, conversation memory, no rate limit for the local user), each
 * line through answerLine, a conversation's turns in file order under one conversation id.
 */
import { answerLine } from "../src/adapters/cli/session.ts";
import { readConfig } from "../src/config/config.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { buildSnapshot, type KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { fixedKnowledge } from "../src/core/knowledge/store.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { composeDispatcher } from "../src/runtime/compose.ts";
import type { LoadedItem } from "./answer-corpus.ts";
import { gradeReply, kindOf, type GradeContext, type KnownModel } from "./answer-grade.ts";

/** The date answers are given on, as the tests pin it: price-age notes do not change the grade, but stay stable. */
const EVAL_TODAY = "2026-11-28";

export interface ItemResult {
  item: LoadedItem;
  kind: string;
  reasons: string[];
  right: boolean;
  text: string;
}

export async function loadEvalSnapshot(knowledgeDir = readConfig({}).knowledgeDir): Promise<KnowledgeSnapshot> {
  return buildSnapshot(await loadKnowledge(knowledgeDir, new Date(`${EVAL_TODAY}T12:00:00Z`)));
}

/** The knowledge as the grader reads it: raw prices and capabilities by id, and every name. */
export function gradeContextOf(snapshot: KnowledgeSnapshot): GradeContext {
  const models = new Map<string, KnownModel>();
  for (const entry of snapshot.priced) if (!models.has(entry.id)) models.set(entry.id, entry as unknown as KnownModel);
  for (const model of snapshot.knowledge.models) if (!models.has(model.id)) models.set(model.id, model as unknown as KnownModel);
  const names = snapshot.knowledge.models.flatMap((m) => [m.name, ...m.aliasesZh]);
  return { models, names };
}

export async function replayCorpus(items: readonly LoadedItem[], snapshot: KnowledgeSnapshot): Promise<ItemResult[]> {
  const config = readConfig({ MODELWISE_TODAY: EVAL_TODAY });
  const dispatcher = composeDispatcher(config, fixedKnowledge(snapshot), undefined, { limited: false });
  const ctx = gradeContextOf(snapshot);
  const results: ItemResult[] = [];
  for (const item of items) {
    const conversation = item.conversation === undefined ? null : `eval:${item.file}:${item.conversation}`;
    const reply: Reply = await answerLine(dispatcher, item.q, conversation);
    const reasons = gradeReply(item, reply, ctx);
    results.push({ item, kind: kindOf(reply), reasons, right: reasons.length === 0, text: reply.text });
  }
  return results;
}
