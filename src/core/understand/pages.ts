import { findNumbers } from "./numbers.ts";

/** A size given in pages, read as tokens at the knowledge's planning figure. */
export interface PagesRead {
  pages: number;
  tokens: number;
  /** "10k pages a month": a volume over time, not the size of one document */
  periodic: boolean;
  /** "20 pages at ~500 tokens/page": sized by the asker, not at the planning figure */
  perPageSaid?: true;
  /** scanned pages: read as page images, at the knowledge's figure for one */
  asImages?: true;
}

/** Pages that reach a model only as images: scans, photos of pages. */
export const SCANNED_PAGES = /\bscann?(?:ed|s)\b|\bpage images\b|\bimages? of (?:the )?pages\b|\bphotos? of (?:the )?pages\b|扫描|拍照|影印/u;

/** "3 pages (~2k tokens)", "500-page contracts of about 400k tokens each": the size in tokens said beside the pages. */
const TOKENS_NEAR = /^[^,，。;；]{0,40}?\d[\d,.]*\s?(?:k|m|万|千)?\s?(?:tokens?|toks?|个?\s?token)/u;
const PAGES_AFTER = /^\s?-?\s?(?:pages?\b|pp\b|页)/u;
/** "20 pages each at ~500 tokens/page", "每份 20 页、每页 500 token": pages times the tokens of each. */
const TOKENS_PER_PAGE =
  /^[^,，。;；\d]{0,16}?\d[\d,.]*\s?(?:k|千)?\s?(?:tokens?|toks?|个?\s?token)\s?(?:\/\s?page|per page|a page|each page|\/\s?页)|^[^,，。;；\d]{0,8}?每页\s?(?:约|大概|大约)?\s?\d[\d,.]*\s?(?:k|千)?\s?(?:tokens?|个?\s?token)/u;
const PERIOD_BEFORE =
  /(?:每月|每天|每周|每个月|一个月|一天|月均|日均|monthly|daily|weekly|a month|per month|a day|per day)\s?(?:要|会|处理|读|看|有|大概|约|大约|about|around|roughly|~)?\s?$/u;
const PERIOD_AFTER = /^[^,，。;；\d]{0,16}?(?:\b(?:a|per|each|every)\s(?:month|day|week)\b|\/\s?(?:mo|month|day)\b|monthly|daily|weekly|每月|每天|每周|一个月|一天|\/\s?[月天])/u;

/**
 * "300 pages", "300-page", "300 页": the size in tokens at `tokensPerPage`, written in place of the pages so every rule
 * that reads amounts ("… each", "per contract", "a month") reads it too.
 */
export function pagesAsTokens(text: string, tokensPerPage: number, asImages = false): { text: string; read: PagesRead[] } {
  const read: PagesRead[] = [];
  let written = "";
  let at = 0;
  for (const n of findNumbers(text)) {
    const unit = PAGES_AFTER.exec(text.slice(n.end));
    if (!unit || n.negative || n.value <= 0 || n.start < at) continue;
    const afterUnit = text.slice(n.end + unit[0].length);
    const perPage = TOKENS_PER_PAGE.exec(afterUnit);
    // the tokens said beside the pages are read instead, unless they are each page's
    if (!perPage && TOKENS_NEAR.test(text.slice(n.end))) continue;
    const eachPage = perPage ? findNumbers(perPage[0])[0]?.value : undefined;
    const tokens = Math.round(n.value * (eachPage ?? tokensPerPage));
    const end = n.end + unit[0].length + (perPage ? perPage[0].length : 0);
    written += `${text.slice(at, n.start)}${tokens} tokens`;
    at = end;
    const periodic = PERIOD_AFTER.test(text.slice(end)) || PERIOD_BEFORE.test(text.slice(Math.max(0, n.start - 16), n.start));
    read.push({ pages: n.value, tokens, periodic, ...(eachPage !== undefined ? { perPageSaid: true as const } : asImages ? { asImages: true as const } : {}) });
  }
  return { text: written + text.slice(at), read };
}
