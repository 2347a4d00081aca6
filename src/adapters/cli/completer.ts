import type { Dispatcher } from "../../core/dispatch/dispatch.ts";

export type Completer = (line: string) => [string[], string];

/**
 * Tab completion for the terminal: a command name at the start of the line, else the model id being typed (readline
 * inserts the common prefix of the hits, so every hit starts with the typed word, in the case it was typed).
 */
export function terminalCompleter(dispatcher: Dispatcher): Completer {
  const commands = dispatcher.commands.map((command) => `/${command.spec.name}`).sort();
  return (line) => {
    const word = /\S*$/.exec(line)![0];
    if (word === line.trimStart() && word.startsWith("/")) return [commands.filter((name) => name.startsWith(word.toLowerCase())), word];
    const typed = word.replace(/^[\w-]+:/, "").toLowerCase();
    if (!typed) return [[], word];
    const ids = dispatcher.knowledge
      .current()
      .knowledge.models.map((model) => model.id)
      .filter((id) => id.startsWith(typed))
      .sort();
    const head = word.slice(0, word.length - typed.length);
    return [ids.map((id) => head + word.slice(head.length) + id.slice(typed.length)), word];
  };
}
