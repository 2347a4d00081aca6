// @discordjs/rest itself (what discord.js re-exports): the HTTP interactions server never loads discord.js's client
import { REST, type RESTOptions } from "@discordjs/rest";

/** Longest wait for a rate limit the client accepts before giving up on a call (and logging the loss once). */
const MAX_RATE_LIMIT_WAIT_MS = 10_000;

/**
 * A REST client for interaction webhooks (edit the original answer, follow up). Discord does not count these toward
 * the bot's global rate limit (https://docs.discord.com/developers/topics/rate-limits, read 2026-11), but
 * @discordjs/rest applies its global 50/s to every request, so one busy minute would queue everyone's answers
 * behind it: the global cap is lifted here, per-route limits still apply, and a limit that would hold an answer
 * longer than 10 s rejects instead of waiting.
 */
export function interactionRestOptions(apiUrl?: string): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    globalRequestsPerSecond: 1_000_000,
    rejectOnRateLimit: (limit) => limit.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
    retries: 2,
    timeout: 10_000,
  };
}

export function interactionRest(apiUrl?: string): REST {
  return new REST(interactionRestOptions(apiUrl));
}
