import type { Knowledge, LoadOptions } from "./load.ts";
import { FolderWatch } from "./folder-watch.ts";
import { describeFsError } from "./fs-errors.ts";
import { knowledgeFingerprint, readCachedKnowledge, saveCachedKnowledge } from "./snapshot-cache.ts";
import { KnowledgeInvalidError, formatProblem, type KnowledgeProblem } from "./problems.ts";
import { buildSnapshot, type KnowledgeSnapshot } from "./snapshot.ts";
import { isPriced } from "./kinds.ts";
import { checkedAsOf } from "../pricing/price-age.ts";

export interface ReloadOutcome {
  ok: boolean;
  at: Date;
  /** true when the snapshot was replaced (a valid edit) */
  changed: boolean;
  version: string;
  problems: KnowledgeProblem[];
  error: string | null;
  /** true when another instance asked for this reload (its broadcast), so that instance announces the change */
  forPeer?: boolean;
}

export interface KnowledgeStatus {
  version: string;
  loadedAt: Date;
  models: number;
  catalogModels: number;
  articles: number;
  oldestPriceAsOf: string;
  lastReload: ReloadOutcome | null;
  watching: boolean;
  /** other instances sharing this knowledge (several processes behind a load balancer), when known */
  instances?: { id: string; version: string; seenAt: Date }[];
  /** how the shared state (Redis) is doing, when there is one: "down" and "slow" mean answers use this process's fallbacks */
  sharedState?: "ok" | "down" | "slow";
  /** the scheduled price refresh (MODELWISE_REFRESH), when on */
  priceRefresh?: PriceRefreshStatus;
}

/** What the scheduled price refresh did last; a failed run leaves the last good prices serving. */
export interface PriceRefreshStatus {
  everyMs: number;
  sources: string[];
  last: { ok: boolean; at: Date; error: string | null } | null;
  /** the last run that imported and swapped in new files */
  lastGood: { at: Date; pricesAsOf: string | null } | null;
}

/** The live knowledge commands answer from: the current snapshot, its status, and a way to reload it. */
export interface LiveKnowledge {
  current(): KnowledgeSnapshot;
  status(): KnowledgeStatus;
  reload(): Promise<ReloadOutcome>;
}

function statusOf(snapshot: KnowledgeSnapshot, lastReload: ReloadOutcome | null, watching: boolean): KnowledgeStatus {
  return {
    version: snapshot.version,
    loadedAt: snapshot.knowledge.loadedAt,
    models: snapshot.knowledge.models.length,
    catalogModels: snapshot.knowledge.catalog.length,
    articles: snapshot.knowledge.articles.length,
    oldestPriceAsOf: snapshot.knowledge.models.filter(isPriced).map(checkedAsOf).sort()[0] ?? "",
    lastReload,
    watching,
  };
}

/** A fixed snapshot (tests, one-shot answers): reloading changes nothing. */
export function fixedKnowledge(snapshot: KnowledgeSnapshot): LiveKnowledge {
  return {
    current: () => snapshot,
    status: () => statusOf(snapshot, null, false),
    reload: async () => ({ ok: true, at: new Date(), changed: false, version: snapshot.version, problems: [], error: null }),
  };
}

export interface StoreLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn?(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface StoreOptions {
  logger?: StoreLogger;
  now?: () => Date;
  /** a LiteLLM price map to load as an extra catalog */
  catalogPath?: string;
  /** a private folder for validated snapshots (fast restarts); none: always validate */
  cacheDir?: string | null;
  /** the secret cached snapshots are signed with; none: a key file the cache creates in its folder */
  cacheKey?: string | null;
  /** reloads read and validate on a worker thread, so a large edit never stalls answers (the bot; tests need not) */
  parseOffThread?: boolean;
}

const DEBOUNCE_MS = 250;

/** Validation (zod, YAML) is loaded only when a snapshot must be built from the files. */
async function loadValidated(dir: string, now: Date, options: LoadOptions): Promise<Knowledge> {
  const { loadKnowledge } = await import("./load.ts");
  return loadKnowledge(dir, now, options);
}

/** Validated knowledge: from the cache when these exact files were validated before, else loaded and cached. */
export async function loadFolder(dir: string, now: Date, options: StoreOptions): Promise<Knowledge> {
  const load = { catalogPath: options.catalogPath };
  if (!options.cacheDir) return loadValidated(dir, now, load);
  let untrusted = false;
  const onUntrusted = (reason: string) => {
    if (!untrusted) options.logger?.warn?.({ cacheDir: options.cacheDir }, reason);
    untrusted = true;
  };
  const cache = { key: options.cacheKey ?? null, onUntrusted };
  const fingerprint = await knowledgeFingerprint(dir, options.catalogPath).catch(() => null);
  const cached = fingerprint ? await readCachedKnowledge(options.cacheDir, fingerprint, now, cache) : null;
  if (cached) return cached;
  const knowledge = await loadValidated(dir, now, load);
  if (fingerprint && !untrusted) await saveCachedKnowledge(options.cacheDir, fingerprint, knowledge, cache).catch(() => undefined);
  return knowledge;
}

/** Knowledge problems and filesystem errors, in words an admin can act on. */
export function describeLoadError(error: unknown, dir: string): { problems: KnowledgeProblem[]; message: string } {
  if (error instanceof KnowledgeInvalidError) return { problems: error.problems, message: error.problems.map(formatProblem).join("\n") };
  return { problems: [], message: describeFsError(error, dir) ?? (error as Error).message };
}

/**
 * The live store: loads and validates knowledge/ into an immutable snapshot and swaps it in only when valid.
 * A bad edit leaves the last good snapshot serving; commands keep the snapshot they started with.
 */
export class KnowledgeStore implements LiveKnowledge {
  private snapshot: KnowledgeSnapshot;
  private lastReload: ReloadOutcome | null = null;
  private watcher: FolderWatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reloading: Promise<ReloadOutcome> | null = null;
  private again = false;
  private againForPeer = true;
  private readonly listeners = new Set<(outcome: ReloadOutcome, previous: KnowledgeSnapshot) => void>();
  private priceRefresh: PriceRefreshStatus | undefined;

  private constructor(
    readonly dir: string,
    first: KnowledgeSnapshot,
    private readonly options: StoreOptions,
  ) {
    this.snapshot = first;
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<KnowledgeStore> {
    const first = buildSnapshot(await loadFolder(dir, options.now?.() ?? new Date(), options));
    return new KnowledgeStore(dir, first, options);
  }

  current(): KnowledgeSnapshot {
    return this.snapshot;
  }

  status(): KnowledgeStatus {
    const status = statusOf(this.snapshot, this.lastReload, this.watcher?.active ?? false);
    return this.priceRefresh ? { ...status, priceRefresh: this.priceRefresh } : status;
  }

  /** Set by the scheduled price refresh after each run, for /status. */
  recordPriceRefresh(status: PriceRefreshStatus): void {
    this.priceRefresh = status;
  }

  /** Called after every reload with its outcome and the snapshot it replaced (for change digests, broadcasts). */
  onReload(listener: (outcome: ReloadOutcome, previous: KnowledgeSnapshot) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Loads the folder again; concurrent calls share one load, and a change during a load triggers one more.
   * `forPeer`: another instance asked (its outcome says so); a reload asked here or by a file change counts as ours.
   */
  reload(options: { forPeer?: boolean } = {}): Promise<ReloadOutcome> {
    const forPeer = options.forPeer === true;
    if (this.reloading) {
      this.againForPeer = this.again ? this.againForPeer && forPeer : forPeer;
      this.again = true;
      return this.reloading;
    }
    this.reloading = this.loadOnce(forPeer).finally(() => {
      this.reloading = null;
      if (this.again) {
        this.again = false;
        void this.reload({ forPeer: this.againForPeer });
      }
    });
    return this.reloading;
  }

  private async loadOnce(forPeer: boolean): Promise<ReloadOutcome> {
    const at = this.options.now?.() ?? new Date();
    const previous = this.snapshot;
    try {
      const load = this.options.parseOffThread ? (await import("./load-off-thread.ts")).loadFolderOffThread : loadFolder;
      const next = buildSnapshot(await load(this.dir, at, this.options));
      const changed = next.version !== this.snapshot.version;
      this.snapshot = next;
      this.lastReload = { ok: true, at, changed, version: next.version, problems: [], error: null, ...(forPeer ? { forPeer } : {}) };
      if (changed) this.options.logger?.info({ version: next.version }, "knowledge reloaded");
    } catch (error) {
      const { problems, message } = describeLoadError(error, this.dir);
      this.lastReload = { ok: false, at, changed: false, version: this.snapshot.version, problems, error: message, ...(forPeer ? { forPeer } : {}) };
      this.options.logger?.error(
        { problems: problems.map(formatProblem), error: problems.length ? undefined : message },
        "knowledge edit rejected; still serving the last good version",
      );
    }
    for (const listener of this.listeners) listener(this.lastReload, previous);
    return this.lastReload;
  }

  /** Watches the folder and reloads shortly after the last change; survives the folder being replaced. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = new FolderWatch(
      this.dir,
      () => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.reload(), DEBOUNCE_MS);
      },
      (message) => this.options.logger?.error({ error: message }, "cannot watch the knowledge folder"),
    );
    this.watcher.start();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.stop();
    this.watcher = null;
  }
}
