import { watch, type FSWatcher } from "node:fs";
import type { Knowledge, LoadOptions } from "./knowledge/load.ts";
import { knowledgeFingerprint, readSnapshot, saveSnapshot } from "./knowledge/snapshot-cache.ts";
import { KnowledgeInvalidError, formatProblem, type KnowledgeProblem } from "./knowledge/problems.ts";
import { buildKnowledgeBase, type KnowledgeBase } from "./knowledge-base.ts";
import { isPriced } from "./knowledge/kinds.ts";

export interface ReloadOutcome {
  ok: boolean;
  at: Date;
  /** true when the snapshot was replaced (a valid edit) */
  changed: boolean;
  version: string;
  problems: KnowledgeProblem[];
  error: string | null;
}

export interface KnowledgeStatus {
  version: string;
  loadedAt: Date;
  models: number;
  articles: number;
  oldestPriceAsOf: string;
  lastReload: ReloadOutcome | null;
  watching: boolean;
}

/** Where commands get knowledge from: the current snapshot, its status, and a way to reload it. */
export interface KnowledgeSource {
  current(): KnowledgeBase;
  status(): KnowledgeStatus;
  reload(): Promise<ReloadOutcome>;
}

function statusOf(kb: KnowledgeBase, lastReload: ReloadOutcome | null, watching: boolean): KnowledgeStatus {
  return {
    version: kb.version,
    loadedAt: kb.knowledge.loadedAt,
    models: kb.knowledge.models.length,
    articles: kb.knowledge.articles.length,
    oldestPriceAsOf: kb.knowledge.models.filter(isPriced).map((m) => m.asOf).sort()[0] ?? "",
    lastReload,
    watching,
  };
}

/** A fixed snapshot (tests, one-shot answers): reloading changes nothing. */
export function staticKnowledge(kb: KnowledgeBase): KnowledgeSource {
  return {
    current: () => kb,
    status: () => statusOf(kb, null, false),
    reload: async () => ({ ok: true, at: new Date(), changed: false, version: kb.version, problems: [], error: null }),
  };
}

export interface StoreLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

const DEBOUNCE_MS = 250;

/** Validation (zod, YAML) is loaded only when a snapshot must be built from the files. */
async function loadValidated(dir: string, now: Date, options: LoadOptions): Promise<Knowledge> {
  const { loadKnowledge } = await import("./knowledge/load.ts");
  return loadKnowledge(dir, now, options);
}

/** A validated snapshot: from the cache when these exact files were validated before, else loaded and cached. */
async function loadSnapshot(dir: string, now: Date, options: LoadOptions): Promise<Knowledge> {
  const fingerprint = await knowledgeFingerprint(dir, options.catalogPath).catch(() => null);
  const cached = fingerprint ? await readSnapshot(fingerprint, now) : null;
  if (cached) return cached;
  const knowledge = await loadValidated(dir, now, options);
  if (fingerprint) await saveSnapshot(fingerprint, knowledge).catch(() => undefined);
  return knowledge;
}

export interface StoreOptions {
  logger?: StoreLogger;
  now?: () => Date;
  /** a LiteLLM price map to load as the extended catalog (MODELWISE_CATALOG) */
  catalogPath?: string;
}

/**
 * The live knowledge: loads and validates knowledge/ into an immutable snapshot and swaps it in only when valid.
 * A bad edit leaves the last good snapshot serving; commands keep the snapshot they started with.
 */
export class KnowledgeStore implements KnowledgeSource {
  private snapshot: KnowledgeBase;
  private lastReload: ReloadOutcome | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reloading: Promise<ReloadOutcome> | null = null;
  private again = false;

  private constructor(
    readonly dir: string,
    first: KnowledgeBase,
    private readonly options: StoreOptions,
  ) {
    this.snapshot = first;
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<KnowledgeStore> {
    const first = buildKnowledgeBase(await loadSnapshot(dir, options.now?.() ?? new Date(), { catalogPath: options.catalogPath }));
    return new KnowledgeStore(dir, first, options);
  }

  private get logger(): StoreLogger | undefined {
    return this.options.logger;
  }

  current(): KnowledgeBase {
    return this.snapshot;
  }

  status(): KnowledgeStatus {
    return statusOf(this.snapshot, this.lastReload, this.watcher !== null);
  }

  /** Loads the folder again; concurrent calls share one load, and a change during a load triggers one more. */
  reload(): Promise<ReloadOutcome> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = this.loadOnce().finally(() => {
      this.reloading = null;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  private async loadOnce(): Promise<ReloadOutcome> {
    const at = this.options.now?.() ?? new Date();
    try {
      const next = buildKnowledgeBase(await loadSnapshot(this.dir, at, { catalogPath: this.options.catalogPath }));
      const changed = next.version !== this.snapshot.version;
      this.snapshot = next;
      this.lastReload = { ok: true, at, changed, version: next.version, problems: [], error: null };
      if (changed) this.logger?.info({ version: next.version }, "knowledge reloaded");
    } catch (error) {
      const problems = error instanceof KnowledgeInvalidError ? error.problems : [];
      const message = problems.length ? problems.map(formatProblem).join("\n") : (error as Error).message;
      this.lastReload = { ok: false, at, changed: false, version: this.snapshot.version, problems, error: message };
      this.logger?.error({ problems: problems.map(formatProblem), error: problems.length ? undefined : message }, "knowledge edit rejected; still serving the last good version");
    }
    return this.lastReload;
  }

  /** Watches the folder (editors that save by rename included) and reloads shortly after the last change. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.dir, { recursive: true }, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), DEBOUNCE_MS);
    });
    this.watcher.on("error", (error) => this.logger?.error({ error: error.message }, "cannot watch the knowledge folder"));
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = null;
  }
}
