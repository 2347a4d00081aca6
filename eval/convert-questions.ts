/**
 * Converts every labelled question of eval/questions.yaml into an answer-level item (eval/answers/converted.yaml):
 * `npm run eval:convert`. A label states only what the question says; what a right answer then
 * contains follows from it and the knowledge:
 * - a bare total is split at the product's documented default 5:1 input:output (README "Asking"); one side alone
 *   gets the other at the same ratio; prompt × requests is the monthly input; cache share or batch with no volume
 *   is priced on the default workload of knowledge/models.yaml;
 * - a comparison of two or more priced models expects the cheapest by the grader's own arithmetic (answer-cost.ts);
 * - a task for /cheapest expects picks for that task in tier order; constraints become `requires`/`minContext`;
 * - a follow-up that says no language of its own (only the names of the models it chooses: "opus 4.5" answering
 *   "which claude?") is answered in its conversation's language and script (README "Asking").
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Document, isScalar, isSeq, visit } from "yaml";
import { loadCorpus, type LabelledQuestion } from "./corpus.ts";
import type { AnswerItem, ExpectedWorkload, ItemClass } from "./answer-corpus.ts";
import { expectedCost, type RawPrices } from "./answer-cost.ts";
import { gradeContextOf, loadEvalSnapshot } from "./answer-run.ts";
import type { KnownModel } from "./answer-grade.ts";
import { chineseScript } from "./answer-script.ts";

const OUT = fileURLToPath(new URL("./answers/converted.yaml", import.meta.url));
const KIND = { facts: "model", out_of_scope: "not_covered" } as const;
const COSTED = new Set(["compare", "cheapest"]);
/** GPUs with specs and prices in knowledge/serving.yaml */
const KNOWN_GPUS = new Set([
  "a100",
  "a100-40gb",
  "a10g",
  "l4",
  "l40s",
  "rtx-4090",
  "rtx-5090",
  "h100",
  "h100-pcie",
  "h200",
  "h20",
  "h800",
  "b200",
  "gb200",
  "mi300x",
  "mi325x",
  "gaudi3",
  "ascend-910b",
]);

export function workloadOf(q: LabelledQuestion, fallback: { input: number; output: number }): ExpectedWorkload | undefined {
  const v = q.volume;
  let input: number | undefined;
  let output: number | undefined;
  if (v?.total !== undefined) [input, output] = [Math.round((v.total * 5) / 6), Math.round(v.total / 6)];
  else if (v) [input, output] = [v.input ?? (v.output ?? 0) * 5, v.output ?? Math.round((v.input ?? 0) / 5)];
  else if (q.promptTokens !== undefined && q.requests !== undefined) [input, output] = [q.promptTokens * q.requests, Math.round((q.promptTokens * q.requests) / 5)];
  else if (q.cachedPercent !== undefined || q.batch || q.promptTokens !== undefined) [input, output] = [fallback.input, fallback.output];
  if (input === undefined || output === undefined) return undefined;
  return {
    input,
    output,
    ...(q.cachedPercent !== undefined ? { cachedPercent: q.cachedPercent } : {}),
    ...(q.batch ? { batch: true } : {}),
    ...(q.promptTokens !== undefined ? { promptTokens: q.promptTokens } : {}),
  };
}

function cheapestOf(ids: readonly string[], w: ExpectedWorkload, models: ReadonlyMap<string, KnownModel>): string | undefined {
  const costs: [string, number][] = [];
  for (const id of ids) {
    const model = models.get(id);
    if (!model || model.unpriced !== undefined || model.inputPer1M === undefined) return undefined;
    const cost = expectedCost(model as RawPrices, w);
    if (cost.fits) costs.push([id, cost.cost]);
  }
  costs.sort((a, b) => a[1] - b[1]);
  // a tie (or a near one) has no single right verdict
  if (costs.length < 2 || costs[1]![1] - costs[0]![1] < 0.01 * costs[0]![1]) return undefined;
  return costs[0]![0];
}

/** Only the names of the models it names, and numbers: a line in no language ("opus 4.5", "gpt-5 mini"). */
function saysNoLanguage(q: LabelledQuestion, models: ReadonlyMap<string, KnownModel>): boolean {
  const named = new Set((q.models ?? []).flatMap((id) => `${id} ${models.get(id)?.name ?? ""}`.toLowerCase().match(/[a-z]{2,}/g) ?? []));
  const words = q.q.toLowerCase().match(/[a-z]{2,}/g) ?? [];
  return !/\p{Script=Han}/u.test(q.q) && words.length > 0 && words.every((w) => named.has(w));
}

export function convert(
  q: LabelledQuestion,
  models: ReadonlyMap<string, KnownModel>,
  fallback: { input: number; output: number },
  conversationLang?: AnswerItem["lang"],
): AnswerItem {
  const answer = (KIND as Record<string, AnswerItem["expect"]["answer"]>)[q.command] ?? (q.command as AnswerItem["expect"]["answer"]);
  const ownLang = q.lang === "en" ? "en" : chineseScript(q.q);
  const lang = conversationLang && conversationLang !== "en" && ownLang === "en" && saysNoLanguage(q, models) ? conversationLang : ownLang;
  const classes = new Set<ItemClass>();
  const expect: AnswerItem["expect"] = { answer };
  const workload = COSTED.has(q.command) ? workloadOf(q, fallback) : undefined;
  if (q.models && ["compare", "facts", "providers", "selfhost", "article"].includes(q.command)) {
    expect.models = q.models;
    if (q.command === "compare") expect.exactModels = true;
  }
  if (workload) {
    expect.workload = workload;
    if (q.promptTokens !== undefined && q.requests !== undefined) classes.add("per-request");
  }
  if (q.command === "compare" && q.models && q.models.length > 1) {
    const cheapest = cheapestOf(q.models, workload ?? { input: fallback.input, output: fallback.output }, models);
    if (cheapest) expect.cheapest = cheapest;
  }
  if (q.command === "cheapest") {
    const c = q.constraints ?? {};
    const requires = [...(c.vision ? ["vision"] : []), ...(c.reasoning ? ["reasoning"] : []), ...(c.tools ? ["tools"] : []), ...(c.openWeights ? ["open"] : [])] as (
      | "vision"
      | "reasoning"
      | "tools"
      | "open"
    )[];
    if (requires.length) expect.requires = requires;
    if (c.minContext) expect.minContext = c.minContext;
    if (q.tasks?.length === 1) {
      expect.task = q.tasks[0];
      expect.tierOrder = true;
      classes.add("tasks").add("tiers");
    }
  }
  if (q.command === "selfhost") {
    classes.add("selfhost");
    if (q.gpu?.id && !KNOWN_GPUS.has(q.gpu.id)) {
      // a GPU the knowledge has no specs for is named back (README "Asking"), not answered with another one
      delete expect.answer;
      delete expect.models;
      expect.namedBack = [q.gpu.id.replace(/^rtx-/, "")];
      classes.add("drops");
    } else {
      if (q.gpu?.id) expect.gpu = q.gpu.id;
      if (q.gpu?.count !== undefined) expect.gpus = q.gpu.count;
    }
  }
  if (q.command === "article") classes.add("article");
  if (q.command === "out_of_scope") classes.add("tasks");
  if (q.turn !== undefined && q.turn > 1) classes.add("followup");
  if (lang === "zh-Hant") classes.add("traditional");
  if (!classes.size) classes.add("basic");
  return {
    id: `c-${q.id}`,
    split: "dev",
    origin: "converted",
    classes: [...classes],
    lang,
    ...(q.conversation !== undefined ? { conversation: `c-${q.conversation}`, turn: q.turn } : {}),
    q: q.q,
    expect,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const snapshot = await loadEvalSnapshot();
  const { models } = gradeContextOf(snapshot);
  const d = snapshot.knowledge.defaultWorkload;
  // the language each conversation was started in
  const started = new Map<string, AnswerItem["lang"]>();
  const items = loadCorpus().map((q) => {
    const item = convert(q, models, { input: d.inputTokens, output: d.outputTokens }, q.conversation !== undefined ? started.get(q.conversation) : undefined);
    if (q.conversation !== undefined && !started.has(q.conversation)) started.set(q.conversation, item.lang);
    return item;
  });
  const header = "# Generated by `npm run eval:convert` (eval/convert-questions.ts) from eval/questions.yaml: do not edit by hand. Format: eval/ANSWERS.md.\n";
  const doc = new Document({ items });
  // lists of words and ids read best on one line
  visit(doc, {
    Seq: (_, seq) => {
      if (isSeq(seq) && seq.items.every(isScalar)) seq.flow = true;
    },
  });
  writeFileSync(OUT, header + doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  console.log(`${items.length} items → ${OUT}`);
}
