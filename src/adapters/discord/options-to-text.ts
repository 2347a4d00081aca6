import type { CommandSpec, CompletionSource, OptionSpec, PositionalKind } from "../../core/dispatch/command.ts";
import { GLOBAL_SPECS } from "../../core/dispatch/grammar.ts";

export interface OptionValue {
  name: string;
  value?: string | number | boolean;
}

/** Most model fields a command gets; models beyond them are typed as a list in the first field. */
const MAX_MODEL_FIELDS = 5;
/** The text field rarely typed options are folded into (as key:value), to stay within Discord's 25 options. */
export const MORE_OPTION = "more";
/** The one global option that is not a yes/no or a choice everywhere: a .png path in the terminal, on/off on Discord. */
const CHART = "chart";

/** How many model fields each kind of positional becomes on Discord (0: one text field named after it). */
const MODEL_FIELDS: Record<PositionalKind, (max: number | undefined) => number> = {
  models: (max) => Math.min(max ?? MAX_MODEL_FIELDS, MAX_MODEL_FIELDS),
  model: () => 1,
  text: () => 0,
  words: () => 0,
};

/** The Discord option names of a command's model positional: model1 … modelN, or model. */
export function modelOptionNames(spec: CommandSpec): string[] {
  const positional = spec.positional;
  if (!positional) return [];
  const fields = MODEL_FIELDS[positional.kind](positional.max);
  if (fields === 0) return [];
  const base = "model";
  return fields === 1 && positional.max === undefined ? [base] : Array.from({ length: fields }, (_, i) => `${base}${i + 1}`);
}

/** Which completion source the Discord option `name` of this command uses, as its spec declares. */
export function completionSourceOf(spec: CommandSpec, name: string): CompletionSource | undefined {
  if (modelOptionNames(spec).includes(name)) return spec.positional?.complete;
  if (spec.positional?.name === name) return spec.positional.complete;
  return spec.options.find((o) => o.name === name)?.complete;
}

/** The options a command shows on Discord, in order, besides its models and flags: its own, then the global ones. */
export function discordOptionSpecs(spec: CommandSpec): { own: OptionSpec[]; folded: OptionSpec[]; globals: OptionSpec[] } {
  return {
    own: spec.options.filter((o) => !o.rare),
    folded: spec.options.filter((o) => o.rare),
    // costs are what charts draw, so chart: goes where currency: does
    globals: GLOBAL_SPECS.filter((o) => (o.name !== "currency" && o.name !== CHART) || spec.showsMoney),
  };
}

const quote = (value: string) => (/\s/.test(value) ? `"${value.replace(/"/g, "'")}"` : value);

/** One Discord option value in the shared grammar: booleans are yes/no (chart: off or nothing). */
function asText(option: OptionSpec, v: string | number | boolean): string | null {
  if (typeof v === "boolean") {
    if (option.name === CHART) return v ? null : `${CHART}:off`;
    return `${option.name}:${v ? "yes" : "no"}`;
  }
  return v === "" ? null : `${option.name}:${quote(String(v))}`;
}

/** Each command's Discord fields in the order they become text, worked out once per command rather than per interaction. */
const fieldOrder = new WeakMap<CommandSpec, { models: string[]; options: OptionSpec[] }>();

function fieldOrderOf(spec: CommandSpec): { models: string[]; options: OptionSpec[] } {
  let order = fieldOrder.get(spec);
  if (!order) {
    const { own, globals } = discordOptionSpecs(spec);
    order = { models: modelOptionNames(spec), options: [...own, ...globals] };
    fieldOrder.set(spec, order);
  }
  return order;
}

/** Discord's structured options → the shared text grammar, so every surface is parsed by the same code. */
export function optionsToText(spec: CommandSpec, options: readonly OptionValue[]): string {
  const value = (name: string) => options.find((o) => o.name === name)?.value;
  const parts: string[] = [];
  const order = fieldOrderOf(spec);
  const models = order.models.map((name) => value(name)).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  if (models.length) parts.push(models.join(", "));
  else if (spec.positional && value(spec.positional.name) !== undefined) parts.push(String(value(spec.positional.name)));
  for (const flag of spec.flags ?? []) if (value(flag.name) === true) parts.push(flag.name);
  for (const option of order.options) {
    const v = value(option.name);
    const text = v === undefined ? null : asText(option, v);
    if (text) parts.push(text);
  }
  const more = value(MORE_OPTION);
  if (typeof more === "string" && more.trim()) parts.push(more.trim());
  return parts.join(" ");
}
