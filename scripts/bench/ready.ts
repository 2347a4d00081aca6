import { readConfig } from "../../src/config/config.ts";
import { KnowledgeStore } from "../../src/core/knowledge/store.ts";

/** Child process for bar 5: how long from process start until knowledge (with the full catalog) is loaded and indexed. */
const store = await KnowledgeStore.open(readConfig(process.env).knowledgeDir, { catalogPath: process.argv[2] });
const readyMs = performance.now();
store.current().resolver.resolve("gpt5");
console.log(JSON.stringify({ readyMs, rssMB: process.memoryUsage().rss / 1e6, models: store.current().knowledge.catalog.length }));
