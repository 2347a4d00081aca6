import { parseNumber, parsePercent, parseTokenAmount } from "./amounts.ts";
import type { OptionKind, OptionSpec } from "./command.ts";
import { UserError } from "../reply/errors.ts";
import { isLang, type Lang } from "../i18n/lang.ts";

/** How an answer is shown: USD, CNY or both. */
export type CurrencyMode = "usd" | "cny" | "both";

/** Options every command understands, parsed once by the dispatcher, whatever the surface. */
export interface GlobalOptions {
  lang: Lang | null;
  /** an answer only the asker sees */
  private: boolean;
  chart: { off: boolean; path: string | null };
  currency: CurrencyMode | null;
}

const CURRENCY_WORDS: Record<string, CurrencyMode> = {
  usd: "usd",
  dollar: "usd",
  dollars: "usd",
  美元: "usd",
  cny: "cny",
  rmb: "cny",
  yuan: "cny",
  人民币: "cny",
  元: "cny",
  both: "both",
  都: "both",
  两者: "both",
};
const YES = /^(yes|true|1|on|是|要)$/i;
const NO = /^(no|false|0|off|none|否|不要|关|关闭)$/i;

/** The options every command takes, whatever the surface (surfaces with structured options list them too). */
export const GLOBAL_SPECS: readonly OptionSpec[] = [
  { name: "lang", aliases: ["language", "语言"], kind: "text", choices: ["en", "zh"], description: { en: "answer language: en or zh", zh: "回答语言：en 或 zh" } },
  {
    name: "currency",
    aliases: ["货币", "币种"],
    kind: "text",
    choices: ["usd", "cny", "both"],
    description: { en: "usd, cny or both", zh: "usd、cny 或 both（美元、人民币或两者）" },
  },
  {
    name: "chart",
    aliases: ["图表"],
    kind: "text",
    description: { en: "off for no chart; in the terminal, a .png path to write it to", zh: "off 表示不要图表；终端中可给出 .png 路径" },
  },
  { name: "private", aliases: ["私密"], kind: "text", yesNo: true, description: { en: "yes: only you see the answer", zh: "yes：只有你能看到回答" } },
];

/** The positional words and typed command options of one command line. */
export class ParsedArgs {
  constructor(
    /** positional text with options removed, as typed */
    readonly rest: string,
    readonly words: string[],
    private readonly values: ReadonlyMap<string, string | number>,
    private readonly kinds: ReadonlyMap<string, OptionKind>,
  ) {}

  static empty(): ParsedArgs {
    return new ParsedArgs("", [], new Map(), new Map());
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  private typed(name: string, kinds: OptionKind[]): string | number | undefined {
    const kind = this.kinds.get(name);
    if (kind === undefined || !kinds.includes(kind)) throw new Error(`option ${name} is not declared as ${kinds.join("/")}`);
    return this.values.get(name);
  }

  /** A number option (tokens, percent, number or count kinds), already checked when parsed. */
  number(name: string): number | undefined {
    return this.typed(name, ["tokens", "percent", "number", "count"]) as number | undefined;
  }

  text(name: string): string | undefined {
    return this.typed(name, ["text"]) as string | undefined;
  }

  /** The same options with other positional text: a question routed to a command carries its own words. */
  withRest(rest: string): ParsedArgs {
    return new ParsedArgs(rest, rest.split(/\s+/).filter(Boolean), this.values, this.kinds);
  }

  /** These options, with `understood` filling the ones not typed (a command's words answered as a question). */
  over(understood: ParsedArgs): ParsedArgs {
    return new ParsedArgs(understood.rest, understood.words, new Map([...understood.values, ...this.values]), new Map([...understood.kinds, ...this.kinds]));
  }

  /** These options but one. */
  without(name: string): ParsedArgs {
    return new ParsedArgs(this.rest, this.words, new Map([...this.values].filter(([key]) => key !== name)), this.kinds);
  }

  /** The options as given, for reply data. */
  entries(): [string, string | number][] {
    return [...this.values];
  }
}

const OPTION = /^([\p{L}_][\p{L}\p{N}_-]*)\s*[:=：]\s*(.*)$/su;

/** Splits on white space but keeps "quoted text" together. */
function words(text: string): string[] {
  const found: string[] = [];
  const pattern = /[^\s"“”]*(?:["“][^"“”]*["”][^\s"“”]*)+|[^\s]+/gu;
  for (const match of text.matchAll(pattern)) found.push(match[0]);
  return found;
}

function unquote(value: string): string {
  return value.replace(/^["“](.*)["”]$/su, "$1");
}

function convert(option: OptionSpec, raw: string): string | number {
  const value = unquote(raw).trim();
  const parsed =
    option.kind === "tokens"
      ? parseTokenAmount(value)
      : option.kind === "percent"
        ? parsePercent(value)
        : option.kind === "number"
          ? parseNumber(value)
          : option.kind === "count"
            ? ((n) => (n !== null && Number.isInteger(n) && n > 0 ? n : null))(parseTokenAmount(value))
            : value;
  const outOfRange = typeof parsed === "number" && ((option.max !== undefined && parsed > option.max) || (option.min !== undefined && parsed < option.min));
  if (parsed === null || parsed === "" || outOfRange) {
    const key = option.kind === "percent" ? "error.badPercent" : option.kind === "tokens" ? "error.badTokens" : "error.badNumber";
    throw new UserError("bad_input", key, { option: option.name, value: value.slice(0, 40) });
  }
  return parsed;
}

function globalsFrom(values: Map<string, string | number>): GlobalOptions {
  const lang = values.get("lang");
  if (lang !== undefined && !isLang(String(lang).toLowerCase())) throw new UserError("bad_input", "error.badLang", { value: String(lang).slice(0, 40) });
  const currency = values.get("currency");
  const mode = currency === undefined ? null : CURRENCY_WORDS[String(currency).toLowerCase()];
  if (mode === undefined) throw new UserError("bad_input", "error.badCurrency", { value: String(currency).slice(0, 40) });
  const chart = values.get("chart") === undefined ? "" : String(values.get("chart"));
  const isPath = /\.png$/i.test(chart);
  if (chart && !isPath && !NO.test(chart)) throw new UserError("bad_input", "error.badChart", { value: chart.slice(0, 40) });
  const privately = values.get("private") === undefined ? "" : String(values.get("private"));
  if (privately && !YES.test(privately) && !NO.test(privately)) throw new UserError("bad_input", "error.badPrivate", { value: privately.slice(0, 40) });
  return {
    lang: lang === undefined ? null : (String(lang).toLowerCase() as Lang),
    private: YES.test(privately),
    chart: { off: NO.test(chart), path: isPath ? chart : null },
    currency: mode,
  };
}

export interface ParsedLine {
  args: ParsedArgs;
  globals: GlobalOptions;
}

interface OptionTable {
  /** every name and alias, lower-cased, the command's own and the global ones */
  byName: Map<string, OptionSpec>;
  kinds: Map<string, OptionSpec["kind"]>;
}

/** A command's specs are fixed: its table is built once. */
const optionTables = new WeakMap<readonly OptionSpec[], OptionTable>();

function optionTable(specs: readonly OptionSpec[]): OptionTable {
  let table = optionTables.get(specs);
  if (!table) {
    const byName = new Map<string, OptionSpec>();
    for (const spec of [...specs, ...GLOBAL_SPECS]) for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(name.toLowerCase(), spec);
    table = { byName, kinds: new Map(specs.map((s) => [s.name, s.kind] as const)) };
    optionTables.set(specs, table);
  }
  return table;
}

/**
 * The shared grammar: positional words plus key:value (or key=value) options, the command's own and the global ones.
 * For free text (a question, a pasted prompt) see parseFreeText.
 */
export function parseCommandLine(text: string, specs: readonly OptionSpec[], freeText = false): ParsedLine {
  if (freeText) return parseFreeText(text, specs);
  const { byName, kinds } = optionTable(specs);
  const values = new Map<string, string | number>();
  const positional: string[] = [];
  for (const word of words(text)) {
    const match = OPTION.exec(word);
    const spec = match && match[2] !== "" ? byName.get(match[1]!.toLowerCase()) : undefined;
    if (spec && match) values.set(spec.name, convert(spec, match[2]!));
    else if (match && match[2] !== "" && !/^https?$/i.test(match[1]!)) {
      throw new UserError("bad_input", "error.unknownOption", { option: match[1]!.slice(0, 40), known: specs.map((s) => `${s.name}:`).join(" ") });
    } else positional.push(word);
  }
  return { args: new ParsedArgs(positional.join(" "), positional, values, kinds), globals: globalsFrom(values) };
}

/**
 * The work budget of the free-text option scan, per request: at most this many option words at each end (more stay
 * part of the text), none longer than this.
 */
export const FREE_TEXT_BUDGET = { optionWordsPerEnd: 16, optionWordChars: 1000 } as const;

/** Counts the characters the free-text scan examines, so tests can check its cost grows linearly. */
export interface ScanMeter {
  steps: number;
}

const SPACE = /\s/u;
const isSpace = (text: string, at: number) => SPACE.test(text[at]!);

/**
 * Free text (a question, a pasted prompt): options count only at the two ends of the line, where they cannot be part
 * of what was pasted ("lang:de_DE" or "n:1):" inside a paste stay text). Only the ends are scanned, each character a few
 * times at most and within FREE_TEXT_BUDGET, so a 5 MB paste costs no more than its first and last words.
 */
export function parseFreeText(text: string, specs: readonly OptionSpec[], meter: ScanMeter = { steps: 0 }): ParsedLine {
  const { byName, kinds } = optionTable(specs);
  const values = new Map<string, string | number>();
  const take = (from: number, to: number): boolean => {
    if (to - from > FREE_TEXT_BUDGET.optionWordChars) return false;
    const word = text.slice(from, to);
    meter.steps += word.length;
    const match = OPTION.exec(word);
    const spec = match && match[2] !== "" ? byName.get(match[1]!.toLowerCase()) : undefined;
    if (!spec || !match) return false;
    values.set(spec.name, convert(spec, match[2]!));
    return true;
  };
  /** The end of the word starting at `from` (after white space), looking no further than one word's budget. */
  const wordAfter = (from: number): [number, number] => {
    let first = from;
    while (first < text.length && isSpace(text, first)) first++;
    let last = first;
    while (last < text.length && !isSpace(text, last) && last - first <= FREE_TEXT_BUDGET.optionWordChars) last++;
    meter.steps += last - from;
    return [first, last];
  };
  let start = 0;
  for (let taken = 0; taken < FREE_TEXT_BUDGET.optionWordsPerEnd; taken++) {
    const [first, last] = wordAfter(start);
    if (first === last || !take(first, last)) break;
    start = last;
  }
  let end = text.length;
  for (let taken = 0; taken < FREE_TEXT_BUDGET.optionWordsPerEnd; taken++) {
    let last = end;
    while (last > start && isSpace(text, last - 1)) last--;
    let first = last;
    while (first > start && !isSpace(text, first - 1) && last - first <= FREE_TEXT_BUDGET.optionWordChars) first--;
    meter.steps += end - first;
    if (first === last || (first > start && !isSpace(text, first - 1)) || !take(first, last)) break;
    end = first;
  }
  const rest = text.slice(start, Math.max(start, end)).trim();
  return { args: new ParsedArgs(rest, rest ? [rest] : [], values, kinds), globals: globalsFrom(values) };
}
