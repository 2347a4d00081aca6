import { UserError } from "../reply/errors.ts";

/**
 * How much text model-name lookup accepts. The longest name in the LiteLLM map is under 80 characters and
 * the longest curated name 6 words, so anything beyond these is refused before any search: that keeps the
 * cost of one request bounded whatever is typed or pasted.
 */
export const NAME_LIMITS = {
  /** one model name, as typed */
  maxNameChars: 100,
  /** words in one model name ("claude 3.5 sonnet v2 20241022 bedrock") */
  maxNameWords: 8,
  /** a typed list of names (/compare, /estimate model:) */
  maxListChars: 1_000,
  /** fuzzy searches one list may cost; names beyond come back unknown without suggestions */
  maxFuzzyPerList: 12,
  /** free text read for mentions: its start and its end, where names sit around any pasted text */
  mentionHeadChars: 4_000,
  mentionTailChars: 1_000,
} as const;

type NameLimitKind = "too_long" | "too_many_words";

export interface NameLimitProblem {
  kind: NameLimitKind;
  /** what was typed: characters for too_long, words for too_many_words */
  size: number;
  max: number;
}

const NAME_LIMIT_ERROR_CODE = "bad_input" as const;

/**
 * A name or list longer than its limit: a UserError, so the dispatcher shows the localized "error.tooLong"
 * message ("That text is {size} characters; the limit is {max}."). Too many words is not thrown: such text is
 * simply no model name, and comes back as an unknown resolution carrying the problem, without suggestions.
 */
export class NameLimitError extends UserError {
  readonly problem: NameLimitProblem;
  constructor(size: number, max: number) {
    super(NAME_LIMIT_ERROR_CODE, "error.tooLong", { size, max });
    this.name = "NameLimitError";
    this.problem = { kind: "too_long", size, max };
  }
}

/** Counts words up to `stop`, so a huge text costs no more than the limit it is checked against. */
function wordsUpTo(text: string, stop: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words <= stop; i++) {
    const space = text.charCodeAt(i) <= 32 || text[i] === "\u3000";
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Why `name` cannot be one model name, or null; costs at most the limits, never the length of `name`. */
export function nameLimitProblem(name: string): NameLimitProblem | null {
  if (name.length > NAME_LIMITS.maxNameChars)
    return {
      kind: "too_long",
      size: name.length,
      max: NAME_LIMITS.maxNameChars,
    };
  const words = wordsUpTo(name, NAME_LIMITS.maxNameWords);
  if (words > NAME_LIMITS.maxNameWords)
    return {
      kind: "too_many_words",
      size: words,
      max: NAME_LIMITS.maxNameWords,
    };
  return null;
}

/**
 * The start and the end of a long text, each cut at a space so no word is read half (Chinese has no spaces:
 * there the cut falls between characters, never inside a surrogate pair).
 */
export function mentionWindow(text: string): string {
  const { mentionHeadChars: head, mentionTailChars: tail } = NAME_LIMITS;
  if (text.length <= head + tail) return text;
  let start = text.slice(0, head);
  let end = text.slice(-tail);
  const headCut = start.search(/\s\S*$/u);
  const tailCut = end.search(/\s/u);
  if (headCut > 0) start = start.slice(0, headCut);
  else if (/[\uD800-\uDBFF]$/.test(start)) start = start.slice(0, -1);
  if (tailCut >= 0) end = end.slice(tailCut);
  else if (/^[\uDC00-\uDFFF]/.test(end)) end = end.slice(1);
  return `${start} ${end}`;
}
