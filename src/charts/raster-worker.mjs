// Rasterizes chart SVGs off the main thread. Plain JavaScript so it runs the same under tsx, vitest and node.
import { parentPort } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";

parentPort.on("message", ({ id, svg }) => {
  try {
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
    parentPort.postMessage({ id, result: png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
