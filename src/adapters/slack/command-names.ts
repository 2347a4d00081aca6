import type { Command } from "../../core/dispatch/command.ts";
import type { Dispatcher } from "../../core/dispatch/dispatch.ts";
import type { SlackCommandNaming } from "../../config/slack.ts";
import { ConfigError } from "../../config/env-error.ts";
import { SLACK_BUILT_IN_COMMANDS } from "./built-in-commands.ts";

/** One slash command the Slack app installs: the umbrella, or a registry command under its own short name. */
export type SlackSlashCommand = { slash: string; umbrella: true } | { slash: string; umbrella: false; command: Command };

/**
 * The slash commands to install: `/<prefix>` reaching every command, plus the configured short names. Names Slack
 * reserves, and short names that are no command, are startup errors naming the variable.
 */
export function slackSlashCommands(commands: readonly Command[], naming: SlackCommandNaming): SlackSlashCommand[] {
  if (SLACK_BUILT_IN_COMMANDS.has(naming.prefix)) throw new ConfigError("SLACK_COMMAND_PREFIX", `/${naming.prefix} is one of Slack's built-in commands`);
  const shorts = naming.shortNames.map((name) => {
    const command = commands.find((c) => c.spec.name === name);
    if (!command) throw new ConfigError("SLACK_SHORT_COMMANDS", `"${name}" is not a command (known: ${commands.map((c) => c.spec.name).join(", ")})`);
    if (SLACK_BUILT_IN_COMMANDS.has(name)) throw new ConfigError("SLACK_SHORT_COMMANDS", `/${name} is one of Slack's built-in commands; use /${naming.prefix} ${name}`);
    if (command.spec.adminOnly) throw new ConfigError("SLACK_SHORT_COMMANDS", `admin commands stay under /${naming.prefix}`);
    if (name === naming.prefix) throw new ConfigError("SLACK_SHORT_COMMANDS", `/${name} is already the umbrella command`);
    return { slash: `/${name}`, umbrella: false as const, command };
  });
  return [{ slash: `/${naming.prefix}`, umbrella: true }, ...shorts];
}

/**
 * `/modelwise compare gpt-5 deepseek` → the command and its text. The first word names a command (in any language the
 * registry knows it by); anything else is a question, as a free-text line is on every surface.
 */
export function routeUmbrella(dispatcher: Dispatcher, text: string): { command: string | null; text: string } {
  const match = /^\s*[/／]?(\S+)\s*([\s\S]*)$/u.exec(text);
  if (!match) return { command: null, text: "" };
  const word = match[1]!.toLowerCase();
  const command = dispatcher.find(word) ?? dispatcher.commands.find((c) => Object.values(c.spec.localName).includes(word));
  return command ? { command: command.spec.name, text: match[2]!.trim() } : { command: null, text: text.trim() };
}
