import type { Command } from "../src/core/command.ts";
import { ask } from "./ask.ts";
import { cheapest } from "./cheapest.ts";
import { compare } from "./compare.ts";
import { estimate } from "./estimate.ts";
import { makeHelp } from "./help.ts";
import { models } from "./models.ts";
import { reload } from "./reload.ts";
import { selfhost } from "./selfhost.ts";
import { status } from "./status.ts";

/** The one list of commands: every surface (terminal, Slack, Discord) registers exactly these. */
export const commands: readonly Command[] = [compare, cheapest, selfhost, estimate, ask, models, makeHelp(() => commands), status, reload];

export function findCommand(name: string): Command | undefined {
  const key = name.toLowerCase().replace(/^\//, "");
  return commands.find((command) => command.spec.name === key);
}
