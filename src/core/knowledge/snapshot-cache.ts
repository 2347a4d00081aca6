import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { constants } from "node:fs";
import { lstat, mkdir, open, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { KNOWLEDGE_FILE_LIMITS } from "./file-limits.ts";
import type { Knowledge } from "./load.ts";

/** Bump when the Knowledge shape changes, so an old cache is never read as a new one. */
const CACHE_FORMAT = 3;
/** Validated versions kept; older ones are pruned after each save. */
const KEEP_FILES = 4;
/** Folders of knowledge/ whose files are read: the top level and these, never deeper (a symlink loop is read once). */
const SUBFOLDERS = ["articles", "catalog"];

/** The files a load reads, in a stable order: regular files (or symlinks to them) of the folder and its known subfolders. */
async function knowledgeFileNames(dir: string): Promise<string[]> {
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

/**
 * The code files of `folder` (this module's folder by default: the loader, or the bundle holding it) by name, size and
 * time: any rebuild or upgrade changes it. Read from their metadata, not their bytes: hashing the 4 MB bundle took ~30 ms
 * of every one-shot start.
 */
export async function codeIdentity(folder = fileURLToPath(new URL(".", import.meta.url))): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(folder)).filter((n) => /\.(?:js|ts)$/u.test(n)).sort()) {
    const info = await stat(join(folder, name));
    hash.update(`${name}\0${info.size}\0${info.mtimeMs}\0`);
  }
  return hash.digest("hex");
}
let ownCode: Promise<string> | undefined;
const loaderCode = (): Promise<string> => {
  ownCode ??= codeIdentity();
  return ownCode;
};

/**
 * A hash of everything a snapshot is built from: every knowledge file, the extra catalog map if one is set, and the
 * loader's code, so an upgrade that reads the same files differently validates them afresh.
 */
export async function knowledgeFingerprint(dir: string, catalogPath?: string, loader: Promise<string> = loaderCode()): Promise<string> {
  const hash = createHash("sha256")
    .update(String(CACHE_FORMAT))
    .update(await loader);
  for (const name of await knowledgeFileNames(dir)) {
    const info = await stat(join(dir, name)).catch(() => null);
    // a file over every limit is refused by the load: its size and time stand for it, instead of hashing it whole
    const content = info && info.size > KNOWLEDGE_FILE_LIMITS.extraCatalog ? `${info.size}:${info.mtimeMs}` : await readFile(join(dir, name)).catch(() => null);
    if (content) hash.update(name).update("\0").update(content);
  }
  if (catalogPath) hash.update("catalog\0").update(await readFile(catalogPath));
  return hash.digest("hex").slice(0, 32);
}

/** Why a cache folder or file is not trusted, in one line an admin can act on. */
class UntrustedCacheError extends Error {
  override name = "UntrustedCacheError";
}

const ownUid = () => (typeof process.getuid === "function" ? process.getuid() : null);
const KEY_FILE = "key";

/**
 * The cache folder must be ours alone: created 0700, and refused when it is a symlink, another user owns it or
 * others may write to it, since anyone who can write there could plant a "validated" snapshot.
 */
async function trustedFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  const uid = ownUid();
  if (!info.isDirectory()) throw new UntrustedCacheError(`snapshot cache ${dir} is not a folder (a symlink?); not using it`);
  if (uid !== null && info.uid !== uid) throw new UntrustedCacheError(`snapshot cache ${dir} belongs to another user (uid ${info.uid}); not using it`);
  if ((info.mode & 0o022) !== 0)
    throw new UntrustedCacheError(`snapshot cache ${dir} is writable by other users (mode ${(info.mode & 0o777).toString(8)}); not using it: chmod 700 it`);
}

/** A file in the cache is read only when it is a plain file of ours that nobody else may write (checked on the open file, not its name). */
async function readTrustedFile(path: string, othersMayNot: number): Promise<string | null> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    if (error.code === "ELOOP") throw new UntrustedCacheError(`snapshot cache file ${path} is a symlink; not reading it`);
    throw error;
  });
  if (!handle) return null;
  try {
    const info = await handle.stat();
    const uid = ownUid();
    if (!info.isFile()) throw new UntrustedCacheError(`snapshot cache file ${path} is not a plain file; not reading it`);
    if (uid !== null && info.uid !== uid) throw new UntrustedCacheError(`snapshot cache file ${path} belongs to another user (uid ${info.uid}); not reading it`);
    if ((info.mode & othersMayNot) !== 0)
      throw new UntrustedCacheError(`snapshot cache file ${path} may be ${othersMayNot & 0o044 ? "read or " : ""}changed by other users; not reading it`);
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

/**
 * The per-install secret snapshots are signed with: the one given (MODELWISE_CACHE_KEY), else `key` in the cache
 * folder, created once with 32 random bytes and mode 0600.
 */
async function cacheKey(dir: string, given: string | null): Promise<Buffer> {
  if (given) return Buffer.from(given, "utf8");
  const path = join(dir, KEY_FILE);
  await writeFile(path, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  const key = (await readTrustedFile(path, 0o077))?.trim() ?? "";
  if (key.length < 32) throw new UntrustedCacheError(`snapshot cache key ${path} is too short; not using the cache`);
  return Buffer.from(key, "utf8");
}

const signature = (key: Buffer, fingerprint: string, payload: string) => createHmac("sha256", key).update(`${CACHE_FORMAT}\0${fingerprint}\0`).update(payload).digest("hex");

function sameSignature(given: unknown, expected: string): boolean {
  return typeof given === "string" && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export interface CacheOptions {
  /** the per-install secret (MODELWISE_CACHE_KEY); none: a key file in the cache folder */
  key?: string | null;
  /** told, in one line, why the cache or a file in it was not trusted */
  onUntrusted?: (reason: string) => void;
}

/** Runs a cache operation; an untrusted folder or file is reported and treated as a miss, any other error as a miss. */
async function guarded<T>(options: CacheOptions, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UntrustedCacheError) options.onUntrusted?.(error.message);
    return null;
  }
}

/**
 * The last validated snapshot of exactly these files, if one was saved in `cacheDir`: a restart then skips YAML and
 * zod. The file names its fingerprint and carries an HMAC of its payload under the install's secret key; anything
 * that does not match is a miss, so a file planted by someone without the key is never served.
 */
export function readCachedKnowledge(cacheDir: string, fingerprint: string, now: Date, options: CacheOptions = {}): Promise<Knowledge | null> {
  return guarded(options, async () => {
    await trustedFolder(cacheDir);
    const key = await cacheKey(cacheDir, options.key ?? null);
    const path = join(cacheDir, `${fingerprint}.json`);
    const text = await readTrustedFile(path, 0o022);
    if (text === null) return null;
    const file = JSON.parse(text) as { format: number; fingerprint: string; hmac: string; payload: string };
    if (file.format !== CACHE_FORMAT || file.fingerprint !== fingerprint || typeof file.payload !== "string") return null;
    if (!sameSignature(file.hmac, signature(key, fingerprint, file.payload))) return null;
    return { ...(JSON.parse(file.payload) as Knowledge), loadedAt: now };
  });
}

export async function saveCachedKnowledge(cacheDir: string, fingerprint: string, knowledge: Knowledge, options: CacheOptions = {}): Promise<void> {
  await guarded(options, async () => {
    await trustedFolder(cacheDir);
    const key = await cacheKey(cacheDir, options.key ?? null);
    const payload = JSON.stringify(knowledge);
    const temporary = join(cacheDir, `${fingerprint}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify({ format: CACHE_FORMAT, fingerprint, hmac: signature(key, fingerprint, payload), payload }), { mode: 0o600 });
    await rename(temporary, join(cacheDir, `${fingerprint}.json`));
    await pruneCache(cacheDir);
  });
}
async function pruneCache(cacheDir: string): Promise<void> {
  const files = await Promise.all(
    (await readdir(cacheDir)).filter((name) => name.endsWith(".json")).map(async (name) => ({ name, at: (await stat(join(cacheDir, name))).mtimeMs })),
  );
  files.sort((a, b) => b.at - a.at);
  await Promise.all(files.slice(KEEP_FILES).map((f) => unlink(join(cacheDir, f.name)).catch(() => undefined)));
}
