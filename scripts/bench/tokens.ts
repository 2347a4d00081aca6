import { getEncoding } from "js-tiktoken";
import { countTokens as gptCount, encode as gptEncode } from "gpt-tokenizer/encoding/o200k_base";
import { get_encoding } from "tiktoken";
import { countTokens } from "../../src/core/tokens.ts";
import { corpora } from "./corpora.ts";
import { ratio, timeAsync } from "./stats.ts";

export interface Row {
  figure: string;
  bar: string;
  result: string;
  peers: string;
  ratio: string;
  met: boolean | null;
}

const ORDINARY = { disallowedSpecial: new Set<string>() };
const mbPerSecond = (chars: number, ms: number) => (chars / 1e6 / (ms / 1000)).toFixed(1);

/** Bar 1: our counter against js-tiktoken, gpt-tokenizer and tiktoken (WASM) on the same text, counts compared. */
export async function tokenRows(scale: number): Promise<Row[]> {
  const loadStart = performance.now();
  const jsTiktoken = getEncoding("o200k_base");
  const jsLoadMs = performance.now() - loadStart;
  const wasm = get_encoding("o200k_base");
  await countTokens("warm up the counter and its workers ".repeat(5000));
  const rows: Row[] = [
    { figure: "js-tiktoken: loading o200k ranks", bar: "lazy, once", result: `${jsLoadMs.toFixed(0)} ms (ours loads on first use, off the start path)`, peers: "", ratio: "", met: null },
  ];
  for (const { name, text } of corpora(scale)) {
    let ours = 0;
    // best of three, so one noisy run does not decide
    let best = Infinity;
    for (let i = 0; i < 3; i++) best = Math.min(best, await timeAsync(async () => void (ours = await countTokens(text))));
    const peer = (fn: () => number) => {
      let count = 0;
      let fastest = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        count = fn();
        fastest = Math.min(fastest, performance.now() - start);
      }
      return { count, ms: fastest };
    };
    const gptC = peer(() => gptCount(text, ORDINARY));
    const gptE = peer(() => gptEncode(text, ORDINARY).length);
    const wasmR = peer(() => wasm.encode_ordinary(text).length);
    // js-tiktoken is the reference: its count is what every other count must equal
    const jsR = peer(() => jsTiktoken.encode(text, [], []).length);
    const reference = jsR.count;
    const identical = [ours, gptC.count, gptE.count, wasmR.count].every((c) => c === reference);
    const fastestPeer = Math.min(gptC.ms, gptE.ms);
    rows.push({
      figure: `tokens, ${name}, ${(text.length / 1000).toFixed(0)}K chars`,
      bar: "≥ 1.0× gpt-tokenizer, identical counts",
      result: `${best.toFixed(0)} ms (${mbPerSecond(text.length, best)} M chars/s), ${reference.toLocaleString("en-US")} tokens${identical ? ", counts identical" : ", COUNTS DIFFER"}`,
      peers: `gpt-tokenizer count ${gptC.ms.toFixed(0)} ms, encode ${gptE.ms.toFixed(0)} ms; tiktoken WASM ${wasmR.ms.toFixed(0)} ms; js-tiktoken ${jsR.ms.toFixed(0)} ms`,
      ratio: `${ratio(fastestPeer / best)} vs gpt-tokenizer, ${ratio(jsR.ms / best)} vs js-tiktoken`,
      met: identical && fastestPeer / best >= 1,
    });
  }
  wasm.free();
  return rows;
}
