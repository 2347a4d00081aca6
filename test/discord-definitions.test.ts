import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { discordCommandDefinitions } from "../src/adapters/discord/definitions.ts";
import { optionsToText } from "../src/adapters/discord/options-to-text.ts";
import { hanToTraditional } from "../src/adapters/discord/traditional.ts";

const definitions = discordCommandDefinitions(commands);

/** Every localized text in the definitions, per locale: command and option names and descriptions. */
function localizations(locale: "zh-CN" | "zh-TW"): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key.endsWith("_localizations") && value) texts.push((value as Record<string, string>)[locale] ?? "");
      else walk(value);
    }
  };
  walk(definitions);
  return texts.filter(Boolean);
}

const han = (texts: string[]) => new Set([...texts.join("")].filter((c) => /\p{Script=Han}/u.test(c)));
/** A character Traditional Chinese writes otherwise (个 → 個): the converter changes it. */
const simplifiedOnly = (c: string) => hanToTraditional(c) !== c;

describe("Discord's zh-TW localizations are Traditional Chinese", () => {
  it("contain no Simplified-only character", () => {
    const found = [...han(localizations("zh-TW"))].filter(simplifiedOnly);
    expect(found).toEqual([]);
  });

  it("differ from zh-CN wherever the Simplified text has a character Traditional writes otherwise", () => {
    const cn = localizations("zh-CN");
    const tw = localizations("zh-TW");
    expect(tw.length).toBe(cn.length);
    cn.forEach((text, i) => {
      if ([...text].some(simplifiedOnly)) expect(tw[i], text).not.toBe(text);
    });
    expect(definitions.find((d) => d.name === "compare")!.name_localizations).toEqual({ "zh-CN": "比较", "zh-TW": "比較" });
  });

  it("use Taiwan's words where they differ (顯示卡, not 显卡; cards counted with 張)", () => {
    expect(hanToTraditional("每块显卡每小时的租金")).toBe("每張顯示卡每小時的租金");
  });

  it("come from whatever converter is plugged in", () => {
    const marked = discordCommandDefinitions(commands, { toTraditional: (text) => `${text}tw` });
    expect(marked[0]!.description_localizations!["zh-TW"]).toMatch(/tw$/);
    expect(marked[0]!.name_localizations!["zh-TW"]).toMatch(/tw$/);
  });
});

describe("where the commands can be used", () => {
  it("everyone's commands: servers, DMs and group DMs, installed to a server or to a user", () => {
    for (const definition of definitions.filter((d) => !commands.find((c) => c.spec.name === d.name)!.spec.adminOnly)) {
      expect(definition.contexts, definition.name).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
      expect(definition.integration_types, definition.name).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
      expect(definition.default_member_permissions ?? null).toBeNull();
    }
  });

  it("admin commands: only in servers that installed the bot, hidden from members without Manage Server", () => {
    const admin = commands.filter((c) => c.spec.adminOnly).map((c) => c.spec.name);
    expect(admin.length).toBeGreaterThan(0);
    for (const name of admin) {
      const definition = definitions.find((d) => d.name === name)!;
      expect(definition.contexts).toEqual([InteractionContextType.Guild]);
      expect(definition.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(definition.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    }
  });
});

describe("one option set: the registry's options, natively on Discord", () => {
  const optionsOf = (name: string, defs = definitions) => defs.find((d) => d.name === name)!.options ?? [];
  const option = (command: string, name: string, defs = definitions) =>
    optionsOf(command, defs).find((o) => o.name === name) as { type: number; choices?: { value: string }[] } | undefined;

  it("every command offers lang and private; currency and chart where money is shown", () => {
    for (const { spec } of commands) {
      expect(option(spec.name, "lang")?.type, spec.name).toBe(ApplicationCommandOptionType.String);
      expect(option(spec.name, "private")?.type, spec.name).toBe(ApplicationCommandOptionType.Boolean);
      expect(Boolean(option(spec.name, "currency")), spec.name).toBe(Boolean(spec.showsMoney));
      expect(Boolean(option(spec.name, "chart")), spec.name).toBe(Boolean(spec.showsMoney));
    }
    expect(option("compare", "chart")!.type).toBe(ApplicationCommandOptionType.Boolean);
  });

  it("fixed values are choices, yes/no options are booleans", () => {
    const values = (command: string, name: string) => option(command, name)!.choices!.map((c) => c.value);
    expect(values("selfhost", "slo")).toEqual(["interactive", "batch"]);
    expect(values("selfhost", "engine")).toEqual(["vllm", "sglang", "tensorrt-llm"]);
    expect(values("selfhost", "precision")).toEqual(expect.arrayContaining(["bf16", "fp8", "fp4"]));
    expect(values("compare", "tier")).toEqual(["flex", "priority"]);
    expect(values("compare", "currency")).toEqual(["usd", "cny", "both"]);
    expect(values("ask", "lang")).toEqual(["en", "zh"]);
    expect(option("selfhost", "owned")!.type).toBe(ApplicationCommandOptionType.Boolean);
    expect(option("compare", "batch")!.type).toBe(ApplicationCommandOptionType.Boolean);
  });

  it("stays within Discord's 25 options, folding rarely typed ones into one key:value field", () => {
    for (const d of definitions) expect(d.options?.length ?? 0, d.name).toBeLessThanOrEqual(25);
    expect(optionsOf("selfhost").map((o) => o.name)).not.toContain("kwh");
    expect(JSON.stringify(option("selfhost", "more"))).toContain("kwh");
  });

  it("leaves room on /selfhost for another fixed-value option, which shows up as choices from its spec alone", () => {
    const backend = { name: "backend", kind: "text", choices: ["cuda", "rocm"], description: { en: "GPU software stack", zh: "GPU软件栈" } } as const;
    const widened = commands.map((c) => (c.spec.name === "selfhost" ? { ...c, spec: { ...c.spec, options: [...c.spec.options, backend] } } : c));
    const defs = discordCommandDefinitions(widened);
    expect(optionsOf("selfhost", defs).length).toBeLessThanOrEqual(25);
    expect(option("selfhost", "backend", defs)!.choices!.map((c) => c.value)).toEqual(["cuda", "rocm"]);
  });

  it("refuses to build a command past 25 options instead of letting Discord reject the whole deploy", () => {
    const crowded = commands.map((c) =>
      c.spec.name === "selfhost"
        ? {
            ...c,
            spec: {
              ...c.spec,
              options: [...c.spec.options, ...Array.from({ length: 4 }, (_, i) => ({ name: `x${i}`, kind: "text" as const, description: { en: "x", zh: "x" } }))],
            },
          }
        : c,
    );
    expect(() => discordCommandDefinitions(crowded)).toThrow(/selfhost has 2\d options/);
  });

  it("turns native values back into the shared grammar: booleans as yes/no, chart off, the folded field as typed", () => {
    const selfhost = commands.find((c) => c.spec.name === "selfhost")!.spec;
    const text = optionsToText(selfhost, [
      { name: "model", value: "gpt-oss-120b" },
      { name: "owned", value: true },
      { name: "slo", value: "batch" },
      { name: "more", value: "kwh:0.12 months:24" },
      { name: "private", value: true },
      { name: "chart", value: false },
      { name: "currency", value: "cny" },
    ]);
    expect(text).toBe("gpt-oss-120b slo:batch owned:yes currency:cny chart:off private:yes kwh:0.12 months:24");
  });
});
