#!/usr/bin/env node
// Builds the bot to dist/ with tsc, copies what tsc does not emit (worker scripts and their data) and bundles the
// one-shot answer (bundle.mjs). `--if-stale` (and if-stale.mjs, which `npm start` and the bin load) builds only when
// dist/ is missing or older than the sources, so
// `npm ci && npm start` works on a fresh clone and a production image (no sources) never rebuilds.
// Types are checked by `npm run typecheck` (part of `npm test`), not here: emitting only keeps a cold start fast.
// Plain JavaScript on purpose: it must run before anything is built, with no TypeScript loader.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleAsk } from "./bundle.mjs";
import { DIST, isStale, ROOT } from "./stale.mjs";

// scratch space inside node_modules: git-ignored, and on the same filesystem as dist/ so the swap is a rename
const SCRATCH = join(ROOT, "node_modules", ".cache", "modelwise-build");
const LOCK = join(SCRATCH, "lock");
/** Files tsc does not emit but the built code loads at run time, relative to their module. */
const RUNTIME_FILES = /\.(mjs|bin)$/;
const LOCK_WAIT_MS = 120_000;

function copyRuntimeFiles(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !RUNTIME_FILES.test(entry.name)) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(ROOT, source));
    mkdirSync(join(target, ".."), { recursive: true });
    cpSync(source, target);
  }
}

function holderIsGone() {
  try {
    process.kill(Number(readFileSync(join(LOCK, "pid"), "utf8")), 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH" || error.code === "ENOENT";
  }
}

/** One build at a time (parallel test files, two `npm start`s): the others wait, then find dist/ fresh. */
async function withLock(work) {
  mkdirSync(SCRATCH, { recursive: true });
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (holderIsGone()) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`another build (${LOCK}) is still running after ${LOCK_WAIT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function build() {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  if (!existsSync(tsc)) throw new Error("dist/ is missing or out of date and TypeScript is not installed; run `npm ci` (with dev dependencies), then `npm run build`");
  const next = join(SCRATCH, `next-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  const started = Date.now();
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", next, "--noCheck"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    throw new Error("the build failed (errors above)");
  }
  copyRuntimeFiles(join(ROOT, "src"), next);
  await bundleAsk(next);
  writeFileSync(join(next, ".built"), `${new Date().toISOString()}\n`);
  // swapped in whole, so a reader never sees half a build
  const old = join(SCRATCH, `old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
  console.error(`modelwise: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds dist/ (only when missing or older than the sources, with `onlyIfStale`); exits with one line on failure. */
export async function buildDist({ onlyIfStale }) {
  try {
    if (!onlyIfStale || isStale()) await withLock(() => (!onlyIfStale || isStale() ? build() : undefined));
  } catch (error) {
    console.error(`modelwise: ${error.message}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDist({ onlyIfStale: process.argv.includes("--if-stale") });
