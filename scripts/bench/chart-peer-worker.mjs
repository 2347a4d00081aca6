// The peer for the charts bench: how charts were rasterized before (the worker at 0cc0818): the SVG with its <text>,
// resvg loading the chart font and shaping every line, drawn at 2× (1800 px wide), encoded by resvg's own PNG encoder.
import { parentPort } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";

parentPort.on("message", ({ id, svg, fontFile, fontFamily }) => {
  try {
    const image = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: fontFamily, sansSerifFamily: fontFamily },
      fitTo: { mode: "zoom", value: 2 },
      logLevel: "off",
    }).render();
    parentPort.postMessage({ id, result: image.asPng() });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
