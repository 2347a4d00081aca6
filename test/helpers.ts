import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.ts";
import { MemoryConversations } from "../src/core/conversation/conversation.ts";
import { createDispatcher, parseLine, type Dispatcher } from "../src/core/dispatch/dispatch.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { buildSnapshot, type KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { fixedKnowledge, type LiveKnowledge } from "../src/core/knowledge/store.ts";
import type { Reply } from "../src/core/reply/reply.ts";

export const KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge/", import.meta.url));
/** ../shared/data beside the clone (see its SOURCE files): the public data the knowledge was imported from. */
export const SHARED_DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
export const TODAY = "2026-11-28";

let shared: Promise<KnowledgeSnapshot> | null = null;

/** The real knowledge folder, loaded once per test file. */
export function realSnapshot(): Promise<KnowledgeSnapshot> {
  shared ??= loadKnowledge(KNOWLEDGE_DIR, new Date(`${TODAY}T12:00:00Z`)).then(buildSnapshot);
  return shared;
}

/** A priced model of the knowledge by id, for costs a test computes itself. */
export function pricedModel(snapshot: KnowledgeSnapshot, id: string): PricedModel {
  const found = snapshot.knowledge.models.find((m) => m.id === id);
  if (!found || !isPriced(found)) throw new Error(`no priced model ${id}`);
  return found as PricedModel;
}

export function asLive(knowledge: KnowledgeSnapshot | LiveKnowledge): LiveKnowledge {
  return "current" in knowledge ? knowledge : fixedKnowledge(knowledge);
}

/** A dispatcher over every registered command, without a rate limit, with the tests' fixed date. */
export function testDispatcher(knowledge: KnowledgeSnapshot | LiveKnowledge): Dispatcher {
  return createDispatcher({ commands, knowledge: asLive(knowledge), limiter: null, today: () => TODAY, conversations: new MemoryConversations() });
}

/** Asks the way a terminal user would, through the shared dispatcher. */
export async function ask(line: string, options: { isAdmin?: boolean } = {}): Promise<Reply> {
  const { command, text } = parseLine(line);
  return testDispatcher(await realSnapshot()).answer({ command, text, user: { id: "tester" }, isAdmin: options.isAdmin ?? false, surface: "test" });
}
