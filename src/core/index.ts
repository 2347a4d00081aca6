export { answer, parseLine } from "./dispatch.ts";
export { loadKnowledge } from "./knowledge/load.ts";
export { buildKnowledgeBase, type KnowledgeBase } from "./knowledge-base.ts";
export { replyToJson, renderPlainText, type Reply } from "./reply.ts";
export type { CommandInput, Surface } from "./command.ts";
