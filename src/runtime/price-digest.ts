import type { Lang } from "../core/i18n/lang.ts";
import { translator } from "../core/i18n/translate.ts";
import { diffPrices } from "../core/knowledge/price-diff.ts";
import type { KnowledgeStore } from "../core/knowledge/store.ts";
import { renderPriceDigest } from "../core/pricing/price-digest.ts";

/** One place a digest goes: a configured channel on one surface. */
export interface DigestChannel {
  surface: string;
  post(text: string): Promise<void>;
}

interface Logger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/**
 * After each reload this instance performed (its /reload or its file watcher, not another instance's broadcast)
 * that changed curated prices, posts one digest to every channel. Posting runs detached: it never delays the reload.
 */
export function announcePriceChanges(store: KnowledgeStore, channels: DigestChannel[], lang: Lang, logger: Logger): void {
  if (channels.length === 0) return;
  const t = translator(lang);
  store.onReload((outcome, previous) => {
    if (!outcome.changed || outcome.forPeer) return;
    const diff = diffPrices(previous, store.current());
    if (!diff) return;
    const text = renderPriceDigest(t, diff);
    for (const channel of channels) {
      channel.post(text).then(
        () => logger.info({ surface: channel.surface, changes: diff.moves.length + diff.added.length + diff.removed.length }, "price digest posted"),
        (error: unknown) => logger.warn({ surface: channel.surface, error: describe(error) }, "cannot post the price digest"),
      );
    }
  });
}

/** The error's code or message only: API client errors can carry the request, and with it the token. */
function describe(error: unknown): string {
  const e = error as { code?: unknown; data?: { error?: unknown }; message?: unknown };
  return String(e.data?.error ?? e.code ?? e.message ?? error);
}
