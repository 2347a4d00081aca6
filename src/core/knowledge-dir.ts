import { fileURLToPath } from "node:url";

/** knowledge/ at the repository root, unless MODELWISE_KNOWLEDGE_DIR points elsewhere. */
export function knowledgeDir(): string {
  return process.env.MODELWISE_KNOWLEDGE_DIR ?? fileURLToPath(new URL("../../knowledge/", import.meta.url));
}
