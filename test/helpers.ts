import { answer } from "../src/core/dispatch.ts";
import { parseLine } from "../src/core/dispatch.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { buildKnowledgeBase, type KnowledgeBase } from "../src/core/knowledge-base.ts";
import { staticKnowledge, type KnowledgeSource } from "../src/core/knowledge-store.ts";
import { knowledgeDir } from "../src/core/knowledge-dir.ts";
import type { Reply } from "../src/core/reply.ts";

let shared: Promise<KnowledgeBase> | null = null;

/** The real knowledge folder, loaded once per test file. */
export function realKnowledgeBase(): Promise<KnowledgeBase> {
  shared ??= loadKnowledge(knowledgeDir()).then(buildKnowledgeBase);
  return shared;
}

/** Asks the way a terminal user would, through the shared dispatcher. */
export async function ask(line: string): Promise<Reply> {
  const kb = await realKnowledgeBase();
  const { command, text } = parseLine(line);
  return answer(staticKnowledge(kb), { command, text, user: { id: "tester" }, isAdmin: false, surface: "test" }, undefined, null);
}

export function asSource(knowledge: KnowledgeBase | KnowledgeSource): KnowledgeSource {
  return "current" in knowledge ? knowledge : staticKnowledge(knowledge);
}
