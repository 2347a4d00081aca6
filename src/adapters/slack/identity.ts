import { webApi, type AuthorizeResult } from "@slack/bolt";
import { ConfigError } from "../../config/env-error.ts";
import { redactLogLine, shownUrl } from "../../runtime/redact.ts";

/** How long start-up waits for Slack to answer auth.test before saying it cannot reach it. */
export const TOKEN_CHECK_TIMEOUT_MS = 10_000;

/**
 * Checks the bot token once, at start: one auth.test, no retries, a timeout. A token Slack refuses names
 * SLACK_BOT_TOKEN; an API it cannot reach names the URL. The answer is what Bolt's `authorize` hands every request
 * afterwards, so no request waits on the Web API.
 */
export async function checkSlackToken(botToken: string, apiUrl = "https://slack.com/api/", timeoutMs = TOKEN_CHECK_TIMEOUT_MS): Promise<AuthorizeResult> {
  const client = new webApi.WebClient(botToken, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, timeout: timeoutMs, logLevel: webApi.LogLevel.ERROR });
  try {
    const result = await client.auth.test();
    return { botToken, botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id, enterpriseId: result.enterprise_id };
  } catch (error) {
    const slackError = (error as { data?: { error?: string } }).data?.error;
    if (slackError) throw new ConfigError("SLACK_BOT_TOKEN", `Slack did not accept it (${slackError})`);
    const variable = apiUrl === "https://slack.com/api/" ? "SLACK_BOT_TOKEN" : "SLACK_API_URL";
    const cause = (error as { original?: { cause?: { code?: string }; name?: string; message?: string } }).original;
    const why = cause?.cause?.code ?? (cause?.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : (cause?.message ?? (error as Error).message));
    // the URL may carry credentials (user:password@, a token in the query): never echo them
    throw new ConfigError(variable, `cannot check the token: Slack's API at ${shownUrl(apiUrl)} is unreachable (${redactLogLine(why.split(apiUrl).join(shownUrl(apiUrl)))})`);
  }
}

/**
 * Web API calls (chart uploads, mention answers) retry a few times with backoff; a 429's Retry-After is honoured
 * by the client itself (it pauses, then retries). Bounded, so a dead API costs a logged loss, not a growing queue.
 */
export const WEB_API_RETRIES = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8_000, randomize: true };
export const WEB_API_TIMEOUT_MS = 15_000;
