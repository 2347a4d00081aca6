import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knowledge } from "./load.ts";

/** Bump when the Knowledge shape changes, so an old cache is never read as a new one. */
const CACHE_FORMAT = 1;

function cacheDir(): string {
  return process.env.MODELWISE_CACHE_DIR ?? join(tmpdir(), "modelwise-cache");
}

/** A hash of everything a snapshot is built from: every file in the knowledge folder, and the catalog map. */
export async function knowledgeFingerprint(dir: string, catalogPath?: string): Promise<string> {
  const hash = createHash("sha256").update(String(CACHE_FORMAT));
  const names = (await readdir(dir, { recursive: true })).map(String).sort();
  for (const name of names) {
    const content = await readFile(join(dir, name)).catch(() => null);
    if (content) hash.update(name).update("\0").update(content);
  }
  if (catalogPath) hash.update("catalog\0").update(await readFile(catalogPath));
  return hash.digest("hex").slice(0, 32);
}

/**
 * The last validated snapshot of exactly these files, if one was saved: a restart then skips
 * parsing YAML and validating with zod. Anything unreadable is simply a miss.
 */
export async function readSnapshot(fingerprint: string, now: Date): Promise<Knowledge | null> {
  try {
    const saved = JSON.parse(await readFile(join(cacheDir(), `${fingerprint}.json`), "utf8")) as Knowledge;
    return { ...saved, loadedAt: now };
  } catch {
    return null;
  }
}

export async function saveSnapshot(fingerprint: string, knowledge: Knowledge): Promise<void> {
  const dir = cacheDir();
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `${fingerprint}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(knowledge));
  await rename(temporary, join(dir, `${fingerprint}.json`));
}
