// Rasterizes chart SVGs to PNG off the main thread, and frees each chart's native pixels as soon as it is drawn.
// resvg's images hold Rust memory that V8 does not see, so left to the collector's own pace, a few hundred unique
// charts kept 0.3–1.2 GB resident; a minor collection here (a small heap, well under a millisecond) after each chart
// keeps it to one chart's worth. Node's --expose-gc cannot be given to a worker, hence the flag at run time.
// The SVG arrives with its text already turned into glyph outlines (outlined-text.ts), so resvg loads no font.
import v8 from "node:v8";
import vm from "node:vm";
import { parentPort } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";
import { encodePng } from "./png-encode.mjs";

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc");

parentPort.on("message", ({ id, svg, scale }) => {
  try {
    const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: "zoom", value: scale }, logLevel: "off" }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    parentPort.postMessage({ id, result: png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  } finally {
    collect({ type: "minor" });
  }
});
