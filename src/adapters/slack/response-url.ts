import { Agent, request } from "undici";

/** What posting to a response_url came to: delivered, or why not (already logged by the caller, once). */
export type Delivered = { ok: true } | { ok: false; status: number | null; reason: string };

export interface RetryTiming {
  attempts: number;
  /** first backoff; doubles each time */
  baseDelayMs: number;
  timeoutMs: number;
  /** the longest a 429's Retry-After is waited for */
  maxRetryAfterMs: number;
}

export const RESPONSE_URL_TIMING: RetryTiming = { attempts: 4, baseDelayMs: 500, timeoutMs: 10_000, maxRetryAfterMs: 10_000 };

/** A Retry-After header in milliseconds, at most `maxMs`; absent or unreadable: null. */
function retryAfterMs(header: string | string[] | null | undefined, maxMs: number): number | null {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return header == null || !Number.isFinite(seconds) || seconds < 0 ? null : Math.min(seconds * 1000, maxMs);
}

/**
 * response_url posts share one pool with at most this many connections per origin (Slack's is hooks.slack.com):
 * undici's default opens a socket for every post in flight, and under a flood each held its buffers until its post
 * was done. Past the cap, posts wait in the pool's queue, which holds only the request.
 */
const responseUrlPool = new Agent({ connections: 128, pipelining: 1 });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers a slash command through its response_url, which works while the Web API is down. Retries what may pass
 * (5xx, 429 after its Retry-After, a reset or slow connection); a 4xx (the URL expired, or it was used up) is final.
 */
export async function postToResponseUrl(url: string, message: unknown, timing: RetryTiming = RESPONSE_URL_TIMING): Promise<Delivered> {
  let last: Delivered = { ok: false, status: null, reason: "not tried" };
  for (let attempt = 0; attempt < timing.attempts; attempt++) {
    let delay = timing.baseDelayMs * 2 ** attempt;
    try {
      // undici's request rather than fetch: the same client without fetch's WHATWG layers, which were most of the
      // CPU of posting an answer in the Slack bench's profile
      const response = await request(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timing.timeoutMs),
        dispatcher: responseUrlPool,
      });
      await response.body.dump().catch(() => undefined);
      const status = response.statusCode;
      if (status >= 200 && status < 300) return { ok: true };
      last = { ok: false, status, reason: `HTTP ${status}` };
      if (status === 429) delay = Math.max(delay, retryAfterMs(response.headers["retry-after"], timing.maxRetryAfterMs) ?? 1000);
      else if (status < 500) return last;
    } catch (error) {
      const e = error as { code?: string; name?: string; cause?: { code?: string } };
      last = { ok: false, status: null, reason: e.cause?.code ?? e.code ?? e.name ?? "error" };
    }
    if (attempt + 1 < timing.attempts) await wait(delay);
  }
  return last;
}
