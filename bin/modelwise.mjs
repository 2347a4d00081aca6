#!/usr/bin/env node
// `npx modelwise "<question>"`: builds dist/ if a source is newer, then answers as `npm run -s ask` does, from the
// bundled answer (one file to load instead of ~180 modules) when the build made one.
import { existsSync } from "node:fs";
import module from "node:module";

module.enableCompileCache?.();
await import("../src/runtime/build/if-stale.mjs");
const bundled = new URL("../dist/bundle/ask.js", import.meta.url);
await import(existsSync(bundled) ? bundled.href : "../dist/src/ask.js");
