import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CORPUS_PATH, LEGACY_MODEL_IDS, conversationsOf, expectedOf, loadCorpus, parseCorpus } from "../eval/corpus.ts";
import { scoreQuestion } from "../eval/score.ts";
import { KNOWLEDGE_DIR } from "./helpers.ts";

const questions = loadCorpus();
const tableIds = new Set<string>((parse(readFileSync(join(KNOWLEDGE_DIR, "models.yaml"), "utf8")) as { models: { id: string }[] }).models.map((m) => m.id));
const knownIds = new Set<string>([...tableIds, ...LEGACY_MODEL_IDS]);

describe("the labelled question corpus (eval/questions.yaml)", () => {
  it("parses against the documented schema", () => {
    expect(() => parseCorpus(readFileSync(CORPUS_PATH, "utf8"))).not.toThrow();
  });

  it("has at least 300 questions, at least 40% of them in Chinese", () => {
    expect(questions.length).toBeGreaterThanOrEqual(300);
    const chinese = questions.filter((q) => q.lang === "zh").length;
    expect(chinese / questions.length).toBeGreaterThanOrEqual(0.4);
  });

  it("gives every question its own id and its own wording", () => {
    const ids = questions.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const singles = questions.filter((q) => q.conversation === undefined).map((q) => q.q.trim().toLowerCase());
    expect(singles.filter((q, i) => singles.indexOf(q) !== i)).toEqual([]);
  });

  it("names only models the table has or is to carry as legacy", () => {
    const unknown = questions.flatMap((q) => (q.models ?? []).filter((id) => !knownIds.has(id)).map((id) => `${q.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it("labels a Chinese question zh and an English one en, judged by the words around any pasted text", () => {
    const hasHan = (text: string) => /\p{Script=Han}/u.test(text);
    const wrong = questions.filter((q) => {
      const asked = q.text === undefined ? q.q : q.q.replace(q.text, "");
      return (q.lang === "zh") !== hasHan(asked);
    });
    expect(wrong.map((q) => q.id)).toEqual([]);
  });

  it("takes an estimate's text verbatim from the question, or from an earlier turn of its conversation", () => {
    const conversations = conversationsOf(questions);
    const typedSoFar = (q: (typeof questions)[number]) =>
      q.conversation === undefined
        ? [q.q]
        : conversations
            .get(q.conversation)!
            .filter((t) => t.turn! <= q.turn!)
            .map((t) => t.q);
    const notQuoted = questions.filter((q) => q.text !== undefined && !typedSoFar(q).some((typed) => typed.includes(q.text!)));
    expect(notQuoted.map((q) => q.id)).toEqual([]);
  });

  it("covers every command in both languages", () => {
    const commands = new Set(questions.map((q) => q.command));
    for (const command of commands) {
      const langs = new Set(questions.filter((q) => q.command === command).map((q) => q.lang));
      expect([command, [...langs].sort()]).toEqual([command, ["en", "zh"]]);
    }
    expect(commands.size).toBe(11);
  });

  it("numbers each conversation's turns from 1 without gaps, in file order, with at least 2 and at most 4 turns", () => {
    const conversations = conversationsOf(questions);
    expect(conversations.size).toBeGreaterThanOrEqual(30);
    for (const name of conversations.keys()) {
      // in file order, since a conversation is replayed top to bottom
      const turns = questions.filter((q) => q.conversation === name);
      expect([name, turns.map((t) => t.turn)]).toEqual([name, turns.map((_, i) => i + 1)]);
      expect(turns.length, name).toBeGreaterThanOrEqual(2);
      expect(turns.length, name).toBeLessThanOrEqual(4);
    }
  });

  it("scores every label fully right against itself and wrong against a changed slot", () => {
    for (const question of questions) {
      const expected = expectedOf(question);
      expect(scoreQuestion(expected, expected).fullyRight, question.id).toBe(true);
      expect(scoreQuestion(expected, { ...expected, command: expected.command === "compare" ? "cheapest" : "compare" }).fullyRight).toBe(false);
    }
  });
});
