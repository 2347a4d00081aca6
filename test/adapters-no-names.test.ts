import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";

const ADAPTERS = fileURLToPath(new URL("../src/adapters/", import.meta.url));

/**
 * Words that are also a platform's own vocabulary, allowed where they mean that: a Slack Block Kit block type is
 * not the option of the same name. Each entry says where and why; anything else quoted in an adapter that names a
 * command or option fails.
 */
const PLATFORM_VOCABULARY: { file: RegExp; word: string | "any"; why: string }[] = [
  { file: /slack\/blocks\.ts$/, word: "context", why: "Block Kit's context block" },
  { file: /slack\/built-in-commands\.ts$/, word: "any", why: "Slack's own reserved command names, listed so ours never clash" },
  { file: /discord\/options-to-text\.ts$/, word: "model", why: "the stem of the Discord fields (model1…) every model positional becomes" },
  { file: /discord\/traditional\.ts$/, word: "any", why: "a Simplified → Traditional dictionary of Chinese words" },
];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => join(e.parentPath, e.name));
}

function registryNames(): string[] {
  const names = new Set<string>();
  for (const { spec } of commands) {
    names.add(spec.name);
    for (const local of Object.values(spec.localName)) if (local) names.add(local);
    for (const option of [...spec.options, ...(spec.flags ?? [])]) {
      names.add(option.name);
      for (const alias of option.aliases ?? []) names.add(alias);
    }
  }
  return [...names];
}

describe("the adapters know no command or option by name", () => {
  it("no adapter source quotes a name from the command registry", async () => {
    const names = registryNames();
    expect(names).toEqual(expect.arrayContaining(["compare", "status", "context"]));
    const found: string[] = [];
    for (const file of await sources(ADAPTERS)) {
      const text = await readFile(file, "utf8");
      for (const name of names) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (!new RegExp(`["'\`]/?${escaped}["'\`]`, "u").test(text)) continue;
        if (PLATFORM_VOCABULARY.some((v) => (v.word === "any" || v.word === name) && v.file.test(file))) continue;
        found.push(`${file.slice(ADAPTERS.length)}: "${name}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
