import { parseNumber, parsePercent, parseTokenAmount } from "./amounts.ts";
import type { Lang } from "./lang.ts";
import { UserError } from "./errors.ts";
import type { OptionSpec } from "./command.ts";

export interface ParsedArgs {
  /** positional text with options removed, as typed */
  rest: string;
  /** positional words */
  words: string[];
  options: Map<string, string | number>;
  lang: Lang | null;
}

/** Options every command understands. */
const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: "lang", aliases: ["language", "语言"], kind: "text", description: { en: "answer language: en or zh", zh: "回答语言：en 或 zh" } },
  { name: "currency", aliases: ["货币", "币种"], kind: "text", description: { en: "usd, cny or both", zh: "usd、cny 或 both（美元、人民币或两者）" } },
  { name: "chart", aliases: ["图表"], kind: "text", description: { en: "off for no chart; in the terminal, a .png path to write it to", zh: "off 表示不要图表；终端中可给出 .png 路径" } },
];

const OPTION = /^([\p{L}_][\p{L}\p{N}_-]*)\s*[:=：]\s*(.*)$/u;

/** Splits on spaces but keeps "quoted text" together. */
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
    option.kind === "tokens" ? parseTokenAmount(value)
    : option.kind === "percent" ? parsePercent(value)
    : option.kind === "number" ? parseNumber(value)
    : option.kind === "count" ? ((n) => (n !== null && Number.isInteger(n) && n > 0 ? n : null))(parseTokenAmount(value))
    : value;
  if (parsed === null || parsed === "") {
    const key = option.kind === "percent" ? "error.badPercent" : option.kind === "tokens" ? "error.badTokens" : "error.badNumber";
    throw new UserError("bad_input", key, { option: option.name, value });
  }
  return parsed;
}

/**
 * Parses the shared grammar: positional words plus key:value (or key=value) options.
 * Unknown keys stay positional when `keepUnknown` (free text such as /estimate's pasted text).
 */
export function parseArgs(text: string, specs: OptionSpec[], keepUnknown = false): ParsedArgs {
  const all = [...specs, ...GLOBAL_OPTIONS];
  const byName = new Map<string, OptionSpec>();
  for (const spec of all) for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(name.toLowerCase(), spec);
  const options = new Map<string, string | number>();
  const positional: string[] = [];
  for (const word of words(text)) {
    const match = OPTION.exec(word);
    const spec = match ? byName.get(match[1]!.toLowerCase()) : undefined;
    if (match && spec && match[2] !== "") {
      options.set(spec.name, convert(spec, match[2]!));
    } else if (match && !spec && !keepUnknown && match[2] !== "" && !/^https?$/i.test(match[1]!)) {
      throw new UserError("bad_input", "error.unknownOption", {
        option: match[1]!,
        known: specs.map((s) => `${s.name}:`).join(" "),
      });
    } else positional.push(word);
  }
  const lang = options.get("lang");
  if (lang !== undefined && !["en", "zh"].includes(String(lang).toLowerCase())) {
    throw new UserError("bad_input", "error.badLang", { value: String(lang) });
  }
  return {
    rest: keepUnknown ? stripOptions(text, options.size ? [...byName.keys()] : []) : positional.join(" "),
    words: positional,
    options,
    lang: lang === undefined ? null : (String(lang).toLowerCase() as Lang),
  };
}

/** Removes recognised options but keeps the text's own spacing and line breaks. */
function stripOptions(text: string, names: string[]): string {
  if (!names.length) return text.trim();
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return text.replace(new RegExp(`(^|\\s)(?:${escaped})[:=：](?:"[^"]*"|\\S+)`, "giu"), "$1").trim();
}
