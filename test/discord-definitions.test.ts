import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { discordCommandDefinitions } from "../src/adapters/discord/definitions.ts";
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

  it("use Taiwan's words where they differ (顯示卡, not 显卡)", () => {
    expect(hanToTraditional("每块显卡每小时的租金")).toBe("每塊顯示卡每小時的租金");
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
