// Importing this builds dist/ first when it is missing or older than the sources, in the process that then runs it:
// `npm start` preloads it (`node --import`) and the `modelwise` bin imports it, instead of a separate node process
// before every start. The builder itself (TypeScript, esbuild) is loaded only when a build is due.
import { isStale } from "./stale.mjs";

if (isStale()) {
  const { buildDist } = await import("./build.mjs");
  await buildDist({ onlyIfStale: true });
}
