import type { Translator } from "../i18n/translate.ts";
import type { DigestPrice, PriceDiff } from "../knowledge/price-diff.ts";
import { formatPrice } from "../reply/format.ts";

const DIGEST_MAX_LINES = 15;

const PRICE_LABEL = { inputPer1M: "price.input", outputPer1M: "price.output", cachedInputPer1M: "price.cachedInput" } as const satisfies Record<DigestPrice, string>;

/** The "prices changed" message for a channel: a title, one line per change, at most `maxLines` of them. */
export function renderPriceDigest(t: Translator, diff: PriceDiff, maxLines = DIGEST_MAX_LINES): string {
  const price = (value: number | undefined) => (value === undefined ? t("none") : formatPrice(value));
  const lines = [
    ...diff.moves.map((move) => t("digest.move", { model: move.model, part: t(PRICE_LABEL[move.price]), from: price(move.from), to: price(move.to), date: move.asOf })),
    ...diff.added.map((entry) => t("digest.added", { model: entry.model, date: entry.asOf })),
    ...diff.removed.map((entry) => t("digest.removed", { model: entry.model })),
  ];
  const shown = lines.slice(0, maxLines);
  const hidden = lines.length - shown.length;
  return [t("digest.title"), ...shown.map((line) => `• ${line}`), ...(hidden ? [t("digest.more", { count: hidden })] : [])].join("\n");
}
