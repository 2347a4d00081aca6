import { createHash } from "node:crypto";
import { chmod, lstat, mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Knowledge } from "./load.ts";

/** Bump when the Knowledge shape changes, so an old cache is never read as a new one. */
const CACHE_FORMAT = 3;
/** Validated versions kept; older ones are pruned after each save. */
const KEEP_FILES = 4;
/** Folders of knowledge/ whose files are read: the top level and these, never deeper (a symlink loop is read once). */
const SUBFOLDERS = ["articles", "catalog"];

/** The files a load reads, in a stable order: regular files (or symlinks to them) of the folder and its known subfolders. */
export async function knowledgeFileNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const folder of ["", ...SUBFOLDERS]) {
    const entries = await readdir(join(dir, folder)).catch(() => [] as string[]);
    for (const entry of entries.sort()) {
      const name = folder ? `${folder}/${entry}` : entry;
      const info = await stat(join(dir, name)).catch(() => null);
      if (info?.isFile()) names.push(name);
    }
  }
  return names;
}

/** A hash of everything a snapshot is built from: every knowledge file, and the extra catalog map if one is set. */
export async function knowledgeFingerprint(dir: string, catalogPath?: string): Promise<string> {
  const hash = createHash("sha256").update(String(CACHE_FORMAT));
  for (const name of await knowledgeFileNames(dir)) {
    const content = await readFile(join(dir, name)).catch(() => null);
    if (content) hash.update(name).update("\0").update(content);
  }
  if (catalogPath) hash.update("catalog\0").update(await readFile(catalogPath));
  return hash.digest("hex").slice(0, 32);
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The cache folder must be ours alone: created 0700, and refused when another user owns it or others may write to
 * it, so nobody else can plant a "validated" snapshot there.
 */
async function privateFolder(dir: string): Promise<boolean> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if (!info.isDirectory() || (typeof process.getuid === "function" && info.uid !== process.getuid())) return false;
  if ((info.mode & 0o077) !== 0) await chmod(dir, 0o700);
  return true;
}

/**
 * The last validated snapshot of exactly these files, if one was saved in `cacheDir`: a restart then skips YAML and
 * zod. The file names its fingerprint and the digest of its payload; anything that does not match is a miss.
 */
export async function readCachedKnowledge(cacheDir: string, fingerprint: string, now: Date): Promise<Knowledge | null> {
  try {
    if (!(await privateFolder(cacheDir))) return null;
    const file = JSON.parse(await readFile(join(cacheDir, `${fingerprint}.json`), "utf8")) as { format: number; fingerprint: string; digest: string; payload: string };
    if (file.format !== CACHE_FORMAT || file.fingerprint !== fingerprint || digest(file.payload) !== file.digest) return null;
    return { ...(JSON.parse(file.payload) as Knowledge), loadedAt: now };
  } catch {
    return null;
  }
}

export async function saveCachedKnowledge(cacheDir: string, fingerprint: string, knowledge: Knowledge): Promise<void> {
  if (!(await privateFolder(cacheDir))) return;
  const payload = JSON.stringify(knowledge);
  const temporary = join(cacheDir, `${fingerprint}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify({ format: CACHE_FORMAT, fingerprint, digest: digest(payload), payload }), { mode: 0o600 });
  await rename(temporary, join(cacheDir, `${fingerprint}.json`));
  await pruneCache(cacheDir);
}

async function pruneCache(cacheDir: string): Promise<void> {
  const files = await Promise.all(
    (await readdir(cacheDir)).filter((name) => name.endsWith(".json")).map(async (name) => ({ name, at: (await stat(join(cacheDir, name))).mtimeMs })),
  );
  files.sort((a, b) => b.at - a.at);
  await Promise.all(files.slice(KEEP_FILES).map((f) => unlink(join(cacheDir, f.name)).catch(() => undefined)));
}
