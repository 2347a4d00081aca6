// Whether dist/ must be (re)built: missing, or older than a source. Only `node:fs`, so checking costs a few
// milliseconds (one stat per source file) on every start, and nothing when there are no sources (a production install).
// Plain JavaScript on purpose: it runs before anything is built.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DIST = join(ROOT, "dist");
/** Written last by a build, so its time is the build's. */
const STAMP = join(DIST, ".built");
const SOURCES = ["src", "commands", "tsconfig.json", "tsconfig.build.json"];

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

export function isStale() {
  if (!existsSync(STAMP)) return true;
  const sources = Math.max(...SOURCES.map((name) => newestMtime(join(ROOT, name))));
  return sources > statSync(STAMP).mtimeMs;
}
