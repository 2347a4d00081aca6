// Rasterizes chart SVGs to PNG off the main thread, and frees each chart's native pixels before the next is drawn.
// resvg's images hold Rust memory that V8 does not see (thx/resvg-js#216), released by finalizers that Node runs on
// a later turn of the event loop. Left to the collector's pace, a few hundred unique charts kept 0.3–1.2 GB resident;
// collected here in a minor collection (a small heap, well under a millisecond) from inside the chart's own frame, or
// with the next chart sent before the finalizers ran, they still reached 0.6–1.6 GB over 1,000 charts; as below,
// about 0.2 GB; with a major collection every 20th chart (MAJOR_EVERY below), 0.15 GB. Node's --expose-gc cannot be
// given to a worker, hence the flag at run time.
// The SVG arrives with its text already turned into glyph outlines (outlined-text.ts), so resvg loads no font.
import v8 from "node:v8";
import vm from "node:vm";
import { parentPort } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";
import { encodePng } from "./png-encode.mjs";

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc");

/** Draws one chart: the reply to post. A function of its own, so nothing of the chart is alive once it returns. */
function rasterize({ id, svg, scale }) {
  try {
    const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: "zoom", value: scale }, logLevel: "off" }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    return [{ id, result: png }, [png.buffer]];
  } catch (error) {
    return [{ id, error: String(error?.message ?? error) }, []];
  }
}

/**
 * Every this many charts the collection is a major one. resvg objects that lived through a scavenge while their chart
 * was drawn sit in the old generation, which minor collections never free and V8 collects by its own small size,
 * blind to the native memory they hold: with minor collections alone the process grew by ~100 MB over 1,200 charts,
 * with this ~45 MB, at no measurable cost (a major collection here takes ~15 ms; one per chart doubled the CPU).
 */
const MAJOR_EVERY = 20;
let drawn = 0;

parentPort.on("message", (request) => {
  const [reply, transfer] = rasterize(request);
  collect({ type: ++drawn % MAJOR_EVERY === 0 ? "major" : "minor" });
  // resvg frees a chart's native memory in finalizers that Node runs on a later turn of this thread's event loop;
  // replying after them means the next chart is only sent once they have run
  setImmediate(() => parentPort.postMessage(reply, transfer));
});
