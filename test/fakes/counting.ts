import type { Dispatcher } from "../../src/core/dispatch/dispatch.ts";

/** A dispatcher that counts the answers it started, so a test can tell that a refused request ran nothing. */
export function countingDispatcher(inner: Dispatcher): { dispatcher: Dispatcher; count: () => number } {
  let started = 0;
  const dispatcher: Dispatcher = {
    commands: inner.commands,
    knowledge: inner.knowledge,
    find: (name) => inner.find(name),
    answer: (input) => {
      started++;
      return inner.answer(input);
    },
  };
  return { dispatcher, count: () => started };
}
