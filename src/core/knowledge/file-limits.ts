import { open } from "node:fs/promises";
import { KnowledgeInvalidError } from "./problems.ts";

/**
 * The largest knowledge file read, by kind, checked before a byte is parsed: tens of times today's files (models.yaml
 * is ~80 KB, the shipped catalog ~600 KB), far below what would stall a reload.
 */
export const KNOWLEDGE_FILE_LIMITS = {
  yaml: 4 * 1024 * 1024,
  article: 1024 * 1024,
  shippedCatalog: 8 * 1024 * 1024,
  /** MODELWISE_CATALOG: a full LiteLLM map, the same limit knowledge:import downloads within */
  extraCatalog: 25_000_000,
} as const;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A knowledge file's text, refused with a problem naming it when it is larger than `maxBytes` (measured on the open
 * file, so it cannot grow between the check and the read).
 */
export async function readCappedText(path: string, shownAs: string, maxBytes: number): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new KnowledgeInvalidError([
        { file: shownAs, line: null, entry: "file", field: "size", message: `is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit; not read` },
      ]);
    }
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}
