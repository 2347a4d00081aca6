import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";

describe("the Slack app manifest", () => {
  it("is the one generated from the command registry (run npm run slack:manifest after changing commands)", async () => {
    const committed = JSON.parse(await readFile(new URL("../slack/manifest.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(slackManifest(commands))));
  });

  it("lists every command with a usage hint, the scopes needed, and Socket Mode", () => {
    const manifest = slackManifest(commands);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.spec.name}`));
    for (const command of manifest.features.slash_commands) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["commands", "chat:write", "app_mentions:read"]));
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("points every command and event at the request URL for an HTTP install", () => {
    const manifest = slackManifest(commands, "https://bot.example.org/slack/events");
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.slash_commands.every((c) => "url" in c && c.url === "https://bot.example.org/slack/events")).toBe(true);
    expect(manifest.settings.event_subscriptions).toMatchObject({ request_url: "https://bot.example.org/slack/events" });
  });
});
