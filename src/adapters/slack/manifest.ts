import type { Command } from "../../core/dispatch/command.ts";
import { DEFAULT_NAMING, type SlackCommandNaming } from "../../config/slack.ts";
import { slackSlashCommands } from "./command-names.ts";

/** Slack's limits for a slash command's description and usage hint. */
const MAX_DESCRIPTION = 100;
const MAX_USAGE_HINT = 1000;

/** Slack's usage hints are short: the English usage without the command name. */
function usageHint(usage: string, name: string): string {
  return usage.replace(`/${name}`, "").trim().slice(0, MAX_USAGE_HINT);
}

function umbrellaHint(commands: readonly Command[]): string {
  return `[${commands.map((c) => c.spec.name).join(" | ")}] … or a question`.slice(0, MAX_USAGE_HINT);
}

/**
 * The Slack app manifest, generated from the command registry and the naming configuration (the same list the
 * running app registers), so none can drift. Without a request URL it is a Socket Mode app; with one, an HTTP app.
 */
export function slackManifest(commands: readonly Command[], requestUrl?: string, naming: SlackCommandNaming = DEFAULT_NAMING) {
  const url = requestUrl ? { url: requestUrl } : {};
  return {
    display_information: {
      name: "modelwise",
      description: "Which LLM to use, and what it will cost. 该用哪个大模型，要花多少钱。",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "modelwise", always_online: true },
      // direct messages to the bot: its Messages tab, answered like mentions, follow-ups included
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      slash_commands: slackSlashCommands(commands, naming).map((entry) => ({
        command: entry.slash,
        description: (entry.umbrella ? "Which LLM to use and what it costs: a command name, then its words; or just ask" : entry.command.spec.description.en).slice(
          0,
          MAX_DESCRIPTION,
        ),
        usage_hint: entry.umbrella ? umbrellaHint(commands) : usageHint(entry.command.spec.usage.en, entry.command.spec.name),
        ...url,
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: ["commands", "chat:write", "app_mentions:read", "files:write", "im:history"] } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: ["app_mention", "message.im"] },
      interactivity: { is_enabled: false },
      org_deploy_enabled: false,
      socket_mode_enabled: !requestUrl,
      token_rotation_enabled: false,
    },
  };
}
