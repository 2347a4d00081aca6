import type { CommandSpec } from "../../core/command.ts";
import { modelOptionNames } from "./definitions.ts";

export interface OptionValue {
  name: string;
  value?: string | number | boolean;
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
