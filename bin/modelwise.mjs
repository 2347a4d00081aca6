#!/usr/bin/env node
// `npx modelwise "<question>"`: builds dist/ if a source is newer, then answers as `npm run -s ask` does.
import module from "node:module";
import { buildDist } from "../src/runtime/build/build.mjs";

module.enableCompileCache?.();
await buildDist({ onlyIfStale: true });
await import("../dist/src/ask.js");
