import type { PageTokens } from "../src/core/knowledge/schema.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import { formatCount, formatNumber } from "../src/core/reply/format.ts";
import type { Source } from "../src/core/reply/reply.ts";
import type { PagesRead } from "../src/core/understand/pages.ts";

/** What sizes given in pages were read as, and what the same pages would be sent as images: both ends of the estimate. */
export function pagesNotes(t: Translator, perPage: PageTokens, read: readonly PagesRead[]): string[] {
  return read.map(({ pages, tokens, asImages }) =>
    t(asImages ? "ask.pagesAsImages" : "ask.pagesEstimated", {
      pages: formatNumber(pages, 0),
      tokens: formatCount(tokens, t.lang),
      perPage: formatNumber(perPage.text, 0),
      imagePerPage: formatNumber(perPage.asImage, 0),
      imageTokens: formatCount(pages * perPage.asImage, t.lang),
      times: formatNumber(perPage.asImage / perPage.text, 1),
    }),
  );
}

export function pagesSource(t: Translator, perPage: PageTokens): Source {
  return { title: t("ask.pagesSource"), ref: perPage.source, asOf: perPage.asOf };
}
