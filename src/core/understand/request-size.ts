// A request's size, said per request, and the month it makes: with the count said, or a month's total, or neither.

import type { Quantities } from "./quantities.ts";
import type { Volume } from "./types.ts";

type RequestSize = { input?: number; output?: number };

/**
 * The month's requests and volume from a request's size: "2M tokens a month, 800 in and 300 out per request" is that
 * many requests; a size with nothing to count it by is priced for PRICED_PER of them (or one, said as one).
 * `single`: the line says one request ("一次请求"); `people`: it counts people but nothing each of them sends, which no
 * assumed thousand requests would answer.
 */
export function monthOfRequestSize(q: Quantities, volume: Volume, perRequest: RequestSize, said: { single: boolean; people: boolean }): void {
  // "2M tokens a month, 800 in and 300 out per request": the month's total is that many requests of that size
  // "a call is 1,200 in / 120 out": the input said per request may have been read as the prompt's size
  const requestTokens = (perRequest.input ?? q.promptTokens ?? Number.NaN) + (perRequest.output ?? Number.NaN);
  if (q.requests === undefined && volume.total !== undefined && volume.input === undefined && volume.output === undefined && volume.total > requestTokens) {
    q.requests = volume.total / requestTokens;
    delete volume.total;
  }
  // "800 in 300 out, gpt-5 nano": a request's size and nothing to count it by is priced per thousand such requests
  if (q.requests === undefined && !Object.keys(volume).length && !said.people && requestTokens > 0) {
    // "一次请求输入 2000 输出 500": the price of one request is what was asked
    if (said.single) q.requests = 1;
    else {
      q.requests = PRICED_PER;
      q.requestsAssumed = true;
    }
  }
  if (q.requests !== undefined) perRequestToMonthly(q, q.requests, volume, perRequest);
  else if (perRequest.input !== undefined && perRequest.input >= 100) q.promptTokens ??= perRequest.input;
}

/** How many requests a size said with no count is priced for: a bill per request would show only fractions of a cent. */
const PRICED_PER = 1000;

/** Below this, a side's token count next to a request count is per request: "10k requests of 2k in, 500 out". */
export const PER_REQUEST_BELOW = 200_000;

function perRequestToMonthly(q: Quantities, requests: number, volume: Volume, perRequest: RequestSize): void {
  const sides: ("input" | "output")[] = [];
  for (const side of ["input", "output"] as const) {
    const each = volume[side] !== undefined && volume[side] <= PER_REQUEST_BELOW ? volume[side] : perRequest[side];
    if (each === undefined) continue;
    volume[side] = each * requests;
    sides.push(side);
    if (side === "input") q.promptTokens ??= each;
  }
  // "3k tokens each, 2000 requests a month": a size with no side next to a request count is each request's prompt
  if (volume.total !== undefined && volume.total < PER_REQUEST_BELOW && volume.input === undefined) {
    q.promptTokens ??= volume.total;
    delete volume.total;
  }
  // "a prompt of 8000 tokens … 500 tokens out each": the prompt is each request's input side (with no side given the
  // workload multiplies prompt × requests itself)
  if (sides.includes("output") && volume.input === undefined && q.promptTokens !== undefined) volume.input = q.promptTokens * requests;
}
