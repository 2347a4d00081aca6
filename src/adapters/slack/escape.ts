/** Slack's control characters: escaping them means "<!channel>" or "<@U123>" typed by anyone is shown, never acted on. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link whose label cannot break out of the <url|label> syntax. */
export function slackLink(url: string, label: string): string {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return `${escapeSlack(label)} (${escapeSlack(url)})`;
  return `<${url}|${escapeSlack(label).replace(/\|/g, "¦")}>`;
}
