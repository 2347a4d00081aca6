/**
 * How long every surface waits for an answer to send it as the reply to the request itself (Slack's acknowledgement,
 * Discord's interaction response); a later one is acknowledged first and follows. Both platforms wait 3 s: a second
 * leaves room for a slow network on the way back.
 */
export const ANSWER_IN_REPLY_MS = 1000;

/** Resolves with the work's result, or with null if it is not ready within `ms` (the caller then answers later). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
