import type { CommandSpec, CompletionSource, PositionalKind } from "../../core/command.ts";

export interface OptionValue {
  name: string;
  value?: string | number | boolean;
}

/** Discord's own limit of options per command; models beyond it are typed as a list in the first field. */
const MAX_MODEL_FIELDS = 5;

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

const quote = (value: string) => (/\s/.test(value) ? `"${value.replace(/"/g, "'")}"` : value);

/** Discord's structured options → the shared text grammar, so every surface is parsed by the same code. */
export function optionsToText(spec: CommandSpec, options: readonly OptionValue[]): string {
  const value = (name: string) => options.find((o) => o.name === name)?.value;
  const parts: string[] = [];
  const models = modelOptionNames(spec)
    .map((name) => value(name))
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  if (models.length) parts.push(models.join(", "));
  else if (spec.positional && value(spec.positional.name) !== undefined) parts.push(String(value(spec.positional.name)));
  for (const flag of spec.flags ?? []) if (value(flag.name) === true) parts.push(flag.name);
  for (const option of spec.options) {
    const v = value(option.name);
    if (v !== undefined && v !== "") parts.push(`${option.name}:${quote(String(v))}`);
  }
  return parts.join(" ");
}
