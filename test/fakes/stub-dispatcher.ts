import { commands } from "../../commands/index.ts";
import type { CommandInput } from "../../src/core/dispatch/command.ts";
import type { Dispatcher } from "../../src/core/dispatch/dispatch.ts";
import type { LiveKnowledge } from "../../src/core/knowledge/store.ts";
import { makeReply, type Reply } from "../../src/core/reply/reply.ts";

/** A public answer with a chart, as /compare gives: what adapters deliver, without the core's work in the way. */
export function chartedReply(input: CommandInput): Reply {
  return makeReply({
    command: input.command ?? "ask",
    lang: "en",
    title: `Answer to ${input.text.slice(0, 40)}`,
    lead: "GPT-5 costs $32.50 for the default workload.",
    chart: {
      kind: "bars",
      title: "Cost per month",
      axisLabel: "USD",
      logNote: "log",
      items: [
        { label: "GPT-5", value: 32.5, valueLabel: "$32.50" },
        { label: "DeepSeek", value: 3.65, valueLabel: "$3.65" },
      ],
    },
    data: {},
  });
}

export function errorReply(input: CommandInput): Reply {
  return makeReply({ ok: false, command: input.command ?? "ask", lang: "en", title: "Sorry, I can't answer that as asked", lead: "No model called gpt-6.", data: {} });
}

export function privateReply(input: CommandInput): Reply {
  return {
    ...makeReply({ command: input.command ?? "ask", lang: "en", title: "How to ask", lead: "Only you can see this.", data: {} }),
    delivery: { private: true, chartPath: null },
  };
}

/**
 * A dispatcher over the real command registry (so names and routing are real) whose answers come from `answer`:
 * adapter tests then measure the adapter, not the core. `inputs` records what each surface handed over.
 */
export function stubDispatcher(answer: (input: CommandInput) => Reply | Promise<Reply> = chartedReply) {
  const inputs: CommandInput[] = [];
  const byName = new Map(commands.map((c) => [c.spec.name, c] as const));
  const dispatcher: Dispatcher = {
    commands,
    knowledge: {
      current: () => {
        throw new Error("the stub has no knowledge");
      },
    } as unknown as LiveKnowledge,
    find: (name) => byName.get((name ?? "ask").toLowerCase().replace(/^[/／]/, "")),
    answer: async (input) => {
      inputs.push(input);
      return answer(input);
    },
  };
  return { dispatcher, inputs };
}
