import { UserError } from "../reply/errors.ts";
import type { Capability, Tier } from "../knowledge/kinds.ts";
import type { Task } from "../knowledge/schema.ts";
import type { ServingGpu } from "../selfhost/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";

/** A constraint a model must meet: one of its capabilities, or open weights. */
export type Feature = Capability | "open";

/** The words people use for features and tiers, in both languages: the one table every command reads. */
const FEATURE_WORDS: Record<Feature, readonly string[]> = {
  vision: ["vision", "image", "images", "multimodal", "视觉", "图像", "图片", "看图", "多模态"],
  reasoning: ["reasoning", "reasoner", "thinking", "推理", "思考"],
  tools: ["tools", "tool", "function-calling", "function calling", "tool-use", "工具", "工具调用", "函数调用"],
  open: ["open", "open-weights", "open weights", "opensource", "open-source", "self-hostable", "开源", "开放权重", "可自建"],
};

const TIER_WORDS: Record<Tier, readonly string[]> = {
  "ultra-low": ["ultra-low", "ultralow", "超低成本", "超低"],
  balanced: ["balanced", "均衡"],
  premium: ["premium", "frontier", "高端", "旗舰"],
};

const byWord = <T extends string>(table: Record<T, readonly string[]>) => {
  const map = new Map<string, T>();
  for (const [key, words] of Object.entries(table) as [T, readonly string[]][]) for (const word of words) map.set(word.toLowerCase(), key);
  return map;
};
const FEATURES = byWord(FEATURE_WORDS);
const TIER_BY_WORD = byWord(TIER_WORDS);

export function featureOf(word: string): Feature | undefined {
  return FEATURES.get(word.toLowerCase());
}

export function tierOf(word: string): Tier | undefined {
  return TIER_BY_WORD.get(word.toLowerCase());
}

interface Span {
  start: number;
  end: number;
}

const taskMatchers = new WeakMap<KnowledgeSnapshot, { task: Task; spans: (lower: string) => Span[] }[]>();

/**
 * Tasks whose words appear in the text ("coding", "写代码"): whole words in English, substrings in Chinese. A word
 * inside a longer task word is no task of its own: "编程助手" is coding, not a real-time assistant.
 */
export function findTasks(snapshot: KnowledgeSnapshot, text: string): Task[] {
  let matchers = taskMatchers.get(snapshot);
  if (!matchers) {
    matchers = snapshot.knowledge.tasks.map((task) => {
      const han = task.words.filter((word) => /\p{Script=Han}/u.test(word));
      const latin = task.words
        .filter((word) => !/\p{Script=Han}/u.test(word))
        // longest first: an alternation takes the first word that matches, and "coding assistant" must win over "coding"
        .sort((x, y) => y.length - x.length)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[-\s]/g, "[-\\s]?"));
      const pattern = latin.length ? new RegExp(`(?<=[^a-z])(?:${latin.join("|")})(?=[^a-z])`, "g") : null;
      const spans = (lower: string): Span[] => {
        const found: Span[] = [];
        for (const word of han) for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) found.push({ start: at, end: at + word.length });
        // overlapping matches too: in "customer support chatbot", "support chatbot" holds the real-time word "chatbot"
        if (pattern) pattern.lastIndex = 0;
        for (let m = pattern?.exec(lower); pattern && m; m = pattern.exec(lower)) {
          found.push({ start: m.index, end: m.index + m[0].length });
          pattern.lastIndex = m.index + 1;
        }
        return found;
      };
      return { task, spans };
    });
    taskMatchers.set(snapshot, matchers);
  }
  const lower = ` ${text.toLowerCase()} `;
  const found = matchers.map((m) => ({ task: m.task, spans: m.spans(lower) })).filter((f) => f.spans.length);
  const inside = (span: Span, other: Span) => other.start <= span.start && span.end <= other.end && other.end - other.start > span.end - span.start;
  const tasks = found.filter((f) => !f.spans.every((span) => found.some((o) => o !== f && o.spans.some((other) => inside(span, other)))));
  // "email triage (classify …)": a word for the material worked on names its task only when no other task is named
  const material = (f: (typeof tasks)[number]) => f.spans.every((span) => MATERIAL_WORDS.has(lower.slice(span.start, span.end)));
  return (tasks.some((f) => !material(f)) ? tasks.filter((f) => !material(f)) : tasks).map((f) => f.task);
}

/** Task words that name what is worked on rather than the work: "email" is summarizing one, unless the line says otherwise. */
const MATERIAL_WORDS = new Set(["email", "emails", "邮件"]);

/** A GPU by any of its names ("h100", "H100 SXM5 80GB"), or a user error listing the known ones. */
export function findGpu(snapshot: KnowledgeSnapshot, name: string): ServingGpu {
  const key = normalizeName(name);
  const gpus = snapshot.knowledge.serving.gpus;
  // a bare GeForce number ("5090") is the RTX card of that number
  const named = (k: string) => gpus.find((g) => [g.id, g.name, ...g.aliases].some((n) => normalizeName(n) === k));
  const gpu = named(key) ?? (/^\d{4}$/.test(key) ? named(`rtx${key}`) : undefined);
  if (!gpu) throw new UserError("bad_input", "error.unknownGpu", { name: name.slice(0, 40), list: gpus.map((g) => g.id).join(", ") });
  return gpu;
}
