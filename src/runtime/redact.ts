/**
 * Credentials that arrive inside requests and would otherwise reach a log line through an error's URL or a payload:
 * Discord interaction tokens (15 minutes of posting as the app), webhook and Slack response URLs (30 minutes of
 * posting into a channel). Secrets from the configuration are never logged in the first place.
 */
const PATTERNS: [RegExp, string][] = [
  // interaction webhooks: /webhooks/<application id>/<interaction token>
  [/(\/webhooks\/\d+\/)[^/?#"\s\\]+/g, "$1[redacted]"],
  // an interaction token on its own: base64 of "interaction:…"
  [/aW50ZXJhY3Rpb246[\w.-]+/g, "[redacted]"],
  // Slack's response URLs and incoming webhooks
  [/https?:\/\/hooks\.slack(?:-gov)?\.com\/[^\s"\\]+/g, "[redacted URL]"],
  // user names and passwords written into URLs (SLACK_API_URL, REDIS_URL, a proxy's)
  [/\b([a-z][\w+.-]*:\/\/)[^\s/@"\\]+@/gi, "$1[redacted]@"],
  // the fields that carry one, wherever they point
  [/("(?:response_url|responseUrl|webhook_url|webhookUrl|token|interaction_token)\\?"\s*:\s*\\?")(?:[^"\\]|\\[^"])*(\\?")/g, "$1[redacted]$2"],
];

/** The log line with every interaction token, webhook and response URL replaced by [redacted]. */
export function redactLogLine(line: string): string {
  let out = line;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A URL as it may be shown in a message: scheme, host and path, without user name, password, query or fragment. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(not a URL)";
  }
}
