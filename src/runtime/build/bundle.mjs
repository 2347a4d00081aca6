// Bundles the one-shot terminal answer (dist/src/ask.js, as tsc emitted it) into dist/bundle/: Node then loads one
// file instead of resolving and linking ~180 modules, which was most of a one-shot answer's start.
// Plain JavaScript on purpose, like build.mjs: it runs before anything is built.
import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

/** Where the bundle goes, relative to the build's root (dist/ or a scratch copy of it). */
const BUNDLE_DIR = "bundle";
/** Native or worker-only packages stay outside the bundle and load from node_modules as before. */
const EXTERNAL = ["@resvg/resvg-js"];

/**
 * A bundled module's `import.meta.url` would name the bundle, not the module: each one is rewritten to the URL
 * the module had in the build, relative to the bundle, so `new URL("./worker.mjs", import.meta.url)` and the
 * walks up to the package root find what they found before, wherever dist/ is moved.
 */
function ownUrlPerModule(dist, outdir) {
  return {
    name: "own-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (relative(dist, args.path).startsWith("..") || !source.includes("import.meta")) return { contents: source, loader: "js" };
        if (/import\.meta(?!\.url)/.test(source)) throw new Error(`${args.path}: only import.meta.url can be rewritten for the bundle`);
        const fromBundle = relative(outdir, args.path).split("\\").join("/");
        return { contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: "js", resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Bundles `<dist>/src/ask.js` to `<dist>/bundle/ask.js`; lazily imported parts (charts, the YAML loader) become chunks loaded only when used. */
export async function bundleAsk(dist) {
  const { build } = await import("esbuild");
  const outdir = join(dist, BUNDLE_DIR);
  await build({
    entryPoints: { ask: join(dist, "src/ask.js") },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    external: EXTERNAL,
    chunkNames: "chunk-[hash]",
    // packages written for CommonJS (bundled into an ES module) still find `require` for Node's built-ins
    banner: { js: 'import { createRequire as __modelwiseRequire } from "node:module"; const require = __modelwiseRequire(import.meta.url);' },
    logLevel: "warning",
    plugins: [ownUrlPerModule(dist, outdir)],
  });
}
