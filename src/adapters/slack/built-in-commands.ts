/**
 * Slack's own slash commands, which an app may not register (Slack rejects a manifest that does).
 * From Slack's help article "Use built-in slash commands" (https://slack.com/help/articles/201259356), linked
 * from https://api.slack.com/interactivity/slash-commands ("Built-in slash commands … such as /topic and /remind").
 * Read 2026; a few retired ones are kept because workspaces on older clients still reserve them.
 */
export const SLACK_BUILT_IN_COMMANDS: ReadonlySet<string> = new Set([
  "active",
  "apps",
  "archive",
  "away",
  "call",
  "clear",
  "collapse",
  "dm",
  "dnd",
  "expand",
  "feed",
  "feedback",
  "giphy",
  "help",
  "invite",
  "join",
  "kick",
  "leave",
  "me",
  "msg",
  "mute",
  "open",
  "prefs",
  "remind",
  "remove",
  "rename",
  "search",
  "shortcuts",
  "shrug",
  "star",
  "status",
  "topic",
  "unarchive",
  "who",
]);
