import type { Command } from "../../core/command.ts";

/** Slack's usage hints are short: the English usage without the command name, cut to Slack's 1,000-character limit. */
function usageHint(usage: string, name: string): string {
  return usage.replace(`/${name}`, "").trim().slice(0, 1000);
}

/**
 * The Slack app manifest, generated from the command registry so the two cannot drift.
 * Without a request URL it is a Socket Mode app (development behind a firewall); with one, an HTTP app.
 */
export function slackManifest(commands: readonly Command[], requestUrl?: string) {
  const url = requestUrl ? { url: requestUrl } : {};
  return {
    display_information: {
      name: "modelwise",
      description: "Which LLM to use, and what it will cost. 该用哪个大模型，要花多少钱。",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "modelwise", always_online: true },
      slash_commands: commands.map(({ spec }) => ({
        command: `/${spec.name}`,
        description: spec.description.en.slice(0, 100),
        usage_hint: usageHint(spec.usage.en, spec.name),
        ...url,
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: ["commands", "chat:write", "app_mentions:read", "files:write"] } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: ["app_mention"] },
      interactivity: { is_enabled: false },
      org_deploy_enabled: false,
      socket_mode_enabled: !requestUrl,
      token_rotation_enabled: false,
    },
  };
}
