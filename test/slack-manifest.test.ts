import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { SLACK_BUILT_IN_COMMANDS } from "../src/adapters/slack/built-in-commands.ts";
import { routeUmbrella, slackSlashCommands } from "../src/adapters/slack/command-names.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { readSlackCommandNaming } from "../src/config/slack.ts";
import { asLive, realSnapshot } from "./helpers.ts";
import { createDispatcher } from "../src/core/dispatch/dispatch.ts";

const installed = (manifest: ReturnType<typeof slackManifest>) => manifest.features.slash_commands.map((c) => c.command);

describe("the Slack app manifest", () => {
  it("is the one generated from the command registry (run npm run slack:manifest after changing commands)", async () => {
    const committed = JSON.parse(await readFile(new URL("../slack/manifest.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(slackManifest(commands))));
  });

  it("installs no name Slack reserves for its built-in commands", () => {
    for (const command of installed(slackManifest(commands))) expect(SLACK_BUILT_IN_COMMANDS.has(command.slice(1)), command).toBe(false);
    expect(SLACK_BUILT_IN_COMMANDS.has("status")).toBe(true);
  });

  it("installs /modelwise for everything plus the three short commands; admin and generic names stay under the prefix", () => {
    const manifest = slackManifest(commands);
    expect(installed(manifest)).toEqual(["/modelwise", "/compare", "/cheapest", "/selfhost"]);
    const umbrella = manifest.features.slash_commands[0]!;
    for (const { spec } of commands) expect(umbrella.usage_hint).toContain(spec.name);
    for (const command of manifest.features.slash_commands) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["commands", "chat:write", "app_mentions:read"]));
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("reaches every registry command through the umbrella, by its English or Chinese name", async () => {
    const dispatcher = createDispatcher({ commands, knowledge: asLive(await realSnapshot()) });
    for (const { spec } of commands) {
      expect(routeUmbrella(dispatcher, `${spec.name} some words`)).toEqual({ command: spec.name, text: "some words" });
      if (spec.localName.zh) expect(routeUmbrella(dispatcher, `${spec.localName.zh} x`).command).toBe(spec.name);
    }
    expect(routeUmbrella(dispatcher, "which model is cheapest for coding?")).toEqual({ command: null, text: "which model is cheapest for coding?" });
  });

  it("takes another prefix and other short commands when a workspace has clashes", () => {
    const naming = readSlackCommandNaming({ SLACK_COMMAND_PREFIX: "/llmcost", SLACK_SHORT_COMMANDS: "compare, estimate" });
    expect(installed(slackManifest(commands, undefined, naming))).toEqual(["/llmcost", "/compare", "/estimate"]);
    expect(installed(slackManifest(commands, undefined, readSlackCommandNaming({ SLACK_SHORT_COMMANDS: "none" })))).toEqual(["/modelwise"]);
  });

  it("refuses, naming the variable, a reserved prefix, an admin or unknown short command", () => {
    expect(() => slackSlashCommands(commands, readSlackCommandNaming({ SLACK_COMMAND_PREFIX: "status" }))).toThrow(/SLACK_COMMAND_PREFIX: \/status is one of Slack's built-in/);
    expect(() => slackSlashCommands(commands, readSlackCommandNaming({ SLACK_SHORT_COMMANDS: "reload" }))).toThrow(/SLACK_SHORT_COMMANDS: admin commands stay under \/modelwise/);
    expect(() => slackSlashCommands(commands, readSlackCommandNaming({ SLACK_SHORT_COMMANDS: "help" }))).toThrow(/SLACK_SHORT_COMMANDS: \/help is one of Slack's built-in/);
    expect(() => slackSlashCommands(commands, readSlackCommandNaming({ SLACK_SHORT_COMMANDS: "frobnicate" }))).toThrow(/SLACK_SHORT_COMMANDS: "frobnicate" is not a command/);
    expect(() => readSlackCommandNaming({ SLACK_COMMAND_PREFIX: "Model Wise" })).toThrow(/SLACK_COMMAND_PREFIX/);
  });

  it("points every command and event at the request URL for an HTTP install", () => {
    const manifest = slackManifest(commands, "https://bot.example.org/slack/events");
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.slash_commands.every((c) => "url" in c && c.url === "https://bot.example.org/slack/events")).toBe(true);
    expect(manifest.settings.event_subscriptions).toMatchObject({ request_url: "https://bot.example.org/slack/events" });
  });
});
