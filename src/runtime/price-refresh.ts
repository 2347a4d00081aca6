import { refreshPrices, type RefreshSources } from "../core/knowledge/refresh.ts";
import type { KnowledgeStore, PriceRefreshStatus } from "../core/knowledge/store.ts";

interface Logger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface PriceRefreshOptions {
  /** null: never on a timer (runOnce only) */
  everyMs: number | null;
  sources: RefreshSources;
  today: () => string;
  now?: () => Date;
  logger: Logger;
  /** called after every run, good or not (tests await it) */
  onRun?: (status: PriceRefreshStatus) => void;
}

export interface PriceRefresher {
  runOnce(): Promise<PriceRefreshStatus>;
  stop(): void;
}

/**
 * MODELWISE_REFRESH: imports prices from the configured URLs on a timer, validates the whole result, swaps the files in
 * and reloads (the reload posts the price digest where one is configured). Any failure changes no file: the bot keeps
 * its last good prices, and /status says what failed and when the last good import ran.
 */
export function startPriceRefresh(store: KnowledgeStore, options: PriceRefreshOptions): PriceRefresher {
  const now = options.now ?? (() => new Date());
  const sources = [options.sources.litellm, options.sources.genaiPrices].filter((s): s is string => Boolean(s));
  let status: PriceRefreshStatus = { everyMs: options.everyMs ?? 0, sources, last: null, lastGood: null };
  store.recordPriceRefresh(status);
  let running: Promise<PriceRefreshStatus> | null = null;

  async function run(): Promise<PriceRefreshStatus> {
    const at = now();
    try {
      const result = await refreshPrices(store.dir, options.sources, options.today());
      const reload = await store.reload();
      if (!reload.ok) throw new Error(reload.error ?? "the reload after the import failed");
      status = { ...status, last: { ok: true, at, error: null }, lastGood: { at, pricesAsOf: result.litellm?.pricesAsOf ?? null } };
      options.logger.info({ files: result.files, changed: result.litellm?.changed.length ?? 0, genaiModels: result.genaiModels }, "prices refreshed");
    } catch (error) {
      status = { ...status, last: { ok: false, at, error: (error as Error).message } };
      options.logger.warn({ error: (error as Error).message }, "price refresh failed; still serving the last good prices");
    }
    store.recordPriceRefresh(status);
    options.onRun?.(status);
    return status;
  }

  const runOnce = () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = options.everyMs ? setInterval(() => void runOnce(), options.everyMs) : null;
  timer?.unref();
  return { runOnce, stop: () => timer && clearInterval(timer) };
}
