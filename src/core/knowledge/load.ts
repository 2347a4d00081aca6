import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { parseArticle, type Article } from "./article.ts";
import { KnowledgeInvalidError, type KnowledgeProblem } from "./problems.ts";
import {
  unpricedModelSchema,
  modelsFileSchema,
  pricedModelSchema,
  tasksFileSchema,
  importLogSchema,
  currencyFileSchema,
  qualityFileSchema,
  codingRunsFileSchema,
  type CodingRunsFile,
  type ImportRecord,
  type QualityFile,
  type Model,
  type PricedModel,
  type CurrencyFile,
  type PageTokens,
  type Task,
  type Workload,
} from "./schema.ts";
import { isPriced } from "./kinds.ts";
import { servingFileSchema, servingProblemsAt, type ServingKnowledge } from "../selfhost/schema.ts";
import type { ZodType } from "zod";
import { YamlFile } from "./yaml-file.ts";
import { normalizeName } from "../models/names.ts";
import { loadCatalog, loadShippedCatalog, mergeCatalogs } from "./catalog.ts";
import { priceReviewSchema, reconcile, secondSourceFileSchema, type PriceReview, type SecondSourceFile } from "./second-source.ts";
import { priceHistoryFileSchema, type PriceHistoryFile } from "./price-history.ts";
import { applyContextRule, applyDiscountRules, providerRulesSchema, type ProviderRules } from "./provider-rules.ts";
import { KNOWLEDGE_FILE_LIMITS, readCappedText } from "./file-limits.ts";

export interface Knowledge {
  /** the newest `npm run knowledge:import`, if any */
  lastImport: ImportRecord | null;
  models: readonly Model[];
  /** every other chat model of the LiteLLM map: knowledge/catalog/litellm-chat.json, or the map MODELWISE_CATALOG names */
  catalog: readonly PricedModel[];
  /** genai-prices.yaml: the second price source for curated models; null when absent */
  secondSource: SecondSourceFile | null;
  /** price-review.yaml: sources an admin pinned and low prices an admin confirmed; null when absent */
  review: PriceReview | null;
  /** provider-rules.yaml: published batch/flex discounts and context conventions; null when absent */
  providerRules: ProviderRules | null;
  /** price-history.yaml: dated price changes of the curated models; null when absent */
  priceHistory: PriceHistoryFile | null;
  /** quality.yaml: LMArena scores per model id; null when the file is absent */
  quality: QualityFile | null;
  /** coding-runs.yaml: measured Aider polyglot runs per model id; null when the file is absent */
  codingRuns: CodingRunsFile | null;
  defaultWorkload: Workload;
  estimateOutputTokens: number;
  /** serving.yaml: GPUs, model architectures, serving measurements and the fitted estimator factors */
  serving: ServingKnowledge;
  currency: CurrencyFile;
  tasks: readonly Task[];
  /** tasks.yaml's tokens per page, for sizes given in pages; null when the file states none */
  pageTokens: PageTokens | null;
  articles: readonly Article[];
  loadedAt: Date;
}

/** Price files a knowledge folder may leave out: each adds to answers when present. */
const OPTIONAL_PRICE_FILES = ["genai-prices.yaml", "price-review.yaml", "provider-rules.yaml", "price-history.yaml"];

interface FileText {
  file: string;
  text: string;
}

async function readKnowledgeFiles(dir: string): Promise<{ yamls: Map<string, FileText>; articles: FileText[] }> {
  const yamls = new Map<string, FileText>();
  const yaml = (name: string) => readCappedText(join(dir, name), `knowledge/${name}`, KNOWLEDGE_FILE_LIMITS.yaml);
  const absent = (error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  };
  for (const name of ["models.yaml", "serving.yaml", "tasks.yaml", "currency.yaml"]) {
    yamls.set(name, { file: `knowledge/${name}`, text: await yaml(name) });
  }
  const importLog = await yaml("import-log.yaml").catch(absent);
  if (importLog !== null) yamls.set("import-log.yaml", { file: "knowledge/import-log.yaml", text: importLog });
  for (const name of ["quality.yaml", "coding-runs.yaml", ...OPTIONAL_PRICE_FILES]) {
    const text = await yaml(name).catch(absent);
    if (text !== null) yamls.set(name, { file: `knowledge/${name}`, text });
  }
  const articleNames = (await readdir(join(dir, "articles"))).filter((name) => name.endsWith(".md")).sort();
  const articles = await Promise.all(
    articleNames.map(async (name) => ({
      file: `knowledge/articles/${name}`,
      text: await readCappedText(join(dir, "articles", name), `knowledge/articles/${name}`, KNOWLEDGE_FILE_LIMITS.article),
    })),
  );
  return { yamls, articles };
}

function modelEntryName(raw: unknown, index: number): string {
  const id = raw && typeof raw === "object" && "id" in raw ? String((raw as { id: unknown }).id) : null;
  return id ? `model "${id}"` : `model #${index + 1}`;
}

function validateModels(yaml: YamlFile, problems: KnowledgeProblem[]) {
  const file = yaml.validate(modelsFileSchema, yaml.toJS(), [], "file");
  problems.push(...file.problems);
  if (!file.data) return null;
  const entries: { model: Model; index: number }[] = [];
  file.data.models.forEach((raw, index) => {
    const entry = modelEntryName(raw, index);
    const schema = raw && typeof raw === "object" && "unpriced" in raw ? unpricedModelSchema : pricedModelSchema;
    const result = yaml.validate(schema, raw, ["models", index], entry);
    problems.push(...result.problems);
    if (result.data) entries.push({ model: result.data, index });
  });
  const models = entries.map((e) => e.model);
  const ids = new Set<string>();
  const aliasOwners = new Map<string, string>();
  for (const { model, index } of entries) {
    const problem = (field: string, message: string) => problems.push(yaml.problem(["models", index, field.split(".")[0]!], `model "${model.id}"`, field, message));
    if (ids.has(model.id)) problem("id", "is used by another model too");
    ids.add(model.id);
    for (const alias of [model.id, model.name, ...model.aliases, ...model.aliasesZh]) {
      const key = normalizeName(alias);
      const owner = aliasOwners.get(key);
      if (owner && owner !== model.id) problem("aliases", `"${alias}" already names model "${owner}"`);
      aliasOwners.set(key, model.id);
    }
    if (isPriced(model) && model.cachedInputPer1M !== undefined && model.cachedInputPer1M > model.inputPer1M) {
      problem("cachedInputPer1M", "is higher than inputPer1M");
    }
    if (!isPriced(model) && !models.some((m) => m.id === model.unpriced.nearest && isPriced(m))) {
      problem("unpriced.nearest", `"${model.unpriced.nearest}" is not a priced model`);
    }
  }
  return { ...file.data, models };
}

function validateCrossReferences(
  knowledge: Omit<Knowledge, "loadedAt" | "catalog" | "quality" | "codingRuns" | "secondSource" | "review" | "providerRules" | "priceHistory">,
  files: { models: YamlFile; serving: YamlFile; tasks: YamlFile },
  problems: KnowledgeProblem[],
) {
  const sectionExists = (article: string, section: string) => knowledge.articles.some((a) => a.id === article && a.sections.some((s) => s.id === section));
  for (const model of knowledge.models) {
    const claim = model.articleClaim;
    if (claim && !sectionExists(claim.article, claim.section)) {
      problems.push(files.models.problem(["models"], `model "${model.id}"`, "articleClaim.section", `no section "${claim.section}" in article "${claim.article}"`));
    }
  }
  knowledge.tasks.forEach((task, index) => {
    if (!sectionExists(task.article, task.section)) {
      problems.push(files.tasks.problem(["tasks", index, "section"], `task "${task.id}"`, "section", `no section "${task.section}" in article "${task.article}"`));
    }
  });
  const openIds = knowledge.models.filter((m) => m.openWeights).map((m) => m.id);
  for (const problem of servingProblemsAt(knowledge.serving, openIds)) {
    // an open model without an architecture is an edit to models.yaml as much as to serving.yaml: point at the model
    const modelIndex = knowledge.models.findIndex((m) => problem.entry === `model "${m.id}"`);
    problems.push(
      modelIndex >= 0
        ? files.models.problem(["models", modelIndex, "openWeights"], problem.entry, problem.field, `${problem.message} (add one, or set openWeights: false)`)
        : files.serving.problem(problem.path, problem.entry, problem.field, problem.message),
    );
  }
}

export interface LoadOptions {
  /** a LiteLLM price map to load as the extended catalog */
  catalogPath?: string;
  /** models.yaml and the catalog as written: no second source, provider rules or confirmations applied (checks of the import) */
  asWritten?: boolean;
}

/** Loads and validates the whole knowledge folder; throws KnowledgeInvalidError listing every problem. */
export async function loadKnowledge(dir: string, now: Date = new Date(), options: LoadOptions = {}): Promise<Knowledge> {
  const { yamls, articles: articleTexts } = await readKnowledgeFiles(dir);
  const problems: KnowledgeProblem[] = [];
  const parsed = new Map<string, YamlFile>();
  for (const [name, { file, text }] of yamls) {
    const result = YamlFile.parse(file, text);
    problems.push(...result.problems);
    if (result.yaml) parsed.set(name, result.yaml);
  }
  const articles: Article[] = [];
  for (const { file, text } of articleTexts) {
    const result = parseArticle(file, text);
    problems.push(...result.problems.map((p) => ({ file, ...p })));
    if (result.article) articles.push(result.article);
  }
  const modelsYaml = parsed.get("models.yaml");
  const servingYaml = parsed.get("serving.yaml");
  const tasksYaml = parsed.get("tasks.yaml");
  const models = modelsYaml ? validateModels(modelsYaml, problems) : null;
  const serving = servingYaml ? servingYaml.validate(servingFileSchema, servingYaml.toJS(), [], "file") : null;
  const tasks = tasksYaml ? tasksYaml.validate(tasksFileSchema, tasksYaml.toJS(), [], "file") : null;
  const currencyYaml = parsed.get("currency.yaml");
  const currency = currencyYaml ? currencyYaml.validate(currencyFileSchema, currencyYaml.toJS(), [], "file") : null;
  problems.push(...(currency?.problems ?? []));
  const importYaml = parsed.get("import-log.yaml");
  const imports = importYaml ? importYaml.validate(importLogSchema, importYaml.toJS(), [], "file") : null;
  problems.push(...(serving?.problems ?? []), ...(tasks?.problems ?? []), ...(imports?.problems ?? []));
  const qualityYaml = parsed.get("quality.yaml");
  const quality = qualityYaml ? qualityYaml.validate(qualityFileSchema, qualityYaml.toJS(), [], "file") : null;
  problems.push(...(quality?.problems ?? []));
  // against every id written in models.yaml, so an entry that failed validation is not reported twice
  const writtenIds = new Set(((modelsYaml?.toJS() as { models?: { id?: unknown }[] } | undefined)?.models ?? []).map((m) => String(m?.id)));
  for (const id of Object.keys(quality?.data?.models ?? {})) {
    if (modelsYaml && !writtenIds.has(id)) problems.push(qualityYaml!.problem(["models", id], `quality "${id}"`, "id", `"${id}" is not a model in models.yaml`));
  }
  const runsYaml = parsed.get("coding-runs.yaml");
  const codingRuns = runsYaml ? runsYaml.validate(codingRunsFileSchema, runsYaml.toJS(), [], "file") : null;
  problems.push(...(codingRuns?.problems ?? []));
  for (const id of Object.keys(codingRuns?.data?.runs ?? {})) {
    if (modelsYaml && !writtenIds.has(id)) problems.push(runsYaml!.problem(["runs", id], `coding run "${id}"`, "id", `"${id}" is not a model in models.yaml`));
  }
  // a bar measured from the frontier needs the board's best score in its category
  (tasksYaml?.toJS() as { tasks?: { id?: string; minQuality?: { category?: string; belowBest?: unknown } }[] } | undefined)?.tasks?.forEach((task) => {
    const bar = task?.minQuality;
    if (!bar || bar.belowBest === undefined || !quality?.data || quality.data.best[bar.category as keyof QualityFile["best"]]) return;
    problems.push(
      qualityYaml!.problem(
        ["best"],
        "best",
        String(bar.category),
        `task "${task.id}" measures its bar from the best ${bar.category} score, and the file records none (run npm run knowledge:quality)`,
      ),
    );
  });
  const optional = <T>(name: string, schema: ZodType<T>): T | null => {
    const yaml = parsed.get(name);
    if (!yaml) return null;
    const result = yaml.validate(schema, yaml.toJS(), [], "file");
    problems.push(...result.problems);
    return result.data ?? null;
  };
  const secondSource = optional("genai-prices.yaml", secondSourceFileSchema);
  const review = optional("price-review.yaml", priceReviewSchema);
  const providerRules = optional("provider-rules.yaml", providerRulesSchema);
  const priceHistory = optional("price-history.yaml", priceHistoryFileSchema);
  for (const id of Object.keys(review?.pins ?? {})) {
    if (modelsYaml && !writtenIds.has(id)) problems.push(parsed.get("price-review.yaml")!.problem(["pins", id], `pin "${id}"`, "id", `"${id}" is not a model in models.yaml`));
  }
  if (!models || !serving?.data || !tasks?.data || !currency?.data || !modelsYaml || !servingYaml || !tasksYaml || problems.length) {
    throw new KnowledgeInvalidError(problems);
  }
  const confirmed = new Set((review?.confirmedPrices ?? []).map((c) => c.key));
  const discounts = providerRules?.discounts ?? [];
  /** a curated or catalog entry with the second source, an admin's confirmation and the provider rules applied */
  const applied = (m: PricedModel): PricedModel => {
    const checked = secondSource && !m.catalog ? reconcile(m, secondSource, review) : m;
    const ruled = applyContextRule(checked, m.catalog ? undefined : providerRules?.context[m.id]);
    return applyDiscountRules(confirmed.has(m.litellmKey ?? m.id) ? { ...ruled, priceConfirmed: true as const } : ruled, discounts);
  };
  const knowledge = {
    lastImport: imports?.data?.imports[0] ?? null,
    models: options.asWritten ? models.models : models.models.map((m) => (isPriced(m) ? applied(m) : m)),
    defaultWorkload: models.defaultWorkload,
    estimateOutputTokens: models.estimateOutputTokens,
    serving: serving.data,
    currency: currency.data,
    tasks: tasks.data.tasks,
    pageTokens: tasks.data.pageTokens ?? null,
    articles,
  };
  validateCrossReferences(knowledge, { models: modelsYaml, serving: servingYaml, tasks: tasksYaml }, problems);
  const today = now.toISOString().slice(0, 10);
  const future = (file: YamlFile, path: PropertyKey[], entry: string, asOf: string) => {
    if (asOf > today) problems.push(file.problem(path, entry, "asOf", `${asOf} is in the future`));
  };
  for (const [i, model] of knowledge.models.entries()) future(modelsYaml, ["models", i, "asOf"], `model "${model.id}"`, model.asOf);
  for (const [i, gpu] of knowledge.serving.gpus.entries()) future(servingYaml, ["gpus", i, "asOf"], `GPU "${gpu.id}"`, gpu.asOf);
  for (const [i, row] of knowledge.serving.calibration.entries()) future(servingYaml, ["calibration", i, "asOf"], `calibration "${row.id}"`, row.asOf);
  for (const [id, entry] of Object.entries(knowledge.serving.architectures))
    if ("asOf" in entry && typeof entry.asOf === "string") future(servingYaml, ["architectures", id, "asOf"], `architecture "${id}"`, entry.asOf);
  future(servingYaml, ["electricity", "asOf"], "electricity", knowledge.serving.electricity.asOf);
  if (currencyYaml) future(currencyYaml, ["usdToCny", "asOf"], "usdToCny", knowledge.currency.usdToCny.asOf);
  if (problems.length) throw new KnowledgeInvalidError(problems);
  const shipped = await loadShippedCatalog(dir, knowledge.models, today);
  const merged = options.catalogPath ? mergeCatalogs(shipped, await loadCatalog(options.catalogPath, knowledge.models, today)) : shipped;
  const catalog = options.asWritten ? merged : merged.map(applied);
  return { ...knowledge, catalog, quality: quality?.data ?? null, codingRuns: codingRuns?.data ?? null, secondSource, review, providerRules, priceHistory, loadedAt: now };
}
