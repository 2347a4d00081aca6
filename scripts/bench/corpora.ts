import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

function filesUnder(dir: string, pattern: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, pattern, out);
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

function concatUpTo(files: string[], size: number): string {
  let text = "";
  for (const file of files) {
    if (text.length >= size) break;
    text += `${readFileSync(file, "utf8")}\n`;
  }
  return text.slice(0, size);
}

/** Chinese prose recombined from every Chinese sentence in the repository, so words vary like real text. */
function chinese(size: number): string {
  const sources = [...filesUnder(join(root, "knowledge"), /\.(md|yaml)$/), ...filesUnder(join(root, "commands"), /\.ts$/), join(root, "src/core/i18n/messages.ts")];
  const han = sources.map((f) => readFileSync(f, "utf8")).join("\n").match(/[\p{Script=Han}，。、：；（）“”]+/gu) ?? [];
  const words = [...new Intl.Segmenter("zh", { granularity: "word" }).segment(han.join(""))].map((s) => s.segment).filter((w) => /\p{Script=Han}/u.test(w));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
  let text = "";
  while (text.length < size) {
    const length = 6 + Math.floor(random() * 14);
    for (let i = 0; i < length; i++) text += words[Math.floor(random() * words.length)];
    text += random() < 0.15 ? "。\n" : random() < 0.5 ? "，" : "。";
  }
  return text.slice(0, size);
}

/** The ≥ 500 KB corpora the token benchmark runs on. */
export function corpora(scale = 1): { name: string; text: string }[] {
  const size = Math.round(900_000 * scale);
  const article = readFileSync(join(root, "knowledge/articles/2026-llm-token-cost-ranking.md"), "utf8");
  return [
    { name: "English (package docs)", text: concatUpTo(filesUnder(join(root, "node_modules"), /\.md$/i), size) },
    { name: "Chinese (recombined prose)", text: chinese(Math.round(800_000 * scale)) },
    { name: "mixed (the article ×200)", text: article.repeat(Math.max(1, Math.round(200 * scale))) },
    { name: "code (discord.js source)", text: concatUpTo(filesUnder(join(root, "node_modules/discord.js/src"), /\.js$/), size) },
  ];
}
