/** Runs an understander over the labelled corpus, conversations turn by turn, and scores every answer. */
import { expectedOf, type LabelledQuestion } from "./corpus.ts";
import { scoreQuestion, summarize, type QuestionScore, type Summary, type Understanding } from "./score.ts";

/** One line in, one understanding out; `previous` is what the conversation understood last (undefined at its start). */
export type Understand = (line: string, previous: Understanding | undefined) => Understanding;

export interface EvaluateOptions {
  /**
   * What a follow-up is merged with: "actual" (default) is the understander's own answer to the turn before,
   * as in a real thread, so an early mistake carries on; "expected" is the label of the turn before, which
   * scores each follow-up on its own.
   */
  previous?: "actual" | "expected";
}

export function evaluate(questions: readonly LabelledQuestion[], understand: Understand, options: EvaluateOptions = {}): { results: QuestionScore[]; summary: Summary } {
  const lastOf = new Map<string, Understanding>();
  const results = questions.map((question) => {
    const previous = question.conversation !== undefined && question.turn! > 1 ? lastOf.get(question.conversation) : undefined;
    const actual = understand(question.q, previous);
    if (question.conversation !== undefined) lastOf.set(question.conversation, options.previous === "expected" ? expectedOf(question) : actual);
    return scoreQuestion(expectedOf(question), actual, question);
  });
  return { results, summary: summarize(results) };
}
